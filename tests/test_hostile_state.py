"""State and files under attack: two imports at once, a moved export, links planted at our
own paths, caches with the right keys and the wrong types, temp files a kill left behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO
from export_fixtures import SAMPLE_CONNECTIONS, connections_bytes, make_zip, sample_members
from tui.core.errors import ExportError
from tui.export.frame_cache import load_export_cached
from tui.launch import build_context
from tui.paths import Paths

# Both children stop right before recording, say so, and go on together when told.
GATED_IMPORT = r"""
import sys
import tui.store.imports as imports
original = imports.record_export
def gated(*args, **kwargs):
    print("ready", flush=True)
    sys.stdin.readline()
    return original(*args, **kwargs)
imports.record_export = gated
from tui.cli.main import main
sys.exit(main(["import", *sys.argv[1:]]))
"""


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def _export(path: Path, rows: int = 4) -> Path:
    members = sample_members()
    members["Connections.csv"] = connections_bytes(SAMPLE_CONNECTIONS[:rows])
    return make_zip(path, members)


def _imports(home: Path) -> list[tuple]:
    raw = sqlite3.connect(f"{(home / 'data' / 'passerelle.db').as_uri()}?mode=ro", uri=True)
    try:
        return raw.execute("SELECT id, source, content_hash FROM imports ORDER BY id").fetchall()
    finally:
        raw.close()


def _together(home: Path, *sources: Path) -> list[int]:
    children = [subprocess.Popen([sys.executable, "-c", GATED_IMPORT, str(s), "--home", str(home)], cwd=REPO,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for s in sources]
    for child in children:
        assert child.stdout.readline() == "ready\n", child.stderr.read()
    for child in children:  # both hold a loaded export and the same "last import" view
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        child.communicate(timeout=60)
    return [child.returncode for child in children]


def test_two_imports_at_once_never_make_the_older_export_current(tmp_path: Path) -> None:
    newer = _export(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip", 4)
    older = _export(tmp_path / "Basic_LinkedInDataExport_11-21-2026.zip", 3)
    for run in range(4):
        home = tmp_path / f"home{run}"
        codes = _together(home, newer, older)
        rows = _imports(home)
        assert rows[-1][1] == str(newer), rows  # the newest export is the current one, always
        assert codes in ([0, 2], [0, 0])  # the older one refused, or recorded before the newer


def _open_store_when_told(path: str, barrier) -> str:
    from tui.store.store import Store
    barrier.wait()
    try:
        Store.open(Path(path)).close()
        return "opened"
    except Exception as exc:  # the answer is what the test compares
        return str(exc)


def test_two_windows_opening_a_new_database_at_once_both_open(tmp_path: Path) -> None:
    # Switching a new database to WAL answers "locked" at once, with no busy wait, while the
    # other window does the same: the second window must wait its turn, not refuse to start.
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(2) as pool:
        for run in range(12):
            barrier = manager.Barrier(2)
            path = str(tmp_path / f"home{run}" / "data" / "passerelle.db")
            assert pool.starmap(_open_store_when_told, [(path, barrier)] * 2) == ["opened", "opened"]


def test_two_imports_of_one_export_at_once_make_one_record(tmp_path: Path) -> None:
    source = _export(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip")
    for run in range(3):
        home = tmp_path / f"home{run}"
        assert _together(home, source, source) == [0, 0]
        assert len(_imports(home)) == 1
        assert len(list((home / "data" / "snapshots").iterdir())) == 1
    raw = sqlite3.connect(home / "data" / "passerelle.db")
    try:  # the schema itself refuses a second record of one content
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("INSERT INTO imports(source, content_hash, imported_at) SELECT source, content_hash, "
                        "imported_at FROM imports")
    finally:
        raw.close()


def test_a_moved_export_is_an_error_until_imported_from_its_new_place(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    assert passerelle("import", str(first), home=home).returncode == 0
    moved = tmp_path / "archive" / first.name
    moved.parent.mkdir()
    first.rename(moved)
    for command in ("stats", "report"):
        result = passerelle(command, home=home)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stdout[:200]
        assert "no longer here" in result.stderr and "784" not in result.stdout  # not the sample
    with pytest.raises(ExportError, match="no longer here"):
        build_context(None, Paths.resolve(home))
    again = passerelle("import", str(moved), home=home)
    assert again.returncode == 0 and "already imported" in again.stdout
    assert [r[1] for r in _imports(home)] == [str(moved)]  # one record, the new path
    stats = passerelle("stats", "--json", home=home)
    assert stats.returncode == 0 and json.loads(stats.stdout)["source"] == str(moved)


def test_import_yes_of_a_known_older_export_makes_it_current(tmp_path: Path) -> None:
    home = tmp_path / "home"
    older = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip", 3)
    newer = _export(tmp_path / "Basic_LinkedInDataExport_11-22-2026.zip", 4)
    assert passerelle("import", str(older), home=home).returncode == 0
    assert passerelle("import", str(newer), home=home).returncode == 0
    refused = passerelle("import", str(older), home=home)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    made = passerelle("import", str(older), "--yes", home=home)
    assert made.returncode == 0 and "current export again" in made.stdout, made.stdout
    rows = _imports(home)
    assert len(rows) == 2 and rows[-1][1] == str(older)
    assert json.loads(passerelle("stats", "--json", home=home).stdout)["source"] == str(older)


@pytest.mark.parametrize("target", ["dangling", "text file", "empty file"])
def test_a_link_at_the_database_path_is_refused_and_its_target_untouched(target: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    outside = tmp_path / "elsewhere.txt"
    if target != "dangling":
        outside.write_text("my notes\n" if target == "text file" else "")
        outside.chmod(0o644)
    (home / "data" / "passerelle.db").symlink_to(outside)
    result = passerelle("import", str(_export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")), home=home)
    assert result.returncode == 2 and "symbolic link" in result.stderr and result.stderr.count("\n") == 1
    if target == "dangling":
        assert not outside.exists()  # no database made outside the data folder
    else:
        assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # never chmodded
        assert outside.read_text() == ("my notes\n" if target == "text file" else "")


def test_a_linked_snapshots_folder_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    shared = tmp_path / "shared"
    shared.mkdir()
    (home / "data" / "snapshots").symlink_to(shared)
    result = passerelle("import", str(_export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")), home=home)
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert list(shared.iterdir()) == []  # the user's network was not written there


@pytest.mark.parametrize("folder", ["cache", "data"])
def test_a_shared_folder_behind_a_link_is_never_chmodded(folder: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    shared = tmp_path / "team"
    shared.mkdir()
    shared.chmod(0o1777)
    (home / folder).symlink_to(shared)
    result = passerelle("import", str(_export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")), home=home)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_a_frame_cache_with_the_right_keys_and_wrong_types_is_ignored(tmp_path: Path) -> None:
    source = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    cache = tmp_path / "frames"
    fresh = load_export_cached(source, cache)
    [meta_path] = cache.glob("*/meta.json")
    good = json.loads(meta_path.read_text())
    for damage in ({"owner": {**good["owner"], "first_name": 12345}},
                   {"report": {**good["report"], "problems": [1, 2]}},
                   {"report": {"files": [{**good["report"]["files"][0], "rows": "5"}], "problems": []}},
                   {"content_hash": ["not", "text"]}):
        meta_path.write_text(json.dumps({**good, **damage}))
        again = load_export_cached(source, cache, write=False)
        assert again.owner == fresh.owner and again.report == fresh.report  # parsed again, not trusted



def test_a_cached_frame_with_a_number_where_the_note_should_be_is_ignored(tmp_path: Path) -> None:
    """The right columns with the wrong types (a number for the note) must not reach the panes."""
    import polars as pl

    source = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    cache = tmp_path / "frames"
    fresh = load_export_cached(source, cache)
    [frames] = cache.glob("*/invitations.parquet")
    tampered = fresh.invitations.with_columns(pl.lit(12345).alias("message"))
    tampered.write_parquet(frames)
    again = load_export_cached(source, cache, write=False)
    assert again.invitations.schema == fresh.invitations.schema
    assert again.invitations.get_column("message").to_list() == fresh.invitations.get_column("message").to_list()

CRASH = r"""
import os, sys
sys.path.insert(0, os.getcwd())  # this checkout's tui, as `python -m tui` would use
from pathlib import Path
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.paths import Paths

