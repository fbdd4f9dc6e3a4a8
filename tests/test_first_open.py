"""A new export opened in a terminal is read by a second process: it says each step, the
rows it writes are the ones a whole read writes, and a bad export is one line, nothing written."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
from ui_export import ui_export

from conftest import SAMPLE_DIR
from tui.core.errors import ExportError
from tui.export.reader import load_export, load_export_in_two
from tui.store.store import Store
from tui.store.triage_tables import write_triage
from tui.first_open import FirstOpen
from tui.paths import Paths

SAMPLE = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"
ROWS_SQL = """SELECT direction, key, name, url, sent_at, note, line, has_note, note_length, mass_invite,
    suspicious_reasons, messaged_before, base_score, asks, accepted, accepted_on
    FROM triage_rows ORDER BY direction, key, sent_at"""


def _rows(database: Path) -> list[tuple]:
    with sqlite3.connect(database) as db:
        return db.execute(ROWS_SQL).fetchall()


def test_the_reader_says_each_step_and_leaves_the_rows_the_record_and_the_cache(tmp_path: Path,
                                                                              passerelle_home: Paths) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    reader = FirstOpen(export, passerelle_home, date(2025, 11, 25))
    reader.checked()
    rows = reader.rows()
    assert rows["source"] == str(export.absolute()) and rows["exported_on"] == "2025-11-20"
    assert reader.rest() == []  # a fresh export of today: nothing to say
    reader.close()
    store = Store.open(passerelle_home.database)
    try:
        assert store.last_import().source == str(export.absolute())  # made current, as the app always did
    finally:
        store.close()
    assert any(passerelle_home.frames_cache.glob("*/meta.json"))  # the next open skips the CSVs
    with sqlite3.connect(passerelle_home.database) as db:
        received = db.execute("SELECT count(*) FROM triage_rows WHERE set_id = ? AND direction = 'received'",
                              (rows["id"],)).fetchone()[0]
    assert received > 0


def test_rows_written_from_the_message_keys_are_the_rows_of_the_whole_export(tmp_path: Path) -> None:
    for source in (SAMPLE, ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")):
        databases = []
        for name, export in (("first", load_export_in_two(source)[0]), ("whole", load_export(source))):
            database = tmp_path / f"{source.stem}-{name}.db"
            store = Store.open(database)
            try:
                write_triage(store, export, source)
            finally:
                store.close()
            databases.append(database)
        first, whole = (_rows(d) for d in databases)
        assert first == whole and any(r[11] for r in first if r[0] == "received") == any(
            r[11] for r in whole if r[0] == "received")


def test_the_second_half_is_the_whole_export(tmp_path: Path) -> None:
    first, whole = load_export_in_two(SAMPLE)
    full = load_export(SAMPLE)
    assert "content" not in first.messages.columns and first.messages.height == full.messages.height
    got = whole()
    assert got.messages.equals(full.messages) and got.report == full.report and whole() is got


def test_a_bad_export_is_one_line_from_the_reader_and_nothing_is_written(tmp_path: Path, passerelle_home: Paths) -> None:
    bad = tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("Invitations.csv", b"From,To,Sent At\n\"unclosed,quote\n")
    reader = FirstOpen(bad, passerelle_home, date.today())
    with pytest.raises(ExportError) as raised:
        reader.checked()
        reader.rows()
    assert "\n" not in str(raised.value) and "Invitations.csv" in str(raised.value)
    reader.close()
    assert not passerelle_home.database.exists() and not passerelle_home.data.exists()


def test_a_reader_that_cannot_start_or_dies_leaves_the_reading_to_the_app(tmp_path: Path, passerelle_home: Paths,
                                                                         monkeypatch) -> None:
    import subprocess

    from tui import first_open
    from tui.first_open import FirstOpen, ReaderFailed

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")

    def no_process(*_a, **_k):
        raise OSError("no python here")

    with monkeypatch.context() as patch:
        patch.setattr(subprocess, "Popen", no_process)
        assert first_open.start_reader(export, passerelle_home, date.today()) is None
    reader = FirstOpen(export, passerelle_home, date.today())
    reader.process.kill()  # dies before it could say the export was checked
    assert first_open.checked(reader, None) is None
    with pytest.raises(ReaderFailed):
        reader.rows()
