"""In a real pseudo-terminal, a new export is read by the reader process: a bad one still ends
in one line and exit 2 with nothing written, before any screen when the check catches it."""

from __future__ import annotations

import os
import pty
import re
import select
import sys
import time
import zipfile
from pathlib import Path

from conftest import REPO

ALT_SCREEN = b"\x1b[?1049h"  # Textual switching to its screen


def run_in_pty(args: list[str], limit: float = 60.0) -> tuple[int, bytes]:
    """Exit code and everything written, for `python -m tui ARGS` in a terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(PYTHONPATH=str(REPO), TERM="xterm-256color", COLUMNS="100", LINES="30")
        os.execv(sys.executable, [sys.executable, "-m", "tui", *args])
    out, end = b"", time.monotonic() + limit
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                chunk = b""
            out += chunk
            if chunk:
                continue
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), out
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    raise AssertionError(f"still running after {limit} s: {out[-500:]!r}")


def test_a_file_that_is_no_export_is_one_line_before_any_screen(tmp_path: Path) -> None:
    home, bad = tmp_path / "home", tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"
    bad.write_bytes(b"PK\x03\x04 this is not a whole ZIP")
    code, out = run_in_pty(["--home", str(home), str(bad)])
    assert code == 2 and ALT_SCREEN not in out
    lines = [line for line in out.decode(errors="replace").splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("passerelle: ") and bad.name in lines[0]
    assert not home.exists()


def test_a_broken_csv_found_while_reading_ends_the_app_with_one_line_and_nothing_written(tmp_path: Path) -> None:
    home, bad = tmp_path / "home", tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("Invitations.csv", b"From,To,Sent At\n\"unclosed,quote\n")
    code, out = run_in_pty(["--home", str(home), str(bad)])
    assert code == 2
    last = out.decode(errors="replace").rstrip().splitlines()[-1]
    said = last.rsplit("passerelle: ", 1)[-1]  # written once the screen is gone, as the last line
    assert "passerelle: " in last and said.startswith("Invitations.csv (line 2): unclosed quote")
    assert not re.search(r"\x1b", said)
    assert not (home / "data" / "passerelle.db").exists()
