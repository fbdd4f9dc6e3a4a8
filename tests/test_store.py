"""The state store: decisions, undo/redo, notes, tags, drafts, imports, snapshots, modes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tui.store import opening
from tui.store import store as store_module
from tui.core.errors import StoreError
from tui.store.snapshots import read_snapshot, write_snapshot
from tui.core.files import warn_if_network_fs
from tui.store.store import DECISIONS, Person, Store

ADA = Person("in:ada", "Ada Lovelace", "https://www.linkedin.com/in/ada")
BOB = Person("in:bob", "Bob Marley", None)
CY = Person("name:cy", "Cy Twombly", None)


def current(store: Store) -> dict[str, str]:
    return dict(store.decisions().select("key", "decision").iter_rows())


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "passerelle.db"


def test_a_decision_is_there_after_reopening(db: Path) -> None:
    with Store.open(db) as store:
        batch = store.decide([ADA], "later", reason="busy week", until=date(2026, 1, 9))
    with Store.open(db) as store:
        frame = store.decisions()
    assert frame.columns == ["key", "name", "url", "decision", "reason", "until", "decided_at"]
    assert frame.schema["until"] == pl.Date and frame.schema["decided_at"] == pl.Datetime("us")
    row = frame.row(0, named=True)
    assert batch >= 1
    assert (row["key"], row["name"], row["url"], row["decision"], row["reason"], row["until"]) == (
        "in:ada", "Ada Lovelace", "https://www.linkedin.com/in/ada", "later", "busy week", date(2026, 1, 9)
    )


def test_empty_store_frames_keep_their_schema(db: Path) -> None:
    with Store.open(db) as store:
        assert store.decisions().height == 0
        assert store.decisions().schema == store_module.polars_schema(store_module.DECISIONS_SCHEMA)
        assert store.history().schema == store_module.polars_schema(store_module.HISTORY_SCHEMA)
        assert store.drafts().schema == store_module.polars_schema(store_module.DRAFTS_SCHEMA)
        assert store.info().columns == ["key", "company", "position", "connection_count"]
        assert store.undo() is None and store.redo() is None
        assert store.last_import() is None and store.imports() == []


def test_a_later_decision_replaces_the_earlier_one(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "later")
        store.decide([ADA], "accept")
        assert current(store) == {"in:ada": "accept"}


def test_bulk_decision_is_one_batch_and_one_undo(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
        store.decide([BOB, CY], "ignore")
        undone = store.undo()
        assert undone is not None and undone.kind == "undo"
        assert undone.keys == ("in:bob", "name:cy") and undone.decision == "ignore"
        assert current(store) == {"in:ada": "accept"}


def test_undo_falls_back_to_the_decision_before(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "later")
        store.decide([ADA], "accept")
        store.undo()
        assert current(store) == {"in:ada": "later"}
        store.undo()
        assert current(store) == {}
        assert store.undo() is None


def test_undo_and_redo_survive_a_restart(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
        store.decide([BOB], "suspicious")
    with Store.open(db) as store:
        assert store.undo().keys == ("in:bob",)
    with Store.open(db) as store:
        assert current(store) == {"in:ada": "accept"}
        redone = store.redo()
        assert redone is not None and redone.kind == "redo" and redone.decision == "suspicious"
    with Store.open(db) as store:
        assert current(store) == {"in:ada": "accept", "in:bob": "suspicious"}
        assert store.redo() is None


def test_redo_is_refused_after_a_new_decision(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
        store.undo()
        store.decide([BOB], "ignore")
        assert store.redo() is None
        assert current(store) == {"in:bob": "ignore"}


def test_redo_replays_in_reverse_order_of_undo(db: Path) -> None:
    with Store.open(db) as store:
        first = store.decide([ADA], "accept")
        second = store.decide([BOB], "ignore")
        store.undo()
        store.undo()
        assert store.redo().ref == first
        assert store.redo().ref == second
        assert store.redo() is None
        assert current(store) == {"in:ada": "accept", "in:bob": "ignore"}


def test_history_lists_every_event_per_person(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA, BOB], "ignore", reason="not my field")
        store.undo()
        store.redo()
        history = store.history()
    assert history["kind"].to_list() == ["decide", "decide", "undo", "undo", "redo", "redo"]
    assert history["key"].to_list() == ["in:ada", "in:bob"] * 3
    assert set(history["reason"].to_list()) == {"not my field"}
    assert history["active"].all()


def test_unknown_decision_or_empty_batch_is_refused(db: Path) -> None:
    with Store.open(db) as store:
        with pytest.raises(ValueError):
            store.decide([ADA], "maybe")
        with pytest.raises(ValueError):
            store.decide([], "accept")
        assert store.history().height == 0
    assert "followed_up" in DECISIONS and "withdrawn" in DECISIONS


def test_person_info_keeps_fields_not_given(db: Path) -> None:
    with Store.open(db) as store:
        store.set_info("in:ada", company="Analytical Engines")
        store.set_info("in:ada", position="Programmer", connection_count=500)
        store.set_info("in:bob", company="Wailers")
        store.set_info("in:bob", company="")
    with Store.open(db) as store:
        rows = {r["key"]: r for r in store.info().iter_rows(named=True)}
    assert rows["in:ada"] == {
        "key": "in:ada", "company": "Analytical Engines", "position": "Programmer", "connection_count": 500
    }
    assert rows["in:bob"]["company"] is None


def test_notes_and_tags(db: Path) -> None:
    with Store.open(db) as store:
        store.add_note("in:ada", "met at the [bold]meetup[/]")
        store.add_note("in:ada", "second")
        store.add_note("in:bob", "other")
        store.tag("in:ada", "math")
        store.tag("in:ada", "math")
        store.tag("in:bob", "music")
        store.untag("in:bob", "music")
    with Store.open(db) as store:
        assert store.notes("in:ada")["text"].to_list() == ["met at the [bold]meetup[/]", "second"]
        assert store.notes().height == 3
        assert store.tags().select("key", "tag").rows() == [("in:ada", "math")]


def test_drafts_lifecycle(db: Path) -> None:
    with Store.open(db) as store:
        draft = store.save_draft("intro", ADA, "Hello Ada")
        store.update_draft(draft, "Hello Ada, about engines")
        store.mark_sent(draft, follow_up_on=date(2026, 2, 1))
        other = store.save_draft(None, BOB, "Hi")
        store.set_draft_state(other, "abandoned")
        with pytest.raises(ValueError):
            store.set_draft_state(other, "lost")
        with pytest.raises(StoreError, match="no draft number 99"):
            store.mark_sent(99)
    with Store.open(db) as store:
        frame = store.drafts()
    first = frame.row(0, named=True)
    assert first["state"] == "sent" and first["text"] == "Hello Ada, about engines"
    assert first["follow_up_on"] == date(2026, 2, 1) and isinstance(first["sent_at"], datetime)
    assert first["template"] == "intro" and first["url"] == ADA.url
    assert frame.row(1, named=True)["state"] == "abandoned"


def test_imports_are_recorded_and_found_by_hash(db: Path, tmp_path: Path) -> None:
    with Store.open(db) as store:
        one = store.record_import("/x/a.zip", "h1", date(2025, 5, 1), {"connections": 3}, tmp_path / "s1.parquet")
        store.record_import("/x/b.zip", "h2", None, {}, None)
    with Store.open(db) as store:
        assert [r.content_hash for r in store.imports()] == ["h1", "h2"]
        assert store.last_import().content_hash == "h2"
        found = store.find_import("h1")
        assert found == one and found.counts == {"connections": 3} and found.snapshot == tmp_path / "s1.parquet"
        assert store.find_import("nope") is None


def test_files_are_private_even_with_umask_zero(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    old = os.umask(0)
    try:
        store = Store.open(folder / "passerelle.db")
        store.decide([ADA], "accept")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert modes == {"passerelle.db": 0o600, "passerelle.db-wal": 0o600, "passerelle.db-shm": 0o600}


def test_migration_takes_a_private_backup_and_keeps_three(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
    migrations = list(store_module.MIGRATIONS)
    for n in range(4):
        migrations.append((f"CREATE TABLE extra_{n} (x)",))
        monkeypatch.setattr(opening, "MIGRATIONS", list(migrations))
        with Store.open(db) as store:
            assert current(store) == {"in:ada": "accept"}
            backups = store.backups()
    assert len(backups) == 3
    assert all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)
    with sqlite3.connect(backups[-1]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == len(migrations) - 1
        assert copy.execute("SELECT count(*) FROM decision_rows").fetchone()[0] == 1
    with sqlite3.connect(db) as live:
        assert live.execute("PRAGMA user_version").fetchone()[0] == len(migrations)


def test_a_failed_migration_leaves_the_old_schema_usable(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
    broken = [*store_module.MIGRATIONS, ("CREATE TABLE half_done (x)", "THIS IS NOT SQL")]
    monkeypatch.setattr(opening, "MIGRATIONS", broken)
    with pytest.raises(StoreError, match="left as it was"):
        Store.open(db)
    monkeypatch.setattr(opening, "MIGRATIONS", broken[:-1])
    with sqlite3.connect(db) as live:
        assert live.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").fetchone()[0] == 0
    with Store.open(db) as store:
        assert current(store) == {"in:ada": "accept"}


def test_read_only_open_reads_but_refuses_writes(db: Path) -> None:
    with Store.open(db) as store:
        store.decide([ADA], "accept")
    with Store.open(db, read_only=True) as store:
        assert current(store) == {"in:ada": "accept"}
        with pytest.raises(StoreError, match="read-only"):
            store.decide([BOB], "accept")
    with Store.open(db) as store:
        assert current(store) == {"in:ada": "accept"}


def test_network_fs_warning_for_sync_folders(tmp_path: Path) -> None:
    assert warn_if_network_fs(tmp_path / "data" / "passerelle.db") is None
    message = warn_if_network_fs(Path("/home/u/Dropbox/passerelle/passerelle.db"))
    assert message is not None and "sync folder" in message


# ---------------------------------------------------------------- snapshots
class FakeExport:
    """Just the fields write_snapshot reads (the real Export comes from tui.export.reader)."""

    def __init__(self, connections: pl.DataFrame, invitations: pl.DataFrame, content_hash: str = "ab" * 32) -> None:
        from tui.export.archive import Archive
        from tui.export.reader import ImportReport

        self.connections, self.invitations, self.hidden = connections, invitations, connections.clear()
        self.messages, self.owner, self.report, self.archive = pl.DataFrame(), None, ImportReport((), ()), Archive()
        self.content_hash, self.exported_on, self.source = content_hash, date(2026, 5, 12), "x.zip"


CONNECTIONS = pl.DataFrame(
    {"full_name": ["Ada Lovelace", "Bob"], "url": ["https://www.linkedin.com/in/ada", None],
     "key": ["in:ada", "name:bob"], "connected_on": [date(2025, 11, 5), date(2018, 1, 8)]}
)
INVITATIONS = pl.DataFrame(
    {"from_name": ["Cy"], "sent_at": [datetime(2023, 11, 30, 5, 40)], "direction": ["INCOMING"],
     "key": ["name:cy"], "connected": [False], "connected_on": pl.Series([None], dtype=pl.Date), "line": [4]}
)


def test_snapshot_round_trip_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "snapshots"
    path = write_snapshot(FakeExport(CONNECTIONS, INVITATIONS), folder)
    connections, invitations = read_snapshot(path)
    assert connections.equals(CONNECTIONS) and invitations.equals(INVITATIONS)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in path.iterdir())
    assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [path.name]
    assert not [f for f in path.iterdir() if f.name.endswith(".tmp")]  # no temp file left over


def test_snapshot_keeps_schema_of_an_empty_table(tmp_path: Path) -> None:
    path = write_snapshot(FakeExport(CONNECTIONS, INVITATIONS.clear()), tmp_path)
    connections, invitations = read_snapshot(path)
    assert invitations.height == 0 and invitations.schema == INVITATIONS.schema
    assert connections.equals(CONNECTIONS)


def test_snapshot_into_a_folder_that_is_a_file_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "snapshots"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="snapshot"):
        write_snapshot(FakeExport(CONNECTIONS, INVITATIONS), blocker)
    assert blocker.read_text() == "not a folder"


def test_unreadable_snapshot_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 nope")
    with pytest.raises(StoreError):
        read_snapshot(bad)


# ---------------------------------------------------------------- model-based test
KEYS = ["in:a", "in:b", "in:c", "name:d"]


class DecisionLog(RuleBasedStateMachine):
    """decide/undo/redo/reopen against a plain stack model of what the user expects."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.mkdtemp()
        self.path = Path(self.folder) / "data" / "passerelle.db"
        self.store = Store.open(self.path)
        self.applied: list[tuple[frozenset[str], str]] = []  # batches in effect, oldest first
        self.undone: list[tuple[frozenset[str], str]] = []  # redo stack

    @rule(keys=st.sets(st.sampled_from(KEYS), min_size=1), decision=st.sampled_from(DECISIONS))
    def decide(self, keys: set[str], decision: str) -> None:
        self.store.decide([Person(k, k.upper(), None) for k in sorted(keys)], decision)
        self.applied.append((frozenset(keys), decision))
        self.undone.clear()

    @rule()
    def undo(self) -> None:
        batch = self.store.undo()
        if not self.applied:
            assert batch is None
            return
        keys, decision = self.applied.pop()
        self.undone.append((keys, decision))
        assert batch is not None and set(batch.keys) == keys and batch.decision == decision

    @rule()
    def redo(self) -> None:
        batch = self.store.redo()
        if not self.undone:
            assert batch is None
            return
        keys, decision = self.undone.pop()
        self.applied.append((keys, decision))
        assert batch is not None and set(batch.keys) == keys and batch.decision == decision

    @rule(keys=st.sets(st.sampled_from(KEYS), min_size=1), decision=st.sampled_from(DECISIONS))
    def decide_in_another_window(self, keys: set[str], decision: str) -> None:
        # A second open store on the same file: its decision joins the same log.
        with Store.open(self.path) as other:
            other.decide([Person(k, None, None) for k in sorted(keys)], decision)
        self.applied.append((frozenset(keys), decision))
        self.undone.clear()

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = Store.open(self.path)

    @invariant()
    def state_matches_model(self) -> None:
        expected: dict[str, str] = {}
        for keys, decision in self.applied:
            expected.update(dict.fromkeys(keys, decision))
        assert current(self.store) == expected

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


