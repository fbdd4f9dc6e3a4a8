"""The browser tab's app as textual-serve runs it: through its public methods only.

`passerelle serve` keeps textual-serve's AppService (the bridge to the app's web driver).
It must not replace AppService's private methods (a textual-serve upgrade would break it
without a word); the one private attribute it reads (`_process`) is checked here, on the
installed textual-serve, so an upgrade that moves it fails this file, not a user's Ctrl+C.
"""

from __future__ import annotations

import asyncio
import inspect
import os
from pathlib import Path

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tui.cli.serve import app_command
from tui.serve.detached import detached
from tui.serve.server import _Session, app_process

GUARD = 120  # seconds: only a broken start waits this long


def test_the_session_replaces_no_private_method_of_textual_serve() -> None:
    own = [name for name in vars(_Session) if name.startswith("_") and not name.startswith("__")]
    assert [name for name in own if hasattr(AppService, name)] == []
    for name in ("run", "on_meta", "start", "stop"):  # the public methods it extends or calls
        assert name in vars(AppService) and not name.startswith("_")
    assert list(inspect.signature(AppService.on_meta).parameters) == ["self", "data"]
    assert list(inspect.signature(AppService.start).parameters) == ["self", "width", "height"]


async def test_the_tab_app_runs_in_a_session_of_its_own_and_leaves_when_asked(passerelle_home) -> None:
    screen = bytearray()
    drawn = asyncio.Event()

    async def write_bytes(data: bytes) -> None:
        screen.extend(data)
        if b"waiting for your answer" in screen:
            drawn.set()

    async def write_str(text: str) -> None:
        pass

    async def close() -> None:
        pass

    session = _Session(detached(app_command(None, None)), write_bytes=write_bytes,
                       write_str=write_str, close=close, download_manager=DownloadManager())
    await session.start(100, 30)
    try:
        await asyncio.wait_for(drawn.wait(), GUARD)  # the received pane, drawn by the app
        process = app_process(session)
        assert isinstance(process, asyncio.subprocess.Process) and process.returncode is None
        pid = process.pid
        # Its own session: the terminal's Ctrl+C, sent to the terminal's process group, misses it.
        assert os.getsid(pid) == pid != os.getsid(0)
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert argv[1:5] == [b"-m", b"tui", b"--lang", b"en"]  # the app itself, not a shell in between
    finally:
        code = await session.quit()
    assert code == 0 and not session.left_by_itself
    database = passerelle_home.data / "passerelle.db"
    assert database.is_file() and not database.with_name("passerelle.db-wal").exists()  # left as on q


def test_with_no_browser_the_address_is_copied_and_said(tmp_path, passerelle_home) -> None:
    """`passerelle serve` on a machine where no graphical browser opens (over SSH): in a terminal,
    the address goes to the clipboard (OSC 52) and the line says to paste it."""
    import base64
    import pty
    import select
    import signal
    import subprocess
    import sys

    from conftest import REPO

    nothing = tmp_path / "no-programs"  # no xdg-open, no graphical browser: nothing can open
    nothing.mkdir()
    started = tmp_path / "w3m-started"  # a text browser, as servers often have: never started
    (nothing / "w3m").write_text(f"#!/bin/sh\necho \"$@\" > {started}\n", encoding="utf-8")
    (nothing / "w3m").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")}
    env["TERM"] = "xterm-256color"  # Python's webbrowser tries text browsers in a terminal
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "tui", "serve"], stdin=slave, stdout=slave,
                               stderr=slave, env={**env, "PATH": str(nothing)}, cwd=REPO)
    os.close(slave)
    out = b""
    try:
        while b"yours" not in out.partition(b"Ctrl+C")[2]:  # the lines after the address's
            ready, _, _ = select.select([master], [], [], GUARD)
            assert ready, out
            out += os.read(master, 4096)
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=GUARD) == 0
        os.close(master)
    text = out.decode()
    url = next(word for word in text.split() if word.startswith("http://127.0.0.1:"))
    assert "\x1b]52;c;" + base64.b64encode(url.encode()).decode() + "\a" in text
    said = text.split("\a", 1)[1].splitlines()  # what follows the clipboard's sequence
    assert said[:2] == ["No browser could be opened here.",
                        "Paste the address into yours (it is copied, if your terminal can)."]  # 80 columns
    assert not started.exists()  # it would have taken over the terminal, with a page it cannot run
