"""`passerelle import SOURCE`: make an export the current one and say what was read."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.outputs.human import count
from tui.core.phrasebook import describe
from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import day
from tui.paths import Paths

HELP = N_("Import a LinkedIn export (ZIP, folder or CSV) as the current one and print what was read.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", help=_("the export ZIP, its unpacked folder, or a CSV file"))
    parser.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    parser.add_argument("--yes", action="store_true", help=_("import even if it is older than the last import"))


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
        if store.recovered:  # a damaged database was kept aside: say what was restored
            print(store.recovered, file=sys.stderr)
        outcome = record_export(store, export, Path(args.source), paths.snapshots, allow_older=args.yes)
        if outcome.record is not None:  # the triage panes read these rows from the first start on
            from datetime import date

            from tui.store.triage_tables import ensure_suggestions, write_triage

            rows = write_triage(store, export, Path(args.source))
            ensure_suggestions(store, rows.id, paths.strategy_file, date.today())
            if outcome.status != "unchanged":  # `stats` then answers from the store
                from tui.outputs.stats_figures import remember

                remember(store, export, Path(args.source), paths)
    if outcome.record is None:  # older than the last import, and not confirmed
        if args.json:
            print(json.dumps(_payload(export, None, "older"), indent=2))
        print(
            _("passerelle: this export ({exported_on}) is older than the last import ({previous}); nothing was "
              "imported. Run again with --yes to import it anyway.").format(
                exported_on=outcome.exported_on, previous=outcome.previous.exported_on),
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
    head = (_("file"), _("kind"), _("rows"), _("kept"), _("set aside"), _("problems"))
    rows = [
        (clean(f["name"]), f["kind"], count(f["rows"]), count(f["kept"]),
         count(len(f["set_aside"]) + f.get("set_aside_more", 0)), count(len(f["problems"])))
        for f in files
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    for f in files:
        name = clean(f["name"])  # a member name may carry escape sequences or line breaks
        print(f"  {name}: {clean(describe(f['vintage']))}, {f['encoding']}")
        for repair in f["repairs"]:  # kept in English (--json, the cache): said in the reader's language
            print(f"  {name}: {clean(describe(repair))}")
        for item in f["set_aside"][:10]:
            print("  " + _("{file} line {line}: set aside ({reason})").format(
                file=name, line=item["line"], reason=clean(describe(item["reason"]))))
        more = len(f["set_aside"]) + f.get("set_aside_more", 0) - 10
        if more > 0:
            print("  " + ngettext("{file}: {count} more row set aside", "{file}: {count} more rows set aside",
                                  more).format(file=name, count=count(more)))
        for problem in f["problems"]:
            print(f"  {name}: {clean(describe(problem))}")
    for problem in export.report.problems:  # type: ignore[attr-defined]
        print(f"  {clean(describe(problem))}")
    counts = record.counts  # type: ignore[attr-defined]
    summary = ", ".join(_counted(k, n) for k, n in counts.items())
    if record.exported_on:  # type: ignore[attr-defined]
        print(_(VERDICTS[status]).format(day=day(record.exported_on), id=record.id, counts=summary))  # type: ignore[attr-defined]
    else:  # no date in the name nor in the files (the pre-2017 Outlook file has none)
        print(_(UNDATED[status]).format(id=record.id, counts=summary))  # type: ignore[attr-defined]


# What became of an import, as one sentence per outcome (so each language words it whole).
VERDICTS = {
    "new": N_("Export of {day} imported as import #{id}: {counts}."),
    "older": N_("Export of {day} imported (older than the previous import) as import #{id}: {counts}."),
    "unchanged": N_("Export of {day} already imported, nothing changed as import #{id}: {counts}."),
    "current": N_("Export of {day} already imported; it is the current export again as import #{id}: {counts}."),
}
UNDATED = {
    "new": N_("Undated export imported as import #{id}: {counts}."),
    "older": N_("Undated export imported (older than the previous import) as import #{id}: {counts}."),
    "unchanged": N_("Undated export already imported, nothing changed as import #{id}: {counts}."),
    "current": N_("Undated export already imported; it is the current export again as import #{id}: {counts}."),
}


def _counted(kind: str, n: int) -> str:
    """One of the counts an import keeps (`counts` in the JSON), in words."""
    forms = {
        "connections": lambda: ngettext("{count} connection", "{count} connections", n),
        "hidden_connections": lambda: ngettext("{count} hidden connection", "{count} hidden connections", n),
        "invitations": lambda: ngettext("{count} invitation", "{count} invitations", n),
        "messages": lambda: ngettext("{count} message", "{count} messages", n),
    }
    if kind not in forms:
        return f"{n} {kind.replace('_', ' ')}"
    return forms[kind]().format(count=count(n))


def clean(text: object) -> str:
    """Text from the export printed to the terminal: no control, bidi or zero-width character."""
    return strip_unsafe(str(text), replacement=" ")