DecisionLog.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestDecisionLog = DecisionLog.TestCase


def test_a_worker_thread_can_decide(db: Path) -> None:
    import threading

    with Store.open(db) as store:
        errors: list[BaseException] = []

        def work() -> None:
            try:
                store.decide([ADA], "follow")
            except BaseException as exc:  # noqa: BLE001 - surfaced below
                errors.append(exc)

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        assert errors == [] and current(store) == {"in:ada": "follow"}


def test_every_write_raises_the_revision_and_reads_do_not(db: Path) -> None:
    """The first page saved at exit is trusted only while the revision is unchanged."""
    with Store.open(db) as store:
        seen = [store.revision()]
        store.decisions(), store.info(), store.drafts()
        assert store.revision() == seen[-1]
        for write in (lambda: store.decide([ADA], "accept"), store.undo, store.redo,
                      lambda: store.set_info("in:ada", company="Acme"), lambda: store.add_note("in:ada", "met"),
                      lambda: store.tag("in:ada", "x"), lambda: store.untag("in:ada", "x"),
                      lambda: store.save_draft(None, ADA, "hi")):
            write()
            assert store.revision() > seen[-1]
            seen.append(store.revision())
    with Store.open(db) as store:
        assert store.revision() == seen[-1]


def test_a_version_1_database_gains_the_revision_and_keeps_its_decisions(db: Path) -> None:
    """A database made before the revision counter existed opens, after a backup, unchanged."""
    _version_1_database(db)
    with Store.open(db) as store:
        assert current(store) == {"in:ada": "accept"}
        assert store.revision() == 0
        assert len(store.backups()) == 1
        store.decide([ADA], "ignore")
        assert store.revision() == 1


def _version_1_database(db: Path) -> None:
    db.parent.mkdir(mode=0o700)
    with sqlite3.connect(db) as old:
        for statement in store_module.MIGRATIONS[0]:
            old.execute(statement)
        old.execute(f"PRAGMA application_id={store_module.APPLICATION_ID}")
        old.execute("PRAGMA user_version=1")
        old.execute("INSERT INTO batches(at, kind, decision) VALUES ('2026-11-01T10:00:00.000000', 'decide', 'accept')")
        old.execute("INSERT INTO decision_rows(batch, key, name) VALUES (1, 'in:ada', 'Ada')")
    db.chmod(0o600)


def test_a_read_only_command_after_an_update_upgrades_the_database_once_and_reads(db: Path) -> None:
    """`passerelle stats` right after updating Passerelle must not answer "needs an upgrade"."""
    _version_1_database(db)
    with Store.open(db, read_only=True) as store:
        assert current(store) == {"in:ada": "accept"}
        assert store.read_only
        assert len(store.backups()) == 1  # the upgrade kept a copy of the old database
    with sqlite3.connect(db) as live:
        assert live.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)

