"""The network-size maturity bands (starting, selective, generous): their thresholds live here only."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

SELECTIVE_AT = 100  # connections from which people choose whom they accept
GENEROUS_AT = 500  # connections from which LinkedIn shows "N+" and people accept widely
BANDS = (("starting", 0), ("selective", SELECTIVE_AT), ("generous", GENEROUS_AT))


def band_range(name: str) -> str:
    """The counts of one band as people read them: a range, or "N+" for the last band."""
    starts = dict(BANDS)
    ends = {a: b for (a, _), (_, b) in zip(BANDS, BANDS[1:])}
    return f"{starts[name]}–{ends[name] - 1}" if name in ends else f"{starts[name]}+"


BAND_MEANING = {
    "starting": f"{band_range('starting')} connections: episodic use or just starting out.",
    "selective": f"{band_range('selective')} connections: selective, deliberate use; people choose whom they accept.",
    "generous": f"{band_range('generous')} connections: generous use; LinkedIn shows “{band_range('generous')}” "
                "and invitations are widely accepted.",
    "unknown": "Connection count not known: the export does not hold other people's counts.",
}
BAND_ADVICE = {
    "starting": "They may never see an invitation: try an email or phone number and follow up outside LinkedIn.",
    "selective": "They choose whom they accept: add a note.",
    "generous": "A note is optional: they accept widely.",
    "unknown": "Band unknown: type in their connection count if you know it.",
}


def band(n: int | None) -> str:
    """Maturity band of a connection count ("unknown" for None)."""
    if n is None or n < 0:
        return "unknown"
    if n < SELECTIVE_AT:
        return "starting"
    return "selective" if n < GENEROUS_AT else "generous"


def band_expr(count: pl.Expr) -> pl.Expr:
    """`band` as a Polars expression; null stays null (unknown is never shown as a band)."""
    import polars as pl  # here: the detail pane's signals use `band` before Polars is loaded

    return (
        pl.when(count.is_null()).then(None)
        .when(count < SELECTIVE_AT).then(pl.lit("starting"))
        .when(count < GENEROUS_AT).then(pl.lit("selective"))
        .otherwise(pl.lit("generous"))
    )
