"""FirstPagePane: the received queue's saved first page, shown while the export loads.

It looks exactly like the received pane (same layout, columns, details, keys in the footer)
and the triage keys work on it at once: a decision needs the store, not the frames, so a / i / l /
f / s / enter / u / U save durably as on the live pane, which then takes over the session.
Keys that need the frames (marks, filter, views, edit, compose, strategy) say so instead.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ProgressBar, Static

from tui.data.first_page import FirstPage, counts_after
from tui.panes.received_layout import BINDINGS, START_STATUS, VIEW_HINT, DecisionKeys, compose_received, progress_label, show_detail
from tui.panes.triage_base import TriagePane
from tui.widgets.frame_table import FrameTable, RowList
from tui.widgets.invitation_detail import InvitationDetail
from tui.widgets.view_tabs import ViewTabs

LOADING_DETAIL = "Loading the details…"
NEEDS_FRAMES = ("toggle_mark", "mark_shown", "filter", "next_view", "edit_info", "compose", "reload_strategy")


class FirstPagePane(DecisionKeys, TriagePane):
    """A stand-in for ReceivedPane built from a FirstPage; no Polars involved."""

    AREA = "received"
    BINDINGS = BINDINGS

    def __init__(self, context, page: FirstPage, **kwargs) -> None:
        super().__init__(context, classes="received-layout", **kwargs)
        self.page = page
        self._news: tuple | None = None  # the last "saved"/"undone" line, for the live pane

    def compose(self) -> ComposeResult:
        return compose_received(tuple(self.page.counts))

    def on_mount(self) -> None:
        self.query_one(InvitationDetail).show(Content.styled(LOADING_DETAIL, "dim"))
        self.reload()
        super().status(START_STATUS, "dim")

    def status(self, text, tone: str = "") -> None:
        super().status(text, tone)
        self._news = (text, tone)

    @property
    def pending_count(self) -> int:
        return self.page.pending - len(self._decided())

    def _decided(self) -> list[dict]:
        """Rows of the page decided in this session (an undo brings a row back)."""
        return [row for row in self.page.rows if row["key"] in self.session]

    def reload(self, keep_key=None) -> None:
        """The page minus what was decided on it: the live pane's rows, without the frames."""
        decided = self._decided()
        rows = [row for row in self.page.rows if row["key"] not in self.session]
        self.table.set_frame(RowList(rows, self.page.pending - len(decided)), keep_cursor_key=keep_key)
        self.query_one(ViewTabs).show("All", counts_after(self.page, decided), VIEW_HINT)
        self.query_one(ProgressBar).update(total=max(self.page.pending, 1), progress=len(decided))
        self.query_one("#received-progress-label", Static).update(progress_label(len(decided), self.page.pending))

    async def hand_over(self, pane: TriagePane) -> None:
        """Show the live `pane` in this page's place: same session, same row, same focus."""
        pane.session.update(self.session)  # decisions made on the page count in this session
        pane.display = False
        switcher = self.parent
        await switcher.mount(pane)
        had_focus = self.screen.focused is self.table
        switcher.current = pane.id
        self.app.call_after_refresh(pane.table.move_cursor, self.table.cursor_row)  # once laid out
        await self.remove()
        if had_focus:
            pane.focus_default()
        if self._news is not None:
            pane.status(*self._news)

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        event.stop()
        detail = self.query_one(InvitationDetail)
        if event.row is None:  # past the saved rows: they come with the live pane
            detail.show(Content.styled(LOADING_DETAIL, "dim"))
        else:  # after the next frame: the rows are what the start must paint first
            self.call_after_refresh(show_detail, detail, event.row, self.context.today, self.page.strategy)

    def action_clear(self) -> None:
        """Nothing to clear: the page has no marks or filter."""

    def not_yet(self, *_args: object) -> None:
        """A key that needs the frames, pressed before they are read: say so (not carried over)."""
        super().status("Still loading the queue: that key was not taken — press it again in a moment.", "yellow")


for _action in NEEDS_FRAMES:
    setattr(FirstPagePane, f"action_{_action}", FirstPagePane.not_yet)
