"""The app's two header lines: what is open, and which pane is shown."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tui.core.words import plural
from tui.text import display_text, sanitize



def title_line(source: Any, connections: int, pending: int | None, exported: Any) -> Content:
    """`Passerelle  P people waiting for your answer · N connections  ·  export.zip, exported D`.

    The counts come first: at 80 columns the file name is what gets cut.
    """
    name = sanitize(str(source or "")).rsplit("/", 1)[-1]
    parts = [] if pending is None else [f"{plural(pending, 'person')} waiting for your answer"]
    parts.append(plural(connections, "connection"))
    where = Content.assemble(display_text(name), f", exported {str(exported)[:10]}" if exported else "")
    return Content.assemble(("Passerelle", "bold"), "  ", " · ".join(parts), "  ·  ", where)


def tabs_line(tabs: list[tuple[str, str]], current: int, hint: str) -> Content:
    """` 1 Received   2 Sent …` (key, title) with the current pane highlighted, then the global keys."""
    parts: list[tuple[str, str] | str] = []
    for index, (key, title) in enumerate(tabs):
        parts += [(f" {key} {title} ", "bold reverse" if index == current else "dim"), " "]
    parts.append((hint, "dim"))
    return Content.assemble(*parts)


def header_lines(app: Any) -> tuple[Content, Content]:
    """The title line (export, counts, from the store's rows until the frames are read) and the
    tab line, its keys as the bindings and the `[keys]` remaps have them."""
    from tui.ui.app_commands import key_label
    from tui.ui.panes.catalog import PANE_IDS, PANES

    export, rows = app.context.export, app.context.triage_set
    if rows is not None:
        source, connections, exported = rows.source, rows.connections, rows.exported_on
    elif export is not None:
        source, connections, exported = export.source, export.connections.height, export.exported_on
    else:
        source, connections, exported = app.source, 0, None
    received = app.pane("received")
    pending = received.pending_count if received is not None else None
    current = app.panes.current
    shown = PANE_IDS.index(current) if current in PANE_IDS else -1
    tabs = [(key_label(app, f"show-{p.id}"), p.title) for p in PANES]
    palette = app.COMMAND_PALETTE_BINDING  # "ctrl+p", as people say it (the footer shows ^p)
    hint = f"   {key_label(app, 'help')} help · {palette} all actions · {key_label(app, 'quit')} quit"
    return title_line(source, connections, pending, exported), tabs_line(tabs, shown, hint)
