"""The app's two header lines: what is open, and which pane is shown."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tui.data.words import plural
from tui.text import display_text, sanitize

KEYS_HINT = "   ? help · ctrl+p all actions · q quit"


def title_line(source: Any, connections: int, pending: int | None, exported: Any) -> Content:
    """`Passerelle  export.zip  ·  N connections · P people waiting for your answer · exported D`."""
    name = sanitize(str(source or "")).rsplit("/", 1)[-1]
    parts = [plural(connections, "connection")]
    if pending is not None:
        parts.append(f"{plural(pending, 'person')} waiting for your answer")
    if exported:
        parts.append(f"exported {str(exported)[:10]}")
    return Content.assemble(("Passerelle", "bold"), "  ", display_text(name), "  ·  ", " · ".join(parts))


def tabs_line(titles: list[str], current: int) -> Content:
    """` 1 Received   2 Sent …` with the current pane highlighted, then the global keys."""
    tabs: list[tuple[str, str] | str] = []
    for number, title in enumerate(titles, 1):
        tabs += [(f" {number} {title} ", "bold reverse" if number - 1 == current else "dim"), " "]
    tabs.append((KEYS_HINT, "dim"))
    return Content.assemble(*tabs)
