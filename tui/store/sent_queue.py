"""The sent queue read from the store: the export's outgoing invitations, the composer's
notes marked sent, their decisions and follow-up dates, in one SQL query (stdlib only)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tui.store.schema import latest_decision_sql
from tui.triage.vocabulary import SENT_DECISIONS, STALE_SUGGESTION

SENT = SENT_DECISIONS


SENT_SQL = f"""WITH dr AS (SELECT key, name, url, text, max(sent_at) AS sent_at, follow_up_on FROM drafts
    WHERE state = 'sent' AND key IS NOT NULL GROUP BY key),
b AS (SELECT t.id, t.key, t.name, t.url, t.sent_at, t.note, t.has_note, t.asks, 'export' AS source,
        t.accepted, t.accepted_on FROM triage_rows t WHERE t.set_id = :set AND t.direction = 'sent'
    UNION ALL
    SELECT NULL, dr.key, dr.name, dr.url, dr.sent_at, dr.text, coalesce(trim(dr.text) <> '', 0), asks(dr.text),
        'composer', c.key IS NOT NULL, c.connected_on FROM dr
    LEFT JOIN triage_connected c ON c.set_id = :set AND c.key = dr.key
    WHERE dr.key NOT IN (SELECT key FROM triage_rows WHERE set_id = :set AND direction = 'sent' AND key IS NOT NULL)),
w AS (SELECT b.*, d.decision, d.reason AS decision_reason, d.at AS decided_at,
    CASE WHEN b.source = 'export' THEN dr.text END AS marked_note, dr.sent_at AS marked_at,
    CAST(julianday(:today) - julianday(substr(b.sent_at, 1, 10)) AS INTEGER) AS waited_days,
    coalesce(dr.follow_up_on, CASE WHEN b.asks THEN date(substr(b.sent_at, 1, 10), :follow) END) AS follow_up_due
    FROM b LEFT JOIN batches d ON d.id = {latest_decision_sql("b.key", SENT)} LEFT JOIN dr ON dr.key = b.key),
s AS (SELECT *, coalesce(NOT accepted AND waited_days >= :stale AND decision IS NOT 'withdrawn', 0) AS stale,
    coalesce(follow_up_due IS NOT NULL AND follow_up_due <= :today AND decision IS NULL, 0) AS follow_up_now,
    NOT accepted AND decision IS NOT 'withdrawn' AS pending FROM w)
SELECT * FROM s ORDER BY follow_up_now DESC, stale DESC, pending DESC, waited_days IS NULL, waited_days DESC"""


def sent_rows(store: Any, set_id: int, today: date, stale_days: int = 21, follow_up_days: int = 7) -> list[dict]:
    """Every sent invitation as a dict: follow-ups due first, then stale, then the others
    still waiting, then those that need nothing (accepted, withdrawn); longest waiting first
    within each. An export row with no note shows the note marked sent in the composer."""
    params = {"set": set_id, "today": today.isoformat(), "stale": stale_days, "follow": f"+{follow_up_days} days"}
    with store.reading() as conn:
        cursor = conn.execute(SENT_SQL, params)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    return [_typed(dict(zip(names, row))) for row in rows]


def _typed(row: dict) -> dict:
    for name in ("has_note", "asks", "accepted", "stale", "follow_up_now", "pending"):
        row[name] = bool(row[name])
    for name in ("sent_at", "decided_at"):
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    for name in ("accepted_on", "follow_up_due"):
        row[name] = date.fromisoformat(row[name][:10]) if row[name] else None
    row["suggestion"] = STALE_SUGGESTION if row["stale"] else None
    marked = row.get("marked_note")
    if marked and marked.strip() and not (row["note"] and row["note"].strip()):
        row["note"], row["marked_note"] = marked, None  # the note they got is the composer's
    row["marked_at"] = datetime.fromisoformat(row["marked_at"]) if row.get("marked_at") else None
    return row


class DictRows:
    """Rows already read (the sent queue is small), with what the table asks of its rows."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.columns = tuple(rows[0]) if rows else ("key",)

    @property
    def height(self) -> int:
        return len(self.rows)

    def row(self, index: int, named: bool = True) -> dict | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def __getitem__(self, where: tuple[int, str]) -> Any:
        return self.rows[where[0]].get(where[1])

    def index_of(self, column: str, value: Any) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.get(column) == value), None)

    def rows_with_keys(self, keys: set) -> list[dict]:
        return [row for row in self.rows if row.get("key") in keys]
