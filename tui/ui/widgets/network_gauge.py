"""NetworkGauge: the maturity scale with the three bands and where the user stands."""

from __future__ import annotations

import math

from textual.content import Content
from textual.widgets import Static

from tui.i18n import N_, _
from tui.i18n.formats import number
from tui.ui.widgets.decision_words import band_word

# Theme variables, so the bands read on light and dark themes alike; each band also has its name.
BAND_STYLE = {"starting": "$warning", "selective": "$primary", "generous": "$success"}
BANDS = ("starting", "selective", "generous")
# Longest first: the widest label that fits its third (with a space to spare) is shown.
LABELS = {
    "starting": (N_("starting 0–99"), N_("start 0–99"), "0–99"),
    "selective": (N_("selective 100–499"), N_("select 100–499"), "100–499", "100+"),
    "generous": (N_("generous 500+"), N_("gener. 500+"), "500+"),
}
LINKEDIN_MAX = 30_000


def position(n: int, width: int) -> int:
    """Column of `n` on a bar where each band takes a third (generous on a log scale)."""
    third = width / 3
    if n < 100:
        x = n / 100 * third
    elif n < 500:
        x = third + (n - 100) / 400 * third
    else:
        x = 2 * third + math.log(min(n, LINKEDIN_MAX) / 500) / math.log(LINKEDIN_MAX / 500) * third
    return max(0, min(width - 1, int(x)))


def band_of(n: int) -> str:
    return "starting" if n < 100 else "selective" if n < 500 else "generous"


def fitted_label(band: str, room: int) -> str:
    """The longest label for `band` that leaves a space in `room` columns ("" if none fits)."""
    return next((label for label in map(_, LABELS[band]) if len(label) < room), "")


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


class NetworkGauge(Static):
    """Passive: call `show(n)`; redrawn to the widget's width."""

    DEFAULT_CSS = "NetworkGauge { height: 3; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(Content(""), **kwargs)
        self.count: int | None = None

    def show(self, n: int) -> None:
        self.count = n
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def language_changed(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.count is not None:
            self.update(gauge_content(self.count, max(12, self.size.width - 1)))
