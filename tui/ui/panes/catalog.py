"""The panes of the main screen, in key order: id, module, class and title (no pane imported here)."""

from __future__ import annotations

from typing import NamedTuple

from tui.i18n import N_


class PaneSpec(NamedTuple):
    id: str
    module: str
    cls: str
    title: str  # marked for the catalogue; translated where shown


PANES = (
    PaneSpec("received", "tui.ui.panes.received_pane", "ReceivedPane", N_("Received")),
    PaneSpec("sent", "tui.ui.panes.sent_pane", "SentPane", N_("Sent")),
    PaneSpec("network", "tui.ui.panes.network_pane", "NetworkPane", N_("Network")),
    PaneSpec("composer", "tui.ui.panes.composer_pane", "ComposerPane", N_("Composer")),
    PaneSpec("todo", "tui.ui.panes.todo_pane", "TodoPane", N_("To do")),
)
PANE_IDS = tuple(p.id for p in PANES)
STORE_PANES = ("sent", "todo")  # read the store only: shown before the export's frames are read
