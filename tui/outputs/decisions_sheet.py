"""The decisions sheet: the rows, columns and cells `passerelle decisions` and the app's
"export: decisions CSV" write, formulas neutralised."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import N_, _, pgettext
from tui.paths import Paths

COLUMNS = ("name", "profile_url", "decision", "decided_at", "reason", "until")
HISTORY_COLUMNS = ("event", "in_effect")
# `--format sheet`: the CSV for a person to read, its headers and words in the language of
# the interface (csv and json keep these English identifiers: scripts read them).
SHEET_EVENTS = {"decide": N_("decision"), "undo": N_("undone"), "redo": N_("redone")}
_BREAKS = re.compile(r"[\t\r\n]+")
_FORMULA = ("=", "+", "-", "@")


def spreadsheet_cell(value: Any) -> str:
    """Text safe to open in a spreadsheet: no control characters, no formula."""
    if value is None:
        return ""
    text = value.isoformat(sep=" ", timespec="seconds") if isinstance(value, datetime) else str(value)
    risky = text[:1] in ("\t", "\r", "\n")
    text = strip_unsafe(_BREAKS.sub(" ", text))
    if risky or text.lstrip(" ")[:1] in _FORMULA:
        text = "'" + text
    return text


def sheet_rows(paths: Paths, history: bool) -> list[dict[str, Any]]:
    """Decisions from the store, read-only; no database yet → no rows (and nothing created)."""
    if not paths.database.is_file():
        return []
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        frame = store.history() if history else store.decisions()
    finally:
        store.close()
    out = []
    for row in frame.iter_rows(named=True):
        item = {
            "name": row.get("name"),
            "profile_url": row.get("url"),
            "decision": row.get("decision"),
            "decided_at": row.get("decided_at", row.get("at")),
            "reason": row.get("reason"),
            "until": row.get("until"),
            "key": row.get("key"),
        }
        if history:
            item["event"] = row.get("kind")
            item["in_effect"] = row.get("active")
        out.append(item)
    return out


def json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def sheet_headers() -> dict[str, str]:
    """The sheet's column headers ("sheet" tells these words apart from the same ones elsewhere)."""
    return {"name": pgettext("decisions sheet", "Name"), "profile_url": pgettext("decisions sheet", "Profile URL"),
            "decision": pgettext("decisions sheet", "Decision"), "decided_at": pgettext("decisions sheet", "Decided at"),
            "reason": pgettext("decisions sheet", "Reason"), "until": pgettext("decisions sheet", "Until"),
            "event": pgettext("decisions sheet", "Event"), "in_effect": pgettext("decisions sheet", "In effect")}


def sheet_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row's words (decision, reason, event, in effect) as a person reads them."""
    from tui.outputs.human import decision_word
    from tui.core.phrasebook import describe

    out = {**row, "decision": decision_word(row.get("decision"))}
    if row.get("reason"):  # stored in English (the CSV and JSON keep it so)
        out["reason"] = describe(row["reason"])
    if "event" in row:
        out["event"] = _(SHEET_EVENTS[row["event"]]) if row["event"] in SHEET_EVENTS else row["event"]
        out["in_effect"] = _("yes") if row.get("in_effect") else _("no")
    return out
