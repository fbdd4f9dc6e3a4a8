"""Pilot: tags and how we met during triage, a tag filter saved as a view that counts live."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ui_export import ui_export

from app_screen import screen_text
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable
from tui.ui.widgets.view_tabs import ViewTabs

SIZE = (80, 24)


def detail_text(app: PasserelleApp, pane: str) -> str:
    return str(app.query_one(f"#{pane}-detail #detail-body").render())


def shown_keys(pane) -> list[str]:
    return [pane.rows.row(i)["key"] for i in range(pane.rows.height)]


async def test_tag_three_filter_save_view_and_its_count_moves(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        pane = app.query_one("#received")
        table = app.query_one("#received-table", FrameTable)
        tagged = []
        for _ in range(3):  # tag three people, moving down between them
            tagged.append(table.current_row()["key"])
            await pilot.press("t", *"salon", "enter", "down", "down")
            await pilot.pause()
        table.move_cursor(table.frame.index_of("key", tagged[0]))
        await pilot.pause()
        assert "Tags  salon" in detail_text(app, "received")
        await pilot.press("m", *"Salon RH Lyon 2025", "enter")
        await pilot.pause()
        assert "Met   Salon RH Lyon 2025" in detail_text(app, "received")

        await pilot.press("slash", *"tag:salon", "enter")
        await pilot.pause()
        assert sorted(shown_keys(pane)) == sorted(tagged)
        await pilot.press("slash", "ctrl+u", *"-tag:salon", "enter")
        await pilot.pause()
        assert not set(shown_keys(pane)) & set(tagged) and pane.rows.height == len(shown_keys(pane))
        await pilot.press("slash", "ctrl+u", *"met:lyon", "enter")
        await pilot.pause()
        assert shown_keys(pane) == [tagged[0]]
        await pilot.press("slash", "ctrl+u", *"tag:salon", "enter")
        await pilot.pause()

        await pilot.press("S", *"Salon", "enter")
        await pilot.pause()
        saved = tomllib.loads(passerelle_home.settings_file.read_text(encoding="utf-8"))
        assert saved["views"] == {"Salon": "tag:salon"}
        assert "Salon" in app.query_one(ViewTabs).views
        assert pane.counts["Salon"] == 3
        await pilot.press("escape")  # clear the filter: the view still counts its three
        await pilot.pause()
        assert pane.counts["Salon"] == 3
        assert "received: view Salon" in [name for name, _h, _c in pane.palette_commands()]
        await pilot.press("V")  # from All, back round to the last view: the saved one
        assert pane.view == "Salon"
        assert sorted(shown_keys(pane)) == sorted(tagged)
        await pilot.press("a")  # decide one of them: it leaves the view, the count follows
        await pilot.pause()
        assert pane.counts["Salon"] == 2 and pane.rows.height == 2
        assert "Salon 2" in str(app.query_one(ViewTabs).render())
        await pilot.press("v")  # wraps to the first built-in view
        assert pane.view == "All"
    context.store.close()


async def test_sent_pane_tags_and_met_show_in_the_detail(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("t", *"client, Lisbon", "enter")
        await pilot.pause()
        await pilot.press("m", *"Met at the Porto fair", "enter")
        await pilot.pause()
        text = detail_text(app, "sent")
        assert "Tags  client, lisbon" in text and "Met   Met at the Porto fair" in text
        await pilot.press("t")  # the tags in use are offered again
        await pilot.pause()
        assert app.screen.query_one("#person-line").value == "client, lisbon"
        await pilot.press("escape")
    context.store.close()


async def test_a_bad_saved_view_is_reported_with_its_line(tmp_path: Path, passerelle_home) -> None:
    passerelle_home.settings_file.parent.mkdir(parents=True, exist_ok=True)
    passerelle_home.settings_file.write_text(
        'later_days = 7\n\n[views]\nNotes = "has:note"\nBroken = "older:zz"\nStale = "flag:stale"\nLyon = "met:lyon"\n',
        encoding="utf-8")
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        pane = app.query_one("#received")
        said = [n.message for n in app._notifications]
        assert any("config.toml line 5: view 'Broken' skipped" in m and "older:zz" in m for m in said)
        assert any("config.toml line 6: view 'Stale' skipped" in m for m in said)
        assert app.query_one(ViewTabs).views[-2:] == ("Notes", "Lyon")
        assert pane.counts["Notes"] == pane.counts["With note"] > 0
        assert pane.counts["Lyon"] == 0  # nobody has a "how we met" line yet: none, and no error
    context.store.close()


async def test_tags_complete_from_the_tags_in_use_and_the_hint_is_whole_at_80_columns(tmp_path: Path, passerelle_home) -> None:
    from tui.store.people_tags import set_tags, tags_by_key

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    set_tags(context.store, "in:someone-else", ["salon rh", "client"])
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        who = app.query_one("#received-table", FrameTable).current_row()["key"]
        await pilot.press("t", *"cl")
        await pilot.pause()
        field = app.screen.query_one("#person-line")
        await pilot.press("right")  # takes the tag offered
        assert field.value == "client"
        await pilot.press(*", sa")
        await pilot.pause()
        await pilot.press("right")  # after a comma, the next tag is completed, not one already given
        assert field.value == "client, salon rh"
        assert "escape cancels" in screen_text(app)  # the hint wraps instead of being cut at 80 columns
        await pilot.press("enter")
        await pilot.pause()
    assert tags_by_key(context.store)[who] == ("client", "salon rh")
    context.store.close()
