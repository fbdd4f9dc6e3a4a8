"""Pilot: the Network pane's Tags table counts people per tag and drills to them."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import connections_folder
from tui.store.people_tags import set_tags
from tui.store.store import Store
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Acme,Engineer,05 Nov 2026\n"
    "Bob,[/] Martin,https://www.linkedin.com/in/bob-martin,,Globex,Sales,01 Oct 2026\n"
    "Dan,Roe,https://www.linkedin.com/in/dan-roe,,Globex,CEO,09 Mar 2025\n"
)


async def test_tags_table_counts_and_drills(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = connections_folder(tmp_path, CONNECTIONS)
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    set_tags(store, "in:ada-lovelace", ["client", "salon rh"])
    set_tags(store, "in:bob-martin", ["client"])
    store.close()
    app = PasserelleApp(build_context(folder, passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#network-composition", FrameTable)
        table.focus()
        while "Tags" not in str(app.query_one("#network-table-title").content):
            await pilot.press("t")
        assert list(zip(table.frame["label"], table.frame["count"])) == [("client", 2), ("salon rh", 1)]
        import contextlib
        import io
        import json

        from tui.cli.main import main

        with contextlib.redirect_stdout(io.StringIO()) as out:  # the app holds sys.stdout while it runs
            assert main(["tags", "--json"]) == 0  # the command says what the table shows
        assert [(t["tag"], t["count"]) for t in json.loads(out.getvalue())["tags"]] == list(
            zip(table.frame["label"], table.frame["count"]))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable)
        assert sorted(people.frame["full_name"].to_list()) == ["Ada Lovelace", "Bob [/] Martin"]
        # T and M tag and note the highlighted person right there (t cycles the tables).
        people.focus()
        await pilot.pause()
        who = people.current_row()["key"]
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("ctrl+u", *"vip", "enter")
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        await pilot.press(*"salon lyon", "enter")
        await pilot.pause()
        from tui.store.people_tags import met_by_key, tags_by_key

        assert tags_by_key(app.context.store)[who] == ("vip",)
        assert met_by_key(app.context.store)[who] == "salon lyon"
        assert "saved how you met: salon lyon" in str(app.query_one("#network-said").content)
        box = str(app.query_one("#network-person-history").content)  # under the table, at once
        assert "Tags  vip" in box and "Met   salon lyon" in box
    app.context.store.close()  # once the app is gone: a history still being read would query it
