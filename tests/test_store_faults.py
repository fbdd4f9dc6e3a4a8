"""Broken state: damaged, foreign, newer, locked or full databases never lose or overwrite data."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tui.core.errors import StoreError
from tui.store.store import Person, Store
from unprivileged import IS_ROOT, give_away, mode, reachable_folder, run_unprivileged


def people(prefix: str, n: int) -> list[Person]:
    return [Person(f"in:{prefix}{i}", f"Person {i}", f"https://www.linkedin.com/in/{prefix}{i}") for i in range(n)]


def filled(path: Path, batches: int = 300) -> Path:
    """A real database with enough decisions to span many pages, checkpointed into the file."""
    with Store.open(path) as store:
        for person in people("p", batches):
            store.decide([person], "accept", reason="x" * 40)
    assert not Path(f"{path}-wal").exists()  # the last close folded the WAL into the file
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()} - {f"{path.name}-wal", f"{path.name}-shm"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "passerelle.db"


def assert_refused_untouched(path: Path, match: str, read_only: bool = False) -> None:
    before, names = digest(path), siblings(path)
    with pytest.raises(StoreError, match=match) as info:
        Store.open(path, read_only=read_only)
    assert "kept untouched" in str(info.value)
    assert digest(path) == before, "the database file was modified"
    assert siblings(path) == names, "a file was renamed, deleted or added"


def test_truncated_database_is_refused_and_kept(db: Path) -> None:
    filled(db)
    with open(db, "r+b") as handle:
        handle.truncate(db.stat().st_size // 2)
    assert_refused_untouched(db, "damaged|not a readable", read_only=True)  # the app recovers it: test_reliability_recovery.py


def test_database_cut_inside_its_header_is_refused(db: Path) -> None:
    filled(db, 5)
    with open(db, "r+b") as handle:
        handle.truncate(60)
    assert_refused_untouched(db, "not a readable|damaged", read_only=True)  # the app recovers it: test_reliability_recovery.py


def test_random_bytes_in_the_middle_are_detected(db: Path) -> None:
    filled(db)
    size = db.stat().st_size
    rng = random.Random(7)
    with open(db, "r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(rng.randbytes(3 * 4096))
    assert_refused_untouched(db, "damaged|not a readable", read_only=True)  # the app recovers it: test_reliability_recovery.py


def test_a_text_file_is_not_taken_for_a_database(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text("name,decision\nAda,accept\n")
    assert_refused_untouched(db, "not a readable")


def test_someone_elses_sqlite_database_is_refused(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    assert_refused_untouched(db, "not a Passerelle database")


def test_a_database_from_a_newer_version_is_refused(db: Path) -> None:
    filled(db, 3)
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    assert_refused_untouched(db, "made by a newer Passerelle")


def test_a_folder_where_the_data_folder_should_be_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("I am a file")
    with pytest.raises(StoreError):
        Store.open(tmp_path / "data" / "passerelle.db")
    assert (tmp_path / "data").read_text() == "I am a file"


def test_a_folder_in_place_of_the_database_file(db: Path) -> None:
    db.mkdir(parents=True)
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(db)


def test_read_only_database_file_is_refused() -> None:
    """A 0400 database: as root, checked in a child that dropped to nobody (root writes anyway)."""
    folder = reachable_folder()
    try:
        db = folder / "passerelle.db"
        filled(db, 3)
        give_away(db)
        os.chmod(db, 0o400)
        before, names = digest(db), siblings(db)
        outcome, value = run_unprivileged(lambda: Store.open(db))
        assert outcome == "raised", "a read-only database was opened for writing"
        kind, message = value
        assert kind == "StoreError" and "read-only" in message and "nothing can be saved" in message
        assert digest(db) == before and siblings(db) == names
        assert mode(db) == 0o400  # not "fixed" behind the user's back
        # Reading is still possible: the decisions can be exported from a read-only file.
        outcome, value = run_unprivileged(lambda: _count_read_only(db))
        assert (outcome, value) == ("ok", 3)
    finally:
        shutil.rmtree(folder)


def _count_read_only(db: Path) -> int:
    store = Store.open(db, read_only=True)
    try:
        return store._conn.execute("SELECT count(*) FROM decision_rows").fetchone()[0]
    finally:
        store.close()


def _open_and_close(db: Path) -> str:
    Store.open(db).close()
    return "opened"


def test_data_folder_owned_by_someone_else_is_refused() -> None:
    """The database is the user's but its folder is not writable by them: refused, untouched."""
    folder = reachable_folder()
    try:
        data = folder / "data"
        db = data / "passerelle.db"
        filled(db, 2)
        give_away(db)
        os.chmod(data, 0o755)  # owned by root when we are root: no -wal, no chmod possible
        before = digest(db)
        outcome, value = run_unprivileged(lambda: _open_and_close(db))
        if not IS_ROOT:  # our own folder: the app may tighten it back to 0700 and go on
            assert outcome == "ok" or value[0] == "StoreError", value
            return
        assert outcome == "raised", value
        assert value[0] == "StoreError", value
        assert "read-only" in value[1] or "cannot prepare" in value[1], value
        assert digest(db) == before
        assert sorted(p.name for p in data.iterdir()) == ["passerelle.db"]
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs")
def test_a_data_folder_that_cannot_be_created_is_a_clear_error() -> None:
    # sysfs refuses new entries even to root: real unwritable storage, no mocks.
    with pytest.raises(StoreError, match="nothing can be saved") as info:
        Store.open(Path("/sys/kernel/passerelle-test/passerelle.db"))
    assert "Traceback" not in str(info.value)
    assert not Path("/sys/kernel/passerelle-test").exists()


