"""A `[keys]` remap onto a key already in use is refused with one line naming both bindings;
the app starts with the defaults for both, and a remap onto a free key still works."""

from __future__ import annotations

from app_screen import SIZE, current, decided
from tui.app import PasserelleApp
from tui.config import key_collisions
from tui.launch import build_context


def _settings(home, text: str) -> None:
    home.config.mkdir(parents=True, exist_ok=True)
    home.settings_file.write_text(text, encoding="utf-8")


async def test_a_colliding_remap_is_refused_and_both_keys_keep_working(export, passerelle_home) -> None:
    _settings(passerelle_home, '[keys]\naccept-invitation = "i"\n')
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications if "[keys]" in n.message]
        assert len(said) == 1 and len(said[0].splitlines()) == 1
        assert str(passerelle_home.settings_file) in said[0]
        assert "accept-invitation" in said[0] and "ignore-invitation" in said[0]
        row = current(app)
        await pilot.press("i")
        assert decided(context)[row["key"]] == "ignore"
        row = current(app)
        await pilot.press("a")
        assert decided(context)[row["key"]] == "accept"
        await pilot.press("3")
        await pilot.pause()
        assert len([n for n in app._notifications if "[keys]" in n.message]) == 1  # said once
    context.store.close()


async def test_a_remap_onto_a_free_key_applies(export, passerelle_home) -> None:
    _settings(passerelle_home, '[keys]\naccept-invitation = "A"\n')
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert not [n for n in app._notifications if "[keys]" in n.message]
        row = current(app)
        await pilot.press("A")
        assert decided(context)[row["key"]] == "accept"
    context.store.close()


def test_remaps_that_swap_two_keys_are_kept() -> None:
    scope = {"the Received pane": [("accept-invitation", "a"), ("ignore-invitation", "i"), ("show-received", "1")]}
    swap = {"accept-invitation": "i", "ignore-invitation": "a"}
    assert key_collisions(scope, swap) == (swap, [])
    kept, lines = key_collisions(scope, {"accept-invitation": "1"})
    assert kept == {} and "show-received" in lines[0]
