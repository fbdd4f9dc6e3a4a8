"""Build the app's context (export, store, settings); tui.run opens the app on it.

One start path: the triage panes read the store (standard library only), so every start
paints its first rows before Polars is imported. An export the store has no rows for yet
is read while the app shows that it is reading: in a terminal by a second process started
before Textual is imported (`tui.first_open`), else before the app; no folder or database
is created before it is read, so a bad export prints one line and exits 2 with nothing written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.config import Settings, load_settings
from tui.context import AppContext
from tui.core.errors import ConfigError, ExportError, StoreError
from tui.i18n import _
from tui.paths import SAMPLE_EXPORT as SAMPLE
from tui.paths import Paths



def _existing_store(paths: Paths, pages_later: bool = False):
    """The database when there is one, opened once for the whole start (none is created
    before the export is read); `pages_later`: its pages are checked beside the start."""
    if not paths.database.exists():
        return None
    from tui.store.store import Store

    return Store.open(paths.database, pages_later=pages_later)


def _recovered(store) -> list[str]:
    """What the recovery of a damaged database did, said once at the start."""
    return [store.recovered] if store is not None and store.recovered else []


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
            from tui.export.source import missing_current_export  # the CSV code, only when needed

            raise ExportError(last, missing_current_export())
        return last, None
    if SAMPLE.exists():
        return SAMPLE, _("Showing the bundled sample export. Open yours with: passerelle PATH/TO/export.zip")
    raise ExportError("passerelle", _("no export given and no previous import; run: passerelle EXPORT.zip"))


def load(source: Path, paths: Paths, *, write_cache: bool = True, rows=None):
    """Load the export through the Parquet frame cache (`write_cache=False`: the caller
    writes it later, with `frame_cache.save_frames`). `rows`: the triage set the store found
    for this file as it is now, whose content hash spares hashing the file again."""
    import os

    from tui.export.frame_cache import load_export_cached

    known = rows.content_hash if rows is not None and os.path.isfile(source) else None
    return load_export_cached(source, paths.frames_cache, write=write_cache, content_hash=known)


def _settings(paths: Paths) -> tuple[Settings, list[str]]:
    """The settings, or the defaults and a notice saying why (the app still starts)."""
    try:
        return load_settings(paths.settings_file), []
    except ConfigError as exc:
        return Settings(), [_("Settings not loaded, using the defaults. {problem}").format(problem=exc)]


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
                         today=date.today(), notices=_recovered(store) + notices + ([notice] if notice else []))
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
    from tui.network.companies_file import rules_or_defaults
    from tui.store.queues import use_company_rules

    use_company_rules(context.store, rules_or_defaults(context.paths.config)[0])  # the suggestions read the bridge
    notices = after_load(context, path)
    context.triage_set = write_triage(context.store, export, path)
    suggest_now(context)
    return notices


def suggest_now(context: AppContext) -> None:
    """The strategy's suggestions for today, while Polars is loaded anyway (a broken strategy
    file is stored as such: the pane shows its error)."""
    from tui.store.triage_tables import ensure_suggestions

    ensure_suggestions(context.store, context.triage_set.id, context.paths.strategy_file, context.today)


def after_load(context: AppContext, path: Path, *, age: bool = True) -> list[str]:
    """Once the export is read: make it current (unless it is the sample); notices to show.
    `age=False` when the start already said how old the export is (a pane reading it later)."""
    notices = [] if path.resolve() == SAMPLE else [n for n in [_remember(context, path)] if n]
    from tui.core.files import warn_if_network_fs

    if warning := warn_if_network_fs(context.paths.database):
        notices.append(warning)
    return notices + (_age_notices(path, context.export.exported_on, context.today) if age else [])


def _age_notices(path: Path, exported_on: date | None, today: date) -> list[str]:
    """An old export is said at every start, whether it is read or its stored rows are shown."""
    from tui.export.age import age_notice

    old = None if path.resolve() == SAMPLE else age_notice(exported_on, today)
    return [old] if old else []


def start_context(source: str | Path | None, paths: Paths, new_reader=None, *, pages_later: bool = False):
    """(the app's context, the export's path, the reader process or None): on the store's rows
    when it has them for this export, else with the export checked (and, without a terminal,
    read) before the app. In a terminal, a new export is read by a second process
    (`new_reader(path, paths, today, store)`: tui.first_open.open_reader), started before
    Textual is imported so the two start side by side. `pages_later`: the store's pages are
    still being checked (Store.pages_checked) when this returns, unless another process is
    about to write into it."""
    from tui.store.queues import find_set

    settings, notices = _settings(paths)
    store = _existing_store(paths, pages_later)
    try:
        path, notice = pick_source(source, store)
        rows = find_set(store, path) if store is not None else None
        if rows is None:
            pages_checked(store)  # the reader process (or the app) writes into it next
    except BaseException:
        pages_checked(store)  # damage, if any, is the real reason a read failed
        raise
    notices += _recovered(store) + ([notice] if notice else [])
    _forget_first_page(paths)
    today = date.today()
    reader = new_reader(path, paths, today, store) if rows is None and new_reader is not None and _terminal() else None
    export = _check_readable(path, paths, store, reader) if rows is None else None
    if rows is not None and rows.exported_on:  # a read export says its age once it is read
        notices += _age_notices(path, date.fromisoformat(rows.exported_on), today)
    context = AppContext(paths=paths, settings=settings, export=export, store=store, today=today,
                         notices=notices, triage_set=rows)
    return context, path, reader


def pages_checked(store) -> None:
    """Once the store's pages are checked: DamagedStoreError, the store closed, if damaged
    (a start with `pages_later=False` then keeps the file aside and restores a backup)."""
    if store is None:
        return
    try:
        store.pages_checked()
    except StoreError:
        store.close()
        raise


def _terminal() -> bool:
    import sys

    return sys.__stderr__ is not None and sys.__stderr__.isatty()  # Textual draws on stderr


def rows_from(reader, work: AppContext, on_step=None) -> list[str]:
    """In the app's worker: wait for the reader process's rows (each step it says on the way
    goes to `on_step(done, of)`), then read them as any start does."""
    from tui.store.queues import TriageSet

    fields = reader.rows(on_step)
    if work.store is None:  # the reader created the database
        from tui.store.store import Store

        work.store = Store.open(work.paths.database)
    work.triage_set = TriageSet(**fields)
    return []


def _check_readable(path: Path, paths: Paths, store, reader=None):
    """Before the app, for an export the store has no rows for: is it an export at all (a
    file or folder, a whole ZIP, within the limits; standard library only)? A bad one is
    reported on one line, nothing written. In a terminal the reader process checks it (and
    reads it on while the app shows its progress); without one, the whole export is read
    here (then returned), so no screen is drawn for an error either."""
    from tui.export.source import drop_kept, read_source

    try:
        if reader is not None:  # checked by the reader process, which reads it on
            return None
        read_source(path, keep=True)  # the next read (the app's worker) takes these bytes, not the file
        if _terminal():
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
        return _("This export ({exported_on}) is older than your last import ({previous}): shown, but not made "
                 "current. To make it current: passerelle import PATH --yes").format(
            exported_on=outcome.exported_on, previous=outcome.previous.exported_on)
    return None
