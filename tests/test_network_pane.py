"""Pilot: the network pane shows the band and drills from a company to its people."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import connections_folder
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Acme,Software Engineer,05 Nov 2026\n"
    "Bob,[/] Martin,https://www.linkedin.com/in/bob-martin,,ACME,Head of Sales [EMEA],01 Oct 2026\n"
    "Chloé,Durand,https://www.linkedin.com/in/chlo%C3%A9-durand,,Acme,Chargée de recrutement,05 Mar 2025\n"
    "Dan,Roe,https://www.linkedin.com/in/dan-roe,,Globex,CEO,09 Mar 2025\n"
    ",,,,,,24 Nov 2023\n"
)


def _export(tmp_path: Path) -> Path:
    return connections_folder(tmp_path, CONNECTIONS)


def _text(app, selector: str) -> str:
    return str(app.query_one(selector).content)


async def test_band_shows_and_enter_drills_to_the_people(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "starting" in _text(app, "#network-band")
        assert "96 to go" in _text(app, "#network-next")
        assert "1 hidden" in _text(app, "#network-status")
        table = app.query_one("#network-composition", FrameTable)
        assert table.current_row()["label"] in ("Acme", "ACME")
        table.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable)
        assert people.frame["full_name"].to_list() == ["Ada Lovelace", "Bob [/] Martin", "Chloé Durand"]
        assert "3 people" in _text(app, "#network-people-title")
        assert app.is_running  # the markup-looking name did not crash anything


async def test_who_at_and_role_family_tables(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("t")  # companies → role families
        table = app.query_one("#network-composition", FrameTable)
        assert "Role families" in _text(app, "#network-table-title")
        assert table.frame.filter(table.frame["label"] == "HR/recruiting")["count"].item() == 1
        table.move_cursor(table.frame["label"].to_list().index("HR/recruiting"))
        await pilot.press("p")  # count HR/recruiting as qualified
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 qualified contacts of 4 (25%, by role families)" in _text(app, "#network-figures")
        assert "HR/recruiting" in table.marked
        await pilot.press("t", "t", "t", "enter")  # → qualified contacts, drill
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#network-people", FrameTable).frame["full_name"].to_list() == ["Chloé Durand"]
        await pilot.press("w")
        await pilot.press(*"acme ponts")  # pane keys (p, n, t, c) type into the box
        assert app.query_one("#network-who-at").value == "acme ponts"
        app.query_one("#network-who-at").value = ""
        await pilot.press(*"globex", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#network-people", FrameTable).frame["full_name"].to_list() == ["Dan Roe"]
        assert "no company for invitations" in _text(app, "#network-people-title")


async def test_since_last_import_lists_new_and_changed(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.export.reader import load_export
    from tui.store.snapshots import write_snapshot
    from tui.store.store import Store
    from tui.launch import build_context

    old_folder = tmp_path / "old"
    old_folder.mkdir()
    (old_folder / "Connections.csv").write_text(
        CONNECTIONS.replace("Globex,CEO", "Initech,CTO").replace(
            "Chloé,Durand,https://www.linkedin.com/in/chlo%C3%A9-durand,,Acme,Chargée de recrutement,05 Mar 2025\n", ""),
        encoding="utf-8",
    )
    old = load_export(old_folder)
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    store.record_import(str(old_folder), old.content_hash, old.exported_on, {}, write_snapshot(old, passerelle_home.snapshots))
    store.close()

    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 new" in _text(app, "#network-figures") and "1 changed" in _text(app, "#network-figures")
        await pilot.press("n")
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable).frame
        assert people["full_name"].to_list() == ["Chloé Durand", "Dan Roe"]
        assert people["company"][1] == "Globex (was Initech)"  # the new value first, whole
