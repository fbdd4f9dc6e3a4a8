"""Pilot: compose for a recipient, edit the template, watch the count, save a draft, mark it sent."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from app_screen import pick_template
from export_fixtures import connections_folder
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.panes.composer_pane import ComposerPane
from tui.paths import Paths

PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
)
CONNECTIONS = PREAMBLE + (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Bo,Chen,https://www.linkedin.com/in/bo-chen,,Acme,Engineer,03 Nov 2026\n"
    '"Zoé [@click=app.quit]x[/]",Ber[b]nard[/b] [/],https://www.linkedin.com/in/zoe-b,,"Ev\x1b[2Jil [EMEA]",,02 Nov 2026\n'
)


@pytest.fixture
def context(tmp_path: Path, passerelle_home: Paths):
    folder = connections_folder(tmp_path, CONNECTIONS)
    passerelle_home.config.mkdir(parents=True)
    passerelle_home.settings_file.write_text('my_name = "Alex Durand"\n', encoding="utf-8")
    ctx = build_context(folder, passerelle_home)
    yield ctx
    ctx.store.close()


def text_of(pane: ComposerPane, selector: str) -> str:
    return str(pane.query_one(selector, Static).render())


async def test_compose_edit_count_draft_and_mark_sent(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        pane.query_one("#recipient-search", Input).focus()
        await pilot.press(*"bo ch", "enter")
        await pilot.pause()
        assert pane.recipient is not None and pane.recipient.full_name == "Bo Chen"

        pick_template(pane, "Keep in touch (en)")
        await pilot.pause()
        preview = pane.query_one("#preview", TextArea).text
        assert preview.startswith("Hello Bo, our paths crossed") and preview.endswith(" Alex")
        before = pane.rendered.length
        assert f"{before}/200 characters" in text_of(pane, "#count")

        editor = pane.query_one("#template-editor", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*" Merci ")
        editor.insert("👩‍💻")  # one ZWJ emoji: 5 UTF-16 code units, as LinkedIn's form counts it
        await pilot.pause()
        assert pane.rendered.length == before + 7 + 5
        assert f"{before + 12}/200 characters" in text_of(pane, "#count")
        assert "modified" in text_of(pane, "#editor-title")

        await pilot.press(*" {first_nmae}")
        await pilot.pause()
        problems = text_of(pane, "#problems")
        assert "line 1, col" in problems and "did you mean {first_name}?" in problems
        for _ in range(len(" {first_nmae}")):
            await pilot.press("backspace")
        await pilot.pause()
        assert "No problems." in text_of(pane, "#problems")

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.clipboard == pane.rendered.text and app.clipboard.endswith("Merci 👩‍💻")
        assert (context.paths.cache / "last-note.txt").read_text(encoding="utf-8") == pane.rendered.text

        await pilot.press("ctrl+g")
        await pilot.pause()
        drafts = context.store.drafts()
        assert drafts.height == 1
        row = drafts.row(0, named=True)
        assert (row["template"], row["key"], row["state"]) == ("Keep in touch (en)", "in:bo-chen", "draft")
        assert row["text"].endswith("Alex Merci 👩‍💻")

        await pilot.press("ctrl+l")
        await pilot.pause()
        row = context.store.drafts().row(0, named=True)
        assert row["state"] == "sent" and row["sent_at"] is not None
        assert row["follow_up_on"] == context.today + timedelta(days=7)
        assert context.store.drafts().height == 1, "the saved draft was marked, not a copy"
        assert "Personalised notes this month 1/5" in text_of(pane, "#notes-label")
        assert "Keep in touch (en): 0/1 accepted" in text_of(pane, "#ledger")

        # The note marked sent shows in the Sent pane with its follow-up date.
        await pilot.press("escape", "2")
        await pilot.pause()
        sent = app.query_one("#sent")
        rows = [row for row in sent.frame.rows if row["key"] == "in:bo-chen"]
        assert len(rows) == 1
        assert rows[0]["follow_up_due"] == context.today + timedelta(days=7)
        assert rows[0]["accepted"]  # Bo Chen is a connection in the export: the note was not left waiting
        assert app.is_running


async def test_hostile_recipient_over_limit_needs_confirm(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        pane.set_recipient(type("P", (), {"key": "in:zoe-b", "name": "ignored", "url": None})())
        await pilot.pause()
        pick_template(pane, "Introduce yourself (en)")
        await pilot.pause()
        preview = pane.query_one("#preview", TextArea).text
        assert "Hello Zoé [@click=app.quit]x[/], I'm Alex Durand" in preview
        assert "Ev[2Jil [EMEA]" in preview and "\x1b" not in preview
        editor = pane.query_one("#template-editor", TextArea)
        editor.move_cursor(editor.document.end)
        editor.insert(" " + "é" * 200)
        await pilot.pause()
        assert "over the limit" in text_of(pane, "#count")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.clipboard == "", "first press only warns"
        assert not (context.paths.cache / "last-note.txt").exists()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.clipboard == pane.rendered.text

        assert "unknown" in text_of(pane, "#advice")
        pane.query_one("#connection-count", Input).focus()
        await pilot.press("9", "9")
        await pilot.pause()
        assert "email or phone" in text_of(pane, "#advice")
        await pilot.press("ctrl+g")
        await pilot.pause()
        info = context.store.info().filter(key="in:zoe-b")
        assert info["connection_count"].to_list() == [99]
        assert app.is_running


async def test_template_create_rename_duplicate_delete(context) -> None:
    app = PasserelleApp(context)
    folder = context.paths.templates_dir
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        name_input = pane.query_one("#template-name", Input)
        name_input.value = "Mine"
        await pilot.press("f2")
        await pilot.pause()
        assert pane.template is not None and pane.template.name == "Mine"
        assert (folder / "mine.toml").is_file()
        pane.query_one("#template-editor", TextArea).load_text("Hi {first_name|there}!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert 'Hi {first_name|there}!' in (folder / "mine.toml").read_text(encoding="utf-8")
        name_input.value = "Mine renamed"
        await pilot.press("f4")
        await pilot.pause()
        assert (folder / "mine-renamed.toml").is_file() and not (folder / "mine.toml").exists()
        await pilot.press("f3")
        await pilot.pause()
        assert pane.template.name == "Mine renamed (copy)"
        await pilot.press("f8")
        await pilot.pause()
        assert (folder / "mine-renamed-copy.toml").exists(), "first F8 only asks"
        await pilot.press("f8")
        await pilot.pause()
        assert not (folder / "mine-renamed-copy.toml").exists()
        assert app.is_running


async def test_broken_and_hostile_template_files(context) -> None:
    folder = context.paths.templates_dir
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.toml").write_bytes(b'name = "B"\ntext = "caf\xe9"\n')
    (folder / "escape.toml").write_text(
        'name = "[bold]Esc[/] \\u202e"\ntext = "Hi\\u001b[2J {first_name.__class__} \\u202e"\n', encoding="utf-8"
    )
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        broken = context.paths.templates_dir / "broken.toml"
        assert f"skipped {broken} (line 2): not UTF-8" in text_of(pane, "#template-errors")
        pick_template(pane, "[bold]Esc[/] \u202e")
        await pilot.pause()
        editor_text = pane.query_one("#template-editor", TextArea).text
        assert "\x1b" not in editor_text and "\u202e" not in editor_text and "␛[2J" in editor_text
        assert "[bold]Esc[/]" in text_of(pane, "#editor-title")
        assert "did you mean {first_name}?" in text_of(pane, "#problems")
        assert app.is_running


async def test_a_template_whose_file_breaks_keeps_its_last_good_version(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        await pilot.pause()
        current = pane.template
        assert current is not None and current.path is not None
        good_text = current.text
        current.path.write_text('name = "broken\ntext = [', encoding="utf-8")  # broken on disk
        pane.reload_templates()
        await pilot.pause()
        assert pane.template is not None and pane.template.text == good_text
        assert pane.query_one("#template-editor", TextArea).text == good_text
        assert "last good version" in text_of(pane, "#template-errors")
        assert app.is_running
