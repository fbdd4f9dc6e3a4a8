"""Real processes: SIGKILL mid-session loses no acknowledged decision; two writers both land."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO
from tui.store.store import Store

# A triage session reduced to its storage: decide, then acknowledge (as the UI does on screen).
WRITER = r"""
import sys
from tui.store.store import Person, Store
path, prefix, count, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
wait = mode == "wait"
store = Store.open(path)
print("ready", flush=True)
if wait:
    sys.stdin.readline()
for n in range(count):
    batch = [Person(f"in:{prefix}-{n}-{j}", f"Person {n}", None) for j in range(1 + n % 3)]
    store.decide(batch, "accept" if n % 2 else "ignore", reason="r")
    if n % 5 == 4 and not wait:  # alone: undo+redo must round-trip
        store.undo()
        store.redo()
    print(f"ack {n}", flush=True)
store.close()
print("done", flush=True)
"""


def writer(db: Path, prefix: str, count: int, wait: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), prefix, str(count), "wait" if wait else "go"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def expected_keys(prefix: str, acked: int) -> set[str]:
    return {f"in:{prefix}-{n}-{j}" for n in range(acked) for j in range(1 + n % 3)}


def test_sigkill_at_random_points_loses_no_acknowledged_decision(tmp_path: Path) -> None:
    db = tmp_path / "data" / "passerelle.db"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    promised: set[str] = set()
    kills = 0
    started = time.monotonic()
    while kills < 30 and time.monotonic() - started < 20:
        prefix = f"k{kills}"
        proc = writer(db, prefix, 10_000)
        # Kill after a random number of acks; 0 kills while opening (or creating) the store.
        target = rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 21, 40])
        acked = 0
        if target:
            for line in proc.stdout:  # type: ignore[union-attr]
                if line.startswith("ack"):
                    acked = int(line.split()[1]) + 1
                    if acked >= target:
                        break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()  # type: ignore[union-attr]
        promised |= expected_keys(prefix, acked)
        kills += 1
    assert kills >= 5, f"only {kills} kills fitted in the time budget"
    print(f"{kills} kills, {len(promised)} acknowledged decisions, seed {seed}")
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    raw.close()
    with Store.open(db) as store:
        stored = set(store.decisions()["key"].to_list())
    missing = promised - stored
    assert not missing, f"seed {seed}: {len(missing)} acknowledged decisions lost"


def test_two_processes_deciding_at_once_both_land(tmp_path: Path) -> None:
    db = tmp_path / "data" / "passerelle.db"
    Store.open(db).close()  # both start from the same existing database
    procs = {name: writer(db, name, 150, wait=True) for name in ("left", "right")}
    for proc in procs.values():
        assert proc.stdout.readline().strip() == "ready"  # type: ignore[union-attr]
    for proc in procs.values():  # release both together
        proc.stdin.write("go\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, f"{name} crashed: {err[-500:]}"
        assert out.rstrip().endswith("done")
    with Store.open(db) as store:
        stored = set(store.decisions()["key"].to_list())
        history = store.history()
    assert expected_keys("left", 150) | expected_keys("right", 150) == stored
    assert history.height == len(stored)  # one event row per decision: none doubled, none lost
