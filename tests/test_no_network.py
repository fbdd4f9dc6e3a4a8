"""The app opens no network connection: a whole session runs with sockets blocked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from ui_export import ui_export

from tui.app import PasserelleApp
from tui.launch import build_context


class NetworkUsed(AssertionError):
    pass


async def test_session_works_with_sockets_blocked(tmp_path: Path, passerelle_home, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed("network access attempted")

    class NoSocket(socket.socket):
        def connect(self, *args, **kwargs):
            refuse(*args)

        def connect_ex(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: True)  # the browser is the user's business

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a", "i", "u", "o", "y", "slash", *"note", "enter", "2", "d", "3", "4", "escape", "1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
    assert len(context.store.decisions()) == 2
    context.store.close()
    assert attempts == []
