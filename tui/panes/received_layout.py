"""The received pane's columns, keys, layout and decision keys, shared with the first page.

Imports no Polars: the first page (`first_page_pane.py`) is built from these before the
frames are loaded, must look exactly like the live pane that replaces it, and decides the
same way (a decision needs the store, not the frames).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

from tui.data.signals import signals
from tui.widgets.filter_bar import FilterBar
from tui.widgets.frame_table import Column, FrameTable
from tui.widgets.invitation_detail import InvitationDetail
from tui.widgets.view_tabs import ViewTabs

COLUMNS = [
    Column("name", "Name", ratio=3, formatter=lambda n: n if n and n.strip() else "(no name)"),
    Column("waited_days", "Waited", width=7, align="right", formatter=lambda d: "" if d is None else f"{d}d"),
    Column("note", "Note", ratio=4, formatter=lambda n: n.strip() if n and n.strip() else "— no note"),
    Column("_flags", "Signals", width=18),
    Column("_status", "Suggests", width=10),
]
BINDINGS = [
    Binding("a", "decide('accept')", "Accept", id="accept-invitation"),
    Binding("i", "decide('ignore')", "Ignore", id="ignore-invitation"),
    Binding("l", "later", "Later", id="later-invitation"),
    Binding("f", "decide('follow')", "Follow", id="follow-instead"),
    Binding("s", "decide('suspicious')", "Suspicious", id="mark-suspicious"),
    Binding("enter", "take_suggestion", "Take suggestion", id="take-suggestion"),
    Binding("u", "undo", "Undo", id="undo-decision"),
    Binding("U", "redo", "Redo", show=False, id="redo-decision"),
    Binding("space", "toggle_mark", "Mark", id="toggle-mark"),
    Binding("asterisk", "mark_shown", "Mark all shown", show=False, id="mark-shown"),
    Binding("escape", "clear", "Clear marks/filter", show=False, id="clear-marks"),
    Binding("slash", "filter", "Filter", id="open-filter"),
    Binding("v", "next_view", "Next view", id="next-view"),
    Binding("V", "next_view(-1)", "Previous view", show=False, id="previous-view"),
    Binding("o", "open_profile", "Open profile", show=False, id="open-profile"),
    Binding("y", "copy_url", "Copy URL", show=False, id="copy-url"),
    Binding("e", "edit_info", "Edit company/role", show=False, id="edit-info"),
    Binding("c", "compose", "Compose", show=False, id="compose-to"),
    Binding("R", "reload_strategy", "Reload strategy", show=False, id="reload-strategy"),
]
VIEW_HINT = "v switches view · / filters"
START_STATUS = "Decide the highlighted invitation with a key below; each one is saved at once. ? lists every key."


def compose_received(views: tuple[str, ...]) -> ComposeResult:
    """Views bar, strategy banner, filter, queue beside the detail, progress, status line."""
    yield ViewTabs(views, id="received-views")
    yield Static(id="strategy-banner")
    yield FilterBar(id="received-filter")
    with Horizontal(id="received-main"):
        yield FrameTable(COLUMNS, empty_text="Nothing in this view.", id="received-table")
        yield InvitationDetail(id="received-detail")
    with Horizontal(id="received-foot"):
        yield Static(id="received-progress-label")
        yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="received-progress")
    yield Static(classes="status-line")


def progress_label(done: int, total: int) -> Content:
    return Content(f"This session: {done} of {total} decided")


def show_detail(detail: InvitationDetail, row: dict, today: date, has_strategy: bool) -> None:
    """The highlighted invitation, its signals and what the strategy says (or how to get one)."""
    note = None if has_strategy else (
        "No strategy file yet: `passerelle strategy --init` writes a starter you can edit, then R reloads it here.")
    detail.show_received(row, signals(row, today), note)


class DecisionKeys:
    """a / i / l / f / s / enter for a TriagePane whose rows carry `suggestion`, `rule` and
    `suggestion_reason` (the reason recorded says whether it was by hand or by a rule), and
    the "received: …" palette commands."""

    def action_decide(self, decision: str) -> None:
        """Save one of accept / ignore / follow / suspicious for the row or the marked rows."""
        self.decide(decision, reason=self._manual_reason(decision))

    def action_later(self) -> None:
        """Put it aside: it comes back in the Later (due) view after later_days."""
        until = self.context.today + timedelta(days=self.context.settings.later_days)
        self.decide("later", reason=self._manual_reason("later"), until=until)

    def _manual_reason(self, decision: str) -> str:
        """Why, for the action sheet: by hand, and what the strategy said when it disagreed."""
        rows = self.targets()
        if len(rows) > 1:
            return f"by hand, a batch of {len(rows)}"
        suggestion = rows[0].get("suggestion") if rows else None
        if suggestion and suggestion != decision:
            return f"by hand (the strategy suggested {suggestion}, rule {rows[0].get('rule')})"
        return "by hand"

    def action_take_suggestion(self) -> None:
        """Take what the strategy suggests for the row under the cursor."""
        row = self.table.current_row()
        if not row:
            return
        suggestion = row.get("suggestion")
        if not suggestion:
            self.status("No suggestion for this one: decide with a, i, l, f or s.", "yellow")
            return
        until = self.context.today + timedelta(days=self.context.settings.later_days) if suggestion == "later" else None
        self.decide(suggestion, reason=f"rule {row.get('rule')}: {row.get('suggestion_reason') or ''}", until=until)

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.action_take_suggestion()

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        """"received: …" commands for the palette."""
        return [
            ("received: accept", "Accept the invitation (a)", lambda: self.action_decide("accept")),
            ("received: ignore", "Ignore the invitation (i)", lambda: self.action_decide("ignore")),
            ("received: later", "Put it aside for later_days (l)", self.action_later),
            ("received: follow instead", "Follow rather than connect (f)", lambda: self.action_decide("follow")),
            ("received: suspicious", "Flag as suspicious/spam (s)", lambda: self.action_decide("suspicious")),
            ("received: take suggestion", "Take the strategy's suggestion (enter)", self.action_take_suggestion),
            ("received: undo", "Undo the last decision (u)", self.action_undo),
            ("received: redo", "Redo (U)", self.action_redo),
            ("received: mark all shown", "Mark everything the view shows (*)", self.action_mark_shown),
            ("received: filter", "Filter the queue (/)", self.action_filter),
            ("received: next view", "Cycle views (v)", self.action_next_view),
            ("received: open profile", "Open the profile in the browser (o)", self.action_open_profile),
            ("received: copy profile URL", "Copy the profile URL (y)", self.action_copy_url),
            ("received: edit company/role", "Type in company, role, connection count (e)", self.action_edit_info),
            ("received: compose", "Write to this person (c)", self.action_compose),
            ("received: reload strategy", "Re-read the strategy file with a preview (R)", self.action_reload_strategy),
        ]
