"""A database with random bytes written into its middle: kept aside, the newest good backup restored."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO
from export_fixtures import make_zip, sample_members

from tui.core.errors import StoreError
from tui.store.opening import _backup
from tui.store.store import Person, Store


def decide(path: Path, start: int, count: int) -> None:
    with Store.open(path) as store:
        for i in range(start, start + count):
            store.decide([Person(f"in:p{i}", f"Person {i}", f"https://www.linkedin.com/in/p{i}")], "accept",
                         reason="x" * 40)


def damage(path: Path) -> str:
    """Random bytes over three pages in the middle; SQLite must really find it damaged."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek((size // 2) // 4096 * 4096)
        handle.write(random.Random(7).randbytes(3 * 4096))
    assert integrity(path) != "ok"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as raw:
            return raw.execute("PRAGMA integrity_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)


def kept_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.name}.corrupt-*") if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "passerelle.db"


def test_a_damaged_database_is_kept_and_the_newest_good_backup_restored(db: Path) -> None:
    decide(db, 0, 200)
    with Store.open(db) as store:  # the copy a migration takes, made by the same code
        _backup(store._conn, db, lambda: datetime(2026, 11, 20, 9, 30), 5)
    backup = next(db.parent.glob("passerelle.db.v5-*.backup"))
    backed_up = backup.read_bytes()
    decide(db, 200, 100)  # made after the backup: only in the damaged file
    damaged = damage(db)

    with pytest.raises(StoreError, match="damaged|not a readable"):  # reading commands move nothing
        Store.open(db, read_only=True)
    assert not kept_files(db)

    store = Store.open(db)
    try:
        assert sorted(store.decisions()["key"].to_list()) == sorted(f"in:p{i}" for i in range(200))
        told = store.recovered
    finally:
        store.close()
    [kept] = kept_files(db)
    assert kept.name.startswith("passerelle.db.corrupt-") and kept.name.endswith("Z")
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged, "the damaged file must be kept as it was"
    assert "restored the backup of" in told and str(kept) in told and "after it" in told
    assert datetime.fromtimestamp(backup.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC") in told
    assert "\n" not in told
    assert backup.read_bytes() == backed_up and integrity(db) == "ok"


def test_without_a_good_backup_an_empty_store_starts_and_says_where_the_damaged_file_is(db: Path) -> None:
    decide(db, 0, 300)
    bad_backup = db.with_name("passerelle.db.v5-20261120-093000-000000.backup")
    bad_backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)  # a backup that is no good is never used
    damaged = damage(db)
    store = Store.open(db)
    try:
        assert store.decisions().height == 0
        told = store.recovered
    finally:
        store.close()
    [kept] = kept_files(db)
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged
    assert "no good backup" in told and "empty" in told and str(kept) in told


def test_commands_read_only_refuse_and_writing_ones_recover_in_one_line(db: Path, passerelle_home) -> None:
    home = passerelle_home.config.parent
    db = passerelle_home.database
    decide(db, 0, 300)
    damaged = damage(db)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                              capture_output=True, text=True, timeout=60, check=False)

    read = run("decisions")
    assert read.returncode == 2 and "damaged" in read.stderr and "Traceback" not in read.stderr
    assert not kept_files(db) and hashlib.sha256(db.read_bytes()).hexdigest() == damaged

    export = make_zip(home.parent / "Basic_LinkedInDataExport_11-20-2025.zip", sample_members())
    write = run("import", str(export))  # a writing command: kept aside, says so in one line, goes on
    [kept] = kept_files(db)
    assert write.returncode == 0, write.stderr
    [said] = [line for line in write.stderr.splitlines() if "damaged" in line]
    assert f"kept as {kept}" in said and "no good backup" in said
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged


async def test_the_app_starts_on_the_restored_backup_and_says_so(tmp_path: Path, passerelle_home) -> None:
    from ui_export import ui_export

    from tui.app import PasserelleApp
    from tui.launch import build_context

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    build_context(export, passerelle_home).store.close()  # the export imported, as a first start does
    db = passerelle_home.database
    decide(db, 0, 200)
    with Store.open(db) as store:
        _backup(store._conn, db, datetime.now, 5)
    decide(db, 200, 100)
    damage(db)

    context = build_context(None, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert app.is_running
    context.store.close()
    [kept] = kept_files(db)
    assert any("restored the backup of" in line and str(kept) in line for line in said), said
    assert context.store.path == db and integrity(db) == "ok"


async def test_a_start_that_checks_the_pages_beside_it_still_keeps_a_damaged_file_and_restores(
        tmp_path: Path, passerelle_home) -> None:
    """`passerelle` checks every page in a thread while Textual is imported: damage anywhere
    is still found before the app shows a row, and the start goes on on the restored backup."""
    from ui_export import ui_export

    from tui.launch import build_context
    from tui.run import open_app

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    build_context(export, passerelle_home).store.close()
    db = passerelle_home.database
    decide(db, 0, 200)
    with Store.open(db) as store:
        _backup(store._conn, db, datetime.now, 5)
    decide(db, 200, 100)
    damaged = damage(db)

    app = open_app(None, passerelle_home)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert app.query_one("#received").rows.keys  # the export's rows, read from the restored store
    app.context.store.close()
    [kept] = kept_files(db)
    assert hashlib.sha256(kept.read_bytes()).hexdigest() == damaged
    assert any("restored the backup of" in line for line in said), said
    assert integrity(db) == "ok"
    with Store.open(db) as store:  # the 200 decisions of the backup, not the 100 made after it
        assert len(store.decisions()) == 200


def test_no_write_reaches_a_damaged_file_while_its_pages_are_checked(db: Path) -> None:
    decide(db, 0, 50)
    damage(db)
    store = Store.open(db, pages_later=True)  # the header reads fine: the damage is further in
    try:
        with pytest.raises(StoreError, match="damaged"):
            store.decide([Person("in:new", "New", "https://www.linkedin.com/in/new")], "accept")
        with pytest.raises(StoreError, match="damaged"):  # and again: never written once damage is known
            store.decide([Person("in:new", "New", "https://www.linkedin.com/in/new")], "accept")
    finally:
        store.close()
    assert not kept_files(db)  # nothing moved by a store already open: the next start does that
