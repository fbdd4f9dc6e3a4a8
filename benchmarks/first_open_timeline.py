"""The timeline of a first open in a pseudo-terminal: when the reader process checks, reads and
commits the rows, when the app hears of it, what it does then, and when the rows are on screen.

    python benchmarks/first_open_timeline.py EXPORT.zip [--runs 3] [--app-dir CHECKOUT]

Each run is `passerelle EXPORT` in a fresh home. A `sitecustomize` module (written to a
temporary folder put first on PYTHONPATH, so the checkout is not changed) notes the moment
and the process's CPU seconds when chosen functions of both processes begin or end; the
screen events come from the terminal (pyte). Prints the median moment of each event, its
process and that process's CPU seconds then. On a busy machine compare two checkouts run by
turns: only the order and the gaps between events mean much.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from keylag import Terminal  # noqa: E402
from scenarios import ENTRY_POINT, PROGRESS, ROW  # noqa: E402

TRACER = r'''
import functools, importlib.abc, importlib.util, os, sys, threading, time
LOG, T0 = os.environ["TIMELINE_LOG"], float(os.environ["TIMELINE_T0"])
ROLE = "reader" if os.environ.get("TIMELINE_APP") else "app"
os.environ["TIMELINE_APP"] = "1"  # what this process starts is the reader
def note(what):
    with open(LOG, "a") as f:
        f.write(f"{time.time() - T0:.4f}\t{ROLE}\t{time.process_time():.3f}\t{what}\n")
note("python started")
WATCH = {  # module: [(qualified name, say when it begins, say when it ends)]
    "tui.first_open": [("FirstOpen._next", True, True)],
    "tui.export.reader": [("load_export_in_two", True, True)],
    "tui.store.triage_tables": [("write_triage", True, True)],
    "tui.launch": [("after_load", True, True), ("suggest_now", False, True)],
    "tui.ui.panes.received_pane": [("ReceivedPane.start", True, True)],
    "tui.ui.staged_start": [("StagedStart._mount_store_panes", True, True)],
    "tui.export.frame_cache": [("save_frames", True, True)],
}
seen = set()
def on_import(event, args):
    if event == "import" and args[0] in ("polars", "textual") and args[0] not in seen:
        seen.add(args[0])
        note(f"import {args[0]} begins ({threading.current_thread().name})")
sys.addaudithook(on_import)
def wrapped(fn, name, begin, end):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        label = name + (f" {args[1]!r}" if name == "FirstOpen._next" else "")
        if begin:
            note(f"> {label}")
        try:
            return fn(*args, **kwargs)
        finally:
            if end:
                note(f"< {label}")
    return call
class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in WATCH:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            for qualname, begin, end in WATCH[name]:
                owner, attr = module, qualname.split(".")
                for part in attr[:-1]:
                    owner = getattr(owner, part)
                if hasattr(owner, attr[-1]):
                    setattr(owner, attr[-1], wrapped(getattr(owner, attr[-1]), qualname, begin, end))
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Finder())
'''


def one_run(app_dir: Path, export: Path, work: Path, index: int) -> list[tuple[float, str, float, str]]:
    home, log = work / f"home-{index}", work / f"log-{index}.tsv"
    home.mkdir()
    t0 = time.time()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=f"{work / 'tracer'}{os.pathsep}{app_dir}", PASSERELLE_HOME=str(home),
               PYTHONPYCACHEPREFIX=str(work.parent / "pycache"), TIMELINE_LOG=str(log), TIMELINE_T0=str(t0))
    progress, rows = re.compile(PROGRESS), re.compile(ROW)
    screen: list[tuple[float, str]] = []
    with Terminal([sys.executable, "-c", ENTRY_POINT, str(export)], env=env, cwd=str(app_dir)) as term:
        while time.time() - t0 < 60 and term.alive:
            term.pump(0.01)
            if not screen and progress.search(term.text):
                screen.append((time.time() - t0, "screen: progress shown"))
            if rows.search(term.text):
                screen.append((time.time() - t0, "screen: first rows shown"))
                break
        term.idle(3)  # what the reader does after the rows
    events = []
    for line in log.read_text().splitlines():
        at, role, cpu, what = line.split("\t")
        events.append((float(at), role, float(cpu), what))
    return sorted(events + [(at, "terminal", 0.0, what) for at, what in screen])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app-dir", type=Path, default=HERE.parent)
    args = parser.parse_args()
    Path("/tmp/bench").mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="timeline-", dir="/tmp/bench"))
    (work / "tracer").mkdir()
    (work / "tracer" / "sitecustomize.py").write_text(TRACER)
    try:
        runs = [one_run(args.app_dir.resolve(), args.export.resolve(), work, i) for i in range(args.runs)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'s':>6} {'process':8} {'cpu s':>6}  event   (median of {args.runs}; load {os.getloadavg()[0]:.1f})")
    keys = {}
    for run in runs:  # an event seen twice in a run (a second call) is told apart by its count
        counts: dict = {}
        for at, role, cpu, what in run:
            n = counts[(role, what)] = counts.get((role, what), 0) + 1
            keys.setdefault((role, what, n), []).append((at, cpu))
    table = [(statistics.median(a for a, _ in v), role, statistics.median(c for _, c in v), what)
             for (role, what, _n), v in keys.items() if len(v) * 2 > len(runs)]
    for at, role, cpu, what in sorted(table):
        print(f"{at:6.2f} {role:8} {cpu if role != 'terminal' else float('nan'):6.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
