"""SentPane: invitations you sent — waiting, stale, accepted — and follow-ups to do."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.store.sent_queue import DictRows, sent_rows
from tui.ui.panes.triage_pane import TriagePane
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.invitation_detail import InvitationDetail

COLUMNS = [
    Column("name", "Name", ratio=3, formatter=lambda n: n if n and n.strip() else "(no name)"),
    Column("_waited", "Waited", width=7, align="right", formatter=lambda d: "" if d is None else f"{d}d"),
    Column("_state", "State", width=22),
    Column("note", "Note sent", ratio=4, formatter=lambda n: n.strip() if n and n.strip() else "— no note"),
]


def state_of(row: dict) -> str:
    """What became of the invitation, in a few words."""
    if row["decision"] == "withdrawn":
        return "withdrawn"
    if row["accepted"]:
        return f"accepted {row['accepted_on']:%Y-%m-%d}" if row["accepted_on"] else "accepted"
    if row["follow_up_now"]:
        return "follow up now"
    if row["stale"]:
        return "stale: withdraw?"
    return "waiting (followed up)" if row["decision"] == "followed_up" else "waiting"


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
        Binding("t", "tags", "Tags", show=False, id="tags-sent"),
        Binding("m", "met", "Met", show=False, id="met-sent"),
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
        self.frame = DictRows([])

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
        """Read the sent queue from the store (the export's, the composer's, their decisions)."""
        ctx, settings = self.context, self.context.settings
        if ctx.triage_set is None:
            return
        rows = sent_rows(ctx.store, ctx.triage_set.id, ctx.today, settings.stale_days, settings.follow_up_days)
        for row in rows:  # waiting time means nothing once accepted
            row["_state"], row["_waited"] = state_of(row), None if row["accepted"] else row["waited_days"]
        self.frame = DictRows(rows)
        self.table.set_frame(self.frame, keep_cursor_key=keep_key)
        counts = {"waiting": sum(r["pending"] for r in rows), "stale": sum(r["stale"] for r in rows),
                  "follow": sum(r["follow_up_now"] for r in rows), "accepted": sum(r["accepted"] for r in rows)}
        self.query_one("#sent-summary", Static).update(Content.assemble(
            ("Sent invitations  ", "bold"),
            f"{counts['waiting'] or 0} waiting · ",
            (f"{counts['stale'] or 0} stale (≥{settings.stale_days} days)", "yellow"), " · ",
            (f"{counts['follow'] or 0} follow-ups due", "yellow" if counts["follow"] else ""), " · ",
            (f"{counts['accepted'] or 0} accepted", "green"),
        ))

    def on_shown(self) -> None:
        """Shown again: the composer may have marked notes sent meanwhile (one small query)."""
        self.reload(keep_key=self.table.current_key())

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        self.show_row(event.row)

    def show_row(self, row: dict | None) -> None:
        detail = self.query_one(InvitationDetail)
        if row is None:
            detail.show(Content("No invitations you sent are in this export yet."))
        else:
            detail.show_sent(row, self.context.settings.stale_days, self.marks(row), self.history_lines(row.get("key")))

    def show_current(self) -> None:
        self.show_row(self.table.current_row())

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
            ("sent: tags", "Add or remove tags for this person (t)", self.action_tags),
            ("sent: how we met", "Write how you met this person (m)", self.action_met),
        ]
