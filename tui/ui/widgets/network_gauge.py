"""NetworkGauge: the maturity scale with the three bands and where the user stands."""

from __future__ import annotations

import math

from textual.content import Content

from tui.core.bands import BANDS as BAND_STARTS
from tui.core.bands import GENEROUS_AT, SELECTIVE_AT, band_range
from tui.core.bands import band as band_for
from tui.i18n import N_, _
from tui.i18n.formats import number
from tui.ui.widgets.decision_words import band_word
from tui.ui.widgets.sized_drawing import SizedDrawing

# Theme variables, so the bands read on light and dark themes alike; each band also has its name.
BAND_STYLE = {"starting": "$warning", "selective": "$primary", "generous": "$success"}
BANDS = tuple(name for name, _at in BAND_STARTS)
_R = {name: band_range(name) for name in BANDS}
# Longest first: the widest label that fits its third (with a space to spare) is shown.
WORDINGS = {
    "starting": (N_("starting {range}"), N_("start {range}"), "{range}"),
    "selective": (N_("selective {range}"), N_("select {range}"), "{range}", f"{SELECTIVE_AT}+"),
    "generous": (N_("generous {range}"), N_("gener. {range}"), "{range}"),
}
# The labels in English (the band ranges filled in), as the catalogue's source.
LABELS = {band: tuple(words.format(range=_R[band]) for words in WORDINGS[band]) for band in BANDS}
LINKEDIN_MAX = 30_000


def position(n: int, width: int) -> int:
    """Column of `n` on a bar where each band takes a third (generous on a log scale)."""
    third = width / 3
    if n < SELECTIVE_AT:
        x = n / SELECTIVE_AT * third
    elif n < GENEROUS_AT:
        x = third + (n - SELECTIVE_AT) / (GENEROUS_AT - SELECTIVE_AT) * third
    else:
        x = 2 * third + math.log(min(n, LINKEDIN_MAX) / GENEROUS_AT) / math.log(LINKEDIN_MAX / GENEROUS_AT) * third
    return max(0, min(width - 1, int(x)))


def band_of(n: int) -> str:
    return band_for(max(n, 0))


def fitted_label(band: str, room: int) -> str:
    """The longest label for `band` that leaves a space in `room` columns ("" if none fits)."""
    labels = (_(words).format(range=_R[band]) for words in WORDINGS[band])
    return next((label for label in labels if len(label) < room), "")


def _spans(width: int) -> list[tuple[str, int, int]]:
    third = width // 3
    return [("starting", 0, third), ("selective", third, 2 * third), ("generous", 2 * third, width)]


def label_line(width: int) -> str:
    """The band names under the bar, each inside its own third: they never run into each other."""
    return "".join(fitted_label(band, end - start).ljust(end - start) for band, start, end in _spans(width))


def marker_line(n: int, width: int) -> str:
    """`▲ you: 784 (generous)` under n, or the text before the mark when it would run off the edge."""
    at = position(n, width)
    text = _("you: {count} ({band})").format(count=number(n), band=band_word(band_of(n)))
    if at + 2 + len(text) <= width:
        return " " * at + "▲ " + text
    return (text + " ▲").rjust(at + 1)[-width:] if at + 1 >= len(text) + 2 else " " * at + "▲"


def gauge_content(n: int, width: int = 60) -> Content:
    """Three lines: the bar (filled up to n), a marker under n, the band names."""
    at = position(n, width)
    bar = []
    for band, start, end in _spans(width):
        filled = max(0, min(end, at + 1) - start)
        bar.append(("━" * filled, f"bold {BAND_STYLE[band]}"))
        bar.append(("─" * (end - start - filled), "dim"))
    labels = [
        (fitted_label(band, end - start).ljust(end - start), BAND_STYLE[band]) for band, start, end in _spans(width)
    ]
    return Content.assemble(*bar, "\n", (marker_line(n, width), f"bold {BAND_STYLE[band_of(n)]}"), "\n", *labels)


class NetworkGauge(SizedDrawing):
    """Passive: call `show(n)`; redrawn to the widget's width."""

    DEFAULT_CSS = "NetworkGauge { height: 3; }"

    def draw(self, n: int) -> Content:
        return gauge_content(n, max(12, self.size.width - 1))
