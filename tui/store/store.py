"""The state store: decisions as an append-only event log in SQLite, plus notes, tags, drafts.

Decisions are the only data the user cannot get back from LinkedIn, so every write is one
`BEGIN IMMEDIATE … COMMIT` in WAL mode with synchronous=FULL: when a method returns, the
change is on disk. Undo and redo are new events, never deletions.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import StoreError
from tui.i18n import N_, _
from tui.store.opening import APPLICATION_ID, BUSY_TIMEOUT, PageCheck, connect, rollback, why  # noqa: F401 - APPLICATION_ID: the store's API
from tui.store.recovery import DamagedStoreError, recover
from tui.core.company_names import DEFAULT_RULES
from tui.store.sql_functions import register as register_sql_functions
from tui.triage.vocabulary import RECEIVED_DECISIONS, SENT_DECISIONS
from tui.store.records import Batch, ImportRecord, Person, polars_schema, typed_frame  # noqa: F401 - the store's API
from tui.store.schema import (  # noqa: F401 - the schemas are part of the store's API
    ACTIVE_BATCHES_SQL,
    TIMESTAMP_FORMAT,
    DECISIONS_SCHEMA,
    DRAFTS_SCHEMA,
    HISTORY_SCHEMA,
    INFO_SCHEMA,
    MIGRATIONS,
    NOTES_SCHEMA,
    TAGS_SCHEMA,
)

if TYPE_CHECKING:
    import polars as pl

DECISIONS = RECEIVED_DECISIONS + SENT_DECISIONS
DONE = "done"  # a to-do carried out: an event in the log, never a decision (tui/store/todo_log.py)
DRAFT_STATES = ("draft", "sent", "accepted", "abandoned")

def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _only(decisions: Sequence[str] | None) -> tuple[str, tuple]:
    """An `AND decision IN (…)` clause and its parameters; nothing for None."""
    if decisions is None:
        return "", ()
    return f"AND decision IN ({', '.join('?' * len(decisions))})", tuple(decisions)


class Store:
    """One open state database. Use `Store.open(path)`; every method is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, now: Callable[[], datetime], read_only: bool) -> None:
        self.path = path
        self._conn = conn
        self._now = now
        self._lock = threading.RLock()  # Textual workers may call from other threads
        self.read_only = read_only
        self.recovered: str | None = None  # what a damaged database's recovery did, to tell the user
        self.company_rules = DEFAULT_RULES  # companies.toml's, once the app or a command reads it
        self._pages: PageCheck | None = None  # the check of every page, while it runs (`pages_later`)
        register_sql_functions(conn)

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        timeout: float = BUSY_TIMEOUT,
        read_only: bool = False,
        now: Callable[[], datetime] = datetime.now,
        pages_later: bool = False,
    ) -> Store:
        """Open (or create) the database; StoreError if it can't be used safely.

        Never overwrites, renames or deletes a file it can't read. `read_only=True` opens
        an existing database for reading only: every write then raises StoreError.
        `pages_later=True` (the app's start): every page is checked in a thread; call
        `pages_checked()` before trusting what was read (no write happens before it).
        """
        path = Path(path)
        try:
            store = cls(path, connect(path, timeout=timeout, read_only=read_only, now=now, pages=not pages_later),
                        now, read_only)
        except DamagedStoreError:
            if read_only:  # reading commands say it is damaged and move nothing
                raise
            said = recover(path, APPLICATION_ID)  # the app's start or a writing command: keep it, restore
            store = cls(path, connect(path, timeout=timeout, read_only=read_only, now=now), now, read_only)
            store.recovered = said
            return store
        if pages_later:
            store._pages = PageCheck(path)
        return store

    def pages_checked(self) -> None:
        """Wait for the check of every page begun at open; DamagedStoreError if it found damage
        (then at every call: nothing is ever written into a damaged file)."""
        if self._pages is not None:
            self._pages.wait()
            self._pages = None

    def backups(self) -> list[Path]:
        """The pre-migration copies kept next to the database, oldest first."""
        return sorted(self.path.parent.glob(f"{self.path.name}.v*.backup"), key=lambda p: p.stat().st_mtime_ns)

    def close(self) -> None:
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- plumbing
    def _stamp(self) -> str:
        return self._now().isoformat(sep="T", timespec="microseconds")

    def _rollback(self) -> None:
        rollback(self._conn)

    @contextmanager
    def transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE … COMMIT; on any failure nothing of it is kept."""
        if self.read_only:
            raise StoreError(self.path, _("opened read-only: {what} was not saved").format(what=_(what)))
        self.pages_checked()
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                self._rollback()
                if "locked" in str(exc) or "busy" in str(exc):
                    raise StoreError(
                        self.path,
                        _("the database is busy (another Passerelle window?): {what} was not saved; try again").format(what=_(what)),
                    ) from exc
                raise StoreError(self.path, _("{what} was not saved ({why})").format(what=_(what), why=why(exc))) from exc
            except sqlite3.Error as exc:
                raise StoreError(self.path, _("{what} was not saved ({why})").format(what=_(what), why=why(exc))) from exc
            try:
                yield self._conn
                self._conn.execute("UPDATE revision SET n = n + 1")
                self._conn.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                self._rollback()
                raise StoreError(self.path, _("{what} was not saved ({why})").format(what=_(what), why=why(exc))) from exc
            except BaseException:
                self._rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection under the store's lock, for the queue queries the store's own
        methods do not cover (`fold` and `asks` are callable from their SQL)."""
        with self._lock:
            yield self._conn

    def select(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(self.path, _("cannot read the database ({why})").format(why=why(exc))) from exc

    def revision(self) -> int:
        """A number every committed write raises: the same number means the same data."""
        return int(self.select("SELECT n FROM revision")[0][0])

    # ---------------------------------------------------------------- decisions
    def decide(self, people: Sequence[Person], decision: str, reason: str = "", until: date | None = None) -> int:
        """Record one decision for everyone in `people` as one batch; returns after COMMIT."""
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
        unique = {p.key: p for p in people if p.key}
        if not unique:
            raise ValueError("decide() needs at least one person with a key")
        with self.transaction(N_("the decision")) as conn:
            cur = conn.execute(
                "INSERT INTO batches(at, kind, decision, reason, until) VALUES (?, 'decide', ?, ?, ?)",
                (self._stamp(), decision, reason or "", _iso_date(until)),
            )
            batch = cur.lastrowid
            conn.executemany(
                "INSERT INTO decision_rows(batch, key, name, url) VALUES (?, ?, ?, ?)",
                [(batch, p.key, p.name, p.url) for p in unique.values()],
            )
        return int(batch)

    def undo(self, only: Sequence[str] | None = None) -> Batch | None:
        """Cancel the most recent decision batch still in effect (a new 'undo' event);
        `only`: the most recent among these decisions (a pane undoes its own)."""
        where, params = _only(only)
        with self.transaction(N_("the undo")) as conn:
            row = conn.execute(f"SELECT id, decision FROM ({ACTIVE_BATCHES_SQL}) WHERE 1 {where} "
                               "ORDER BY id DESC LIMIT 1", params).fetchone()
            if row is None:
                return None
            return self._event(conn, "undo", row[0], row[1])

    def redo(self, only: Sequence[str] | None = None) -> Batch | None:
        """Re-apply the most recently undone batch, if no decision was made since
        (`only`: among these decisions, as `undo`)."""
        where, params = _only(only)
        with self.transaction(N_("the redo")) as conn:
            rows = conn.execute(
                f"SELECT kind, ref FROM batches WHERE id > coalesce("
                f"(SELECT max(id) FROM batches WHERE kind = 'decide' {where}), 0) {where} ORDER BY id",
                params + params,
            ).fetchall()
            stack: list[int] = []
            for kind, ref in rows:  # undo/redo events since the last decision: a stack
                if kind == "undo":
                    stack.append(ref)
                elif stack:
                    stack.pop()
            if not stack:
                return None
            decision = conn.execute("SELECT decision FROM batches WHERE id = ?", (stack[-1],)).fetchone()[0]
            return self._event(conn, "redo", stack[-1], decision)

    def _event(self, conn: sqlite3.Connection, kind: str, ref: int, decision: str) -> Batch:
        at = self._now()
        cur = conn.execute(
            "INSERT INTO batches(at, kind, ref, decision) VALUES (?, ?, ?, ?)",
            (at.isoformat(timespec="microseconds"), kind, ref, decision),
        )
        rows = conn.execute("SELECT key, name FROM decision_rows WHERE batch = ? ORDER BY key", (ref,)).fetchall()
        return Batch(int(cur.lastrowid), decision, tuple(r[0] for r in rows), at, kind, ref, tuple(r[1] for r in rows))

    def decisions(self) -> pl.DataFrame:
        """Current decision per key (undone ones fall back to the one before, if any)."""
        rows = self.select(
            f"""WITH active AS MATERIALIZED (SELECT id, decision, reason, until, at FROM ({ACTIVE_BATCHES_SQL})
                WHERE decision <> '{DONE}'),
            latest AS (SELECT r.key, max(r.batch) AS batch FROM decision_rows r
                       JOIN active a ON a.id = r.batch GROUP BY r.key)
            SELECT r.key, r.name, r.url, a.decision, a.reason, a.until, a.at FROM latest l
            JOIN decision_rows r ON r.batch = l.batch AND r.key = l.key
            JOIN active a ON a.id = l.batch ORDER BY a.at, r.key"""
        )
        return typed_frame(rows, DECISIONS_SCHEMA)

    def history(self) -> pl.DataFrame:
        """Every event, one row per person: decide rows, and undo/redo rows naming the
        batch they act on (`ref`) with its decision. `active`: that decision is in effect."""
        rows = self.select(
            f"""SELECT b.id, b.at, b.kind, b.ref, r.key, r.name, r.url, d.decision, d.reason, d.until,
                   d.id IN (SELECT id FROM ({ACTIVE_BATCHES_SQL}))
            FROM batches b JOIN batches d ON d.id = coalesce(b.ref, b.id)
            JOIN decision_rows r ON r.batch = d.id ORDER BY b.id, r.key"""
        )
        return typed_frame(rows, HISTORY_SCHEMA)

    # ---------------------------------------------------------------- typed-in info
    def set_info(
        self, key: str, company: str | None = None, position: str | None = None, connection_count: int | None = None
    ) -> None:
        """Remember what the user typed about a person. None keeps a field, "" clears it."""
        with self.transaction(N_("the person's details")) as conn:
            conn.execute(
                """INSERT INTO person_info(key, company, position, connection_count, updated_at)
                VALUES (?1, nullif(?2, ''), nullif(?3, ''), ?4, ?5)
                ON CONFLICT(key) DO UPDATE SET
                  company = CASE WHEN ?2 IS NULL THEN company ELSE nullif(?2, '') END,
                  position = CASE WHEN ?3 IS NULL THEN position ELSE nullif(?3, '') END,
                  connection_count = coalesce(?4, connection_count), updated_at = ?5""",
                (key, company, position, connection_count, self._stamp()),
            )

    def info(self) -> pl.DataFrame:
        rows = self.select("SELECT key, company, position, connection_count FROM person_info ORDER BY key")
        return typed_frame(rows, INFO_SCHEMA)

    # ---------------------------------------------------------------- notes and tags
    def add_note(self, key: str, text: str) -> int:
        with self.transaction(N_("the note")) as conn:
            cur = conn.execute("INSERT INTO notes(key, text, created_at) VALUES (?, ?, ?)", (key, text, self._stamp()))
        return int(cur.lastrowid)

    def notes(self, key: str | None = None) -> pl.DataFrame:
        """Notes for one person (or everyone), oldest first: id, key, text, created_at."""
        where, params = ("WHERE key = ?", (key,)) if key is not None else ("", ())
        return typed_frame(self.select(f"SELECT id, key, text, created_at FROM notes {where} ORDER BY id", params), NOTES_SCHEMA)

    def tag(self, key: str, tag: str) -> None:
        with self.transaction(N_("the tag")) as conn:
            conn.execute("INSERT OR IGNORE INTO tags(key, tag, created_at) VALUES (?, ?, ?)", (key, tag, self._stamp()))

    def untag(self, key: str, tag: str) -> None:
        with self.transaction(N_("removing the tag")) as conn:
            conn.execute("DELETE FROM tags WHERE key = ? AND tag = ?", (key, tag))

    def tags(self, key: str | None = None) -> pl.DataFrame:
        where, params = ("WHERE key = ?", (key,)) if key is not None else ("", ())
        return typed_frame(self.select(f"SELECT key, tag, created_at FROM tags {where} ORDER BY key, tag", params), TAGS_SCHEMA)

    # ---------------------------------------------------------------- drafts
    def save_draft(self, template: str | None, person: Person, text: str) -> int:
        with self.transaction(N_("the draft")) as conn:
            cur = conn.execute(
                "INSERT INTO drafts(template, key, name, url, text, state, created_at) VALUES (?, ?, ?, ?, ?, 'draft', ?)",
                (template, person.key, person.name, person.url, text, self._stamp()),
            )
        return int(cur.lastrowid)

    def update_draft(self, draft_id: int, text: str) -> None:
        self._draft_update(draft_id, "the draft", "text = ?", (text,))

    def mark_sent(self, draft_id: int, follow_up_on: date | None = None) -> None:
        """The user sent it on LinkedIn: state 'sent', sent now, follow up on a date."""
        self._draft_update(
            draft_id, "marking the draft sent", "state = 'sent', sent_at = ?, follow_up_on = ?",
            (self._stamp(), _iso_date(follow_up_on)),
        )

    def set_draft_state(self, draft_id: int, state: str) -> None:
        if state not in DRAFT_STATES:
            raise ValueError(f"unknown draft state {state!r}; expected one of {', '.join(DRAFT_STATES)}")
        self._draft_update(draft_id, "the draft state", "state = ?", (state,))

    def _draft_update(self, draft_id: int, what: str, assignments: str, params: tuple) -> None:
        with self.transaction(what) as conn:
            cur = conn.execute(f"UPDATE drafts SET {assignments} WHERE id = ?", (*params, draft_id))
            if cur.rowcount == 0:
                raise StoreError(self.path, _("no draft number {draft_id}").format(draft_id=draft_id))

    def drafts(self) -> pl.DataFrame:
        rows = self.select(
            "SELECT id, template, key, name, url, text, state, created_at, sent_at, follow_up_on FROM drafts ORDER BY id"
        )
        return typed_frame(rows, DRAFTS_SCHEMA)

    # ---------------------------------------------------------------- imports
    def record_import(
        self, source: str, content_hash: str, exported_on: date | None, counts: dict, snapshot: Path | None
    ) -> ImportRecord:
        at = self._now()
        with self.transaction(N_("the import record")) as conn:
            cur = conn.execute(
                "INSERT INTO imports(source, content_hash, exported_on, imported_at, counts, snapshot) VALUES (?, ?, ?, ?, ?, ?)",
                (str(source), content_hash, _iso_date(exported_on), at.isoformat(timespec="microseconds"),
                 json.dumps(counts, sort_keys=True), str(snapshot) if snapshot else None),
            )
        return ImportRecord(int(cur.lastrowid), str(source), content_hash, exported_on, at, dict(counts), snapshot)

    _IMPORT_SQL = "SELECT id, source, content_hash, exported_on, imported_at, counts, snapshot FROM imports"

    @staticmethod
    def _import_record(row: tuple) -> ImportRecord:
        id_, source, digest, exported_on, imported_at, counts, snapshot = row
        return ImportRecord(
            id_, source, digest, date.fromisoformat(exported_on) if exported_on else None,
            datetime.fromisoformat(imported_at), json.loads(counts or "{}"), Path(snapshot) if snapshot else None,
        )

    def imports(self) -> list[ImportRecord]:
        return [self._import_record(r) for r in self.select(f"{self._IMPORT_SQL} ORDER BY id")]

    def last_import(self) -> ImportRecord | None:
        rows = self.select(f"{self._IMPORT_SQL} ORDER BY id DESC LIMIT 1")
        return self._import_record(rows[0]) if rows else None

    def find_import(self, content_hash: str) -> ImportRecord | None:
        rows = self.select(f"{self._IMPORT_SQL} WHERE content_hash = ? ORDER BY id DESC LIMIT 1", (content_hash,))
        return self._import_record(rows[0]) if rows else None
