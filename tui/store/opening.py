"""Opening the store's database: refuse links, foreign, damaged or newer files; WAL; migrations after a backup."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tui.core.errors import StoreError
from tui.i18n import N_, _
from tui.core.files import create_private, refuse_link
from tui.core.folders import make_private_dir
from tui.store.recovery import DamagedStoreError
from tui.store.schema import MIGRATIONS

APPLICATION_ID = 0x50617373  # "Pass": tells our database apart from any other SQLite file
BUSY_TIMEOUT = 5.0
KEEP_BACKUPS = 3
KEPT = N_("the file was kept untouched")


def why(exc: BaseException) -> str:
    """What went wrong, without any row contents (SQLite/OS messages carry none)."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return _("disk full")
        return exc.strerror or type(exc).__name__
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc):
        return _("disk full")
    return str(exc) or type(exc).__name__


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


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if any (a failed ROLLBACK leaves nothing more to undo)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def connect(path: Path, *, timeout: float, read_only: bool, now: Callable[[], datetime],
            pages: bool = True) -> sqlite3.Connection:
    """The database's connection, checked, in WAL mode and migrated; StoreError if it can't be
    used safely. Never overwrites, renames or deletes a file it can't read. `pages=False`: the
    caller checks every page with a PageCheck (the app's start)."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        refuse_link(file)  # a link would put the database (or its journal) somewhere else
    try:
        if not read_only:
            make_private_dir(path.parent)  # never chmods a shared folder or one behind a link
            if hasattr(os, "statvfs") and os.statvfs(path.parent).f_flag & os.ST_RDONLY:
                raise StoreError(path.parent, _("the data folder is on a read-only file system; nothing can be saved"))
            if path.exists() and not os.access(path, os.W_OK):
                raise StoreError(path, _("the database file is read-only; nothing can be saved"))
            if not os.access(path.parent, os.W_OK):
                raise StoreError(path.parent, _("the data folder is read-only; nothing can be saved"))
            if not path.exists():
                create_private(path)
            if not path.is_file():
                raise StoreError(path, _("is not a regular file"))
            os.chmod(path, 0o600)  # not a link: checked above
        elif not path.is_file():
            raise StoreError(path, _("no database here"))
    except StoreError:
        raise
    except OSError as exc:
        raise StoreError(path, _("cannot prepare the database file: {why}").format(why=why(exc))) from exc
    if read_only:
        try:
            return _connect_read_only(path, timeout, now)
        except _NeedsUpgrade:
            # A read-only command after an update of Passerelle: upgrade once (with the usual
            # backup), as the app would, then read; where nothing can be written, say so.
            try:
                connect(path, timeout=timeout, read_only=False, now=now).close()
            except StoreError as exc:
                raise StoreError(path, _("the database needs an upgrade first, which cannot be done here: {why}").format(
                    why=exc.reason)) from None
            return _connect_read_only(path, timeout, now)
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(path, _("cannot open the database: {why}").format(why=why(exc))) from exc
    try:
        try:
            check(path, conn, pages=pages)
        except StoreError:
            if _disk_full(path.parent):  # the -shm file cannot grow: not damage
                raise StoreError(path.parent, _("disk full: nothing can be saved (free some space and try again); "
                                                "the database was not changed")) from None
            raise
        if not read_only:
            _use_wal(conn, timeout)
            conn.execute("PRAGMA synchronous=FULL")
            if sys.platform == "darwin":  # plain fsync doesn't reach the disk on macOS
                conn.execute("PRAGMA fullfsync=ON")
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn, path, now, read_only)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists() and not read_only:
                os.chmod(side, 0o600)
        return conn
    except StoreError:
        conn.close()
        raise
    except (sqlite3.Error, OSError) as exc:
        conn.close()
        raise StoreError(path, _("cannot use the database ({why}); {kept}").format(why=why(exc), kept=_(KEPT))) from exc


def _connect_read_only(path: Path, timeout: float, now: Callable[[], datetime]) -> sqlite3.Connection:
    """mode=ro; when even that cannot work (the `-shm` file cannot be made on a read-only
    or full disk), immutable=1, which reads the main file without any lock or side file.
    The last exit checkpointed the WAL into it, so that is the data."""
    last: StoreError | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?{flags}", uri=True, timeout=timeout,
                                   isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            last = StoreError(path, _("cannot open the database: {why}").format(why=why(exc)))
            continue
        try:
            check(path, conn)
            conn.execute("PRAGMA foreign_keys=ON")
            migrate(conn, path, now, True)
            return conn
        except StoreError as exc:
            conn.close()
            last = exc
            if not exc.reason.startswith(_("not a readable database ({why}); {kept}").split("{", 1)[0]):
                raise
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            last = StoreError(path, _("cannot use the database ({why}); {kept}").format(why=why(exc), kept=_(KEPT)))
    raise last

def check(path: Path, conn: sqlite3.Connection, *, pages: bool = True) -> None:
    """Refuse foreign, damaged or newer databases before anything is written (`pages=False`:
    all but the walk over every page, which a PageCheck then does beside the start)."""
    try:
        # One statement, so one snapshot: another window's migration committing between two
        # reads would show its tables without its application id yet (a "foreign" database).
        version, app_id, tables = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT application_id FROM pragma_application_id), (SELECT count(*) FROM sqlite_schema)").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    if pages or version != len(MIGRATIONS):  # a migration writes: every page is checked first
        check_pages(path, conn)
    if tables and app_id != APPLICATION_ID:
        raise StoreError(path, _("this is not a Passerelle database; {kept}").format(kept=_(KEPT)))
    if version > len(MIGRATIONS):
        raise StoreError(
            path,
            _("made by a newer Passerelle (schema {version}, this version knows up to {count}); upgrade Passerelle. "
              "The file was kept untouched").format(version=version, count=len(MIGRATIONS)),
        )


def check_pages(path: Path, conn: sqlite3.Connection) -> None:
    """SQLite's quick_check over every page: DamagedStoreError when it finds damage."""
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    if problems != ["ok"]:
        raise DamagedStoreError(
            path, _("the database is damaged ({count}+ problems found); {kept} (restore a backup or move it aside)").format(
                count=len(problems), kept=_(KEPT))
        )


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> StoreError:
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_CORRUPT" or "malformed" in str(exc):
        return DamagedStoreError(path, _("the database is damaged ({why}); {kept} (starting Passerelle keeps it "
                                         "aside and restores the newest good backup)").format(why=why(exc), kept=_(KEPT)))
    return StoreError(path, _("not a readable database ({why}); {kept}").format(why=why(exc), kept=_(KEPT)))


