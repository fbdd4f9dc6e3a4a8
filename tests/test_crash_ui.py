"""SIGKILL a real app process mid-session: every decision acknowledged on screen survives."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from ui_export import ui_export

from conftest import REPO
from tui.store.store import Store
from tui.paths import Paths

DRIVER = r'''
import asyncio, sys
from pathlib import Path
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

async def main(source, home):
    context = build_context(Path(source), Paths.resolve(home))
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        status = app.query_one("#received .status-line")
        print("ready", flush=True)
        for key in "aifslaifslaifslaifslaifsl":
            # Pilot's press waits "until idle" by comparing CPU time with wall time: on a loaded
            # machine the descheduled app looks idle and press returns before the key has gone
            # table -> pane -> screen -> app to its binding. Read the row once the app is idle
            # and ack only when the status line names that person as just saved.
            await app.workers.wait_for_complete()
            await pilot.pause()
            row = table.current_row()
            if row is None:
                break
            before = str(status.render())
            await pilot.press(key)
            await pilot.pause()
            said = str(status.render())
            saved_whom = said.split(": ", 1)[-1].split("   ")[0] if said.startswith("✓ saved") else None
            if said != before and saved_whom == row["name"] and table.current_key() != row["key"]:
                print(f"ack {key} {row['key']}", flush=True)
        print("done", flush=True)
        await asyncio.Event().wait()

asyncio.run(main(sys.argv[1], sys.argv[2]))
'''
DECISION = {"a": "accept", "i": "ignore", "f": "follow", "s": "suspicious", "l": "later"}


def many_invitations(n: int) -> list[tuple[str, str, str, str]]:
    return [(f"Person {i:02d}", f"person-{i:02d}", f"11/{1 + i % 28:02d}/25, 9:00 AM",
             "Hello, shall we connect?" if i % 2 else "") for i in range(n)]


@pytest.mark.parametrize("kill_after", [0, 1, 4, 9])
def test_sigkill_loses_no_acknowledged_decision(tmp_path: Path, kill_after: int) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=many_invitations(30))
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    home = tmp_path / "crash-home"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(driver), str(source), str(home)], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acked: dict[str, str] = {}
    try:
        for line in proc.stdout:
            if line.startswith("ack "):
                _, key, person = line.split(maxsplit=2)
                acked[person.strip()] = DECISION[key]
            if len(acked) >= kill_after and (line.startswith("ack ") or line.startswith("ready")):
                break
            if line.startswith("done"):
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read()[-2000:]
    assert len(acked) == kill_after

    paths = Paths.resolve(home)
    with sqlite3.connect(paths.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = Store.open(paths.database)
    try:
        frame = store.decisions()
    finally:
        store.close()
    saved = dict(zip(frame["key"].to_list(), frame["decision"].to_list()))
    for person, decision in acked.items():
        assert saved.get(person) == decision
