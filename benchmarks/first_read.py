"""Where a first open of an export spends its time, step by step, in one process, in the
order the reader process takes them (`tui/first_open.py`: the steps the user waits for
before the first rows, then the ones it does after them). Wall and CPU time of each step (CPU counts
Polars' threads too), median of `--runs` fresh homes.

    python benchmarks/first_read.py EXPORT.zip [--runs 3] [--app-dir CHECKOUT]

Each run is a child Python (imports are part of the cost: Polars is imported by the first
step that needs it, as in the app).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
from datetime import date
from pathlib import Path
steps, source, home = [], Path(sys.argv[1]), sys.argv[2]
def step(name, fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    steps.append((name, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return out
from tui.paths import Paths
from tui.context import AppContext
paths = Paths.resolve(home)
from tui.export.source import read_source
step("check the export (before the app)", lambda: read_source(source, keep=True))
step("import Polars and the reader", lambda: __import__("tui.export.frame_cache"))
from tui import launch
try:
    from tui.export.reader import load_export_in_two
except ImportError:  # a checkout from before the two-step read: the whole export at once
    def load_export_in_two(source):
        export = launch.load(source, paths, write_cache=False)
        return export, lambda: export
export, whole = step("read the export (CSV to frames, message keys)", lambda: load_export_in_two(source))
context = AppContext(paths=paths, settings=None, export=None, store=None, today=date.today(), notices=[])
def open_store():
    from tui.store.store import Store
    paths.ensure()
    context.store = Store.open(paths.database)
    context.export = export
step("create the store", open_store)
from tui.store import triage_tables as store_triage
from tui.triage.queue_frames import received_queue, sent_queue
context.triage_set = step("write the triage rows (the queues, SQL, commit)",
                          lambda: store_triage.write_triage(context.store, export, source))
step("  of which: received queue (Polars)", lambda: received_queue(export, None, None, date.today()))
step("  of which: sent queue (Polars)", lambda: sent_queue(export, None, None, date.today()))
step("the strategy's suggestions", lambda: launch.suggest_now(context))
context.export = step("after the rows: the message texts", whole)
step("after the rows: record the import, snapshot", lambda: launch.after_load(context, source))
from tui.export.frame_cache import save_frames
step("after the rows: the frames' Parquet cache", lambda: save_frames(source, paths.frames_cache, context.export))
print(json.dumps(steps))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--app-dir", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(args.app_dir.resolve()))
    runs = []
    for i in range(args.runs):
        home = Path(f"/tmp/bench/first-read-{os.getpid()}-{i}")
        shutil.rmtree(home, ignore_errors=True)
        try:
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.export.resolve()), str(home)], env=env,
                                 cwd=args.app_dir, capture_output=True, text=True, check=True)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        runs.append(json.loads(out.stdout.splitlines()[-1]))
    print(f"{'step':52} {'wall ms':>8} {'cpu ms':>8}   (median of {args.runs})")
    for i, (name, *_rest) in enumerate(runs[0]):
        wall = statistics.median(r[i][1] for r in runs)
        cpu = statistics.median(r[i][2] for r in runs)
        print(f"{name:52} {wall:8.0f} {cpu:8.0f}")
    for col, label in ((1, "wall"), (2, "CPU")):
        before = [sum(s[col] for s in r if not s[0].startswith(("  of which", "after the rows"))) for r in runs]
        print(f"{'before the first rows, ' + label:52} {statistics.median(before):8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