class PageCheck:
    """`check_pages` on a read-only connection of its own, in a thread: SQLite lets go of the
    interpreter lock while it reads, so at start the walk over every page runs on the other
    core while Textual is imported. `wait()` raises what `check` would have, every time."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._error: StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="passerelle-page-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"{self._path.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
            try:
                check_pages(self._path, conn)
            finally:
                conn.close()
        except StoreError as exc:
            self._error = exc
        except sqlite3.Error as exc:
            self._error = StoreError(self._path, _("cannot use the database ({why}); {kept}").format(
                why=why(exc), kept=_(KEPT)))

    def wait(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise self._error


def migrate(conn: sqlite3.Connection, path: Path, now: Callable[[], datetime], read_only: bool) -> None:
    """Bring the schema forward in one transaction, after a backup copy."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == len(MIGRATIONS):
        return
    if read_only:
        raise _NeedsUpgrade(path, _("the database needs an upgrade, which a read-only open cannot do"))
    if version > 0:
        _backup(conn, path, now, version)
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Another process may have migrated while we waited for the write lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for step in MIGRATIONS[version:]:
            for statement in step:
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        rollback(conn)
        busy = _(" (another Passerelle window is writing? try again)") if "locked" in str(exc) else ""
        raise StoreError(
            path, _("could not upgrade the database ({why}){busy}; it was left as it was").format(why=why(exc), busy=busy)
        ) from exc

def _backup(conn: sqlite3.Connection, path: Path, now: Callable[[], datetime], version: int) -> None:
    """Copy the live database with the backup API (never a plain file copy); keep 3."""
    stamp = now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.backup")
    create_private(target)
    try:
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)  # a half-made copy is worse than none
        raise
    old = sorted(path.parent.glob(f"{path.name}.v*.backup"), key=lambda p: p.stat().st_mtime_ns)
    for stale in old[:-KEEP_BACKUPS]:
        stale.unlink()
