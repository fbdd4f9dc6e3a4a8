"""Pilot: `p` on the network pane acts on the role families table it names, says what it did
on the pane's status line, and says why it changes nothing when a strategy sets the targets."""

from __future__ import annotations

from pathlib import Path

from tests.test_network_pane import _export, _text
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable


async def _network(app, pilot) -> FrameTable:
    await pilot.press("3")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.query_one("#network-composition", FrameTable)


async def test_p_after_a_drill_down_does_not_mark_a_hidden_family(tmp_path: Path, passerelle_home: Paths) -> None:
    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        table = await _network(app, pilot)
        await pilot.press("p")  # on the companies table: shows the role families instead
        assert "Role families" in _text(app, "#network-table-title")
        assert "highlight one here and press p" in _text(app, "#network-said")
        await pilot.press("enter")  # drill into the highlighted family: the people list has focus
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not table.marked
        assert "back on it" in _text(app, "#network-said")
        assert table.has_focus
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        label = table.current_row()["label"]
        assert table.marked and f"{label} counted as qualified" in _text(app, "#network-said")


async def test_p_with_a_strategy_says_why_it_changes_nothing(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.triage.strategy import STARTER_STRATEGY, load_strategy

    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    passerelle_home.strategy_file.write_text(STARTER_STRATEGY, encoding="utf-8")
    assert load_strategy(passerelle_home.strategy_file).targets  # the starter names targets
    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        table = await _network(app, pilot)
        await pilot.press("t", "p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not table.marked
        said = _text(app, "#network-said")
        assert "p changes nothing" in said and "strategy" in said
