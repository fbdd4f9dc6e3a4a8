"""SIGTERM / SIGHUP / SIGINT during triage, on the real app in a real pseudo-terminal: the app leaves
like `q` (terminal restored: alternate screen left, mouse reporting off), and every decision
made before the signal is in a sound database."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from ui_export import INCOMING, ui_export

from conftest import REPO, generated_export

LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Terminal:
    """`passerelle SOURCE` running in a pty, with its output collected."""

    def __init__(self, source: Path, home: Path) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # child: become the app
            os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40", PYTHONPATH=str(REPO))
            os.environ.pop("PASSERELLE_HOME", None)
            os.chdir(REPO)
            os.execv(sys.executable, [sys.executable, "-m", "tui", str(source), "--home", str(home)])
        self.output = b""
        self.closed = False

    def read(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.closed and time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                if not chunk:
                    self.closed = True
                self.output += chunk

    def wait_for(self, condition, what: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                self.kill()
                pytest.fail(f"timed out waiting for {what}; output tail {self.output[-300:]!r}")
            self.read(0.1)

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def decisions(db: Path) -> int:
    if not db.exists():
        return 0
    raw = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return raw.execute("SELECT count(*) FROM decision_rows").fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        raw.close()


@pytest.mark.parametrize("signame, codes", [("SIGTERM", {143}), ("SIGHUP", {129}), ("SIGINT", {0, 130})])
def test_signal_during_triage_exits_cleanly_and_loses_nothing(signame: str, codes: set, tmp_path: Path) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    home = tmp_path / "home"
    db = home / "data" / "passerelle.db"
    term = Terminal(source, home)
    try:
        names = [name.encode() for name, *_ in INCOMING]
        term.wait_for(lambda: any(n in term.output for n in names), "the received queue on screen")
        for count, key in enumerate((b"a", b"i"), 1):
            os.write(term.fd, key)
            term.wait_for(lambda: decisions(db) == count, f"decision {count} in the store")
        mark = len(term.output)
        os.kill(term.pid, getattr(signal, signame))
        end = time.monotonic() + 30
        while True:
            pid, status = os.waitpid(term.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > end:
                term.kill()
                pytest.fail(f"the app did not leave after {signame}")
            term.read(0.1)
        term.read(0.5)
    finally:
        term.kill()
        os.close(term.fd)
    assert os.WIFEXITED(status), f"killed by signal {os.WTERMSIG(status)}: the terminal was left as it was"
    assert os.WEXITSTATUS(status) in codes
    assert LEAVE_ALT_SCREEN in term.output[mark:], "the terminal was not restored"
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    assert decisions(db) == 2


def test_closing_the_terminal_ends_the_app_even_while_it_reads_a_new_export(tmp_path: Path) -> None:
    """The terminal window closed (the pty's other end gone, SIGHUP) while a new export of a few
    thousand people is being read: the process ends within seconds. It used to stay forever,
    Textual's shutdown waiting on its last writes to a terminal that was no longer there."""
    source = generated_export(tmp_path, 5000, 1000, 10000)
    term = Terminal(source, tmp_path / "home")
    try:
        term.wait_for(lambda: len(term.output) > 2000, "the first frame being drawn")
        os.close(term.fd)  # the window closed: nothing reads what the app writes any more
        end = time.monotonic() + 20
        while not (done := os.waitpid(term.pid, os.WNOHANG))[0]:
            if time.monotonic() > end:
                pytest.fail("the app was still running 20 s after its terminal closed")
            time.sleep(0.1)
    finally:
        term.kill()
    assert os.waitstatus_to_exitcode(done[1]) == 129  # ended by the hang-up, as the window closing says
