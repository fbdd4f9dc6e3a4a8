"""`python -m tui.serve.detached COMMAND…`: run COMMAND in a session of its own.

textual-serve starts each tab's app with the shell command it is given and offers no way to
pass `start_new_session`, so the command starts here: out of the terminal's process group,
the app never gets the terminal's Ctrl+C (or its hang-up) half-way through a write; the
server gets it and asks the app to leave as `q` does. `exec` keeps the app's process id,
so the server's wait and its last-resort terminate reach the app itself.
"""

from __future__ import annotations

import os
import shlex
import sys


def detached(command: str) -> str:
    """The shell command that runs `command` (a shell-quoted argv) in a new session."""
    if os.name != "posix":  # no sessions, no `exec` in cmd.exe: the command as it is
        return command
    return "exec " + shlex.join([sys.executable, "-m", __name__]) + " " + command


def main(argv: list[str]) -> None:
    try:
        os.setsid()
    except OSError:  # already a session leader: nothing to leave
        pass
    os.execv(argv[0], argv)


if __name__ == "__main__":
    main(sys.argv[1:])
