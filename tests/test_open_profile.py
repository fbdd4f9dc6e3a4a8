"""`o` (received, sent) and `ctrl+o` (composer) check that a browser opened; when none can
(over SSH, headless), the URL is copied and the message says so instead of "Opening…"."""

from __future__ import annotations

from app_screen import SIZE, current
from tui.app import PasserelleApp


async def _press_o(app, pilot) -> list[str]:
    await pilot.press("o")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [n.message for n in app._notifications]


async def test_no_browser_copies_the_url_and_says_so(context, monkeypatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        url = current(app)["url"]
        said = await _press_o(app, pilot)
        assert app.clipboard == url
        assert any("No browser could be opened" in m and url in m for m in said)
        assert not any(m.startswith("Opened") for m in said)


async def test_a_browser_that_opens_is_reported_as_opened(context, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        url = current(app)["url"]
        said = await _press_o(app, pilot)
        assert opened == [url] and app.clipboard != url
        assert any(m == f"Opened {url} in your browser" for m in said)


async def test_composer_ctrl_o_without_a_browser_copies_too(context, monkeypatch) -> None:
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        url = current(app)["url"]
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == url
        assert any("No browser could be opened" in n.message for n in app._notifications)
