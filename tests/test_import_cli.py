"""`passerelle import` as a user runs it: a real subprocess, real files, a real database."""

from __future__ import annotations

import json
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.export_fixtures import SAMPLE_CONNECTIONS, connections_bytes, make_zip, sample_members
from tui.store.snapshots import read_snapshot
from tui.store.store import Store

NEW_NAME = "Basic_LinkedInDataExport_05-12-2026.zip"
OLD_NAME = "Basic_LinkedInDataExport_01-10-2025.zip"


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args, "--home", str(home)],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )


def new_export(tmp_path: Path) -> Path:
    return make_zip(tmp_path / NEW_NAME, sample_members())


def old_export(tmp_path: Path) -> Path:
    members = sample_members()
    members["Connections.csv"] = connections_bytes(SAMPLE_CONNECTIONS[:2])  # a smaller, earlier network
    return make_zip(tmp_path / OLD_NAME, members)


def import_rows(home: Path) -> list[tuple]:
    with sqlite3.connect(home / "data" / "passerelle.db") as raw:
        rows = raw.execute("SELECT id, content_hash, exported_on FROM imports ORDER BY id").fetchall()
    raw.close()
    return rows


def test_import_json_reports_files_and_records_the_import(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = passerelle("import", str(new_export(tmp_path)), "--json", home=home)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["status"] == "new"
    files = {f["name"]: f for f in payload["files"]}
    assert files["Connections.csv"]["kind"] == "connections"
    assert files["Connections.csv"]["rows"] == 4 and files["Connections.csv"]["kept"] == 4
    assert files["Invitations.csv"]["set_aside"] == [] and files["Invitations.csv"]["problems"] == []
    record = payload["import"]
    assert record["exported_on"] == "2026-05-12"
    assert record["counts"]["connections"] == 3 and record["counts"]["hidden_connections"] == 1
    snapshot = Path(record["snapshot"])
    assert snapshot.parent == home / "data" / "snapshots"
    assert snapshot.name == record["content_hash"] and stat.S_IMODE(snapshot.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in snapshot.iterdir())
    connections, invitations = read_snapshot(snapshot)
    assert connections.height == 3 and invitations.height == 4
    with Store.open(home / "data" / "passerelle.db") as store:
        assert store.last_import().content_hash == record["content_hash"]


def test_human_report_is_a_table_with_a_summary(tmp_path: Path) -> None:
    result = passerelle("import", str(new_export(tmp_path)), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["file", "kind", "rows", "kept", "set", "aside", "problems"]
    assert any(line.startswith("Connections.csv") and line.split()[2:4] == ["4", "4"] for line in lines)
    assert "imported as import #1" in lines[-1] and "3 connections" in lines[-1]


def test_reimporting_the_same_export_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    source = new_export(tmp_path)
    first = json.loads(passerelle("import", str(source), "--json", home=home).stdout)
    snapshots = sorted((home / "data" / "snapshots").iterdir())
    again = passerelle("import", str(source), "--json", home=home)
    assert again.returncode == 0, again.stderr
    second = json.loads(again.stdout)
    assert second["status"] == "unchanged" and second["import"]["id"] == first["import"]["id"]
    assert len(import_rows(home)) == 1
    assert sorted((home / "data" / "snapshots").iterdir()) == snapshots
    human = passerelle("import", str(source), home=home)
    assert "already imported, nothing changed" in human.stdout


def test_an_older_export_asks_for_yes_and_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert passerelle("import", str(new_export(tmp_path)), home=home).returncode == 0
    before = import_rows(home)
    snapshots = sorted((home / "data" / "snapshots").iterdir())
    refused = passerelle("import", str(old_export(tmp_path)), home=home)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "--yes" in refused.stderr and "older" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert import_rows(home) == before
    assert sorted((home / "data" / "snapshots").iterdir()) == snapshots

    accepted = passerelle("import", str(old_export(tmp_path)), "--json", "--yes", home=home)
    assert accepted.returncode == 0, accepted.stderr
    payload = json.loads(accepted.stdout)
    assert payload["status"] == "older" and payload["import"]["exported_on"] == "2025-01-10"
    assert len(import_rows(home)) == 2


def test_older_in_json_mode_still_says_so_on_stdout(tmp_path: Path) -> None:
    home = tmp_path / "home"
    passerelle("import", str(new_export(tmp_path)), home=home)
    refused = passerelle("import", str(old_export(tmp_path)), "--json", home=home)
    assert refused.returncode == 2
    assert json.loads(refused.stdout)["status"] == "older" and json.loads(refused.stdout)["import"] is None


def test_a_bad_export_writes_nothing_at_all(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad = tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = passerelle("import", str(bad), home=home)
    assert result.returncode == 2
    assert result.stderr.startswith("passerelle: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert not (home / "data").exists() or not any((home / "data").iterdir())


def test_a_missing_source_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = passerelle("import", str(tmp_path / "nope.zip"), home=home)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (home / "data").exists()


def test_a_damaged_database_stops_the_import_and_is_kept(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    db = home / "data" / "passerelle.db"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    result = passerelle("import", str(new_export(tmp_path)), home=home)
    assert result.returncode == 2 and "kept untouched" in result.stderr
    assert db.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 2000
    assert not (home / "data" / "snapshots").exists()
