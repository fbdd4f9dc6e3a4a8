"""What one benchmark run does in the terminal: starts, decision and filter keys, type-ahead,
each for Passerelle and for its stock-Textual baseline, taking turns. Every child runs in a
pseudo-terminal (keylag.Terminal) with its own throwaway PASSERELLE_HOME."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from figures import filtered_for, fold
from keylag import Terminal

HERE = Path(__file__).resolve().parent
# A row of the received table: a name, then the days waited ("12d"), as Passerelle and the
# baseline both draw it. The first such line on screen means "first rows shown".
ROW = r"(?m)^ *(?P<name>\S.*?) +\d+d +"
# What a progress indicator says while an export is read (before any row is drawn).
PROGRESS = r"(?i)\b(reading|loading|lecture|chargement)\b|\d+ ?%|━{4,}"
# The console script pip writes for `passerelle` (pyproject's [project.scripts]), as one line.
ENTRY_POINT = "import sys; from tui.cli.main import main; sys.exit(main())"
DECISION_KEY = "a"
FILTER_TEXT = "manon"  # typed, then erased, one key at a time
TYPE_AHEAD = "/anne"
TYPE_GAP = 0.03  # a fast typist; every other start gets the keys all at once


@dataclass
class Setup:
    python: str
    app_dir: Path
    export: Path
    work: Path
    runs: int
    decisions: int = 10
    starts: int = 3  # starts of each kind a run (one types ahead, the others only start)
    row_re: re.Pattern[str] = field(default_factory=lambda: re.compile(ROW))
    progress_re: re.Pattern[str] = field(default_factory=lambda: re.compile(PROGRESS))
    homes: int = 0

    def env(self, home: Path | None = None) -> dict[str, str]:
        """The child's environment: the chosen checkout first on the path, bytecode cached
        (as after pip install) outside the repo, its own home."""
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = str(self.app_dir)
        env["PYTHONPYCACHEPREFIX"] = str(self.work.parent / "pycache")
        if home is not None:
            env["PASSERELLE_HOME"] = str(home)
        return env

    def home(self, label: str) -> Path:
        self.homes += 1
        path = self.work / f"{self.homes:03d}-{label}"
        path.mkdir(parents=True)
        return path

    def passerelle(self, *args: str) -> list[str]:
        """What the installed `passerelle` script runs (not `python -m tui`, which loads runpy too)."""
        return [self.python, "-c", ENTRY_POINT, *args]

    def baseline(self, *args: str) -> list[str]:
        return [self.python, str(HERE / "baseline_app.py"), *args]

    def run_cli(self, home: Path, *args: str) -> str:
        out = subprocess.run(self.passerelle(*args), env=self.env(home), cwd=self.app_dir,
                             capture_output=True, text=True)
        if out.returncode:
            raise RuntimeError(f"passerelle {' '.join(args)} failed: {out.stderr.strip()[-2000:]}")
        return out.stdout

    def term(self, cmd: list[str], home: Path | None) -> Terminal:
        return Terminal(cmd, env=self.env(home), cwd=str(self.app_dir))


def matching_names(export: Path, word: str) -> set[str]:
    """The senders of the received invitations whose name or note holds `word`, accents and
    case aside: the rows the Received pane's filter for it shows (the type-ahead is typed there)."""
    with zipfile.ZipFile(export) as archive:
        member = next(n for n in archive.namelist() if n.endswith("Invitations.csv"))
        rows = csv.DictReader(io.StringIO(archive.read(member).decode("utf-8-sig")))
        names = ((r["From"], r["Message"]) for r in rows if r["Direction"] == "INCOMING")
        return {name for name, note in names if fold(word) in fold(f"{name} {note}")}


