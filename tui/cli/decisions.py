"""`passerelle decisions`: the action sheet to carry out on LinkedIn by hand."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from tui.i18n import N_, _
from tui.outputs.decisions_sheet import (COLUMNS, HISTORY_COLUMNS, json_value, sheet_headers, sheet_row, sheet_rows,
                                         spreadsheet_cell)
from tui.paths import Paths

HELP = N_("Print your decisions (name, profile URL, decision, when, reason) as CSV or JSON.")
FORMATS = ("csv", "json", "sheet")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="csv",
                        help=_("csv (for spreadsheets, formulas neutralised; default), sheet (the same, with headers "
                               "and decisions in your language) or json (exact)"))
    parser.add_argument("--all", action="store_true",
                        help=_("every event, including undone decisions and undo/redo"))
    parser.add_argument("--pending", action="store_true",
                        help=_("only decisions not yet carried out on LinkedIn (see: passerelle todo)"))


def _pending(paths: Paths, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The decisions the to-do queue still lists (not done, not confirmed by an export)."""
    from tui.cli.todo import queue_of

    open_ = {(r.key, r.action) for r in queue_of(paths).rows if r.state != "confirmed"}
    from tui.store.todo_log import ACTIONS

    return [r for r in rows if (r["key"], ACTIONS.get(r["decision"])) in open_]


def run(args: argparse.Namespace, paths: Paths) -> int:
    rows = sheet_rows(paths, args.all)
    if args.pending and not args.all:
        rows = _pending(paths, rows)
    if args.format == "json":
        data = [{k: json_value(v) for k, v in row.items()} for row in rows]
        # ensure_ascii: escapes and bidi characters in names can't reach the terminal raw.
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")
        return 0
    columns = COLUMNS + (HISTORY_COLUMNS if args.all else ())
    writer = csv.writer(sys.stdout, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    if args.format == "sheet":
        writer.writerow([sheet_headers()[c] for c in columns])
        rows = [sheet_row(row) for row in rows]
    else:
        writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_cell(row.get(c)) for c in columns])
    return 0
