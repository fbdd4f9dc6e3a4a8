"""The app's two header lines: what is open, and which pane is shown."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from tui.i18n import N_, _, ngettext
from tui.i18n.formats import day, number
from tui.text import display_text, sanitize

KEYS_HINT = N_("   {help} help · {palette} all actions · {quit} quit")


def title_line(source: Any, connections: int, pending: int | None, exported: Any) -> Content:
    """`Passerelle  P people waiting for your answer · N connections  ·  export.zip, exported D`.

    The counts come first: at 80 columns the file name is what gets cut.
    """
    name = sanitize(str(source or "")).rsplit("/", 1)[-1]
    parts = [] if pending is None else [ngettext("{count} person waiting for your answer",
                                                  "{count} people waiting for your answer", pending).format(
        count=number(pending))]
    parts.append(ngettext("{count} connection", "{count} connections", connections).format(count=number(connections)))
    where = Content.assemble(display_text(name), _(", exported {day}").format(day=exported_day(exported)) if exported else "")
    return Content.assemble(("Passerelle", "bold"), "  ", " · ".join(parts), "  ·  ", where)


def exported_day(exported: Any) -> str:
    """The export's day as the language writes it (a date, or text from an older cache)."""
    from datetime import date, datetime

    if isinstance(exported, date):
        return day(exported.date() if isinstance(exported, datetime) else exported)
    try:
        return day(date.fromisoformat(str(exported)[:10]))
    except ValueError:
        return str(exported)[:10]


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
    tabs = [(key_label(app, f"show-{p.id}"), _(p.title)) for p in PANES]
    palette = app.COMMAND_PALETTE_BINDING  # "ctrl+p", as people say it (the footer shows ^p)
    hint = _(KEYS_HINT).format(help=key_label(app, "help"), palette=palette, quit=key_label(app, "quit"))
    return title_line(source, connections, pending, exported), tabs_line(tabs, shown, hint)
