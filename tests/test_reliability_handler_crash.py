"""An exception in the UI right after a decision: the decision is already saved; a restart goes on from the next one."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_export import ui_export

from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.panes.received_pane import ReceivedPane
from tui.ui.widgets.frame_table import FrameTable

SIZE = (140, 40)


class AfterDecisionBroke(RuntimeError):
    pass


def current_key(app: PasserelleApp) -> str:
    return app.query_one("#received-table", FrameTable).current_row()["key"]


async def test_a_crash_right_after_a_decision_keeps_it_and_the_restart_rests_on_the_next(
        tmp_path: Path, passerelle_home, monkeypatch: pytest.MonkeyPatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    with pytest.raises(AfterDecisionBroke):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            decided_key = current_key(app)
            await pilot.press("j")
            next_key = current_key(app)  # the next undecided invitation
            await pilot.press("k")
            assert current_key(app) == decided_key

            def broken(self, keys):  # the handler the pane calls once the decision is saved
                raise AfterDecisionBroke("the screen update failed")

            with monkeypatch.context() as patch:
                patch.setattr(ReceivedPane, "after_decision", broken)
                await pilot.press("a")
                await pilot.pause()
    context.store.close()

    again = build_context(None, passerelle_home)
    frame = again.store.decisions()
    assert dict(zip(frame["key"].to_list(), frame["decision"].to_list())) == {decided_key: "accept"}
    app = PasserelleApp(again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert current_key(app) == next_key
    again.store.close()