class Crashing(PasserelleApp):
    CSS_PATH = str(Path(sys.modules[PasserelleApp.__module__].__file__).parent / "app.tcss")

    def on_mount(self) -> None:
        note = self.context.export.invitations.get_column("message").to_list()
        raise RuntimeError("boom")

context = build_context(Path(sys.argv[1]), Paths.resolve(sys.argv[2]))
Crashing(context).run(headless=True, size=(100, 30))
"""


def test_a_crash_prints_no_local_variables(tmp_path: Path) -> None:
    source = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    driver = tmp_path / "crash_driver.py"  # a file: Textual reads the App class's source
    driver.write_text(CRASH)
    result = subprocess.run([sys.executable, str(driver), str(source), str(tmp_path / "home")], cwd=REPO,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    out = result.stdout + result.stderr
    assert "RuntimeError" in out and "boom" in out  # the crash is still reported
    assert "PyData" not in out and "Hello!" not in out  # notes held in locals never printed


KILLED_IMPORT = r"""
import os
import sys
original = os.replace
def stall(src, dst, *args, **kwargs):
    if str(dst).endswith(".parquet"):
        print("written", flush=True)
        sys.stdin.readline()  # killed here: the temp file is complete, not yet renamed
    return original(src, dst, *args, **kwargs)
