"""Re-importing the same export changes nothing — in any table, in the snapshots — whether it
comes back as the ZIP, as its unpacked folder, or through the app; an older export is asked
about and leaves everything as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from export_fixtures import SAMPLE_CONNECTIONS, connections_bytes, make_folder, make_zip, sample_members
from tui.store.store import Person, Store
from tui.launch import build_context
from tui.paths import Paths


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def state(home: Path) -> dict:
    """Every table's rows and every snapshot's bytes: what a re-import must not change (the
    triage rows are derived from the export the app shows, like the frames cache: not compared)."""
    db = home / "data" / "passerelle.db"
    raw = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_schema WHERE type='table' "
                                            "AND name NOT LIKE 'triage%' AND name <> 'revision' ORDER BY name")]
        rows = {t: raw.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        raw.close()
    # An import's snapshot is the folder of its frames; a folder no import names is only the
    # frame cache of an export shown but not made current (not compared, as said above).
    named = {Path(r[-1]).name for r in rows["imports"] if r[-1]}  # the snapshot column
    snapshots = {p.name: {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(p.iterdir())}
                 for p in sorted((home / "data" / "snapshots").iterdir()) if p.name in named}
    return {"rows": rows, "snapshots": snapshots}


def test_same_export_again_as_zip_folder_or_app_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    zipped = make_zip(tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip", sample_members())
    unpacked = make_folder(tmp_path / "Basic_LinkedInDataExport_05-12-2026", sample_members())
    assert passerelle("import", str(zipped), home=home).returncode == 0
    with Store.open(home / "data" / "passerelle.db") as store:  # decisions made since
        store.decide([Person("in:kofi-mensah-77", "Kofi Mensah", None)], "accept")
        store.add_note("in:kofi-mensah-77", "met at PyData")
    before = state(home)
    assert len(before["rows"]["imports"]) == 1 and len(before["snapshots"]) == 1
    for source in (zipped, unpacked, zipped):
        result = passerelle("import", str(source), home=home)
        assert result.returncode == 0, result.stderr
        assert "already imported, nothing changed" in result.stdout
        after = state(home)
        assert without_path(after) == without_path(before)
        assert after["rows"]["imports"][0][1] == str(source)  # the record follows the file given last
    context = build_context(unpacked, Paths.resolve(home))  # the app opening it records nothing new
    context.store.close()
    assert without_path(state(home)) == without_path(before)


def without_path(found: dict) -> dict:
    """The state minus where the export lives (and the write counter a new path bumps)."""
    rows = dict(found["rows"])
    rows["imports"] = [(r[0], None, *r[2:]) for r in rows["imports"]]
    rows.pop("revision", None)
    return {"rows": rows, "snapshots": found["snapshots"]}


def test_older_export_is_asked_about_and_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    newer = make_zip(tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip", sample_members())
    members = sample_members()
    members["Connections.csv"] = connections_bytes(SAMPLE_CONNECTIONS[:2])
    older = make_zip(tmp_path / "Basic_LinkedInDataExport_01-10-2025.zip", members)
    assert passerelle("import", str(newer), home=home).returncode == 0
    before = state(home)
    refused = passerelle("import", str(older), home=home)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "older" in refused.stderr and "--yes" in refused.stderr
    assert state(home) == before
    context = build_context(older, Paths.resolve(home))  # the app shows it, says so, keeps the newer current
    try:
        assert any("older than your last import" in n for n in context.notices)
    finally:
        context.store.close()
    assert state(home) == before
