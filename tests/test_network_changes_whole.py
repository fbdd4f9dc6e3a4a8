"""Pilot: Network's `n` lists job changes with the new company readable whole on screen, at
80x24 and 160x50 (the people columns cut "Norvane Systems (was Initech)" to "Norvane Sy…")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_network_pane import CONNECTIONS
from app_screen import screen_text
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "Connections.csv").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_a_job_change_shows_the_new_company_whole(tmp_path: Path, passerelle_home: Paths, size) -> None:
    from tui.app import PasserelleApp
    from tui.export.reader import load_export
    from tui.launch import build_context
    from tui.store.snapshots import write_snapshot
    from tui.store.store import Store

    old = load_export(_folder(tmp_path, "old", CONNECTIONS.replace("Globex,CEO", "Initech,CTO")))
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    store.record_import(str(tmp_path / "old"), old.content_hash, old.exported_on, {},
                        write_snapshot(old, passerelle_home.snapshots))
    store.close()
    now = _folder(tmp_path, "now", CONNECTIONS.replace("Globex,CEO", "Norvane Systems,Chief Executive Officer"))
    app = PasserelleApp(build_context(now, passerelle_home))
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable)
        assert people.frame["company"].to_list()[-1] == "Norvane Systems (was Initech)"
        row = next(line for line in screen_text(app).splitlines() if "Dan Roe"[:4] in line and "Norvane" in line)
        assert "Norvane Systems" in row, row
