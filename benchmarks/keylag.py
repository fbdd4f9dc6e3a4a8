#!/usr/bin/env python3
"""Key → screen latency measured from outside, as a terminal sees it: the app runs in a
pseudo-terminal, pyte plays its output, and a key is timed from writing it to the screen
settling (its text unchanged for QUIET seconds). Needs pyte (`pip install -e ".[bench]"`).

    python benchmarks/keylag.py READY_REGEX KEY N -- COMMAND...
    e.g. python benchmarks/keylag.py ' \\d+d ' a 12 -- passerelle path/to/export.zip

Waits until the screen matches READY_REGEX (then 3 s more for start-up work), writes KEY
(backslash escapes allowed: '\\x1b' is escape) N times and prints one JSON line:
{"ready_s": seconds to READY_REGEX, "lags_ms": [ms from each key to the last screen change]}.
A lag of null means the key changed nothing on screen. Absolute times on a shared machine
are noise: compare two apps in one run, taking turns (benchmarks/run.py does).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

import pyte
from wcwidth import wcwidth

try:
    from figures import QUIET, Settle
except ImportError:  # imported as benchmarks.keylag
    from benchmarks.figures import QUIET, Settle

COLS, ROWS = 160, 50


def _line(screen: pyte.Screen, y: int) -> str:
    """One line of `screen.display`: its characters, the stub after a wide one left out."""
    line, out, wide = screen.buffer[y], [], False
    for x in range(screen.columns):
        if wide:
            wide = False
            continue
        char = line[x].data
        wide = wcwidth(char[0]) == 2
        out.append(char)
    return "".join(out)


class Terminal:
    """One child process on a pty of COLS×ROWS, its screen kept by pyte."""

    def __init__(self, cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None,
                 cols: int = COLS, rows: int = ROWS) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.text = ""
        self.lines = [" " * cols] * rows
        self.seen_at = 0.0
        self.alive = True
        self.rusage = None
        winsize = struct.pack("HHHH", rows, cols, 0, 0)
        env = {**(os.environ if env is None else env), "TERM": "xterm-256color",
               "COLUMNS": str(cols), "LINES": str(rows)}
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal before the app asks for it
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                if cwd:
                    os.chdir(cwd)
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, winsize)

    def pump(self, timeout: float) -> bool:
        """Feed what the app wrote within `timeout`, all that is there; True when output came.
        `seen_at` is when those bytes were read: the moment a terminal would show them, not the
        moment pyte has played them (pyte, in Python, takes milliseconds a frame; that time is
        the benchmark's, not the app's)."""
        if not self.alive:
            time.sleep(timeout)
            return False
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        chunks = []
        while ready and len(chunks) < 256:  # a frame comes in pieces of 4 KB: all of it, then play it
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError:  # the child closed the terminal: it has exited
                data = b""
            if not data:
                self.alive = False
                break
            chunks.append(data)
            ready, _, _ = select.select([self.fd], [], [], 0)
        if not chunks:
            return False
        self.seen_at = time.perf_counter()
        self.stream.feed(b"".join(chunks))
        for y in self.screen.dirty:  # only the lines that changed (pyte's display redoes all)
            self.lines[y] = _line(self.screen, y)
        self.screen.dirty.clear()
        self.text = "\n".join(self.lines)
        return True

    def wait_for(self, pattern: re.Pattern[str], timeout: float = 60.0,
                 watch: re.Pattern[str] | None = None) -> tuple[float | None, str | None]:
        """Seconds from the launch until the screen matches `pattern` (None: never, or the app
        exited), and the first text matching `watch` seen on any screen before that."""
        seen = None
        while not pattern.search(self.text):
            if watch is not None and seen is None and (m := watch.search(self.text)):
                seen = m.group(0)
            if not self.alive or time.perf_counter() - self.started > timeout:
                return None, seen
            self.pump(0.02)
        return self.seen_at - self.started, seen

    def idle(self, seconds: float) -> None:
        """Keep reading the screen for `seconds` (start-up work, workers, other panes)."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.pump(min(0.05, max(end - time.perf_counter(), 0)))

    def settle(self, start: float, quiet: float = QUIET, limit: float = 10.0) -> Settle:
        """Read until the screen's text has not changed for `quiet` seconds (at most `limit`)."""
        state = Settle(start, self.text, quiet)
        while not state.done(time.perf_counter()) and time.perf_counter() - start < limit:
            if self.pump(0.01):
                state.feed(self.seen_at, self.text)
        return state

    def write(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def press(self, key: str, quiet: float = QUIET) -> float | None:
        """Write one key; milliseconds until the screen settled (None: nothing changed)."""
        self.pump(0)  # take in anything already written, so it is not counted for this key
        start = time.perf_counter()
        self.write(key)
        lag = self.settle(start, quiet).lag
        return None if lag is None else round(lag * 1000, 1)

    def wait_exit(self, timeout: float) -> bool:
        """Wait for the child to leave by itself, reading what it writes meanwhile."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self.pump(0.02)
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                self.rusage, self.alive = usage, False
                return True
        return False

    def close(self) -> float | None:
        """Kill the child if it is still there; its peak resident memory in MB."""
        if self.rusage is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            _, _, self.rusage = os.wait4(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass
        return self.rusage.ru_maxrss / 1024  # kB on Linux

    def __enter__(self) -> "Terminal":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main() -> None:
    ready_re = re.compile(sys.argv[1], re.MULTILINE)
    key, n = sys.argv[2].encode().decode("unicode_escape"), int(sys.argv[3])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    with Terminal(cmd) as term:
        ready, _ = term.wait_for(ready_re)
        if ready is None:
            raise SystemExit(json.dumps({"error": "never ready", "screen": term.text[-800:]}))
        term.idle(3.0)
        lags = [term.press(key) for _ in range(n)]
    print(json.dumps({"ready_s": round(ready, 3), "lags_ms": lags}))


if __name__ == "__main__":
    main()
