"""Privacy: no network from the headless commands, private files under umask 000, and no
person's row contents in any error message or import report."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from ui_export import ui_export

from conftest import REPO
from export_fixtures import (
    IN, SAMPLE_CONNECTIONS, connections_bytes, invitations_bytes, make_zip, messages_bytes,
)
from tui.cli.main import main
from tui.app import PasserelleApp
from tui.launch import build_context
from unprivileged import mode


def cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI in this process (so monkeypatches apply); (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every way to open a connection fails loudly and is recorded."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse(*a))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_import_stats_decisions_open_no_connection(tmp_path: Path, no_network: list, passerelle_home) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    home = str(passerelle_home.config.parent)
    for args in (("import", str(source)), ("import", str(source), "--json"), ("stats", str(source), "--json"),
                 ("stats",), ("strategy", "--init"), ("templates",), ("decisions",),
                 ("decisions", "--format", "json"), ("report",)):
        code, _out, err = cli(*args, "--home", home)
        assert code == 0, (args, err)
    assert no_network == []


async def test_files_are_private_after_import_and_app_session_under_umask_000(tmp_path: Path, passerelle_home) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    home = passerelle_home.config.parent
    old = os.umask(0)
    try:
        for args in (("import", str(source)), ("strategy", "--init"), ("templates",)):
            code, _out, err = cli(*args, "--home", str(home))
            assert code == 0, (args, err)
        context = build_context(source, passerelle_home)
        app = PasserelleApp(context)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("a", "i", "4")  # two decisions, then the composer (templates)
            await pilot.pause()
            assert context.store.decisions().height == 2
            during = _modes(home)  # -wal and -shm exist while the store is open
            assert any(name.endswith("-wal") for name in during)
        context.store.close()
    finally:
        os.umask(old)
    after = _modes(home)
    kinds = {Path(name).suffix for name in after}
    assert {".db", ".parquet", ".toml"} <= kinds, sorted(after)
    loose = {name: oct(m) for name, m in {**during, **after}.items() if m not in (0o600, 0o700)}
    assert loose == {}, f"not private: {loose}"
    assert mode(home) == 0o700, "the --home folder itself is private too"


def _modes(home: Path) -> dict[str, int]:
    """Every file (0600 expected) and folder (0700 expected) under home → mode."""
    found = {}
    for path in home.rglob("*"):
        found[str(path.relative_to(home))] = mode(path)
    return found


MARKER = "Zq9Marker"  # a person's text that must never appear in stderr or a report


def _hostile_export(tmp_path: Path, *, fatal: bool = False) -> Path:
    connections = SAMPLE_CONNECTIONS + [
        [f"{MARKER}First", f"{MARKER}Last", IN + "marker-one", f"{MARKER}@example.org", f"{MARKER} Corp",
         f"{MARKER} role", f"{MARKER} not a date"],
    ]
    body = connections_bytes(connections)
    body += f"\n{MARKER}Ragged,{MARKER},too,few".encode()  # set aside: wrong field count
    body += f'\n{MARKER}A,{MARKER}B,,,"{MARKER}, Inc",x,y,{MARKER}extra'.encode()  # too many fields
    if fatal:
        body += f'\n{MARKER}Open,"{MARKER} unclosed,,,,,05 Nov 2025'.encode()
    invitations = invitations_bytes([
        [f"{MARKER} Sender", "Ana Quist", f"{MARKER} o'clock", f"{MARKER} note", f"{MARKER}WAYS",
         IN + "marker-sender", IN + "ana-quist"],
        [f"{MARKER} Short", "Ana Quist"],
    ])
    messages = messages_bytes() + f'x,{MARKER},"{MARKER}\n'.encode() if fatal else messages_bytes()
    return make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", {
        "Connections.csv": body, "Invitations.csv": invitations, "messages.csv": messages,
    })


def test_set_aside_rows_and_bad_dates_are_reported_without_their_contents(tmp_path: Path, passerelle_home) -> None:
    source = _hostile_export(tmp_path)
    home = str(passerelle_home.config.parent)
    code, human, err = cli("import", str(source), "--home", home)
    assert code == 0, err
    assert "set aside" in human and "line 10" in human  # counts and line numbers are there…
    assert MARKER not in human and MARKER not in err  # …the rows are not
    code, out, err = cli("stats", str(source), "--json", "--home", home)
    assert code == 0 and MARKER not in err
    from tui.export.reader import load_export

    report = load_export(source).report
    files = {f.name: f for f in report.files}
    assert len(files["Connections.csv"].set_aside) == 2
    assert files["Connections.csv"].date_failures == 1 and files["Invitations.csv"].date_failures == 1
    assert len(files["Invitations.csv"].set_aside) == 1
    assert MARKER not in json.dumps(report.to_dict())
    code, payload, err = cli("import", str(source), "--json", "--home", home)
    assert code == 0 and MARKER not in err
    assert MARKER not in json.dumps(json.loads(payload)["files"]) + json.dumps(json.loads(payload)["problems"])


def test_fatal_parse_errors_name_the_line_not_the_row(tmp_path: Path) -> None:
    source = _hostile_export(tmp_path, fatal=True)
    home = tmp_path / "home-fatal"
    result = subprocess.run([sys.executable, "-m", "tui", "import", str(source), "--home", str(home)],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "(line " in result.stderr and "unclosed quote" in result.stderr
    assert MARKER not in result.stderr and MARKER not in result.stdout
    assert not home.exists()


def test_existing_loose_folders_and_files_are_tightened(tmp_path: Path, passerelle_home) -> None:
    """A data folder made 0755 by hand (or an old version) and a 0644 database: made private."""
    home = passerelle_home.config.parent
    for folder in (passerelle_home.config, passerelle_home.data, passerelle_home.cache):
        folder.mkdir(parents=True)
        folder.chmod(0o755)
    from tui.store.store import Store

    Store.open(passerelle_home.database).close()
    passerelle_home.database.chmod(0o644)
    code, _out, err = cli("import", str(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")),
                          "--home", str(home))
    assert code == 0, err
    loose = {name: oct(m) for name, m in _modes(home).items() if m not in (0o600, 0o700)}
    assert loose == {}, f"not private: {loose}"
