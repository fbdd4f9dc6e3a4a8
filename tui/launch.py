"""Build the app's context (export, store, settings) and run the app.

A first start on an export reads it BEFORE the app starts and before any folder or
database is created: a bad export prints one line and exits 2 with nothing written.
Later starts on the same export (same bytes, same store, the day of the last exit or the
next: see `tui/data/first_page.py`) show the first page saved at exit at once, and read
the export in a worker; importing Polars alone costs about as much as Textual's whole start.
"""

from __future__ import annotations

import importlib
from datetime import date, timedelta
from pathlib import Path

import tui
from tui.config import Settings, load_settings
from tui.context import AppContext
from tui.data.errors import ConfigError, ExportError
from tui.paths import Paths

SAMPLE = Path(tui.__file__).resolve().parent.parent / "sample_data" / "Basic_LinkedInDataExport_11-20-2026.zip"


def _existing_store(paths: Paths):
    """The database when there is one, opened once for the whole start (none is created
    before the export is read)."""
    if not paths.database.exists():
        return None
    from tui.data.store import Store

    return Store.open(paths.database)


def pick_source(source: str | Path | None, store) -> tuple[Path, str | None]:
    """The export to open (else the current import, else the sample) and a notice for the
    user when we fell back to the sample.

    A current import whose file is gone is an error, never the sample: showing 784
    invented people as if they were the user's network would mislead.
    """
    if source is not None:
        return Path(source), None
    record = store.last_import() if store is not None else None
    last = Path(record.source) if record is not None and record.source else None
    if last is not None:
        if not last.exists():
            raise ExportError(last, missing_current_export())
        return last, None
    if SAMPLE.exists():
        return SAMPLE, "Showing the bundled sample export. Open yours with: passerelle PATH/TO/export.zip"
    raise ExportError("passerelle", "no export given and no previous import; run: passerelle EXPORT.zip")


def missing_current_export() -> str:
    """What to say when the current export was moved or deleted (app, stats and report)."""
    return "the current export is no longer here (moved or deleted?); import it from its new place: passerelle import PATH"


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


def _settings(paths: Paths) -> tuple[Settings, list[str]]:
    """The settings, or the defaults and a notice saying why (the app still starts)."""
    try:
        return load_settings(paths.settings_file), []
    except ConfigError as exc:
        return Settings(), [f"Settings not loaded, using the defaults. {exc}"]


def build_context(source: str | Path | None, paths: Paths) -> AppContext:
    """Read settings and the export, then create folders and open the store."""
    settings, notices = _settings(paths)
    store = _existing_store(paths)
    path, notice = pick_source(source, store)
    return _loaded_context(path, paths, settings, notices + ([notice] if notice else []), store)


def _loaded_context(path: Path, paths: Paths, settings: Settings, notices: list[str], store) -> AppContext:
    """Read the export, then create the folders and the database if they are not there yet."""
    try:
        export = load(path, paths)
    except BaseException:
        if store is not None:
            store.close()
        raise
    paths.ensure()
    if store is None:
        from tui.data.store import Store

        store = Store.open(paths.database)
    context = AppContext(paths=paths, settings=settings, export=export, store=store,
                         today=date.today(), notices=notices)
    context.notices += after_load(context, path)
    return context


def after_load(context: AppContext, path: Path) -> list[str]:
    """Once the export is read: make it current (unless it is the sample); notices to show."""
    notices = [] if path.resolve() == SAMPLE else [n for n in [_remember(context, path)] if n]
    from tui.data.files import warn_if_network_fs

    if warning := warn_if_network_fs(context.paths.database):
        notices.append(warning)
    from tui.data.export_age import age_notice

    if path.resolve() != SAMPLE and (old := age_notice(context.export.exported_on, context.today)):
        notices.append(old)
    return notices


def _saved_first_page(path: Path, paths: Paths, today: date, store):
    """The first page saved at the last exit, if it still matches."""
    if store is None or not paths.first_page.exists():
        return None
    from tui.data.first_page import page_keys, read_page

    def key_of() -> str | None:  # hashes the export: only called when a saved page may match
        keys = page_keys(path, store.revision(), [today], paths.strategy_file, paths.settings_file)
        return keys[0] if keys else None

    return read_page(paths.first_page, path, key_of)


def save_first_page(context: AppContext, path: Path) -> None:
    """At exit: save what a start on `path` today or tomorrow would show first."""
    if context.export is None:  # left before the export loaded: nothing changed
        return
    from polars.exceptions import PolarsError

    from tui.data.errors import PasserelleError
    from tui.data.first_page import write_pages
    from tui.data.received import first_pages

    days = [context.today, context.today + timedelta(days=1)]
    try:
        pages = first_pages(context.export, context.store, path, days, context.paths.strategy_file,
                            context.paths.settings_file)
    except (PasserelleError, OSError, PolarsError):
        return  # only costs speed at the next start: the decisions are all saved already
    if pages is not None:
        write_pages(context.paths.first_page, pages)


def open_app(source: str | Path | None, paths: Paths):
    """The app, ready to run. With a matching first page it starts on that page and reads
    the export in a worker; otherwise the export is read first (errors raise before the app
    starts, with nothing created)."""
    from tui.app import PasserelleApp

    settings, notices = _settings(paths)
    store = _existing_store(paths)
    path, notice = pick_source(source, store)
    notices += [notice] if notice else []
    today = date.today()
    page = _saved_first_page(path, paths, today, store)
    if page is None:
        return PasserelleApp(_loaded_context(path, paths, settings, notices, store), source=path)
    context = AppContext(paths=paths, settings=settings, export=None, store=store, today=today, notices=notices)
    return PasserelleApp(context, source=path, first_page=page)


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
    """`passerelle [SOURCE]`: open (errors raise before the app starts), run, save the first page."""
    app = open_app(source, paths)
    _exit_cleanly_on_signals(app)
    try:
        app.run()
    finally:
        try:
            save_first_page(app.context, app.source)
        finally:
            app.context.store.close()
    if app.startup_error is not None:  # the export could not be read after all
        raise app.startup_error
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
