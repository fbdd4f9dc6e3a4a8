"""Pilot: in the composer, f7 writes how you met the recipient and {met} fills the note at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from app_screen import pick_template, running
from export_fixtures import connections_folder
from tui.app import PasserelleApp
from tui.store.people_tags import met_by_key, tags_by_key
from tui.launch import build_context
from tui.ui.panes.composer_pane import ComposerPane

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Bo,Chen,https://www.linkedin.com/in/bo-chen,,Acme,Engineer,03 Nov 2026\n"
)


async def test_met_and_tags_from_the_composer(tmp_path: Path, passerelle_home) -> None:
    folder = connections_folder(tmp_path, CONNECTIONS)
    context = build_context(folder, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        pane.query_one("#recipient-search", Input).focus()
        await pilot.press(*"bo ch", "enter")
        await pilot.pause()
        pick_template(pane, "Where we met (en)")
        await pilot.pause()
        assert "(recently)" in pane.query_one("#preview", TextArea).text
        assert not pane.query_one("#recipient-marks").display  # nothing written about Bo yet: no line
        await pilot.press("f7", *"Salon RH [Lyon]", "enter")
        await pilot.pause()
        assert "good to have met you (Salon RH [Lyon])" in pane.query_one("#preview", TextArea).text
        await pilot.press("f5", *"client, vip", "enter")
        await pilot.pause()
        marks = pane.query_one("#recipient-marks")  # under the recipient's fields, as text (never markup)
        assert marks.display and str(marks.content) == "Tags  client, vip\nMet   Salon RH [Lyon]"
    assert met_by_key(context.store) == {"in:bo-chen": "Salon RH [Lyon]"}
    assert tags_by_key(context.store) == {"in:bo-chen": ("client", "vip")}
    context.store.close()


async def test_how_we_met_written_in_another_pane_shows_in_the_preview_when_back(tmp_path: Path, passerelle_home) -> None:
    from ui_export import ui_export

    from tui.ui.widgets.frame_table import FrameTable

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    async with running(build_context(export, passerelle_home), (80, 24)) as (app, pilot):
        table = app.query_one("#received-table", FrameTable)
        table.move_cursor(table.frame.index_of("key", "in:lena-brandt"))
        await pilot.press("c")  # compose to Lena from the received pane
        await pilot.pause()
        pane = app.query_one(ComposerPane)
        pick_template(pane, "Where we met (en)")
        await pilot.pause()
        preview = pane.query_one("#preview", TextArea)
        assert "(recently)" in preview.text
        await pilot.press("escape", "1", "m", *"Salon RH Lyon", "enter")  # back to the list: how we met
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert "good to have met you (Salon RH Lyon)" in preview.text
        assert "Met   Salon RH Lyon" in str(pane.query_one("#recipient-marks").content)
