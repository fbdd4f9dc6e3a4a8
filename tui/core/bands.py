"""The network-size maturity bands (starting, selective, generous): their thresholds live here only."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.i18n import N_, _

if TYPE_CHECKING:
    import polars as pl

SELECTIVE_AT = 100  # connections from which people choose whom they accept
GENEROUS_AT = 500  # connections from which LinkedIn shows "N+" and people accept widely
BANDS = (("starting", 0), ("selective", SELECTIVE_AT), ("generous", GENEROUS_AT))


def _bounds(name: str) -> dict[str, int]:
    """A band's first count, and its last one (`end`) unless it is the last band."""
    starts = dict(BANDS)
    ends = {a: b for (a, _at), (_name, b) in zip(BANDS, BANDS[1:])}
    return {"start": starts[name], "end": ends[name] - 1} if name in ends else {"start": starts[name]}


def band_range(name: str) -> str:
    """The counts of one band as people read them: a range, or "N+" for the last band."""
    bounds = _bounds(name)
    return f"{bounds['start']}–{bounds['end']}" if "end" in bounds else f"{bounds['start']}+"


# The band identifiers stay English (stored, `--json`, filters); `name` shows them.
BAND_NAMES = {"starting": N_("starting"), "selective": N_("selective"), "generous": N_("generous"),
              "unknown": N_("unknown")}
# Marked for the catalogue with the counts as placeholders (filled from BANDS, as band_range
# writes them), so a translation may write a range its own way ("0 à 99").
_MEANING_TEXT = {
    "starting": N_("{start}–{end} connections: episodic use or just starting out."),
    "selective": N_("{start}–{end} connections: selective, deliberate use; people choose whom they accept."),
    "generous": N_("{start}+ connections: generous use; LinkedIn shows “{start}+” and invitations are widely accepted."),
    "unknown": N_("Connection count not known: the export does not hold other people's counts."),
}
# English (the report, the figures, --json); `meaning` and `advice` give them in the reader's language.
BAND_MEANING = {band: text.format(**(_bounds(band) if band != "unknown" else {})) for band, text in _MEANING_TEXT.items()}
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
    return _(_MEANING_TEXT[band]).format(**(_bounds(band) if band != "unknown" else {}))


def usage(band: str) -> str:
    """What a band means without its range (`selective, deliberate use; …`), for tables that
    show the range in a column of their own."""
    return re.split(r"\s*:\s*", meaning(band), maxsplit=1)[-1]


def advice(band: str) -> str:
    """What to do about someone in that band, in the reader's language."""
    return _(BAND_ADVICE[band])


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
