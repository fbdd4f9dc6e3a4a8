"""One start of several checkouts, taking turns with the empty app, to first rows in a pseudo-terminal.

    python benchmarks/side_by_side.py CHECKOUT [CHECKOUT…] [--start never-seen|after-import|second] [--runs 4]

For comparing two versions of the code on a shared machine: each round starts every
checkout once and the empty app once, so a busy minute weighs on all of them. Prints each
round and the medians, with the ratio to the empty app; in brackets, the CPU time the app's
own process had used when its first rows showed (user + system, from /proc: it moves far
less with the load than the wall time; a reader process of a never-seen export is not in it).
Each start waits for the previous one's reader process to finish, so none pays for another's.
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
from scenarios import Setup, finished  # noqa: E402


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds process `pid` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_rows(setup: Setup, kind: str) -> tuple[float, float]:
    """Seconds from launch to the first rows, and the CPU seconds used by then, for one start
    of `kind` in a fresh home."""
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
        cpu = cpu_seconds(term.pid) if seconds is not None else 0.0
    finished(home)
    if seconds is None:
        raise RuntimeError(f"{setup.app_dir}: no rows on screen")
    return seconds, cpu


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
    times: dict[str, list[tuple[float, float]]] = {str(s.app_dir): [] for s in setups}
    empty: list[tuple[float, float]] = []
    try:
        for run in range(-1, args.runs):  # round 0 warms up (bytecode, file cache): not counted
            with Terminal(setups[0].baseline("empty"), env=setups[0].env()) as term:
                empty.append((term.wait_for(re.compile("hello"))[0], cpu_seconds(term.pid)))
            for setup in setups:
                times[str(setup.app_dir)].append(first_rows(setup, args.start))
            if run < 0:
                empty.clear()
                for values in times.values():
                    values.clear()
                continue
            load = os.getloadavg()[0]
            print(f"round {run + 1}: empty {_both(empty[-1])}, "
                  + ", ".join(f"{name} {_both(t[-1])}" for name, t in times.items()) + f" (load {load:.1f})")
    finally:
        for setup in setups:
            shutil.rmtree(setup.work, ignore_errors=True)
    base, base_cpu = (statistics.median(v) for v in zip(*empty))
    print(f"empty app: {base:.2f} s [CPU {base_cpu:.2f} s]")
    for name, values in times.items():
        wall, cpu = (statistics.median(v) for v in zip(*values))
        print(f"{name}: {wall:.2f} s, {wall / base:.2f}× the empty app [CPU {cpu:.2f} s, {cpu / base_cpu:.2f}×]")
    return 0


def _both(sample: tuple[float, float]) -> str:
    return f"{sample[0]:.2f} s [CPU {sample[1]:.2f}]"


if __name__ == "__main__":
    sys.exit(main())
