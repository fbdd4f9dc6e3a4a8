"""The received pane's columns, keys and layout (no Polars: the pane paints from the store)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.triage.signals import signals
from tui.i18n import N_, _
from tui.i18n.formats import number
from tui.ui.widgets.decision_words import days_cell, decision_word
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.invitation_detail import InvitationDetail
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.session_bar import SessionBar
from tui.ui.widgets.view_tabs import ViewTabs

def signals_cell(row: dict) -> str:
    """Words beside symbols (never colour alone): suspicious, a personal note, a bridge…"""
    marks = []
    if row.get("suspicious"):
        marks.append(_("⚠ suspicious"))
    if row.get("later_due"):
        marks.append(_("↺ due"))
    if row.get("has_note"):
        marks.append(_("✎ note"))
    if row.get("bridge"):
        marks.append(_("⇄ bridge"))
    if row.get("messaged_before"):
        marks.append(_("✉ talked"))
    return " ".join(marks)


def status_cell(row: dict) -> str:
    """The decision once made (and not back from later), else the strategy's suggestion."""
    decided = row.get("decision") and not row.get("later_due")
    return (row.get("decision") if decided else row.get("suggestion")) or ""


def columns(view: str, suggests: bool) -> list[Column]:
    """Name (16 characters and the ellipsis at 80 columns), waited, signals, the decision or suggestion
    column only when it can hold something, and the note in what is left."""
    shown = [
        Column("name", N_("Name"), ratio=6, min_width=17, max_width=32,
               formatter=lambda n: n if n and n.strip() else _("(no name)")),
        Column("waited_days", N_("Waited"), width=6, align="right", formatter=days_cell),
        # "⚠ suspicious…" (13) at the least: a cut falls after a whole signal, never inside one;
        # 6:4:7 gives the usual pair "✎ note ✉ talked" (15) its room at 80 columns
        Column("_signals", N_("Signals"), ratio=4, min_width=13, max_width=24, at_words=True),
    ]
    if view in ("Decided", "Later (due)") or suggests:
        shown.append(Column("_status", N_("Decision") if view == "Decided" else N_("Suggests"), width=10,
                            formatter=decision_word))
    shown.append(Column("note", N_("Note"), ratio=7, formatter=lambda n: n.strip() if n and n.strip() else _("— no note")))
    return shown


COLUMNS = columns("All", True)  # every column the pane can show


BINDINGS = [
    Binding("a", "decide('accept')", N_("Accept"), id="accept-invitation"),
    Binding("i", "decide('ignore')", N_("Ignore"), id="ignore-invitation"),
    Binding("l", "later", N_("Later"), id="later-invitation"),
    Binding("f", "decide('follow')", N_("Follow"), id="follow-instead"),
    Binding("s", "decide('suspicious')", N_("Suspicious"), id="mark-suspicious"),
    Binding("enter", "take_suggestion", N_("Take suggestion"), id="take-suggestion"),
    Binding("u", "undo", N_("Undo"), id="undo-decision"),
    Binding("U", "redo", N_("Redo"), show=False, id="redo-decision"),
    Binding("space", "toggle_mark", N_("Mark"), id="toggle-mark"),
    Binding("asterisk", "mark_shown", N_("Mark all shown"), show=False, id="mark-shown"),
    Binding("escape", "clear", N_("Clear marks/filter"), show=False, id="clear-marks"),
    Binding("slash", "filter", N_("Filter"), id="open-filter"),
    Binding("v", "next_view", N_("Next view"), id="next-view"),
    Binding("V", "next_view(-1)", N_("Previous view"), show=False, id="previous-view"),
    Binding("o", "open_profile", N_("Open profile"), show=False, id="open-profile"),
    Binding("y", "copy_url", N_("Copy URL"), show=False, id="copy-url"),
    Binding("e", "edit_info", N_("Edit company/role"), show=False, id="edit-info"),
    Binding("c", "compose", N_("Compose"), show=False, id="compose-to"),
    Binding("R", "reload_strategy", N_("Reload strategy"), show=False, id="reload-strategy"),
    Binding("t", "tags", N_("Tags"), show=False, id="tags-received"),
    Binding("m", "met", N_("Met"), show=False, id="met-received"),
    Binding("S", "save_view", N_("Save view"), show=False, id="save-view"),
]
VIEW_HINT = N_("{view_key} switches view · {filter_key} filters")
START_STATUS = N_("Decide the highlighted invitation with a key below; each one is saved at once. {help_key} lists every key.")


def compose_received(views: tuple[str, ...]) -> ComposeResult:
    """Views bar, queue beside the detail, progress, status line (the filter line comes after
    the first frame: ReceivedPane.filter_bar; the strategy's banner only with an error)."""
    yield ViewTabs(views, id="received-views")
    with Horizontal(id="received-main"):
        yield FrameTable(columns("All", False), empty_text=N_("Nothing in this view."), id="received-table",
                         alert=lambda row: bool(row and row.get("suspicious")),
                         due=lambda row: bool(row and row.get("later_due")))
        yield InvitationDetail(id="received-detail")
    with Horizontal(id="received-foot"):
        yield Static(id="received-progress-label")
        yield SessionBar(id="received-progress")
    yield Static(classes="status-line")


def reading_line(text: Content) -> Horizontal:
    """What a first start on an export shows while a worker reads it (only then: it costs)."""
    from textual.widgets import ProgressBar

    return Horizontal(Static(text, id="received-reading-label"),
                      ProgressBar(total=None, show_eta=False, show_percentage=False, id="received-reading-bar"),
                      id="received-reading")


def progress_label(done: int, total: int) -> Content:
    return Content(_("This session: {done} of {total} decided").format(done=number(done), total=number(total)))


def show_detail(detail: InvitationDetail, row: dict, today: date, has_strategy: bool, marks: list = (),
                places: dict | None = None, history: list = ()) -> None:
    """The highlighted invitation, its signals and what the strategy says (or how to get one).
    `places`: the owner's companies ("mine") and the bridge targets ("followed")."""
    note = None if has_strategy else _(
        "No strategy file yet: `passerelle strategy --init` writes a starter you can edit, then {key} reloads it here."
    ).format(key=key_of(detail.app, "reload-strategy", "R"))
    places = places or {}
    found = signals(row, today, my_companies=places.get("mine", ()), target_companies=places.get("followed", ()))
    detail.show_received(row, found, note, marks, history)


def start_status(app) -> str:
    """The first status line, naming the help key as the key map sets it."""
    return _(START_STATUS).format(help_key=key_of(app, "help", "question_mark"))


def view_hint(app) -> str:
    """`v switches view · / filters`, with the keys as the key map sets them."""
    return _(VIEW_HINT).format(view_key=key_of(app, "next-view", "v"), filter_key=key_of(app, "open-filter", "slash"))
