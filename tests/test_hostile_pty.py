"""Escape sequences in names and notes, in a real pseudo-terminal: what the app writes to the
terminal never carries them, so the clipboard (OSC 52), the window title (OSC 0) and the
screen stay untouched, while the screen shows a visible placeholder. Waits are bounded loops
on what the screen shows, never sleeps."""

from __future__ import annotations

from pathlib import Path

from test_type_ahead_pty import Terminal, imported_home

from conftest import REPO

CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"  # "pwned" into the clipboard
TITLE = "\x1b]0;PWNED-TITLE\x1b\\"
C1_TITLE = "\x9d0;PWNED-C1\x07"  # an OSC without ESC, for terminals that read 8-bit C1
INCOMING = [
    ("Osc Clip", "osc-clip", "11/01/25, 9:00 AM", f"copy this {CLIPBOARD} now"),
    (f"Tit{TITLE}le", "title", "11/02/25, 9:00 AM", f"and {C1_TITLE} this"),
    ("Clear Screen", "clear", "11/03/25, 9:00 AM", "wipe \x1b[2J\x1b[H all"),
]


class Recording(Terminal):
    """The terminal, also keeping every byte the app wrote."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        super().__init__(args, env)
        self.raw = bytearray()
        feed = self.stream.feed

        def keep(data: bytes) -> None:
            self.raw.extend(data)
            feed(data)

        self.stream.feed = keep


def test_escape_sequences_in_names_and_notes_never_reach_the_terminal(tmp_path: Path) -> None:
    home = imported_home(tmp_path, INCOMING)
    term = Recording(["-m", "tui", "--home", str(home)], {"PYTHONPATH": str(REPO)})
    try:
        # The whole first note, in the detail pane: the table's note column shows only its start,
        # and pyte may read the screen between the two.
        assert term.wait_for(lambda t: "Osc Clip" in t and "copy this ␛]52;c;cHduZWQ=␇ now" in t), term.text()
        seen = term.text()
        for note in ("and \ufffd0;PWNED-C1␇ this", "wipe ␛[2J␛[H all"):  # each note in turn, in the detail pane
            term.type("j")
            assert term.wait_for(lambda t, n=note: n in t), term.text()
            seen += term.text()
        assert "␛]52;c;cHduZWQ=␇" in seen  # shown, as a visible placeholder
        assert term.screen.title != "PWNED-TITLE" and "PWNED" not in term.screen.title
        term.type("q")
    finally:
        term.close()
    raw = bytes(term.raw)
    assert b"\x1b]52" not in raw  # no clipboard write, no title and b"\x1b]0;PWNED" not in raw and b"\xc2\x9d" not in raw  # U+009D as UTF-8
    assert b"wipe \x1b[2J" not in raw
