"""Keys typed right after asking for a pane whose export is still being read wait for that
pane: `3` then `a` at once added a rule in Network, not accepted the highlighted invitation
in Received, and `3` then `t` showed Network's next table, not Received's tags of that person."""

from __future__ import annotations

import threading

import pytest
from textual import events
from textual.widgets import ContentSwitcher
from ui_export import ui_export

from tui import launch
from tui.app import PasserelleApp
from tui.cli.main import main


@pytest.mark.parametrize("burst", [True, False], ids=["in-one-burst", "one-by-one"])
async def test_keys_typed_while_network_is_read_go_to_network(burst: bool, tmp_path, passerelle_home,
                                                              monkeypatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    assert main(["import", str(export)]) == 0
    context, path, _reader = launch.start_context(str(export), passerelle_home)
    assert context.export is None  # the start every later day takes: Network reads the export when asked
    go = threading.Event()
    load = launch.load

    def read_when_let(*args, **kwargs):  # the export's read takes as long as the test wants
        go.wait(30)
        return load(*args, **kwargs)

    monkeypatch.setattr(launch, "load", read_when_let)
    app = PasserelleApp(context, path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if burst:  # as a terminal sends them: all read before the `3` is handled
                for key in "3ta":
                    app.post_message(events.Key(key, key))
                await pilot.pause()
            else:
                await pilot.press("3", "t", "a")
            panes = app.query_one("#panes", ContentSwitcher)
            held = (panes.current, len(app.screen_stack))
            go.set()
            for _ in range(5000):  # until `a`, typed last, has answered in Network
                if panes.current == "network" and str(app.query_one("#network-said").content):
                    break
                await pilot.pause()
            await pilot.pause()
            network = app.query_one("#network")
            # `t` moved Network off its first table (`a` may then bring up the titles in no family).
            shown = (panes.current, network.table_index != 0, len(app.screen_stack))
            said = str(app.query_one("#network-said").content)
        decided = app.context.store.decisions().height
    finally:
        app.context.store.close()
    assert held == ("received", 1)  # while it is read, nothing happens in Received
    assert shown == ("network", True, 1)  # `t` moved Network's table, no Tags box opened
    assert said  # `a` answered in Network (a rule is added from the titles in no family)
    assert decided == 0  # and accepted nobody


async def test_ctrl_q_quits_at_once_while_a_pane_waits_for_its_export(tmp_path, passerelle_home, monkeypatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    assert main(["import", str(export)]) == 0
    context, path, _reader = launch.start_context(str(export), passerelle_home)
    go = threading.Event()
    load = launch.load
    monkeypatch.setattr(launch, "load", lambda *args, **kwargs: (go.wait(30), load(*args, **kwargs))[1])
    app = PasserelleApp(context, path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("3", "ctrl+q")
            quit_while_held = app.return_code
            go.set()
    finally:
        app.context.store.close()
    assert quit_while_held == 0
