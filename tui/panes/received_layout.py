"""The received pane's columns, keys and layout, shared with the first page shown at start.

Imports no Polars: the first page (`first_page_pane.py`) is built from these before the
frames are loaded, and must look exactly like the live pane that replaces it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import ProgressBar, Static

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