def test_locked_by_another_writer_fails_cleanly_then_retry_works(db: Path) -> None:
    filled(db, 2)
    store = Store.open(db, timeout=0.05)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert store.decisions().height == 2  # WAL: reading still works while it is locked
        with pytest.raises(StoreError, match="busy") as info:
            store.decide(people("late", 3), "ignore")
        assert "not saved" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "in:late0" not in store.decisions()["key"].to_list()
    store.decide(people("late", 3), "ignore")  # the retry
    assert store.decisions().height == 5
    store.close()


def test_disk_full_on_commit_records_nothing_and_retry_works(db: Path) -> None:
    filled(db, 50)
    store = Store.open(db)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's own page limit gives a real SQLITE_FULL ("database or disk is full").
    store._conn.execute(f"PRAGMA max_page_count = {pages}")
    big = people("bulk", 400)
    with pytest.raises(StoreError, match="not saved") as info:
        store.decide(big, "ignore")
    assert "full" in str(info.value)
    assert "Person" not in str(info.value)  # no row contents in the message
    assert not store._conn.in_transaction
    assert store.decisions().height == 50  # none of the 400 landed
    with pytest.raises(StoreError):
        store.add_note("in:p1", "n" * 200_000)
    assert store.notes().height == 0
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    store.decide(big, "ignore")
    assert store.decisions().height == 450
    store.close()
    with Store.open(db) as again:
        assert again.decisions().height == 450


class FailingConnection:
    """Wraps the real connection and fails inserts the way a dying disk does."""

    def __init__(self, conn: sqlite3.Connection, error: BaseException) -> None:
        self._conn, self._error = conn, error

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql.lstrip().upper().startswith("INSERT"):
            raise self._error
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


@pytest.mark.parametrize(
    "error", [sqlite3.OperationalError("disk I/O error"), OSError(28, "No space left on device")]
)
def test_io_errors_on_write_become_store_errors(db: Path, error: BaseException) -> None:
    store = Store.open(db)
    store.decide(people("ok", 1), "accept")
    real = store._conn
    store._conn = FailingConnection(real, error)  # type: ignore[assignment]
    with pytest.raises(StoreError, match="the decision was not saved"):
        store.decide(people("lost", 2), "accept")
    store._conn = real
    assert not real.in_transaction
    assert store.decisions()["key"].to_list() == ["in:ok0"]
    store.close()


def test_undo_while_locked_changes_nothing(db: Path) -> None:
    filled(db, 2)
    store = Store.open(db, timeout=0.05)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreError, match="busy"):
        store.undo()
    other.execute("ROLLBACK")
    other.close()
    assert store.decisions().height == 2
    assert store.undo() is not None
    assert store.decisions().height == 1
    store.close()


