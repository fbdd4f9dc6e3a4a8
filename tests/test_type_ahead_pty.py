"""In a real pseudo-terminal: `/anne` typed the moment the first rows appear filters for
"anne" and decides nothing. The screen is read with pyte; waits are bounded loops on
what the screen shows, never sleeps."""

from __future__ import annotations

import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyte
from ui_export import ui_export

from conftest import REPO

INCOMING = [
    ("Anne Dupont", "anne-dupont", "10/01/25, 8:30 AM", "We met at PyData, great talk on pipelines!"),
    ("Inès Moreau", "ines-moreau", "11/02/25, 9:00 AM", "Bonjour, je travaille en logistique à Lyon."),
    ("Jon Park", "jon-park", "11/08/25, 6:00 PM", ""),
]
COLS, ROWS = 120, 36


class Terminal:
    """The app in a pty, its output played on a pyte screen."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the app, as a terminal starts it
            os.environ.update(env, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS))
            os.execv(sys.executable, [sys.executable, *args])

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, wanted, limit: float = 60.0) -> bool:
        """Read output until `wanted(screen text)` holds or `limit` seconds pass."""
        end = time.monotonic() + limit
        while not wanted(self.text()):
            if time.monotonic() > end:
                return False
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.stream.feed(os.read(self.fd, 1 << 16))
                except OSError:  # the app left
                    return wanted(self.text())
        return True

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def close(self) -> int:
        end = time.monotonic() + 30
        while time.monotonic() < end:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status)
            self.wait_for(lambda _: False, 0.1)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        return -9

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        """A test that failed midway leaves no app behind."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def imported_home(tmp_path: Path, incoming: list[tuple[str, str, str, str]] = INCOMING) -> Path:
    """A home where an export of `incoming` invitations was imported: the app starts from the store."""
    home = tmp_path / "home"
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=incoming)
    subprocess.run([sys.executable, "-m", "tui", "import", "--home", str(home), str(export)],
                   cwd=REPO, check=True, capture_output=True)
    return home


def decisions(home: Path) -> list[tuple[str, str]]:
    """(profile key, decision) of every decision in `home`'s store, in the order made."""
    with sqlite3.connect(home / "data" / "passerelle.db") as db:
        return db.execute("SELECT r.key, b.decision FROM decision_rows r JOIN batches b ON b.id = r.batch").fetchall()


def test_slash_anne_typed_as_the_first_rows_appear_filters_in_a_real_terminal(tmp_path: Path) -> None:
    home = imported_home(tmp_path)
    with Terminal(["-m", "tui", "--home", str(home)], {"PYTHONPATH": str(REPO)}) as term:
        assert term.wait_for(lambda t: "Inès Moreau" in t), term.text()  # the first rows are on screen
        term.type("/anne")  # at once
        # One condition for the whole screen: pyte may read a frame half written, rows not yet drawn.
        assert term.wait_for(lambda t: "filter: anne" in t and "Note" in t and "Anne Dupont" in t
                             and "Inès Moreau" not in t.split("Note", 1)[1]), term.text()
        assert "not taken" not in term.text()
        term.type("\r")
        term.type("q")
        assert term.close() == 0
    with sqlite3.connect(home / "data" / "passerelle.db") as db:
        assert db.execute("SELECT count(*) FROM batches").fetchone() == (0,)  # no letter became a decision


def test_a_first_start_shows_it_is_reading_and_keeps_what_was_typed_meanwhile(tmp_path: Path) -> None:
    home = tmp_path / "home"
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=INCOMING)
    with Terminal(["-m", "tui", "--home", str(home), str(export)], {"PYTHONPATH": str(REPO)}) as term:
        assert term.wait_for(lambda t: "Reading the export" in t or "Inès Moreau" in t), term.text()
        term.type("/annx\x7fe")  # while the export is read (or as its rows appear), a typo fixed at once
        # The footer comes with the rows (while the reader process reads, the cores are its own).
        assert term.wait_for(lambda t: "filter: anne" in t and "Anne Dupont" in t and "Keep filter" in t), term.text()
        assert "0 of 3 decided" in term.text()  # the session is the whole queue, not the filtered rows
        term.type("\r")
        term.type("q")
        assert term.close() == 0
    with sqlite3.connect(home / "data" / "passerelle.db") as db:
        assert db.execute("SELECT count(*) FROM batches").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM triage_rows WHERE direction = 'received'").fetchone() == (3,)


