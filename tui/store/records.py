"""What the store hands out: people, decision batches, import records, and typed frames of its rows."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tui.store.schema import TIMESTAMP_FORMAT

if TYPE_CHECKING:
    import polars as pl


class Person(NamedTuple):
    """Who a decision or draft is about: the profile key plus what to show and link."""

    key: str
    name: str | None = None
    url: str | None = None


class Batch(NamedTuple):
    """One event: `kind` decide, or undo/redo of batch `ref` (then decision/keys are its)."""

    id: int
    decision: str
    keys: tuple[str, ...]
    at: datetime
    kind: str = "decide"
    ref: int | None = None
    names: tuple[str | None, ...] = ()  # the names the decision was made for, in `keys` order


class ImportRecord(NamedTuple):
    id: int
    source: str
    content_hash: str
    exported_on: date | None
    imported_at: datetime
    counts: dict  # what the export held, per kind (import's summary)
    snapshot: Path | None = None


def polars_schema(schema: dict[str, str]) -> pl.Schema:
    """A store schema (column → type name) as Polars types."""
    import polars as pl  # here, not at the top: the app opens the store before it needs Polars

    types = {"str": pl.Utf8, "int": pl.Int64, "bool": pl.Boolean, "date": pl.Date, "datetime": pl.Datetime("us")}
    return pl.Schema({name: types[kind] for name, kind in schema.items()})


def typed_frame(rows: list[tuple], schema: dict[str, str]) -> pl.DataFrame:
    """SQL rows (dates and times as ISO text, booleans as 0/1) → a typed frame; empty keeps the schema."""
    import polars as pl

    typed = polars_schema(schema)
    loaded = {n: pl.Utf8 if k in ("date", "datetime") else pl.Int64 if k == "bool" else typed[n] for n, k in schema.items()}
    casts = [
        pl.col(n).str.to_date("%Y-%m-%d") if k == "date"
        else pl.col(n).str.to_datetime(TIMESTAMP_FORMAT, time_unit="us") if k == "datetime"
        else pl.col(n).cast(pl.Boolean)
        for n, k in schema.items() if k in ("date", "datetime", "bool")
    ]
    df = pl.DataFrame(rows, schema=loaded, orient="row")
    return df.with_columns(casts) if casts else df
