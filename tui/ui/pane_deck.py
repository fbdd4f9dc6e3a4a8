"""PaneDeck: the panes of the main screen, one shown at a time, built in stages.

The received pane comes with the first frame; the store's panes (sent, to do) right after
the first rows; the network and composer panes once the export's frames are read. A pane's
module is imported only when the pane is built, which keeps the start's imports small.
"""

from __future__ import annotations

import importlib
from typing import Any

from textual.css.query import NoMatches
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher

from tui.ui.panes.catalog import PANES, STORE_PANES, PaneSpec
from tui.ui.panes.pane import Pane


def build_pane(spec: PaneSpec, context: Any) -> Pane:
    pane = getattr(importlib.import_module(spec.module), spec.cls)(context)
    pane.id = spec.id
    return pane


class PaneDeck(ContentSwitcher):
    """A ContentSwitcher of Panes that knows which of them are mounted yet."""

    def __init__(self, context: Any) -> None:
        self.context = context
        first = build_pane(PANES[0], context)  # the others come after the first frame
        super().__init__(first, initial=first.id, id="panes")
        self._store_panes: AwaitMount | None = None
        self._export_panes: AwaitMount | None = None

    def pane(self, pane_id: str) -> Pane | None:
        """The pane, or None while it is not mounted yet."""
        try:
            return self.query_one(f"#{pane_id}", Pane)
        except NoMatches:
            return None

    def mounted(self, pane_id: str) -> Pane | None:
        """The pane once mounted: one still mounting has no parts composed yet, so a key
        pressed then waits for it instead of reaching into them."""
        pane = self.pane(pane_id)
        return pane if pane is not None and pane.is_mounted else None

    @property
    def export_panes_asked(self) -> bool:
        return self._export_panes is not None

    def _mount(self, specs: list[PaneSpec]) -> AwaitMount:
        panes = [build_pane(spec, self.context) for spec in specs]
        for pane in panes:
            pane.display = False  # ContentSwitcher only hides the children it starts with
        return self.mount_all(panes)

    def mount_store_panes(self) -> AwaitMount:
        """The sent and to-do panes read the store only: they come right after the first rows."""
        if self._store_panes is None:
            self._store_panes = self._mount([s for s in PANES if s.id in STORE_PANES])
        return self._store_panes

    def mount_export_panes(self) -> AwaitMount:
        """The network and composer panes, once the export's frames are read."""
        if self._export_panes is None:
            self.mount_store_panes()
            self._export_panes = self._mount([s for s in PANES[1:] if s.id not in STORE_PANES])
        return self._export_panes

    def focus_pane(self, pane_id: str) -> None:
        pane = self.pane(pane_id)
        if pane is not None:
            pane.focus_default()
