"""`passerelle import SOURCE`: make an export the current one and say what was read."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path

import polars as pl

from tui.paths import Paths

HELP = "Import a LinkedIn export (ZIP, folder or CSV) as the current one and print what was read."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the export ZIP, its unpacked folder, or a CSV file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--yes", action="store_true", help="import even if it is older than the last import")


def export_date(export: object) -> date | None:
    """The export's date: from the archive name, else the newest connection/invitation."""
    if getattr(export, "exported_on", None) is not None:
        return export.exported_on  # type: ignore[attr-defined]
    candidates = [
        export.connections.select(pl.col("connected_on").max()).item(),  # type: ignore[attr-defined]
        export.invitations.select(pl.col("sent_at").max().dt.date()).item(),  # type: ignore[attr-defined]
    ]
    seen = [d for d in candidates if d is not None]
    return max(seen) if seen else None


def counts_of(export: object) -> dict[str, int]:
    return {
        "connections": export.connections.height,  # type: ignore[attr-defined]
        "hidden_connections": export.hidden.height,  # type: ignore[attr-defined]
        "invitations": export.invitations.height,  # type: ignore[attr-defined]
        "messages": export.messages.height,  # type: ignore[attr-defined]
    }


def _files(export: object) -> list[dict]:
    files = export.report.to_dict()["files"]  # type: ignore[attr-defined]
    return [{**f, "problems": list(f.get("problems", []))} for f in files]


def _payload(export: object, record: object | None, status: str) -> dict:
    return {
        "files": _files(export),
        "problems": list(export.report.problems),  # type: ignore[attr-defined]
        "import": _record_dict(record) if record is not None else None,
        "status": status,
    }


def _record_dict(record: object) -> dict:
    return {
        "id": record.id,  # type: ignore[attr-defined]
        "source": record.source,  # type: ignore[attr-defined]
        "content_hash": record.content_hash,  # type: ignore[attr-defined]
        "exported_on": record.exported_on.isoformat() if record.exported_on else None,  # type: ignore[attr-defined]
        "imported_at": record.imported_at.isoformat(timespec="seconds"),  # type: ignore[attr-defined]
        "counts": record.counts,  # type: ignore[attr-defined]
        "snapshot": str(record.snapshot) if record.snapshot else None,  # type: ignore[attr-defined]
    }


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.data.export import load_export
    from tui.data.snapshot import write_snapshot
    from tui.data.store import Store

    # Load first: a bad export must leave no trace (no folders, no database).
    export = load_export(Path(args.source))
    exported_on = export_date(export)
    source = os.path.abspath(args.source)

    paths.ensure()
    with Store.open(paths.database) as store:
        previous = store.last_import()
        record = store.find_import(export.content_hash)
        status = "unchanged" if record is not None else "new"
        if record is None and previous is not None and previous.exported_on and exported_on:
            if exported_on < previous.exported_on:
                status = "older"
                if not args.yes:
                    if args.json:
                        print(json.dumps(_payload(export, None, "older"), indent=2))
                    print(
                        f"passerelle: this export ({exported_on}) is older than the last import "
                        f"({previous.exported_on}); nothing was imported. Run again with --yes to import it anyway.",
                        file=sys.stderr,
                    )
                    return 2
        if record is None:
            snapshot = write_snapshot(export, paths.snapshots)
            try:
                record = store.record_import(source, export.content_hash, exported_on, counts_of(export), snapshot)
            except BaseException:
                snapshot.unlink(missing_ok=True)  # no record, no orphan snapshot
                raise

    if args.json:
        print(json.dumps(_payload(export, record, status), indent=2))
        return 0
    _print_human(export, record, status)
    return 0


def _print_human(export: object, record: object, status: str) -> None:
    files = _files(export)
    head = ("file", "kind", "rows", "kept", "set aside", "problems")
    rows = [
        (f["name"], f["kind"], str(f["rows"]), str(f["kept"]), str(len(f["set_aside"])), str(len(f["problems"])))
        for f in files
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    for f in files:
        for item in f["set_aside"][:10]:
            print(f"  {f['name']} line {item['line']}: set aside ({item['reason']})")
        if len(f["set_aside"]) > 10:
            print(f"  {f['name']}: {len(f['set_aside']) - 10} more rows set aside")
        for problem in f["problems"]:
            print(f"  {f['name']}: {problem}")
    for problem in export.report.problems:  # type: ignore[attr-defined]
        print(f"  {problem}")
    counts = record.counts  # type: ignore[attr-defined]
    summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
    when = record.exported_on.isoformat() if record.exported_on else "undated"  # type: ignore[attr-defined]
    verdict = {
        "new": "imported",
        "older": "imported (older than the previous import)",
        "unchanged": "already imported, nothing changed",
    }[status]
    print(f"Export of {when} {verdict} as import #{record.id}: {summary}.")  # type: ignore[attr-defined]
