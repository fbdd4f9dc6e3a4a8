"""Build the app's context (export, store, settings) and run the app.

One start path: the triage panes read the store (standard library only), so every start
paints its first rows before Polars is imported. An export the store has no rows for yet
is read in a worker while the app shows that it is reading; no folder or database is
created before it is read, so a bad export prints one line and exits 2 with nothing written.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path

import tui
from tui.config import Settings, load_settings
from tui.ui.context import AppContext
from tui.core.errors import ConfigError, ExportError
from tui.paths import Paths

SAMPLE = Path(tui.__file__).resolve().parent.parent / "sample_data" / "Basic_LinkedInDataExport_11-20-2026.zip"


def _existing_store(paths: Paths):
    """The database when there is one, opened once for the whole start (none is created
    before the export is read)."""
    if not paths.database.exists():
        return None
    from tui.store.store import Store

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


def load(source: Path, paths: Paths, *, write_cache: bool = True):
    """Load the export, through the Parquet cache when the cache module exists
    (`write_cache=False`: the caller writes it later, with `export_cache.save_frames`)."""
    try:
        cache = importlib.import_module("tui.export.frame_cache")
    except ModuleNotFoundError:
        cache = None
    if cache is not None and hasattr(cache, "load_export_cached"):
        return cache.load_export_cached(source, paths.frames_cache, write=write_cache)
    from tui.export.reader import load_export

    return load_export(source)


def _settings(paths: Paths) -> tuple[Settings, list[str]]:
    """The settings, or the defaults and a notice saying why (the app still starts)."""
    try:
        return load_settings(paths.settings_file), []
    except ConfigError as exc:
        return Settings(), [f"Settings not loaded, using the defaults. {exc}"]


def build_context(source: str | Path | None, paths: Paths) -> AppContext:
    """Everything read at once (export, store, triage rows): for commands and tests."""
    settings, notices = _settings(paths)
    store = _existing_store(paths)
    path, notice = pick_source(source, store)
    try:
        export = load(path, paths)
    except BaseException:
        if store is not None:
            store.close()
        raise
    context = AppContext(paths=paths, settings=settings, export=None, store=store,
                         today=date.today(), notices=notices + ([notice] if notice else []))
    context.notices += prepared(context, path, export)
    return context


def prepared(context: AppContext, path: Path, export) -> list[str]:
    """Once `export` is read: create the folders and the database if needed, make it current,
    write its triage rows; the notices to show. Runs in a worker at start."""
    from tui.store.triage_tables import write_triage

    context.paths.ensure()
    if context.store is None:
        from tui.store.store import Store

        context.store = Store.open(context.paths.database)
    context.export = export
    notices = after_load(context, path)
    context.triage_set = write_triage(context.store, export, path)
    suggest_now(context)
    return notices


def suggest_now(context: AppContext) -> None:
    """The strategy's suggestions for today, while Polars is loaded anyway (a broken strategy
    file is stored as such: the pane shows its error)."""
    from tui.store.triage_tables import ensure_suggestions

    ensure_suggestions(context.store, context.triage_set.id, context.paths.strategy_file, context.today)


def after_load(context: AppContext, path: Path) -> list[str]:
    """Once the export is read: make it current (unless it is the sample); notices to show."""
    notices = [] if path.resolve() == SAMPLE else [n for n in [_remember(context, path)] if n]
    from tui.core.files import warn_if_network_fs

    if warning := warn_if_network_fs(context.paths.database):
        notices.append(warning)
    from tui.export.age import age_notice

    if path.resolve() != SAMPLE and (old := age_notice(context.export.exported_on, context.today)):
        notices.append(old)
    return notices


def open_app(source: str | Path | None, paths: Paths):
    """The app, ready to run: on the store's rows when it has them for this export, else
    reading the export in a worker (its errors end the app with exit 2, nothing written)."""
    from tui.app import PasserelleApp
    from tui.store.queues import find_set

    settings, notices = _settings(paths)
    store = _existing_store(paths)
    path, notice = pick_source(source, store)
    notices += [notice] if notice else []
    _forget_first_page(paths)
    rows = find_set(store, path) if store is not None else None
    export = _check_readable(path, paths, store) if rows is None else None
    context = AppContext(paths=paths, settings=settings, export=export, store=store, today=date.today(),
                         notices=notices, triage_set=rows)
    return PasserelleApp(context, source=path)


def _check_readable(path: Path, paths: Paths, store):
    """Before the app, for an export the store has no rows for: is it an export at all (a
    file or folder, a whole ZIP, within the limits; standard library only)? A bad one is
    reported on one line, nothing written. Without a terminal to show its progress on, the
    whole export is read here (then returned), so no screen is drawn for an error either."""
    import sys

    from tui.export.source import drop_kept, read_source

    try:
        read_source(path, keep=True)  # the next read (the app's worker) takes these bytes, not the file
        terminal = sys.__stderr__ is not None and sys.__stderr__.isatty()  # Textual draws on stderr
        if terminal:
            return None
        try:
            return load(path, paths)
        finally:
            drop_kept()  # not taken when the frames came from the cache
    except BaseException:
        if store is not None:
            store.close()
        raise


def _forget_first_page(paths: Paths) -> None:
    """Earlier versions saved the first page at exit; every start now reads the store."""
    try:
        (paths.cache / "first_page.json").unlink(missing_ok=True)
    except OSError:
        pass


def _remember(context: AppContext, path: Path) -> str | None:
    """Make an export opened by path the current one (with a snapshot, as `import` does).

    An export older than the last import is opened but not made current; the returned
    notice tells the user how to make it current.
    """
    from tui.store.imports import record_export

    outcome = record_export(context.store, context.export, path, context.paths.snapshots, allow_older=False)
    if outcome.status == "older" and outcome.record is None:
        return (
            f"This export ({outcome.exported_on}) is older than your last import "
            f"({outcome.previous.exported_on}): shown, but not made current. "
            "To make it current: passerelle import PATH --yes"
        )
    return None


def run_app(source: str | None, paths: Paths) -> int:
    """`passerelle [SOURCE]`: open, run; an export that could not be read raises after the app."""
    app = open_app(source, paths)
    _exit_cleanly_on_signals(app)
    try:
        app.run()
    finally:
        if app.context.store is not None:
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
