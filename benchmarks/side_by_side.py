"""One start of several checkouts, taking turns with the empty app, to first rows in a pseudo-terminal.

    python benchmarks/side_by_side.py CHECKOUT [CHECKOUT…] [--start never-seen|after-import|second] [--runs 4]

For comparing two versions of the code on a shared machine: each round starts every
checkout once and the empty app once, so a busy minute weighs on all of them. Prints each
round and the medians, with the ratio to the empty app.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from keylag import Terminal  # noqa: E402
from run import FULL, ROOT, export_for  # noqa: E402
from scenarios import Setup  # noqa: E402


def first_rows(setup: Setup, kind: str) -> float:
    """Seconds from launch to the first rows, for one start of `kind` in a fresh home."""
    home = setup.home(kind)
    if kind == "never-seen":
        cmd = setup.passerelle(str(setup.export))
    else:
        setup.run_cli(home, "import", str(setup.export))
        cmd = setup.passerelle()
        if kind == "second":
            with setup.term(cmd, home) as term:
                term.wait_for(setup.row_re)
    with setup.term(cmd, home) as term:
        seconds, _ = term.wait_for(setup.row_re)
    if seconds is None:
        raise RuntimeError(f"{setup.app_dir}: no rows on screen")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+", type=Path)
    parser.add_argument("--start", choices=("never-seen", "after-import", "second"), default="never-seen")
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    source, _folder = export_for(FULL)
    # Homes under /tmp/bench, so the bytecode goes to the benchmarks' /tmp/bench/pycache.
    setups = [Setup(python=sys.executable, app_dir=c.resolve(), export=source,
                    work=ROOT / f"side-{os.getpid()}-{i}", runs=1) for i, c in enumerate(args.checkouts)]
    for setup in setups:
        setup.work.mkdir(parents=True)
    times: dict[str, list[float]] = {str(s.app_dir): [] for s in setups}
    empty: list[float] = []
    try:
        for run in range(-1, args.runs):  # round 0 warms up (bytecode, file cache): not counted
            with Terminal(setups[0].baseline("empty"), env=setups[0].env()) as term:
                empty.append(term.wait_for(re.compile("hello"))[0])
            for setup in setups:
                times[str(setup.app_dir)].append(first_rows(setup, args.start))
            if run < 0:
                empty.clear()
                for values in times.values():
                    values.clear()
                continue
            load = os.getloadavg()[0]
            print(f"round {run + 1}: empty {empty[-1]:.2f} s, "
                  + ", ".join(f"{name} {t[-1]:.2f} s" for name, t in times.items()) + f" (load {load:.1f})")
    finally:
        for setup in setups:
            shutil.rmtree(setup.work, ignore_errors=True)
    base = statistics.median(empty)
    print(f"empty app: {base:.2f} s")
    for name, values in times.items():
        print(f"{name}: {statistics.median(values):.2f} s, {statistics.median(values) / base:.2f}× the empty app")
    return 0


if __name__ == "__main__":
    sys.exit(main())
