"""NetworkGauge: the maturity scale with the three bands and where the user stands."""

from __future__ import annotations

import math

from textual.content import Content
from textual.widgets import Static

BAND_STYLE = {"starting": "yellow", "selective": "cyan", "generous": "green"}
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


def gauge_content(n: int, width: int = 60) -> Content:
    """Three lines: the bar (filled up to n), a marker under n, the band names."""
    third = width // 3
    spans = [("starting", 0, third), ("selective", third, 2 * third), ("generous", 2 * third, width)]
    at = position(n, width)
    bar = []
    for band, start, end in spans:
        filled = max(0, min(end, at + 1) - start)
        bar.append(("━" * filled, f"bold {BAND_STYLE[band]}"))
        bar.append(("─" * (end - start - filled), "dim"))
    marker = " " * at + "▲ " + f"you: {n:,}"
    labels = "".join(
        f"{name} {rng}".ljust(end - start)[: end - start]
        for (name, start, end), rng in zip(spans, ("0–99", "100–499", "500+"))
    )
    return Content.assemble(*bar, "\n", (marker, "bold"), "\n", (labels, "dim"))


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

    def _draw(self) -> None:
        if self.count is not None:
            self.update(gauge_content(self.count, max(30, self.size.width - 2)))
