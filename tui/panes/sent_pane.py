"""SentPane: invitations you sent — waiting, stale, accepted — and follow-ups to do."""

from __future__ import annotations

from typing import Any

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.data.triage import sent_queue
from tui.panes.triage_base import TriagePane
from tui.widgets.frame_table import Column, FrameTable
from tui.widgets.invitation_detail import InvitationDetail

COLUMNS = [
    Column("name", "Name", ratio=3, formatter=lambda n: n if n and n.strip() else "(no name)"),
    Column("_waited", "Waited", width=7, align="right", formatter=lambda d: "" if d is None else f"{d}d"),
    Column("_state", "State", width=22),
    Column("note", "Note sent", ratio=4, formatter=lambda n: n.strip() if n and n.strip() else "— no note"),
]
STATE = (
    pl.when(pl.col("decision") == "withdrawn").then(pl.lit("withdrawn"))
    .when(pl.col("accepted")).then(pl.concat_str([pl.lit("accepted "), pl.col("accepted_on").dt.strftime("%Y-%m-%d")], ignore_nulls=True))
    .when(pl.col("follow_up_now")).then(pl.lit("follow up now"))
    .when(pl.col("stale")).then(pl.lit("stale: withdraw?"))
    .when(pl.col("decision") == "followed_up").then(pl.lit("waiting (followed up)"))
    .otherwise(pl.lit("waiting"))
)


class SentPane(TriagePane):
    """Outgoing invitations; d and w record what you did on LinkedIn."""

    AREA = "sent"
    BINDINGS = [
        Binding("d", "decide('followed_up')", "Follow-up done", id="follow-up-done"),
        Binding("w", "decide('withdrawn')", "Withdrawal done", id="withdrawal-done"),
        Binding("u", "undo", "Undo", id="undo-sent"),
        Binding("U", "redo", "Redo", show=False, id="redo-sent"),
        Binding("space", "toggle_mark", "Mark", show=False, id="toggle-mark-sent"),
        Binding("escape", "clear_marks", "Clear marks", show=False, id="clear-marks-sent"),
        Binding("o", "open_profile", "Open profile", id="open-profile-sent"),
        Binding("y", "copy_url", "Copy URL", id="copy-url-sent"),
        Binding("c", "compose", "Compose", show=False, id="compose-sent"),
    ]
    DEFAULT_CSS = """
    SentPane { height: 1fr; }
    SentPane #sent-summary { height: 1; padding: 0 1; background: $boost; }
    SentPane #sent-main { height: 1fr; }
    SentPane FrameTable { width: 3fr; }
    SentPane InvitationDetail { width: 2fr; }
    SentPane .status-line { height: 1; padding: 0 1; }
    """

    def __init__(self, context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.frame = pl.DataFrame()

    def compose(self) -> ComposeResult:
        yield Static(id="sent-summary")
        with Horizontal(id="sent-main"):
            yield FrameTable(COLUMNS, empty_text="No sent invitations in this export.", id="sent-table")
            yield InvitationDetail(id="sent-detail")
        yield Static(classes="status-line")

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self.reload()
        self.status("d follow-up done · w withdrawal done (after doing it on LinkedIn) · o open · y copy URL", "dim")

    def reload(self, keep_key: Any = None) -> None:
        """Recompute the sent queue (export + composer drafts marked sent + decisions)."""
        ctx, settings = self.context, self.context.settings
        frame = sent_queue(ctx.export, ctx.store.decisions(), ctx.store.drafts(), ctx.today,
                           stale_days=settings.stale_days, follow_up_days=settings.follow_up_days)
        self.frame = frame.with_columns(  # waiting time means nothing once accepted
            STATE.alias("_state"), pl.when(~pl.col("accepted")).then(pl.col("waited_days")).alias("_waited"))
        self.table.set_frame(self.frame, keep_cursor_key=keep_key)
        counts = self.frame.select(
            pl.col("pending").sum().alias("waiting"), pl.col("stale").sum().alias("stale"),
            pl.col("follow_up_now").sum().alias("follow"), pl.col("accepted").sum().alias("accepted"),
        ).row(0, named=True) if self.frame.height else {"waiting": 0, "stale": 0, "follow": 0, "accepted": 0}
        self.query_one("#sent-summary", Static).update(Content.assemble(
            ("Sent invitations  ", "bold"),
            f"{counts['waiting'] or 0} waiting · ",
            (f"{counts['stale'] or 0} stale (≥{settings.stale_days} days)", "yellow"), " · ",
            (f"{counts['follow'] or 0} follow-ups due", "yellow" if counts["follow"] else ""), " · ",
            (f"{counts['accepted'] or 0} accepted", "green"),
        ))

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        detail = self.query_one(InvitationDetail)
        if event.row is None:
            detail.show(Content("No invitations you sent are in this export yet."))
        else:
            detail.show_sent(event.row, self.context.settings.stale_days)

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()

    def action_decide(self, decision: str) -> None:
        """Record that the follow-up or withdrawal was done on LinkedIn."""
        self.decide(decision)

    def action_clear_marks(self) -> None:
        self.table.clear_marks()
        self._marks_changed()

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        """"sent: …" commands for the palette."""
        return [
            ("sent: follow-up done", "You followed up on LinkedIn (d)", lambda: self.action_decide("followed_up")),
            ("sent: withdrawal done", "You withdrew it on LinkedIn (w)", lambda: self.action_decide("withdrawn")),
            ("sent: undo", "Undo the last decision (u)", self.action_undo),
            ("sent: redo", "Redo (U)", self.action_redo),
            ("sent: open profile", "Open the profile in the browser (o)", self.action_open_profile),
            ("sent: copy profile URL", "Copy the profile URL (y)", self.action_copy_url),
        ]
