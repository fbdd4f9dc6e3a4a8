"""The panes of the main screen, in key order: id, module, class and title (no pane imported here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaneSpec:
    id: str
    module: str
    cls: str
    title: str


PANES = (
    PaneSpec("received", "tui.ui.panes.received_pane", "ReceivedPane", "Received"),
    PaneSpec("sent", "tui.ui.panes.sent_pane", "SentPane", "Sent"),
    PaneSpec("network", "tui.ui.panes.network_pane", "NetworkPane", "Network"),
    PaneSpec("composer", "tui.ui.panes.composer_pane", "ComposerPane", "Composer"),
    PaneSpec("todo", "tui.ui.panes.todo_pane", "TodoPane", "To do"),
)
PANE_IDS = tuple(p.id for p in PANES)
STORE_PANES = ("sent", "todo")  # read the store only: shown before the export's frames are read
