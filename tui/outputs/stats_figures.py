"""The network's figures, as `passerelle stats --json` prints them: read from the export's
frames (or the answer the store kept at import), read-only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.i18n import _
from tui.paths import Paths

# The only columns the figures use: the cache is read without the message texts and the
# search columns (a parse, on the first run, still gives every column).
STATS_COLUMNS = {
    "connections": ("full_name", "url", "key", "email", "company", "position", "connected_on"),
    "invitations": ("direction", "key", "connected"),
    "messages": ("sent_at", "sender_key", "recipient_keys", "is_draft"),
}

def sample_source() -> Path:
    """The bundled sample export."""
    from tui.paths import SAMPLE_EXPORT

    return SAMPLE_EXPORT


@dataclass(eq=False)
class Loaded:
    export: object
    stats: dict
    families: dict


def load(source: str | None, qualify: Sequence[str], paths: Paths) -> Loaded:
    """Load the export (SOURCE, last import, else sample) and compute every figure, the
    `qualify` role families counted as qualified; write nothing."""
    from tui.config import load_settings
    from tui.export.frame_cache import load_export_cached

    settings = load_settings(paths.settings_file)
    _check_families(qualify, settings.role_families)
    records = import_records(paths)
    path = _source(source, records)
    # Read-only: reuse the Parquet cache the app or `import` left, never write one.
    export = load_export_cached(path, paths.frames_cache, write=False, columns=STATS_COLUMNS,
                                content_hash=known_hash(path, paths))
    stats = figures(export, path, paths, settings, tuple(qualify), records)
    return Loaded(export, stats, dict(settings.role_families))


def _source(source: str | None, records: list) -> Path:
    """SOURCE, else the current export (gone → say so, never describe the sample instead), else the sample."""
    if source:
        return Path(source)
    if records:
        current = Path(records[-1].source)
        if not current.exists():
            from tui.core.errors import ExportError
            from tui.export.source import missing_current_export

            raise ExportError(current, missing_current_export())
        return current
    return sample_source()


def figures(export, source: Path, paths: Paths, settings, qualify: tuple[str, ...], records: list) -> dict:
    """Every figure `stats --json` prints, from the export's frames."""
    from tui.network.changes import previous_frames
    from tui.network.figures import network_stats

    previous = previous_frames(records, export.content_hash)
    strategy = _strategy(paths)
    from tui.network.companies_file import companies_file, load_company_rules

    rules = load_company_rules(companies_file(paths.config))
    stats = network_stats(
        export, settings, strategy=strategy, previous=previous, picked_families=qualify,
        companies=rules,
    )
    from datetime import date

    from tui.export.archive import archive_figures
    from tui.export.age import export_age

    return {"source": str(source), **stats, "export_age": export_age(export.exported_on, date.today()),
            "archive": archive_figures(export), "profile": _profile(export.owner),
            "across_imports": _across(records, rules)}


def _profile(owner) -> dict | None:
    """Profile.csv's industry and location (`Industry`, `Geo Location`), when the export has them."""
    if owner is None or not (owner.industry or owner.geo_location):
        return None
    return {"industry": owner.industry, "geo_location": owner.geo_location}


def stored(source: str | None, qualify: Sequence[str], paths: Paths) -> dict | None:
    """The figures kept in the store when SOURCE was imported, if nothing they depend on has
    changed since (standard library only); None otherwise, and always with --qualify."""
    if qualify or not paths.database.is_file():
        return None
    from tui.config import load_settings

    load_settings(paths.settings_file)  # a broken config.toml is said as on the frames' path
    from datetime import date

    from tui.store.queues import known_content_hash
    from tui.store.stats_answers import answer_key, find_answer
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        records = store.imports()
        path = _source(source, records)
        content = known_content_hash(store, path) or _read_hash(path)
        return find_answer(store, answer_key(content, paths, (), records), path, date.today()) if content else None
    finally:
        store.close()


def _read_hash(source: Path) -> str | None:
    """The content hash read from the files (a folder, a moved file); None when unreadable:
    the frames' path then says why."""
    from tui.core.errors import ExportError
    from tui.export.identity import read_content_hash

    try:
        return read_content_hash(source)  # its bytes are kept for the frames' read, if one follows
    except ExportError:
        return None


def remember(store, export, source: Path, paths: Paths) -> None:
    """At import, with the frames in memory: keep the figures `stats` will print for them."""
    from tui.config import load_settings
    from tui.core.errors import PasserelleError
    from tui.store.stats_answers import answer_key, save_answer

    try:
        settings = load_settings(paths.settings_file)
        records = store.imports()
        key = answer_key(export.content_hash, paths, (), records)
        save_answer(store, key, figures(export, source, paths, settings, (), records), export.exported_on)
    except PasserelleError:  # a broken config or strategy: `stats` says so itself, from the frames
        pass


def _across(records: list, rules=None) -> dict | None:
    """New, left, changed and accepted over every stored import (None with fewer than two)."""
    from tui.network.history import across_imports, load_imports

    return across_imports(load_imports(records)[0], rules)


def _check_families(picked: list[str], overrides: dict) -> None:
    from tui.core.errors import ConfigError
    from tui.network.roles import family_names, role_families

    known = family_names(role_families(overrides))
    for name in picked:
        if name not in known:
            raise ConfigError("--qualify", _("unknown role family '{name}' (known: {known})").format(
                name=name, known=", ".join(known)))


def import_records(paths: Paths) -> list:
    """Import records from the store, opened read-only; [] when there is no database."""
    if not paths.database.is_file():
        return []
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return store.imports()
    finally:
        store.close()


def known_hash(source: Path, paths: Paths) -> str | None:
    """The content hash the store (opened read-only) knows for `source` as it is now, else
    None (then the files are read to hash them)."""
    if not paths.database.is_file():
        return None
    from tui.store.queues import known_content_hash
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return known_content_hash(store, source)
    finally:
        store.close()


def _strategy(paths: Paths):
    if not paths.strategy_file.is_file():
        return None
    from tui.triage.strategy import load_strategy

    return load_strategy(paths.strategy_file)
