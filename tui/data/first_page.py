"""The received queue's first page, saved at exit so the next start can show it at once.

Saved for today and for tomorrow (waited days and due "later"s move daily), so the first
start of the next day is quick too.

Importing Polars costs about as much as Textual's own start. When the saved page still
matches what a start would compute (same export bytes and path, same store revision, same
day, same strategy and settings files, same Passerelle), the app shows it while a worker
loads the frames, then puts the live queue in its place. Any doubt — no file, an
unreadable one, another key — means the ordinary start. Imports no Polars.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui import __version__
from tui.data.fingerprint import source_fingerprint
from tui.data.files import write_text_atomic

FORMAT = 4  # 2: rows carry what deciding needs; 3: a page per day; 4: and the details
PAGE_ROWS = 120  # more rows than a terminal shows at once
# Shown, then what a decision on the page needs (link, the strategy's say), what moves the
# view counts when a row is decided, and what the detail pane and its signals show.
ROW_FIELDS = (
    "key", "name", "waited_days", "note", "_flags", "_status",
    "url", "suggestion", "suggestion_reason", "rule", "has_note", "suspicious", "later_due",
    "sent_at", "company", "position", "note_length", "suspicious_reasons", "messaged_before",
    "company_count", "connection_count", "decision", "decision_reason", "decided_at",
)
TIMES = ("sent_at", "decided_at")  # datetimes, kept as ISO text in the file
COUNTED = {"All", "With note", "No note", "Suspicious", "Later (due)", "Decided"}  # views `counts_after` moves


@dataclass(frozen=True)
class FirstPage:
    """What the received pane shows first: header figures, view counts and the top rows."""

    key: str
    source: str
    size: int
    mtime_ns: int
    connections: int
    pending: int
    exported_on: str | None
    counts: dict[str, int]  # view → rows, in the views' order
    rows: list[dict[str, Any]]  # the first PAGE_ROWS rows of the All view, ROW_FIELDS each
    strategy: bool  # a strategy file suggests something (else the detail says how to get one)


def page_keys(source: Path, revision: int, days: list[date], strategy_file: Path,
              settings_file: Path) -> list[str] | None:
    """For each day, everything its first page is computed from as one digest (the source is
    hashed and the files read once for all days); None if the source can't be hashed."""
    fingerprint = source_fingerprint(source, f"passerelle {__version__} first page {FORMAT}")
    if fingerprint is None:
        return None
    common = hashlib.sha256()
    for part in (fingerprint, str(Path(source).absolute()), str(revision)):
        common.update(f"{part}\0".encode())
    for file in (strategy_file, settings_file):
        try:
            common.update(file.read_bytes())
        except OSError as exc:  # missing or unreadable: the ordinary start reports the latter
            common.update(type(exc).__name__.encode())
        common.update(b"\0")
    keys = []
    for day in days:
        digest = common.copy()
        digest.update(day.isoformat().encode())
        keys.append(digest.hexdigest())
    return keys


def source_stamp(source: Path) -> tuple[int, int]:
    """Size and modification time: a change in either skips the hashing altogether."""
    info = os.stat(source)
    return info.st_size, info.st_mtime_ns


def read_page(file: Path, source: Path, key_of: Any) -> FirstPage | None:
    """The saved page made from `source` whose key is `key_of()` (computed only if one may match)."""
    try:
        data = json.loads(file.read_text("utf-8"))
        if data.get("format") != FORMAT:
            return None
        pages = [FirstPage(**page) for page in data["pages"]]
        stamp = source_stamp(source)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    pages = [page for page in pages if page.source == str(Path(source).absolute())
             and (page.size, page.mtime_ns) == stamp and _well_formed(page)]
    key = key_of() if pages else None
    page = next((page for page in pages if page.key == key), None)
    try:
        for row in page.rows if page else ():
            row.update({name: datetime.fromisoformat(row[name]) for name in TIMES if row[name] is not None})
    except (TypeError, ValueError):
        return None
    return page


def _well_formed(page: FirstPage) -> bool:
    """Rows and counts as `write_pages` writes them (the key does not cover them)."""
    return (
        isinstance(page.rows, list) and isinstance(page.counts, dict)
        and COUNTED <= page.counts.keys() and all(isinstance(n, int) for n in page.counts.values())
        and all(isinstance(row, dict) and set(ROW_FIELDS) <= row.keys() and isinstance(row["key"], str)
                for row in page.rows)
    )


def write_pages(file: Path, pages: list[FirstPage]) -> None:
    """Save atomically (0600); pages that can't be written only cost speed next time."""
    try:
        write_text_atomic(file, json.dumps({"format": FORMAT, "pages": [asdict(p) for p in pages]}, default=str))
    except OSError:
        pass


def counts_after(page: FirstPage, decided: list[dict[str, Any]]) -> dict[str, int]:
    """The view counts once `decided` (rows of the page) have a decision that is not due:
    they leave All and their note/suspicious/due views, and join Decided."""
    counts = dict(page.counts)
    for row in decided:
        leaving = ["All", "With note" if row["has_note"] else "No note"]
        leaving += ["Suspicious"] * bool(row["suspicious"]) + ["Later (due)"] * bool(row["later_due"])
        for view in leaving:
            counts[view] -= 1
        counts["Decided"] += 1
    return counts
