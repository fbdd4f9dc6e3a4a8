"""FirstPagePane: the received queue's saved first page, shown while the export loads.

It looks exactly like the received pane (same layout, columns, keys in the footer) and
the arrow keys move through it; decision keys are not taken until the live pane replaces
it, a fraction of a second later, and the status line says so rather than guessing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from tui.data.first_page import FirstPage
from tui.panes.received_layout import BINDINGS, START_STATUS, VIEW_HINT, compose_received, progress_label
from tui.widgets.frame_table import FrameTable, RowList
from tui.widgets.invitation_detail import InvitationDetail
from tui.widgets.view_tabs import ViewTabs

LOADING_DETAIL = "Loading the details…"


class FirstPagePane(Vertical):
    """A stand-in for ReceivedPane built from a FirstPage; no Polars involved."""

    BINDINGS = BINDINGS

    def __init__(self, page: FirstPage, **kwargs) -> None:
        super().__init__(classes="received-layout", **kwargs)
        self.page = page

    @property
    def table(self) -> FrameTable:
        return self.query_one(FrameTable)

    def compose(self) -> ComposeResult:
        return compose_received(tuple(self.page.counts))

    def on_mount(self) -> None:
        self.query_one(ViewTabs).show("All", self.page.counts, VIEW_HINT)
        self.table.set_frame(RowList(self.page.rows, self.page.pending))
        self.query_one(InvitationDetail).show(Content.styled(LOADING_DETAIL, "dim"))
        self.query_one(ProgressBar).update(total=max(self.page.pending, 1), progress=0)
        self.query_one("#received-progress-label", Static).update(progress_label(0, self.page.pending))
        self.query_one(".status-line", Static).update(Content.styled(START_STATUS, "dim"))

    def focus_default(self) -> None:
        self.table.focus()

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        event.stop()  # the detail fills in with the live pane

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.not_yet()

    def not_yet(self, *_args: object) -> None:
        """A pane key pressed before the live queue is in: say it was not taken."""
        self.query_one(".status-line", Static).update(
            Content.styled("Still loading the queue: that key was not taken — press it again in a moment.", "yellow"))


for _action in {binding.action.split("(")[0] for binding in BINDINGS}:
    setattr(FirstPagePane, f"action_{_action}", FirstPagePane.not_yet)
