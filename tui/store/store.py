"""The state store: decisions as an append-only event log in SQLite, plus notes, tags, drafts.

Decisions are the only data the user cannot get back from LinkedIn, so every write is one
`BEGIN IMMEDIATE … COMMIT` in WAL mode with synchronous=FULL: when a method returns, the
change is on disk. Undo and redo are new events, never deletions.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import StoreError
from tui.core.files import create_private, refuse_link
from tui.paths import make_private_dir
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

RECEIVED_DECISIONS = ("accept", "ignore", "later", "follow", "suspicious")
SENT_DECISIONS = ("followed_up", "withdrawn")
DECISIONS = RECEIVED_DECISIONS + SENT_DECISIONS
DONE = "done"  # a to-do carried out: an event in the log, never a decision (tui/store/todo_log.py)
DRAFT_STATES = ("draft", "sent", "accepted", "abandoned")
APPLICATION_ID = 0x50617373  # "Pass": tells our database apart from any other SQLite file
BUSY_TIMEOUT = 5.0
KEEP_BACKUPS = 3
KEPT = "the file was kept untouched"

@dataclass(frozen=True)
class Person:
    """Who a decision or draft is about: the profile key plus what to show and link."""

    key: str
    name: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Batch:
    """One event: `kind` decide, or undo/redo of batch `ref` (then decision/keys are its)."""

    id: int
    decision: str
    keys: tuple[str, ...]
    at: datetime
    kind: str = "decide"
    ref: int | None = None
    names: tuple[str | None, ...] = ()  # the names the decision was made for, in `keys` order


@dataclass(frozen=True)
class ImportRecord:
    id: int
    source: str
    content_hash: str
    exported_on: date | None
    imported_at: datetime
    counts: dict = field(default_factory=dict, compare=False)
    snapshot: Path | None = None


def polars_schema(schema: dict[str, str]) -> pl.Schema:
    """A store schema (column → type name) as Polars types."""
    import polars as pl  # here, not at the top: the app opens the store before it needs Polars

    types = {"str": pl.Utf8, "int": pl.Int64, "bool": pl.Boolean, "date": pl.Date, "datetime": pl.Datetime("us")}
    return pl.Schema({name: types[kind] for name, kind in schema.items()})


def _frame(rows: list[tuple], schema: dict[str, str]) -> pl.DataFrame:
    """SQL rows (dates and times as ISO text, booleans as 0/1) → a typed frame; empty keeps the schema."""
    import polars as pl

    typed = polars_schema(schema)
    loaded = {n: pl.Utf8 if k in ("date", "datetime") else pl.Int64 if k == "bool" else typed[n] for n, k in schema.items()}
    casts = [
        pl.col(n).str.to_date("%Y-%m-%d") if k == "date"
        else pl.col(n).str.to_datetime(TIMESTAMP_FORMAT, time_unit="us") if k == "datetime"
        else pl.col(n).cast(pl.Boolean)
        for n, k in schema.items() if k in ("date", "datetime", "bool")
    ]
    df = pl.DataFrame(rows, schema=loaded, orient="row")
    return df.with_columns(casts) if casts else df


def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _why(exc: BaseException) -> str:
    """What went wrong, without any row contents (SQLite/OS messages carry none)."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return "disk full"
        return exc.strerror or type(exc).__name__
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc):
        return "disk full"
    return str(exc) or type(exc).__name__


def _only(decisions: Sequence[str] | None) -> tuple[str, tuple]:
    """An `AND decision IN (…)` clause and its parameters; nothing for None."""
    if decisions is None:
        return "", ()
    return f"AND decision IN ({', '.join('?' * len(decisions))})", tuple(decisions)


def _disk_full(folder: Path) -> bool:
    """No block left for us in `folder`'s file system."""
    try:
        return hasattr(os, "statvfs") and os.statvfs(folder).f_bavail == 0
    except OSError:
        return False


