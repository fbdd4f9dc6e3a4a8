"""Making an export the current one: snapshot, record, and the older-export check.

The check and the write are one `BEGIN IMMEDIATE` transaction, so two imports started at
once cannot both pass the check (the older one made current) nor record one content twice
(the hash is unique in the schema as well).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from tui.export.reader import Export
from tui.store.snapshots import write_snapshot
from tui.store.store import ImportRecord, Store
from tui.i18n import N_


@dataclass(frozen=True)
class ImportOutcome:
    """What recording an export did: `status` is new, unchanged, current (a known export
    made the current one again) or older (refused, or recorded with `allow_older`)."""

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


def _is_older(exported_on: date | None, previous: ImportRecord | None) -> bool:
    return bool(previous and previous.exported_on and exported_on and exported_on < previous.exported_on)


def record_export(store: Store, export: Export, source: Path, snapshots: Path, *, allow_older: bool) -> ImportOutcome:
    """Record `export` as the current import with a snapshot.

    An export older than the last import is only made current with `allow_older`: the
    caller asks the user first. A known export keeps its record, which learns its new
    path when the file moved; if it is not the current one it becomes current again
    (with `allow_older` when it is older).
    """
    exported_on = export_date(export)
    where = str(Path(source).absolute())
    previous = store.last_import()
    known = store.find_import(export.content_hash)
    if known is not None and known.id == getattr(previous, "id", None) and known.source == where:
        return ImportOutcome("unchanged", known, previous, exported_on)  # the common case: no write
    if known is None and _is_older(exported_on, previous) and not allow_older:
        return ImportOutcome("older", None, previous, exported_on)
    with store.transaction(N_("the import record")) as conn:  # check and write in one transaction
        _unique_hash(conn)
        rows = conn.execute(f"{Store._IMPORT_SQL} ORDER BY id DESC LIMIT 1").fetchall()  # noqa: SLF001
        previous = Store._import_record(rows[0]) if rows else None  # noqa: SLF001
        rows = conn.execute(f"{Store._IMPORT_SQL} WHERE content_hash = ?", (export.content_hash,)).fetchall()  # noqa: SLF001
        known = Store._import_record(rows[0]) if rows else None  # noqa: SLF001
        older = _is_older(exported_on, previous if known is None or previous.id != known.id else None)
        if older and not allow_older:
            return ImportOutcome("older", None, previous, exported_on)
        if known is not None:
            return _known(conn, store, known, previous, where, exported_on)
        snapshot = snapshots / _snapshot_name(export)
        existed = snapshot.exists()  # the frames of an earlier open: kept either way
        snapshot = write_snapshot(export, snapshots)  # under the write lock: no other import relies on it yet
        try:
            at = store._now()  # noqa: SLF001
            cur = conn.execute(
                "INSERT INTO imports(source, content_hash, exported_on, imported_at, counts, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
                (where, export.content_hash, exported_on.isoformat() if exported_on else None,
                 at.isoformat(timespec="microseconds"), json.dumps(counts_of(export), sort_keys=True), str(snapshot)),
            )
        except BaseException:
            if not existed:
                shutil.rmtree(snapshot, ignore_errors=True)  # no record, no orphan snapshot
            raise
        record = ImportRecord(int(cur.lastrowid), where, export.content_hash, exported_on, at, counts_of(export), snapshot)
    return ImportOutcome("older" if older else "new", record, previous, exported_on)


def _unique_hash(conn) -> None:
    """One record per export content, in the schema too (an older race may have left two).

    Made here, in the import's own transaction, rather than as a migration: a migration
    would make every read-only command refuse a database until something wrote to it.
    """
    conn.execute("DELETE FROM imports WHERE id NOT IN (SELECT max(id) FROM imports GROUP BY content_hash)")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS imports_content_hash ON imports(content_hash)")


def _snapshot_name(export: Export) -> str:
    from tui.store.snapshots import snapshot_name

    return snapshot_name(export)


def _known(conn, store: Store, known: ImportRecord, previous: ImportRecord | None, where: str,
           exported_on: date | None) -> ImportOutcome:
    """A known export: the record follows the file to its new path and becomes current (a
    new, highest id: "current" is the last import) when it was not."""
    current = previous is not None and previous.id == known.id
    new_id = known.id if current else int(conn.execute("SELECT max(id) + 1 FROM imports").fetchone()[0])
    conn.execute("UPDATE imports SET id = ?, source = ? WHERE id = ?", (new_id, where, known.id))
    record = ImportRecord(new_id, where, known.content_hash, known.exported_on, known.imported_at,
                          known.counts, known.snapshot)
    return ImportOutcome("unchanged" if current else "current", record, previous, exported_on)
