"""The benchmark's arithmetic, kept apart from processes and terminals so it can be checked on
recorded data: when a screen has settled, ratios of medians, the verdict against a target,
what a type-ahead screen must show, and the printed table. Standard library only."""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field

QUIET = 0.25  # seconds without a change of the screen's text: settled
PATIENCE = 3.0  # seconds to wait for a key's first change before saying it changed nothing


class Settle:
    """Follows a screen after a key: `feed` each time output arrives, with the screen's text;
    `lag` is the seconds from the key to the last change of the text. Output that leaves the
    text as it was (a cursor blinking, a repaint of the same cells) is not a change. Until the
    first change it waits `patience` seconds: a busy machine may answer late, and a late answer
    must not be taken for no answer (and counted against the next key)."""

    def __init__(self, start: float, text: str, quiet: float = QUIET, patience: float = PATIENCE) -> None:
        self.start, self.quiet, self.patience = start, quiet, patience
        self.before = self.text = text
        self.last = start

    def feed(self, now: float, text: str) -> None:
        if text != self.text:
            self.text, self.last = text, now

    def done(self, now: float) -> bool:
        if not self.changed:
            return now - self.start >= self.patience
        return now - self.last >= self.quiet

    @property
    def changed(self) -> bool:
        return self.last > self.start

    @property
    def lag(self) -> float | None:
        """Seconds to the last change; None when the key left the screen as it was."""
        return self.last - self.start if self.changed and self.text != self.before else None


def median(values: list[float | None]) -> float | None:
    """Median of the values that exist (a key that changed nothing has none)."""
    real = [v for v in values if v is not None]
    return statistics.median(real) if real else None


def ratio(measured: float | None, baseline: float | None) -> float | None:
    if measured is None or not baseline:
        return None
    return measured / baseline


@dataclass
class Figure:
    """One line of the table. `limit` is the most `ratio` (or `measured` when there is no
    baseline) may be; `met` can be given directly for pass/fail figures."""

    name: str
    measured: float | None
    unit: str = "s"
    baseline: float | None = None
    limit: float | None = None
    target: str = "info"
    met: bool | None = None
    note: str = ""
    in_process: bool = False
    details: list[str] = field(default_factory=list)  # printed under the table

    @property
    def ratio(self) -> float | None:
        return ratio(self.measured, self.baseline)

    @property
    def verdict(self) -> bool | None:
        """True/False against the target; None for figures printed for information."""
        if self.met is not None:
            return self.met
        if self.limit is None:
            return None
        value = self.ratio if self.baseline is not None else self.measured
        return value is not None and value <= self.limit


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.0f} ms" if value >= 10 else f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:g} {unit}".strip()


def table(figures: list[Figure]) -> str:
    """The figures as an aligned text table: figure, measured, baseline, ratio, target, met?"""
    head = ("figure", "measured", "baseline", "ratio", "target", "met?")
    rows = [head]
    for f in figures:
        name = f.name + (" [in-process]" if f.in_process else "")
        measured = f.note if f.measured is None and f.note else fmt(f.measured, f.unit)
        r = f.ratio
        met = {True: "yes", False: "NO", None: "info"}[f.verdict]
        rows.append((name, measured, fmt(f.baseline, f.unit) if f.baseline is not None else "",
                     f"{r:.2f}×" if r is not None else "", f.target, met))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = []
    for f in figures:
        said = [f.note] if f.note and f.measured is not None else []
        if said or f.details:
            notes.append(f"  {f.name}: " + "; ".join(said))
            notes += [f"      {d}" for d in f.details]
    return "\n".join(lines + ([""] + notes if notes else []))


def fold(text: str) -> str:
    """Lower case without accents, as a person typing a filter expects to match."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def row_names(screen: str, row_re: re.Pattern[str]) -> list[str]:
    """The names of the table rows on a screen (the `name` group of the row pattern)."""
    return [m.group("name") for m in row_re.finditer(screen)]


def filtered_for(screen: str, word: str, row_re: re.Pattern[str], matching: set[str]) -> tuple[bool, str]:
    """Does the screen show a filter for `word`, and only rows it matches? The word must be on
    screen outside the rows (the filter field), and every row shown must be one of the
    `matching` names (the invitations whose name or note holds the word; a name cut short
    with "…" counts when it starts one of them), and some row must show when any matches."""
    want = fold(word)
    known = {fold(n).strip() for n in matching}
    outside = [line for line in screen.splitlines() if not row_re.match(line + "\n")]
    if not any(want in fold(line) for line in outside):
        return False, f"'{word}' not on screen outside the rows"
    names = [fold(n).strip() for n in row_names(screen, row_re)]
    wrong = [n for n in names if not any(k.startswith(n.rstrip("…")) for k in known)]
    if wrong:
        return False, f"{len(wrong)} of {len(names)} rows shown do not match (first: {wrong[0]!r})"
    if known and not names:
        return False, f"no row shown, where {len(known)} invitations match"
    return True, f"filter shown, {len(names)} matching rows on screen"