def test_enter_typed_before_the_app_takes_the_terminal_keeps_the_filter_and_the_next_key_decides(tmp_path: Path) -> None:
    """Typed before the app puts the terminal in raw mode, enter arrives as a line feed (the
    terminal turns CR into LF): it still keeps the filter, and the `a` after it accepts the
    one invitation shown instead of being typed into the filter."""
    home = imported_home(tmp_path)
    with Terminal(["-m", "tui", "--home", str(home)], {"PYTHONPATH": str(REPO)}) as term:
        term.type("/anne\ra")  # at once: Python is not even up, the terminal is as the shell left it
        assert term.wait_for(lambda t: "1 of 3 decided" in t and "filter: anne" in t), term.text()
        assert "annea" not in term.text()
        term.type("q")
        assert term.close() == 0
    assert decisions(home) == [("in:anne-dupont", "accept")]


def test_escape_then_a_key_typed_at_once_is_escape_and_the_key(tmp_path: Path) -> None:
    """A terminal sends Alt+a as escape then `a`, so escape and a key typed in one burst (while
    the app starts, or within 100 ms) reached the app as alt+a, `™` (escape `2`) or `/` alone:
    the escape must still close the filter, then `a` accept, `2` show Sent and `/` open a new
    filter, instead of `a`, `™` or `/` being typed into the filter."""
    home = imported_home(tmp_path, INCOMING[2:])
    with Terminal(["-m", "tui", "--home", str(home)], {"PYTHONPATH": str(REPO)}) as term:
        term.type("/jon\x1ba")  # at once, while the app starts
        assert term.wait_for(lambda t: "1 of 1 decided" in t), term.text()
        assert "filter:" not in term.text() and "jona" not in term.text()
        term.type("/jon")
        assert term.wait_for(lambda t: "jon" in t.split("Views")[1].split("Name")[0]), term.text()  # the field is open
        term.type("\x1b2")
        assert term.wait_for(lambda t: "Sent invitations" in t), term.text()
        assert "™" not in term.text()
        term.type("1/zz")
        assert term.wait_for(lambda t: "filter: zz" in t), term.text()
        term.type("\x1b/jon")  # a new filter at once: escape clears the first, `/` opens another
        assert term.wait_for(lambda t: "filter: jon" in t), term.text()
        assert "zz" not in term.text()
        term.type("\r")
        term.type("q")
        assert term.close() == 0
    assert decisions(home) == [("in:jon-park", "accept")]


def test_a_name_typed_with_4_at_once_is_the_composers_search_not_decisions(tmp_path: Path) -> None:
    """`4ines` in one burst on a start from the store: the composer needs the export, read for
    it then; the letters typed meanwhile wait for it. They used to reach Received: `i` ignored
    the highlighted invitation, `e` opened its "what you know" box, `s` marked one suspicious.
    Then escape and a key at once leave the field and do what the key says, not type it."""
    home = imported_home(tmp_path)
    with Terminal(["-m", "tui", "--home", str(home)], {"PYTHONPATH": str(REPO)}) as term:
        assert term.wait_for(lambda t: "Inès Moreau" in t), term.text()
        term.type("4ines")  # at once
        assert term.wait_for(lambda t: "Recipient" in t and "ines" in t.split("Recipient", 1)[1].splitlines()[1]), \
            term.text()
        assert "What you know" not in term.text()
        term.type("\x1b2")  # escape then 2 at once: leave the field, show Sent (as the footer says)
        assert term.wait_for(lambda t: "Sent invitations" in t), term.text()
        term.type("4")
        assert term.wait_for(lambda t: "Recipient" in t), term.text()
        assert "ines2" not in term.text()
        term.type("\x1bq")  # and escape then q quits
        assert term.close() == 0
    assert decisions(home) == []
