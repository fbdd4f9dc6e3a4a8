"""`passerelle import SOURCE`: make an export the current one and say what was read."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.core.unsafe_chars import strip_unsafe
from tui.paths import Paths

HELP = "Import a LinkedIn export (ZIP, folder or CSV) as the current one and print what was read."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help="the export ZIP, its unpacked folder, or a CSV file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--yes", action="store_true", help="import even if it is older than the last import")


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
    from tui.export.reader import load_export
    from tui.store.imports import record_export
    from tui.store.store import Store

    # Load first: a bad export must leave no trace (no folders, no database).
    export = load_export(Path(args.source))
    paths.ensure()
    with Store.open(paths.database) as store:
        outcome = record_export(store, export, Path(args.source), paths.snapshots, allow_older=args.yes)
        if outcome.record is not None:  # the triage panes read these rows from the first start on
            from datetime import date

            from tui.store.triage_tables import ensure_suggestions, write_triage

            rows = write_triage(store, export, Path(args.source))
            ensure_suggestions(store, rows.id, paths.strategy_file, date.today())
    if outcome.record is None:  # older than the last import, and not confirmed
        if args.json:
            print(json.dumps(_payload(export, None, "older"), indent=2))
        print(
            f"passerelle: this export ({outcome.exported_on}) is older than the last import "
            f"({outcome.previous.exported_on}); nothing was imported. Run again with --yes to import it anyway.",
            file=sys.stderr,
        )
        return 2
    if args.json:
        print(json.dumps(_payload(export, outcome.record, outcome.status), indent=2))
        return 0
    _print_human(export, outcome.record, outcome.status)
    return 0


def _print_human(export: object, record: object, status: str) -> None:
    files = _files(export)
    head = ("file", "kind", "rows", "kept", "set aside", "problems")
    rows = [
        (clean(f["name"]), f["kind"], str(f["rows"]), str(f["kept"]),
         str(len(f["set_aside"]) + f.get("set_aside_more", 0)), str(len(f["problems"])))
        for f in files
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    for f in files:
        name = clean(f["name"])  # a member name may carry escape sequences or line breaks
        print(f"  {name}: {clean(f['vintage'])}, {f['encoding']}")
        for repair in f["repairs"]:
            print(f"  {name}: {clean(repair)}")
        for item in f["set_aside"][:10]:
            print(f"  {name} line {item['line']}: set aside ({clean(item['reason'])})")
        more = len(f["set_aside"]) + f.get("set_aside_more", 0) - 10
        if more > 0:
            print(f"  {name}: {more} more rows set aside")
        for problem in f["problems"]:
            print(f"  {name}: {clean(problem)}")
    for problem in export.report.problems:  # type: ignore[attr-defined]
        print(f"  {clean(problem)}")
    counts = record.counts  # type: ignore[attr-defined]
    summary = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items())
    when = record.exported_on.isoformat() if record.exported_on else "undated"  # type: ignore[attr-defined]
    verdict = {
        "new": "imported",
        "older": "imported (older than the previous import)",
        "unchanged": "already imported, nothing changed",
        "current": "already imported; it is the current export again",
    }[status]
    print(f"Export of {when} {verdict} as import #{record.id}: {summary}.")  # type: ignore[attr-defined]


def clean(text: object) -> str:
    """Text from the export printed to the terminal: no control, bidi or zero-width character."""
    return strip_unsafe(str(text), replacement=" ")
