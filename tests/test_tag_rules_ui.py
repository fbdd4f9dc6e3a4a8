"""Pilot: a tag given in any pane reaches the strategy's suggestions and the other panes' details."""

from __future__ import annotations

from pathlib import Path

from ui_export import ui_export

from tui.app import PasserelleApp
from tui.cli.main import main
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable

SIZE = (80, 24)
RULE = '[[rules]]\nname = "clients first"\nwhen = { tag = "client" }\ndecide = "accept"\n'


def detail_text(app: PasserelleApp, pane: str) -> str:
    return str(app.query_one(f"#{pane}-detail #detail-body").render())


async def settle(app: PasserelleApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_tag_rule_suggests_for_the_person_tagged_in_the_app_and_in_the_preview(
        tmp_path: Path, passerelle_home, capsys) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    passerelle_home.ensure()
    passerelle_home.strategy_file.write_text(RULE, encoding="utf-8")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        table = app.query_one("#received-table", FrameTable)
        who = table.current_row()["key"]
        assert table.current_row()["suggestion"] is None
        await pilot.press("t", *"Client", "enter")
        await settle(app, pilot)
        row = table.current_row()
        assert (row["key"], row["suggestion"], row["rule"]) == (who, "accept", "clients first")
        assert "clients first" in detail_text(app, "received")
        await pilot.press("t", "ctrl+u", "enter")  # the tag taken away: the rule no longer applies
        await settle(app, pilot)
        assert table.current_row()["suggestion"] is None
        await pilot.press("t", *"client", "enter")
        await settle(app, pilot)
    context.store.close()
    capsys.readouterr()
    assert main(["strategy", "--preview", str(export)]) == 0
    assert "clients first  1" in capsys.readouterr().out


async def test_tags_and_met_written_in_the_composer_show_back_in_received(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    passerelle_home.ensure()
    passerelle_home.strategy_file.write_text(RULE, encoding="utf-8")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        table = app.query_one("#received-table", FrameTable)
        who = table.current_row()["key"]
        assert "Tags  " not in detail_text(app, "received")
        await pilot.press("c")  # compose a note to this person
        await settle(app, pilot)
        assert app.query_one("#composer").recipient.key == who
        await pilot.press("f5", *"client", "enter")
        await pilot.pause()
        await pilot.press("f7", *"Salon RH Lyon", "enter")
        await pilot.pause()
        await pilot.press("escape", "1")
        await settle(app, pilot)
        assert table.current_row()["key"] == who
        text = detail_text(app, "received")
        assert "Tags  client" in text and "Met   Salon RH Lyon" in text
        assert table.current_row()["suggestion"] == "accept"  # the rule on the tag, given in the composer
        await pilot.press("slash", *"tag:client", "enter")
        await pilot.pause()
        pane = app.query_one("#received")
        assert [pane.rows.row(i)["key"] for i in range(pane.rows.height)] == [who]
    context.store.close()
