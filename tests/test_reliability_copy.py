"""Copy where OSC 52 is dropped: the text stays shown, selectable, with help; the copy holds no control character."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TextArea
from ui_export import ui_export

from tui.app import PasserelleApp
from tui.core.unsafe_chars import is_unsafe
from tui.launch import build_context
from tui.store.store import Person
from tui.ui.panes.composer_pane import ComposerPane
from tui.ui.widgets.copied_text import CopiedText

HOSTILE = "Hello\x1b]52;c;SGVsbG8=\x07 Noah\x1b[2J \u202eevil\x9b31m\r\nSee you"


def clean(text: str) -> bool:
    return not any(is_unsafe(ord(ch)) for ch in text if ch != "\n")


async def test_the_composer_copy_is_clean_and_the_note_stays_selectable_with_help(tmp_path: Path, passerelle_home,
                                                                                  monkeypatch) -> None:
    context = build_context(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"), passerelle_home)
    app = PasserelleApp(context)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        pane.query_one("#recipient-search", Input).focus()
        await pilot.press(*"noah", "enter")
        await pilot.pause()
        editor = pane.query_one("#template-editor", TextArea)
        editor.load_text(HOSTILE)
        await pilot.pause()
        pane.query_one(OptionList).focus()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert copied and clean(copied[-1]) and "Noah" in copied[-1] and "See you" in copied[-1]
        assert pane.query_one("#preview", TextArea).text == copied[-1]  # still shown, selectable
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Copy may not have worked" in said and "select the note in the preview" in said
    context.store.close()


async def test_to_do_copies_a_stored_note_clean_and_shows_it_selectable_with_help(tmp_path: Path, passerelle_home,
                                                                                  monkeypatch) -> None:
    context = build_context(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"), passerelle_home)
    context.store.save_draft("x", Person("in:noah-berg", "Noah Berg", "https://www.linkedin.com/in/noah-berg"),
                             HOSTILE)
    app = PasserelleApp(context)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert not app.query_one(CopiedText).has_class("shown")
        await pilot.press("y")
        await pilot.pause()
        assert copied == ["Hello]52;c;SGVsbG8= Noah[2J evil31m\nSee you"] and clean(copied[-1])  # inert text left
        area = app.query_one(CopiedText)
        assert area.has_class("shown") and area.query_one(TextArea).text == copied[-1]
        assert "Copy may not have worked" in str(area.query_one(".copied-help").render())
        assert area.region.height >= 3 and area.query_one(TextArea).region.height >= 2  # on screen at 80x24

        import webbrowser

        monkeypatch.setattr(webbrowser, "open", lambda url: False)  # no browser: `o` copies the link instead
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert copied[-1] == "https://www.linkedin.com/in/noah-berg"
        assert area.query_one(TextArea).text == copied[-1]
    context.store.close()
