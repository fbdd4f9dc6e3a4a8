"""Open the app on the start's context and run it until it leaves (`passerelle [SOURCE]`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.first_open import open_reader
from tui.launch import pages_checked, start_context
from tui.paths import Paths

if TYPE_CHECKING:
    from tui.app import PasserelleApp


def open_app(source: str | Path | None, paths: Paths) -> PasserelleApp:
    """The app, ready to run: on the store's rows when it has them for this export, else
    reading the export in a worker (its errors end the app with exit 2, nothing written)."""
    from tui.store.recovery import DamagedStoreError

    try:  # before Textual: a reader process starts here; the store's pages are checked meanwhile
        context, path, reader = start_context(source, paths, open_reader, pages_later=True)
        import tui.app  # noqa: F401 - Textual and the app, imported while the pages are checked

        pages_checked(context.store)
    except DamagedStoreError:  # open it again, checked first: kept aside, the newest good backup restored, said
        context, path, reader = start_context(source, paths, open_reader)
    from tui.app import PasserelleApp

    app = PasserelleApp(context, source=path)
    app.first_open = reader
    return app


def run_app(source: str | None, paths: Paths) -> int:
    """`passerelle [SOURCE]`: open, run; an export that could not be read raises after the app.
    (`main` holds the collector for the start: tui.core.start_gc.)"""
    app = open_app(source, paths)
    _exit_cleanly_on_signals(app)
    try:
        app.run()
    finally:
        if app.context.store is not None:
            app.context.store.close()
        if app.first_open is not None:  # the import record and the frames' cache, if not written yet
            app.first_open.close()
    if app.startup_error is not None:  # the export could not be read after all
        raise app.startup_error
    return app.return_code or 0


LEAVE_WITHIN = 5.0  # seconds a signal gives the app to leave before the process just ends


def _exit_cleanly_on_signals(app) -> None:
    """SIGTERM and SIGHUP (terminal closed) leave like `q`, so the terminal is restored.

    Textual installs no handler: the default action killed the process mid-screen, leaving
    the terminal in raw mode on the alternate screen. Decisions are committed before the UI
    moves on, so leaving at once loses nothing; only the terminal needed this. If leaving
    takes more than a few seconds (Textual's shutdown can wait forever on its last writes to
    a terminal window that was closed), the process ends anyway.
    """
    import asyncio
    import os
    import signal
    import threading

    def leave(signum: int, _frame: object) -> None:
        end = threading.Timer(LEAVE_WITHIN, os._exit, args=(128 + signum,))
        end.daemon = True
        end.start()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before or after the app's event loop: just stop
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(lambda: app.exit(return_code=128 + signum))

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)
