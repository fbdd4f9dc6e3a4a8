"""The app's two header lines: what is open, and which pane is shown."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tui.core.words import plural
from tui.text import display_text, sanitize

KEYS_HINT = "   ? help · ctrl+p all actions · q quit"


def title_line(source: Any, connections: int, pending: int | None, exported: Any) -> Content:
    """`Passerelle  P people waiting for your answer · N connections  ·  export.zip, exported D`.

    The counts come first: at 80 columns the file name is what gets cut.
    """
    name = sanitize(str(source or "")).rsplit("/", 1)[-1]
    parts = [] if pending is None else [f"{plural(pending, 'person')} waiting for your answer"]
    parts.append(plural(connections, "connection"))
    where = Content.assemble(display_text(name), f", exported {str(exported)[:10]}" if exported else "")
    return Content.assemble(("Passerelle", "bold"), "  ", " · ".join(parts), "  ·  ", where)


def tabs_line(titles: list[str], current: int) -> Content:
    """` 1 Received   2 Sent …` with the current pane highlighted, then the global keys."""
    tabs: list[tuple[str, str] | str] = []
    for number, title in enumerate(titles, 1):
        tabs += [(f" {number} {title} ", "bold reverse" if number - 1 == current else "dim"), " "]
    tabs.append((KEYS_HINT, "dim"))
    return Content.assemble(*tabs)