os.replace = stall
from tui.cli.main import main
sys.exit(main(["import", *sys.argv[1:]]))
"""


def test_temp_files_left_by_a_killed_import_are_swept_at_the_next_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    source = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    child = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(source), "--home", str(home)], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "written\n", child.stderr.read()
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    snapshots = home / "data" / "snapshots"
    [left] = list(snapshots.rglob("*.tmp"))  # in the folder of the export's frames
    assert left.name.startswith(".connections.parquet.") and left.stat().st_size > 0
    hour_ago = time.time() - 3600
    os.utime(left, (hour_ago, hour_ago))
    fresh = left.parent / ".hidden.parquet.abcd1234.tmp"  # another import writing right now
    fresh.write_bytes(b"in progress")
    mine = left.parent / "my-notes.tmp"  # not our naming: never touched
    mine.write_bytes(b"keep")
    os.utime(mine, (hour_ago, hour_ago))
    assert passerelle("import", str(source), home=home).returncode == 0
    assert not left.exists() and fresh.exists() and mine.exists()
    leftover = home / "cache" / ".first_page.json.zz99yy88.tmp"
    leftover.write_bytes(b"{")
    os.utime(leftover, (hour_ago, hour_ago))
    build_context(None, Paths.resolve(home)).store.close()  # the app's start sweeps too
    assert not leftover.exists()


def test_a_link_planted_in_the_frame_cache_is_neither_read_nor_written(tmp_path: Path) -> None:
    source = _export(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip")
    cache = tmp_path / "frames"
    load_export_cached(source, cache)
    [entry] = list(cache.iterdir())
    elsewhere = tmp_path / "elsewhere"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)  # a complete, valid cache entry, but behind a link
    (elsewhere / "meta.json").write_text((elsewhere / "meta.json").read_text().replace("Quist", "Forged"))
    again = load_export_cached(source, cache)
    assert again.owner.last_name == "Quist"  # parsed from the export, not read through the link
    assert "Forged" in (elsewhere / "meta.json").read_text()  # and nothing written through it
