"""Build the app's context (export, store, settings) and run the app.

The export is read BEFORE the app starts and before any folder or database is created:
a bad export prints one line and exits 2 with nothing written. Reading is fast (Polars,
plus the Parquet cache when present), well under the framework's own start time, so a
loading worker would buy little and would break that rule.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import tui
from tui.config import Settings, load_settings
from tui.context import AppContext
from tui.data.errors import ConfigError, ExportError
from tui.paths import Paths

SAMPLE = Path(tui.__file__).resolve().parent.parent / "sample_data" / "Basic_LinkedInDataExport_11-20-2026.zip"


def _last_import_source(paths: Paths) -> Path | None:
    """The source of the last import, read only when a database already exists."""
    if not paths.database.exists():
        return None
    from tui.data.store import Store

    store = Store.open(paths.database)
    try:
        record = store.last_import()
    finally:
        store.close()
    if record is None or not getattr(record, "source", None):
        return None
    return Path(record.source)


def pick_source(source: str | Path | None, paths: Paths) -> tuple[Path, str | None]:
    """The export to open and a notice for the user when we fell back to something."""
    if source is not None:
        return Path(source), None
    last = _last_import_source(paths)
    if last is not None and last.exists():
        return last, None
    if SAMPLE.exists():
        notice = "Showing the bundled sample export. Open yours with: passerelle PATH/TO/export.zip"
        if last is not None:
            notice = f"The last imported export is gone ({last.name}). {notice}"
        return SAMPLE, notice
    raise ExportError("passerelle", "no export given and no previous import; run: passerelle EXPORT.zip")


def load(source: Path, paths: Paths):
    """Load the export, through the Parquet cache when the cache module exists."""
    try:
        cache = importlib.import_module("tui.data.export_cache")
    except ModuleNotFoundError:
        cache = None
    if cache is not None and hasattr(cache, "load_export_cached"):
        return cache.load_export_cached(source, paths.frames_cache)
    from tui.data.export import load_export

    return load_export(source)


def build_context(source: str | Path | None, paths: Paths) -> AppContext:
    """Read settings and the export, then create folders and open the store."""
    try:
        settings, config_notice = load_settings(paths.settings_file), None
    except ConfigError as exc:  # the app still starts: defaults, and the user is told why
        settings, config_notice = Settings(), f"Settings not loaded, using the defaults. {exc}"
    path, notice = pick_source(source, paths)
    export = load(path, paths)
    paths.ensure()
    from tui.data.store import Store

    store = Store.open(paths.database)
    context = AppContext(paths=paths, settings=settings, export=export, store=store, today=date.today())
    if path.resolve() != SAMPLE:
        notice = _remember(context, path)
    if config_notice:
        context.notices.append(config_notice)
    if notice:
        context.notices.append(notice)
    from tui.data.files import warn_if_network_fs

    if warning := warn_if_network_fs(paths.database):
        context.notices.append(warning)
    return context


def _remember(context: AppContext, path: Path) -> str | None:
    """Make an export opened by path the current one (with a snapshot, as `import` does).

    An export older than the last import is opened but not made current; the returned
    notice tells the user how to make it current.
    """
    from tui.data.imports import record_export

    outcome = record_export(context.store, context.export, path, context.paths.snapshots, allow_older=False)
    if outcome.status == "older" and outcome.record is None:
        return (
            f"This export ({outcome.exported_on}) is older than your last import "
            f"({outcome.previous.exported_on}): shown, but not made current. "
            "To make it current: passerelle import PATH --yes"
        )
    return None


def run_app(source: str | None, paths: Paths) -> int:
    """`passerelle [SOURCE]`: build the context (errors raise before the app starts), run."""
    context = build_context(source, paths)
    from tui.app import PasserelleApp

    app = PasserelleApp(context)
    _exit_cleanly_on_signals(app)
    try:
        app.run()
    finally:
        context.store.close()
    return app.return_code or 0


def _exit_cleanly_on_signals(app) -> None:
    """SIGTERM and SIGHUP (terminal closed) leave like `q`, so the terminal is restored.

    Textual installs no handler: the default action killed the process mid-screen, leaving
    the terminal in raw mode on the alternate screen. Decisions are committed before the UI
    moves on, so leaving at once loses nothing; only the terminal needed this.
    """
    import asyncio
    import signal

    def leave(signum: int, _frame: object) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before or after the app's event loop: just stop
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(lambda: app.exit(return_code=128 + signum))

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), leave)
