"""What the to-do queue reads from and writes to the store: decisions still in effect,
drafts not sent, and "done" events (batches with decision 'done' in the one decision log).

Standard library only: `passerelle todo` and the To do pane read it without Polars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tui.store.store import DONE, Store
from tui.i18n import N_
from tui.store.schema import ACTIVE_BATCHES_SQL, create_tables, has_table

# Decision in the log → what to do on LinkedIn. 'later' and 'suspicious' ask nothing there.
ACTIONS = {
    "accept": "accept",
    "ignore": "ignore",
    "follow": "follow",
    "withdrawn": "withdraw",
    "followed_up": "follow up",
}
NOTE_ACTION = "send note"  # a note drafted in the composer, not yet sent
ACTION_ORDER = ("accept", "ignore", "follow", "withdraw", "follow up", NOTE_ACTION)


@dataclass(frozen=True)
class Decided:
    """One thing to carry out: the decision batch (or draft) `ref` for person `key`."""

    key: str
    name: str | None
    url: str | None
    action: str
    ref: int
    since: datetime
    note: str | None = None


@dataclass(frozen=True)
class Done:
    """A done event in effect: batch `batch` carried out (`key`, `action`, `ref`) at `at`."""

    batch: int
    key: str
    action: str
    ref: int
    at: datetime


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _rows(store: Store, sql: str, params: Sequence = ()) -> list[tuple]:
    return store.select(sql, params)


def decided(store: Store) -> list[Decided]:
    """Per person, the decision in effect that asks for something on LinkedIn, and every
    draft not sent."""
    vocabulary = ", ".join(f"'{d}'" for d in ACTIONS)
    rows = _rows(store, f"""WITH active AS MATERIALIZED (SELECT id, decision, at FROM ({ACTIVE_BATCHES_SQL})
        WHERE decision <> '{DONE}'),
        latest AS (SELECT r.key, max(r.batch) AS batch FROM decision_rows r JOIN active a ON a.id = r.batch
                   GROUP BY r.key)
        SELECT r.key, r.name, r.url, a.decision, a.id, a.at FROM latest l
        JOIN decision_rows r ON r.batch = l.batch AND r.key = l.key JOIN active a ON a.id = l.batch
        WHERE a.decision IN ({vocabulary}) ORDER BY a.at, r.key""")
    out = [Decided(k, n, u, ACTIONS[d], int(b), _time(at)) for k, n, u, d, b, at in rows]
    drafts = _rows(store, """SELECT key, name, url, id, created_at, text FROM drafts
        WHERE state = 'draft' AND key IS NOT NULL AND trim(text) <> '' ORDER BY created_at, id""")
    out += [Decided(k, n, u, NOTE_ACTION, int(i), _time(at), text) for k, n, u, i, at, text in drafts]
    return out  # the queue sorts (by action, then oldest first)


def done_events(store: Store) -> list[Done]:
    """Every done event still in effect (not undone)."""
    if not has_table(store, "done_rows"):
        return []
    rows = _rows(store, f"""SELECT d.batch, d.key, d.action, d.ref, a.at FROM done_rows d
        JOIN ({ACTIVE_BATCHES_SQL}) a ON a.id = d.batch ORDER BY d.batch, d.key""")
    return [Done(int(b), k, a, int(r), _time(at)) for b, k, a, r, at in rows]


def mark_done(store: Store, items: Sequence[Any]) -> int | None:
    """Record that `items` (Decided or queue rows: key, name, url, action, ref) were carried
    out, as one event of the decision log; None when there is nothing to record."""
    unique = {(i.key, i.action): i for i in items if i.key}
    if not unique:
        return None
    people = {i.key: i for i in unique.values()}
    with store.transaction(N_("marking it done")) as conn:
        create_tables(conn)
        cur = conn.execute("INSERT INTO batches(at, kind, decision, reason) VALUES (?, 'decide', ?, '')",
                           (store._stamp(), DONE))
        batch = int(cur.lastrowid)
        conn.executemany("INSERT INTO decision_rows(batch, key, name, url) VALUES (?, ?, ?, ?)",
                         [(batch, p.key, p.name, p.url) for p in people.values()])
        conn.executemany("INSERT INTO done_rows(batch, key, action, ref) VALUES (?, ?, ?, ?)",
                         [(batch, i.key, i.action, i.ref) for i in unique.values()])
    return batch
