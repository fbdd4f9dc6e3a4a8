"""The received pane's rows: the queue with the strategy's suggestions and what each row shows.

One definition for the live pane and for the first page saved at exit, so the page a
start shows before Polars loads is exactly the one the live pane then computes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from tui.data import strategy as strategy_mod
from tui.data.first_page import PAGE_ROWS, ROW_FIELDS, FirstPage, page_keys, source_stamp
from tui.data.triage import Filter, received_queue, view_counts, view_expr

FLAGS = pl.concat_str(
    [
        pl.when(pl.col("suspicious")).then(pl.lit("suspicious")),
        pl.when(pl.col("later_due")).then(pl.lit("later due")),
        pl.when(pl.col("messaged_before")).then(pl.lit("talked")),
        pl.when(pl.col("bridge")).then(pl.lit("bridge")),
    ],
    separator=" ", ignore_nulls=True,
)


def received_rows(export: Any, decisions: pl.DataFrame, info: pl.DataFrame, today: date,
                  strategy: strategy_mod.Strategy | None) -> pl.DataFrame:
    """The received queue with `suggestion`, `suggestion_reason`, `rule`, `_flags` and `_status`."""
    base = received_queue(export, decisions, info, today)
    if strategy is not None:
        base = strategy_mod.suggest(base, strategy)
    else:
        base = base.with_columns(pl.lit(None, dtype=pl.Utf8).alias(c) for c in ("suggestion", "suggestion_reason", "rule"))
    return base.with_columns(
        FLAGS.alias("_flags"),
        pl.when(pl.col("decision").is_not_null() & ~pl.col("later_due")).then(pl.col("decision"))
        .otherwise(pl.col("suggestion")).fill_null("").alias("_status"),
    )


def first_pages(export: Any, store: Any, source: Path, days: list[date], strategy_file: Path,
                settings_file: Path) -> list[FirstPage] | None:
    """The page a fresh start on `source` shows on each of `days`, computed as the live pane
    would; None if the strategy file is broken (a start must then show its error) or the
    source can't be hashed. The store, the files and the source are read once for all days."""
    strategy, error = strategy_mod.reload(strategy_file, None)
    keys = page_keys(source, store.revision(), days, strategy_file, settings_file)
    if error is not None or keys is None:
        return None
    strategy = strategy if strategy.suggests_anything else None
    decisions, info = store.decisions(), store.info()
    size, mtime_ns = source_stamp(source)
    pages = []
    for day, key in zip(days, keys):
        rows = received_rows(export, decisions, info, day, strategy)
        shown = rows.filter(view_expr("All"))
        pages.append(FirstPage(
            key=key, source=str(Path(source).absolute()), size=size, mtime_ns=mtime_ns,
            connections=export.connections.height, pending=shown.height,
            exported_on=export.exported_on.isoformat() if export.exported_on else None,
            counts=view_counts(rows, day, Filter()),
            rows=shown.head(PAGE_ROWS).select(ROW_FIELDS).to_dicts(), strategy=strategy is not None,
        ))
    return pages