class _NeedsUpgrade(StoreError):
    """An older schema met by a read-only open."""


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL, waiting for the lock: SQLite answers "locked" at once, without its busy
    wait, when another process opens the same new database at the same moment."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Store:
    """One open state database. Use `Store.open(path)`; every method is one transaction."""

    def __init__(self, path: Path, conn: sqlite3.Connection, now: Callable[[], datetime], read_only: bool) -> None:
        self.path = path
        self._conn = conn
        self._now = now
        self._lock = threading.RLock()  # Textual workers may call from other threads
        self.read_only = read_only

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: Path,
        *,
        timeout: float = BUSY_TIMEOUT,
        read_only: bool = False,
        now: Callable[[], datetime] = datetime.now,
    ) -> Store:
        """Open (or create) the database; StoreError if it can't be used safely.

        Never overwrites, renames or deletes a file it can't read. `read_only=True` opens
        an existing database for reading only: every write then raises StoreError.
        """
        path = Path(path)
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
            refuse_link(file)  # a link would put the database (or its journal) somewhere else
        try:
            if not read_only:
                make_private_dir(path.parent)  # never chmods a shared folder or one behind a link
                if hasattr(os, "statvfs") and os.statvfs(path.parent).f_flag & os.ST_RDONLY:
                    raise StoreError(path.parent, "the data folder is on a read-only file system; nothing can be saved")
                if path.exists() and not os.access(path, os.W_OK):
                    raise StoreError(path, "the database file is read-only; nothing can be saved")
                if not os.access(path.parent, os.W_OK):
                    raise StoreError(path.parent, "the data folder is read-only; nothing can be saved")
                if not path.exists():
                    create_private(path)
                if not path.is_file():
                    raise StoreError(path, "is not a regular file")
                os.chmod(path, 0o600)  # not a link: checked above
            elif not path.is_file():
                raise StoreError(path, "no database here")
        except StoreError:
            raise
        except OSError as exc:
            raise StoreError(path, f"cannot prepare the database file: {_why(exc)}") from exc
        if read_only:
            try:
                return cls._open_read_only(path, timeout, now)
            except _NeedsUpgrade:
                # A read-only command after an update of Passerelle: upgrade once (with the usual
                # backup), as the app would, then read; where nothing can be written, say so.
                try:
                    cls.open(path, timeout=timeout, now=now).close()
                except StoreError as exc:
                    raise StoreError(path, f"the database needs an upgrade first, which cannot be done here: "
                                           f"{exc.reason}") from None
                return cls._open_read_only(path, timeout, now)
        try:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(path, f"cannot open the database: {_why(exc)}") from exc
        try:
            try:
                cls._check(path, conn)
            except StoreError:
                if _disk_full(path.parent):  # the -shm file cannot grow: not damage
                    raise StoreError(path.parent, "disk full: nothing can be saved (free some space and try again); "
                                                  "the database was not changed") from None
                raise
            if not read_only:
                _use_wal(conn, timeout)
                conn.execute("PRAGMA synchronous=FULL")
                if sys.platform == "darwin":  # plain fsync doesn't reach the disk on macOS
                    conn.execute("PRAGMA fullfsync=ON")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(path, conn, now, read_only)
            store._migrate()
            for suffix in ("-wal", "-shm"):
                side = Path(f"{path}{suffix}")
                if side.exists() and not read_only:
                    os.chmod(side, 0o600)
            return store
        except StoreError:
            conn.close()
            raise
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            raise StoreError(path, f"cannot use the database ({_why(exc)}); {KEPT}") from exc

    @classmethod
    def _open_read_only(cls, path: Path, timeout: float, now: Callable[[], datetime]) -> Store:
        """mode=ro; when even that cannot work (the `-shm` file cannot be made on a read-only
        or full disk), immutable=1, which reads the main file without any lock or side file.
        The last exit checkpointed the WAL into it, so that is the data."""
        last: StoreError | None = None
        for flags in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"{path.absolute().as_uri()}?{flags}", uri=True, timeout=timeout,
                                       isolation_level=None, check_same_thread=False)
            except sqlite3.Error as exc:
                last = StoreError(path, f"cannot open the database: {_why(exc)}")
                continue
            try:
                cls._check(path, conn)
                conn.execute("PRAGMA foreign_keys=ON")
                store = cls(path, conn, now, True)
                store._migrate()
                return store
            except StoreError as exc:
                conn.close()
                last = exc
                if "not a readable database" not in exc.reason:
                    raise
            except (sqlite3.Error, OSError) as exc:
                conn.close()
                last = StoreError(path, f"cannot use the database ({_why(exc)}); {KEPT}")
        raise last

    @staticmethod
    def _check(path: Path, conn: sqlite3.Connection) -> None:
        """Refuse foreign, damaged or newer databases before anything is written."""
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StoreError(path, f"not a readable database ({_why(exc)}); {KEPT}") from exc
        if problems != ["ok"]:
            raise StoreError(
                path, f"the database is damaged ({len(problems)}+ problems found); {KEPT} (restore a backup or move it aside)"
            )
        if tables and app_id != APPLICATION_ID:
            raise StoreError(path, f"this is not a Passerelle database; {KEPT}")
        if version > len(MIGRATIONS):
            raise StoreError(
                path,
                f"made by a newer Passerelle (schema {version}, this version knows up to "
                f"{len(MIGRATIONS)}); upgrade Passerelle. {KEPT[0].upper()}{KEPT[1:]}",
            )

    def _migrate(self) -> None:
        """Bring the schema forward in one transaction, after a backup copy."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == len(MIGRATIONS):
            return
        if self.read_only:
            raise _NeedsUpgrade(self.path, "the database needs an upgrade, which a read-only open cannot do")
        if version > 0:
            self._backup(version)
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while we waited for the write lock.
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            for step in MIGRATIONS[version:]:
                for statement in step:
                    self._conn.execute(statement)
            self._conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            busy = " (another Passerelle window is writing? try again)" if "locked" in str(exc) else ""
            raise StoreError(
                self.path, f"could not upgrade the database ({_why(exc)}){busy}; it was left as it was"
            ) from exc

    def _backup(self, version: int) -> None:
        """Copy the live database with the backup API (never a plain file copy); keep 3."""
        stamp = self._now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.path.with_name(f"{self.path.name}.v{version}-{stamp}.backup")
        create_private(target)
        try:
            copy = sqlite3.connect(target)
            try:
                self._conn.backup(copy)
            finally:
                copy.close()
        except BaseException:
            target.unlink(missing_ok=True)  # a half-made copy is worse than none
            raise
        old = sorted(self.path.parent.glob(f"{self.path.name}.v*.backup"), key=lambda p: p.stat().st_mtime_ns)
        for stale in old[:-KEEP_BACKUPS]:
            stale.unlink()

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
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE … COMMIT; on any failure nothing of it is kept."""
        if self.read_only:
            raise StoreError(self.path, f"opened read-only: {what} was not saved")
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                self._rollback()
                if "locked" in str(exc) or "busy" in str(exc):
                    raise StoreError(
                        self.path,
                        f"the database is busy (another Passerelle window?): {what} was not saved; try again",
                    ) from exc
                raise StoreError(self.path, f"{what} was not saved ({_why(exc)})") from exc
            except sqlite3.Error as exc:
                raise StoreError(self.path, f"{what} was not saved ({_why(exc)})") from exc
            try:
                yield self._conn
                self._conn.execute("UPDATE revision SET n = n + 1")
                self._conn.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                self._rollback()
                raise StoreError(self.path, f"{what} was not saved ({_why(exc)})") from exc
            except BaseException:
                self._rollback()
                raise

    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise StoreError(self.path, f"cannot read the database ({_why(exc)})") from exc

    def revision(self) -> int:
        """A number every committed write raises: the same number means the same data."""
        return int(self._read("SELECT n FROM revision")[0][0])

    # ---------------------------------------------------------------- decisions
    def decide(self, people: Sequence[Person], decision: str, reason: str = "", until: date | None = None) -> int:
        """Record one decision for everyone in `people` as one batch; returns after COMMIT."""
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}; expected one of {', '.join(DECISIONS)}")
        unique = {p.key: p for p in people if p.key}
        if not unique:
            raise ValueError("decide() needs at least one person with a key")
        with self._write("the decision") as conn:
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
        with self._write("the undo") as conn:
            row = conn.execute(f"SELECT id, decision FROM ({ACTIVE_BATCHES_SQL}) WHERE 1 {where} "
                               "ORDER BY id DESC LIMIT 1", params).fetchone()
            if row is None:
                return None
            return self._event(conn, "undo", row[0], row[1])

    def redo(self, only: Sequence[str] | None = None) -> Batch | None:
        """Re-apply the most recently undone batch, if no decision was made since
        (`only`: among these decisions, as `undo`)."""
        where, params = _only(only)
        with self._write("the redo") as conn:
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
        rows = self._read(
            f"""WITH active AS MATERIALIZED (SELECT id, decision, reason, until, at FROM ({ACTIVE_BATCHES_SQL})
                WHERE decision <> '{DONE}'),
            latest AS (SELECT r.key, max(r.batch) AS batch FROM decision_rows r
                       JOIN active a ON a.id = r.batch GROUP BY r.key)
            SELECT r.key, r.name, r.url, a.decision, a.reason, a.until, a.at FROM latest l
            JOIN decision_rows r ON r.batch = l.batch AND r.key = l.key
            JOIN active a ON a.id = l.batch ORDER BY a.at, r.key"""
        )
        return _frame(rows, DECISIONS_SCHEMA)

    def history(self) -> pl.DataFrame:
        """Every event, one row per person: decide rows, and undo/redo rows naming the
        batch they act on (`ref`) with its decision. `active`: that decision is in effect."""
        rows = self._read(
            f"""SELECT b.id, b.at, b.kind, b.ref, r.key, r.name, r.url, d.decision, d.reason, d.until,
                   d.id IN (SELECT id FROM ({ACTIVE_BATCHES_SQL}))
            FROM batches b JOIN batches d ON d.id = coalesce(b.ref, b.id)
            JOIN decision_rows r ON r.batch = d.id ORDER BY b.id, r.key"""
        )
        return _frame(rows, HISTORY_SCHEMA)

    # ---------------------------------------------------------------- typed-in info
    def set_info(
        self, key: str, company: str | None = None, position: str | None = None, connection_count: int | None = None
    ) -> None:
        """Remember what the user typed about a person. None keeps a field, "" clears it."""
        with self._write("the person's details") as conn:
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
        rows = self._read("SELECT key, company, position, connection_count FROM person_info ORDER BY key")
        return _frame(rows, INFO_SCHEMA)

    # ---------------------------------------------------------------- notes and tags
    def add_note(self, key: str, text: str) -> int:
        with self._write("the note") as conn:
            cur = conn.execute("INSERT INTO notes(key, text, created_at) VALUES (?, ?, ?)", (key, text, self._stamp()))
        return int(cur.lastrowid)

    def notes(self, key: str | None = None) -> pl.DataFrame:
        """Notes for one person (or everyone), oldest first: id, key, text, created_at."""
        where, params = ("WHERE key = ?", (key,)) if key is not None else ("", ())
        return _frame(self._read(f"SELECT id, key, text, created_at FROM notes {where} ORDER BY id", params), NOTES_SCHEMA)

    def tag(self, key: str, tag: str) -> None:
        with self._write("the tag") as conn:
            conn.execute("INSERT OR IGNORE INTO tags(key, tag, created_at) VALUES (?, ?, ?)", (key, tag, self._stamp()))

    def untag(self, key: str, tag: str) -> None:
        with self._write("removing the tag") as conn:
            conn.execute("DELETE FROM tags WHERE key = ? AND tag = ?", (key, tag))

    def tags(self, key: str | None = None) -> pl.DataFrame:
        where, params = ("WHERE key = ?", (key,)) if key is not None else ("", ())
        return _frame(self._read(f"SELECT key, tag, created_at FROM tags {where} ORDER BY key, tag", params), TAGS_SCHEMA)

    # ---------------------------------------------------------------- drafts
    def save_draft(self, template: str | None, person: Person, text: str) -> int:
        with self._write("the draft") as conn:
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
        with self._write(what) as conn:
            cur = conn.execute(f"UPDATE drafts SET {assignments} WHERE id = ?", (*params, draft_id))
            if cur.rowcount == 0:
                raise StoreError(self.path, f"no draft number {draft_id}")

    def drafts(self) -> pl.DataFrame:
        rows = self._read(
            "SELECT id, template, key, name, url, text, state, created_at, sent_at, follow_up_on FROM drafts ORDER BY id"
        )
        return _frame(rows, DRAFTS_SCHEMA)

    # ---------------------------------------------------------------- imports
    def record_import(
        self, source: str, content_hash: str, exported_on: date | None, counts: dict, snapshot: Path | None
    ) -> ImportRecord:
        at = self._now()
        with self._write("the import record") as conn:
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
        return [self._import_record(r) for r in self._read(f"{self._IMPORT_SQL} ORDER BY id")]

    def last_import(self) -> ImportRecord | None:
        rows = self._read(f"{self._IMPORT_SQL} ORDER BY id DESC LIMIT 1")
        return self._import_record(rows[0]) if rows else None

    def find_import(self, content_hash: str) -> ImportRecord | None:
        rows = self._read(f"{self._IMPORT_SQL} WHERE content_hash = ? ORDER BY id DESC LIMIT 1", (content_hash,))
        return self._import_record(rows[0]) if rows else None
