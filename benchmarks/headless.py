"""The figures without a terminal: reading the export and the cache hit (timed inside a child
Python that imports the chosen checkout's `tui`), and `passerelle stats --json` against
VisiData loading Connections.csv (wall time of each process, taking turns) once the app
has opened the export (stats reads the Parquet cache it leaves).

    python benchmarks/headless.py EXPORT.zip CACHE_DIR    # the child: prints JSON
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import Figure


def _per_call(fn, repeat: int) -> float:
    """Median milliseconds of `fn()` over `repeat` calls."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def child(source: Path, cache: Path) -> None:
    from tui.export.reader import load_export
    from tui.export.frame_cache import load_export_cached

    read_ms = _per_call(lambda: load_export(source), 3)
    load_export_cached(source, cache)
    hit_ms = _per_call(lambda: load_export_cached(source, cache), 5)
    print(json.dumps({"read_ms": read_ms, "hit_ms": hit_ms}))


def _wall(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
    return time.perf_counter() - t0


def figures(setup, folder: Path) -> list[Figure]:
    """Read, cache hit, and stats against VisiData, for the checkout in `setup.app_dir`."""
    out: list[Figure] = []
    cache = setup.home("frames-cache")
    done = subprocess.run([setup.python, __file__, str(setup.export), str(cache)], env=setup.env(),
                          cwd=setup.app_dir, capture_output=True, text=True)
    if done.returncode:
        note = (done.stderr.strip().splitlines() or ["failed"])[-1][:80]
        out.append(Figure("read the export (CSV → frames)", None, note=note, in_process=True))
    else:
        got = json.loads(done.stdout)
        out.append(Figure("read the export (CSV → frames)", got["read_ms"], "ms", limit=1000,
                          target="< 1 s", in_process=True))
        out.append(Figure("reopen (Parquet cache hit)", got["hit_ms"], "ms", target="skips CSV parsing",
                          met=got["hit_ms"] < got["read_ms"], in_process=True,
                          note=f"{got['hit_ms'] / got['read_ms']:.2f}× a parse"))

    home = setup.home("stats")
    setup.run_cli(home, "import", str(setup.export))
    with setup.term(setup.passerelle(), home) as term:  # opened once: the app leaves the frames cache
        term.wait_for(setup.row_re)
        term.idle(3.0)
        term.write("q")
        term.wait_exit(10)
    stats = [*setup.passerelle("stats", str(setup.export), "--json")]
    vd = shutil.which("vd") or shutil.which("vd", path=str(Path(setup.python).parent))
    env = setup.env(home)
    _wall(stats, env, setup.app_dir)  # warm: bytecode, file cache
    if vd is None:
        times = [_wall(stats, env, setup.app_dir) for _ in range(setup.runs)]
        out.append(Figure("stats --json (export opened before)", statistics.median(times), note="VisiData not installed",
                          target="≤ 0.5× VisiData", met=False))
        return out
    vd_cmd = [vd, "-b", str(folder / "Connections.csv"), "-o", str(home / "vd.tsv")]
    _wall(vd_cmd, env)
    ours, theirs = [], []
    for i in range(setup.runs):
        pair = [(stats, ours), (vd_cmd, theirs)]
        for cmd, into in (pair if i % 2 == 0 else pair[::-1]):
            into.append(_wall(cmd, env, setup.app_dir))
    out.append(Figure("stats --json vs VisiData (export opened before)", statistics.median(ours),
                      baseline=statistics.median(theirs), limit=0.5, target="≤ 0.5×"))
    return out


if __name__ == "__main__":
    child(Path(sys.argv[1]), Path(sys.argv[2]))
