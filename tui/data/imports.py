"""Making an export the current one: snapshot, record, and the older-export check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from tui.data.export import Export
from tui.data.snapshot import write_snapshot
from tui.data.store import ImportRecord, Store


@dataclass(frozen=True)
class ImportOutcome:
    """What recording an export did: `status` is new, unchanged or older."""

    status: str
    record: ImportRecord | None
    previous: ImportRecord | None
    exported_on: date | None


def export_date(export: Export) -> date | None:
    """The export's date: from the archive name, else the newest connection/invitation."""
    if export.exported_on is not None:
        return export.exported_on
    candidates = [
        export.connections.select(pl.col("connected_on").max()).item(),
        export.invitations.select(pl.col("sent_at").max().dt.date()).item(),
    ]
    seen = [d for d in candidates if d is not None]
    return max(seen) if seen else None


def counts_of(export: Export) -> dict[str, int]:
    """The row counts kept with each import."""
    return {
        "connections": export.connections.height,
        "hidden_connections": export.hidden.height,
        "invitations": export.invitations.height,
        "messages": export.messages.height,
    }


def record_export(store: Store, export: Export, source: Path, snapshots: Path, *, allow_older: bool) -> ImportOutcome:
    """Record `export` as the current import with a snapshot, unless already known.

    An export older than the last import is only recorded with `allow_older`: the
    caller asks the user first. Re-recording the same content changes nothing.
    """
    exported_on = export_date(export)
    previous = store.last_import()
    record = store.find_import(export.content_hash)
    if record is not None:
        return ImportOutcome("unchanged", record, previous, exported_on)
    older = bool(previous and previous.exported_on and exported_on and exported_on < previous.exported_on)
    if older and not allow_older:
        return ImportOutcome("older", None, previous, exported_on)
    snapshot = write_snapshot(export, snapshots)
    try:
        record = store.record_import(str(source.absolute()), export.content_hash, exported_on, counts_of(export), snapshot)
    except BaseException:
        snapshot.unlink(missing_ok=True)  # no record, no orphan snapshot
        raise
    return ImportOutcome("older" if older else "new", record, previous, exported_on)
