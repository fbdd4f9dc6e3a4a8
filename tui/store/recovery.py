"""A damaged database at the app's start or a writing command: keep it, restore the newest good backup.

Nothing is ever deleted or overwritten: the damaged file (and its -wal/-shm) is renamed to
`passerelle.db.corrupt-<UTC timestamp>` next to it, so decisions made after the backup can
still be rescued from it. Read-only commands never come here: they keep saying it is damaged.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tui.core.errors import StoreError
from tui.core.files import create_private
from tui.i18n import _

SIDES = ("-wal", "-shm")


class DamagedStoreError(StoreError):
    """SQLite finds the database damaged (corrupt pages), as opposed to foreign, newer or locked."""


def _kept_name(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept, number = path.with_name(f"{path.name}.corrupt-{stamp}"), 2
    while any(Path(f"{kept}{s}").exists() for s in ("", *SIDES)):  # never overwrite an older kept file
        kept, number = path.with_name(f"{path.name}.corrupt-{stamp}-{number}"), number + 1
    return kept


def _good(backup: Path, application_id: int) -> bool:
    """The backup passes a full integrity_check and is ours."""
    try:
        conn = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        try:
            ok = [r[0] for r in conn.execute("PRAGMA integrity_check(1)").fetchall()] == ["ok"]
            return ok and conn.execute("PRAGMA application_id").fetchone()[0] == application_id
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def _copy(backup: Path, path: Path) -> None:
    """Copy with SQLite's backup API into a new private file (a half-made copy is removed)."""
    create_private(path)
    try:
        source = sqlite3.connect(f"{backup.absolute().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def recover(path: Path, application_id: int) -> str:
    """Move the damaged database aside and restore the newest good backup, if any; the one line
    that tells the user what happened."""
    kept = _kept_name(path)
    try:
        backups = sorted(path.parent.glob(f"{path.name}.v*.backup"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        backups = []  # one vanished while listing: start empty rather than fail (the damaged file is kept)
    try:
        for suffix in ("", *SIDES):  # the main file first: without it the side files mean nothing
            if Path(f"{path}{suffix}").exists():
                os.rename(f"{path}{suffix}", f"{kept}{suffix}")
    except OSError as exc:
        raise StoreError(path, _("the database is damaged and could not be moved aside ({why}); it was kept").format(
            why=exc.strerror or type(exc).__name__)) from None
    for backup in backups:
        if _good(backup, application_id):
            try:
                _copy(backup, path)
            except (OSError, sqlite3.Error):
                continue  # this copy failed (and was removed): try the next older backup
            when = datetime.fromtimestamp(backup.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
            return _("The database was damaged: restored the backup of {when}; decisions made after it are "
                     "in the damaged file, kept as {kept}").format(when=when, kept=kept)
    return _("The database was damaged and no good backup exists: started an empty one; the damaged file is "
             "kept as {kept}").format(kept=kept)
