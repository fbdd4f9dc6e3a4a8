"""The network-size maturity bands: 0–99 starting, 100–499 selective, 500+ generous."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

BAND_MEANING = {
    "starting": "0–99 connections: episodic use or just starting out.",
    "selective": "100–499 connections: selective, deliberate use; people choose whom they accept.",
    "generous": "500+ connections: generous use; LinkedIn shows “500+” and invitations are widely accepted.",
    "unknown": "Connection count not known: the export does not hold other people's counts.",
}
BAND_ADVICE = {
    "starting": "They may never see an invitation: try an email or phone number and follow up outside LinkedIn.",
    "selective": "They choose whom they accept: add a note.",
    "generous": "A note is optional: they accept widely.",
    "unknown": "Band unknown: type in their connection count if you know it.",
}


def band(n: int | None) -> str:
    """Maturity band of a connection count: 99 starting, 100 selective, 500 generous."""
    if n is None or n < 0:
        return "unknown"
    if n < 100:
        return "starting"
    return "selective" if n < 500 else "generous"


def band_expr(count: pl.Expr) -> pl.Expr:
    """`band` as a Polars expression; null stays null (unknown is never shown as a band)."""
    import polars as pl  # here: the detail pane's signals use `band` before Polars is loaded

    return (
        pl.when(count.is_null()).then(None)
        .when(count < 100).then(pl.lit("starting"))
        .when(count < 500).then(pl.lit("selective"))
        .otherwise(pl.lit("generous"))
    )
