"""The network-size maturity bands: 0–99 starting, 100–499 selective, 500+ generous."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.i18n import N_, _

if TYPE_CHECKING:
    import polars as pl

# The band identifiers stay English (stored, `--json`, filters); `name` shows them.
BAND_NAMES = {"starting": N_("starting"), "selective": N_("selective"), "generous": N_("generous"),
              "unknown": N_("unknown")}
# English, marked for the catalogue: `meaning` and `advice` give them in the reader's language.
BAND_MEANING = {
    "starting": N_("0–99 connections: episodic use or just starting out."),
    "selective": N_("100–499 connections: selective, deliberate use; people choose whom they accept."),
    "generous": N_("500+ connections: generous use; LinkedIn shows “500+” and invitations are widely accepted."),
    "unknown": N_("Connection count not known: the export does not hold other people's counts."),
}
BAND_ADVICE = {
    "starting": N_("They may never see an invitation: try an email or phone number and follow up outside LinkedIn."),
    "selective": N_("They choose whom they accept: add a note."),
    "generous": N_("A note is optional: they accept widely."),
    "unknown": N_("Band unknown: type in their connection count if you know it."),
}


def name(band: str) -> str:
    """A band as people read it: `selective` / `sélectif`."""
    return _(BAND_NAMES[band]) if band in BAND_NAMES else band


def meaning(band: str) -> str:
    """What a band means, in the reader's language (`0–99 connections: …`)."""
    return _(BAND_MEANING[band])


def usage(band: str) -> str:
    """What a band means without its range (`selective, deliberate use; …`), for tables that
    show the range in a column of their own."""
    return re.split(r"\s*:\s*", meaning(band), maxsplit=1)[-1]


def advice(band: str) -> str:
    """What to do about someone in that band, in the reader's language."""
    return _(BAND_ADVICE[band])


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
