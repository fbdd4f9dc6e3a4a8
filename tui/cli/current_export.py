"""The export a headless command reads: SOURCE, else the last import, else the sample."""

from __future__ import annotations

from pathlib import Path

from tui.paths import Paths


def source_for(source: str | None, paths: Paths) -> Path:
    """SOURCE when given, else the last import's source if it still exists, else the sample."""
    from tui.outputs.stats_figures import import_records, sample_source

    if source:
        return Path(source)
    records = import_records(paths)
    if records and Path(records[-1].source).exists():
        return Path(records[-1].source)
    return sample_source()


def open_export(source: str | None, paths: Paths, columns: dict | None = None):
    """The export, read through the Parquet cache without ever writing one (read-only)."""
    from tui.outputs.stats_figures import known_hash
    from tui.export.frame_cache import load_export_cached

    path = source_for(source, paths)
    return load_export_cached(path, paths.frames_cache, write=False, columns=columns,
                              content_hash=known_hash(path, paths))


def company_rules(paths: Paths):
    """The user's companies.toml (defaults when there is none)."""
    from tui.network.companies_file import companies_file, load_company_rules

    return load_company_rules(companies_file(paths.config))
