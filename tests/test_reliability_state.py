"""Broken state as the app meets it: a locked database on a decision (shown as NOT saved, retry
works), and damaged or newer databases at start-up (one line, exit 2, file untouched)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from ui_export import ui_export

from app_screen import screen_text
from conftest import REPO
from tui.app import PasserelleApp
from tui.store.store import Person, Store
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable


async def test_locked_database_decision_is_not_saved_and_retry_works(tmp_path: Path, passerelle_home) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(source, passerelle_home)
    context.store._conn.execute("PRAGMA busy_timeout = 100")  # fail fast instead of waiting 5 s
    app = PasserelleApp(context)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        row = table.current_row()
        other = sqlite3.connect(passerelle_home.database, isolation_level=None)  # a second instance
        other.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("a")
            await pilot.pause()
            assert "NOT SAVED" in screen_text(app)
            assert table.current_row()["key"] == row["key"], "the queue moved on after a failed save"
            assert any("not saved" in n.message for n in app._notifications)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert context.store.decisions().height == 0
        await pilot.press("a")  # the retry
        await pilot.pause()
        assert "saved" in screen_text(app) and "NOT SAVED" not in screen_text(app)
        assert context.store.decisions()["key"].to_list() == [row["key"]]
        assert app.is_running
    context.store.close()


def _newer(db: Path) -> None:
    Store.open(db).close()
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA user_version = 99")
    raw.close()


def _foreign(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    raw = sqlite3.connect(db)
    raw.execute("CREATE TABLE recipes (name TEXT)")
    raw.close()


# A damaged one is kept aside and the newest good backup restored: test_reliability_recovery.py.
@pytest.mark.parametrize("damage, words", [(_newer, "newer Passerelle"), (_foreign, "not a Passerelle database")])
def test_app_refuses_a_database_it_cannot_use_and_keeps_it(damage, words: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "data" / "passerelle.db"
    damage(db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    names = sorted(p.name for p in db.parent.iterdir())
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PASSERELLE_HOME", None)
    result = subprocess.run([sys.executable, "-m", "tui", str(source), "--home", str(home)], cwd=REPO, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, (result.returncode, result.stderr[-500:])
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "passerelle.db" in result.stderr and words in result.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == names
