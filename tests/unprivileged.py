"""Run a check as an ordinary user, so file modes mean something even when CI runs as root.

Root reads and writes through any mode, so "unreadable file" and "read-only database" can't
be reproduced by chmod alone. As root we fork a real child process that drops to
nobody (65534) and runs the check there. We fork rather than exec a new interpreter because
the interpreter itself may live under /root (pyenv), which nobody cannot enter. The child
touches no Polars thread pool: the checks only open files and SQLite.

Not root: plain chmod already does it, so the check runs in this process.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import stat
import tempfile
import time
from pathlib import Path
from typing import Callable

NOBODY = 65534
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def reachable_folder() -> Path:
    """A fresh folder the unprivileged user owns and can reach (under /tmp, not pytest's 0700 tree)."""
    folder = Path(tempfile.mkdtemp(prefix="passerelle-unpriv-", dir="/tmp"))
    if IS_ROOT:
        os.chown(folder, NOBODY, NOBODY)
    return folder


def give_away(*paths: Path) -> None:
    """Hand files and folders to the unprivileged user (no-op when we are not root)."""
    if IS_ROOT:
        for path in paths:
            os.chown(path, NOBODY, NOBODY)


def run_unprivileged(check: Callable[[], object], timeout: float = 30.0) -> tuple[str, object]:
    """("ok", value) or ("raised", (type name, str(exception))) from `check()` run as nobody."""
    if not IS_ROOT:
        try:
            return "ok", check()
        except BaseException as exc:  # noqa: BLE001 - reported to the test, which decides
            return "raised", (type(exc).__name__, str(exc))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: drop privileges for good, run, report, leave without cleanup
        os.close(read_end)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            assert os.geteuid() == NOBODY
            try:
                outcome = ("ok", check())
            except BaseException as exc:  # noqa: BLE001
                outcome = ("raised", (type(exc).__name__, str(exc)))
            payload = pickle.dumps(outcome)
        except BaseException as exc:  # noqa: BLE001 - e.g. the privilege drop failed
            payload = pickle.dumps(("setup failed", repr(exc)))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)
    chunks = []
    deadline = time.monotonic() + timeout
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([pipe], [], [], max(left, 0))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise TimeoutError("the unprivileged check did not finish")
            chunk = os.read(pipe.fileno(), 65536)
            if not chunk:
                break
            chunks.append(chunk)
    os.waitpid(pid, 0)
    outcome = pickle.loads(b"".join(chunks))
    assert outcome[0] != "setup failed", outcome
    return outcome


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