def finished(home: Path, limit: float = 30.0) -> None:
    """Wait until no process works in `home` any more: the reader process of a never-seen
    export goes on (the import record, the frames' cache) after the app is killed, and would
    otherwise slow down the next checkout's start, not its own."""
    end = time.monotonic() + limit
    needle = str(home).encode()
    while time.monotonic() < end:
        busy = False
        for proc in Path("/proc").iterdir():
            try:
                busy = proc.name.isdigit() and needle in (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if busy:
                break
        if not busy:
            return
        time.sleep(0.05)


class Bench:
    """Runs the scenarios; `samples` collects every figure by name."""

    def __init__(self, setup: Setup, log=print) -> None:
        self.s = setup
        self.log = log
        self.samples: dict[str, list] = defaultdict(list)
        self.expected = matching_names(setup.export, TYPE_AHEAD.lstrip("/"))

    # ---- pieces -------------------------------------------------------------------------
    def start(self, term: Terminal, ready: re.Pattern[str], label: str, watch=None) -> float:
        seconds, seen = term.wait_for(ready, watch=watch)
        if seconds is None:
            term.close()
            raise RuntimeError(f"{label}: never showed its first rows; screen:\n{term.text[-1500:]}")
        if watch is not None:
            self.samples[label + ":progress"].append(seen)
        self.samples[label].append(seconds)
        return seconds

    def empty_start(self, before: str) -> None:
        """The empty app, started just before a start of Passerelle's `before` kind: its own
        figure and that start's pair (`{before}:empty`)."""
        with self.s.term(self.s.baseline("empty"), None) as term:
            seconds = self.start(term, re.compile("hello"), "start:empty")
        self.samples[f"{before}:empty"].append(seconds)

    def more_starts(self) -> None:
        """More first starts after an import and second starts, nothing typed, each after its
        empty app: five starts a figure could not tell 1.25× from 1.35× on a shared machine."""
        s = self.s
        for _ in range(s.starts - 1):
            home = s.home("import")
            s.run_cli(home, "import", str(s.export))
            for kind in ("start:after-import", "start:second"):
                self.empty_start(kind)
                with s.term(s.passerelle(), home) as term:
                    self.start(term, s.row_re, kind)
                    term.press("q")  # leave as a person does: the next start opens what it saved
                    term.wait_exit(10)

    def decisions_made(self, home: Path) -> int:
        return len(json.loads(self.s.run_cli(home, "decisions", "--format", "json", "--all") or "[]"))

    def type_ahead(self, term: Terminal, home: Path, label: str, before: int, gap: float) -> None:
        """Type `/anne` the moment rows show, `gap` seconds between keys (0: all at once, as
        keys pile up while an app is busy); the screen must end up filtering for it, and no
        decision may have been taken (`before`: decisions in the store when the app started)."""
        label += f", keys {gap * 1000:.0f} ms apart" if gap else ", keys at once"
        for ch in TYPE_AHEAD:
            term.write(ch)
            term.idle(gap)
        term.settle(time.perf_counter(), quiet=1.5, limit=15)  # the app may still be loading
        ok, why = filtered_for(term.text, TYPE_AHEAD.lstrip("/"), self.s.row_re, self.expected)
        taken = self.decisions_made(home) - before
        if taken:
            ok, why = False, f"{taken} decision(s) taken by the typed letters; {why}"
        self.samples["typeahead"].append((label, ok, why))
        if not ok:  # the screen it ended on, in the saved figures (--save), to see where the keys went
            self.samples["typeahead:screen"].append((label, term.text))

    def keys(self, terms: dict[str, Terminal], flip: bool) -> None:
        """Decision keys, then `/` and a word typed and erased, each timed to a settled screen.
        Both apps are open at once and take turns key by key, so a busy second of the
        machine weighs on both sides alike."""
        order = sorted(terms, reverse=flip)

        def each(key: str, kind: str | None) -> None:
            for side in order:
                lag = terms[side].press(key)
                if kind:
                    self.samples[f"{kind}:{side}"].append(lag)

        end = time.perf_counter() + 3.0  # start-up work (workers, other panes) done, as keylag
        while time.perf_counter() < end:
            for term in terms.values():
                term.pump(0.01)
        for _ in range(self.s.decisions):
            each(DECISION_KEY, "decide")
        each("/", None)
        for key in FILTER_TEXT:
            each(key, "filter")
        for side, term in terms.items():  # the word must be in a filter field, or keys went astray
            self.samples[f"filter-typed:{side}"].append(FILTER_TEXT in fold(term.text))
        for _ in FILTER_TEXT:
            each("\x7f", "filter")

    def rss(self, label: str, term: Terminal) -> None:
        self.samples["rss"].append((label, term.close()))

    # ---- one run --------------------------------------------------------------------------
    def run_once(self, flip: bool) -> None:
        s, rows = self.s, self.s.row_re
        home = s.home("import")
        s.run_cli(home, "import", str(s.export))
        self.empty_start("start:after-import")
        term = s.term(s.passerelle(), home)
        self.start(term, rows, "start:after-import")
        self.type_ahead(term, home, "first start after import", 0, TYPE_GAP if flip else 0)
        for key in ("\x1b", "\x1b", "q"):  # leave as a person does (the app saves on leaving)
            term.press(key)
        term.wait_exit(10)
        self.rss("first start after import", term)

        before = self.decisions_made(home)
        self.empty_start("start:second")
        term = s.term(s.passerelle(), home)
        self.start(term, rows, "start:second")
        self.type_ahead(term, home, "second start", before, 0 if flip else TYPE_GAP)
        self.rss("second start", term)

        terms = {}
        for side in (("baseline", "app") if flip else ("app", "baseline")):
            if side == "app":
                terms[side] = s.term(s.passerelle(), home)
            else:
                terms[side] = s.term(s.baseline("triage", str(s.export), str(s.home("baseline") / "b.db")), None)
            self.start(terms[side], rows, f"start:keys-{side}")
        self.keys(terms, flip)
        terms["baseline"].close()
        for key in ("\x1b", "2", "3", "4", "1"):  # every pane once, for the memory figure
            terms["app"].press(key, quiet=0.5)
        self.rss("keys and every pane", terms["app"])

        self.more_starts()
        self.empty_start("start:never-seen")
        home = s.home("never-seen")
        term = s.term(s.passerelle(str(s.export)), home)
        self.start(term, rows, "start:never-seen", watch=s.progress_re)
        self.rss("export never seen before", term)
        finished(home)  # its reader process goes on a moment: not into the next run's figures

    def warm_up(self) -> None:
        """One start of each program, not counted: bytecode compiled, files in the OS cache."""
        self.empty_start("warm")
        home = self.s.home("warm")
        self.s.run_cli(home, "import", str(self.s.export))
        with self.s.term(self.s.passerelle(), home) as term:
            term.wait_for(self.s.row_re)
        with self.s.term(self.s.baseline("triage", str(self.s.export), str(home / "b.db")), None) as term:
            term.wait_for(self.s.row_re)
        self.samples.clear()

    def run(self) -> dict[str, list]:
        self.warm_up()
        for i in range(self.s.runs):
            self.log(f"  run {i + 1}/{self.s.runs}", file=sys.stderr)
            self.run_once(flip=bool(i % 2))
        return self.samples
