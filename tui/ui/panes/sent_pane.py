"""SentPane: invitations you sent — waiting, stale, accepted — and follow-ups to do."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.store.sent_queue import DictRows, sent_rows
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import day, number
from tui.ui.widgets.decision_words import days_cell
from tui.ui.panes.triage_pane import TriagePane
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.invitation_detail import InvitationDetail
from tui.ui.widgets.key_names import key_of, with_keys

COLUMNS = [
    Column("name", N_("Name"), ratio=3, min_width=17, max_width=32,
           formatter=lambda n: n if n and n.strip() else _("(no name)")),
    Column("_waited", N_("Waited"), width=6, align="right", formatter=days_cell),
    # The state whole ("waiting (followed up)", 21) from 80 columns; beside the detail at 100 it
    # gives way to the note ("follow up now", 13, still whole) and is cut after a word.
    Column("_state", N_("State"), ratio=4, min_width=13, max_width=21, at_words=True),
    Column("note", N_("Note sent"), ratio=4, min_width=18,
           formatter=lambda n: n.strip() if n and n.strip() else _("— no note")),
]


def state_of(row: dict) -> str:
    """What became of the invitation, in a few words."""
    if row["decision"] == "withdrawn":
        return _("withdrawn")
    if row["accepted"]:
        return _("accepted {day}").format(day=day(row["accepted_on"])) if row["accepted_on"] else _("accepted")
    if row["follow_up_now"]:
        return _("follow up now")
    if row["stale"]:
        return _("stale: withdraw?")
    return _("waiting (followed up)") if row["decision"] == "followed_up" else _("waiting")


class SentPane(TriagePane):
    """Outgoing invitations; d and w decide a follow-up or a withdrawal, carried out from To do."""

    AREA = "sent"
    BINDINGS = [
        Binding("d", "decide('followed_up')", N_("Follow up"), id="follow-up-done"),
        Binding("w", "decide('withdrawn')", N_("Withdraw"), id="withdrawal-done"),
        Binding("u", "undo", N_("Undo"), id="undo-sent"),
        Binding("U", "redo", N_("Redo"), show=False, id="redo-sent"),
        Binding("space", "toggle_mark", N_("Mark"), show=False, id="toggle-mark-sent"),
        Binding("escape", "clear_marks", N_("Clear marks"), show=False, id="clear-marks-sent"),
        Binding("o", "open_profile", N_("Open profile"), id="open-profile-sent"),
        Binding("y", "copy_url", N_("Copy URL"), id="copy-url-sent"),
        Binding("c", "compose", N_("Compose"), show=False, id="compose-sent"),
        Binding("t", "tags", N_("Tags"), show=False, id="tags-sent"),
        Binding("m", "met", N_("Met"), show=False, id="met-sent"),
    ]
    DEFAULT_CSS = """
    SentPane { height: 1fr; }
    SentPane #sent-summary { height: 1; padding: 0 1; background: $boost; }
    SentPane #sent-main { height: 1fr; }
    SentPane FrameTable { width: 3fr; }
    SentPane InvitationDetail { width: 2fr; }
    SentPane.-narrow #sent-main { layout: vertical; }
    SentPane.-narrow FrameTable { width: 1fr; height: 3fr; }
    SentPane.-narrow InvitationDetail { width: 1fr; height: 2fr; border-left: none; border-top: hkey $panel-lighten-2; }
    SentPane .status-line { height: 1; padding: 0 1; }
    """

    def __init__(self, context, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.frame = DictRows([])

    def compose(self) -> ComposeResult:
        yield Static(id="sent-summary")
        with Horizontal(id="sent-main"):
            yield FrameTable(COLUMNS, empty_text=N_("No sent invitations in this export."), id="sent-table")
            yield InvitationDetail(id="sent-detail")
        yield Static(classes="status-line")

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self.reload()
        self.status(self._keys_line(), "dim")

    def _keys_line(self) -> str:
        keys = {name: key_of(self.app, binding_id, default) for name, binding_id, default in (
            ("done", "follow-up-done", "d"), ("withdrawn", "withdrawal-done", "w"), ("open", "open-profile-sent", "o"),
            ("copy", "copy-url-sent", "y"))}
        return _("{done} follow up · {withdrawn} withdraw (then do it on LinkedIn from To do) · {open} open · "
                 "{copy} copy URL").format(**keys)

    def language_changed(self) -> None:
        """The summary, the detail and the keys line in the new language; the same rows and cursor."""
        self.reload(keep_key=self.table.current_key())
        self.show_current()
        self.status(self._keys_line(), "dim")

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
        n = {k: v or 0 for k, v in counts.items()}
        self.query_one("#sent-summary", Static).update(Content.assemble(
            (_("Sent invitations  "), "bold"),
            ngettext("{count} waiting · ", "{count} waiting · ", n["waiting"]).format(count=number(n["waiting"])),
            (ngettext("{count} stale (≥{days} days)", "{count} stale (≥{days} days)", n["stale"]).format(
                count=number(n["stale"]), days=settings.stale_days), "yellow"), " · ",
            (ngettext("{count} follow-ups due", "{count} follow-ups due", n["follow"]).format(count=number(n["follow"])),
             "yellow" if counts["follow"] else ""), " · ",
            (ngettext("{count} accepted", "{count} accepted", n["accepted"]).format(count=number(n["accepted"])), "green"),
        ))

    def on_shown(self) -> None:
        """Shown again: the composer may have marked notes sent meanwhile (one small query)."""
        self.reload(keep_key=self.table.current_key())

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        self.show_row(event.row)

    def show_row(self, row: dict | None) -> None:
        detail = self.query_one(InvitationDetail)
        if row is None:
            detail.show(Content(_("No invitations you sent are in this export yet.")))
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
        return with_keys(self, [
            (N_("sent: follow up"), N_("Follow up on it (then do it on LinkedIn from To do)"), lambda: self.action_decide("followed_up"),
             "follow-up-done"),
            (N_("sent: withdraw"), N_("Withdraw it (then do it on LinkedIn from To do)"), lambda: self.action_decide("withdrawn"),
             "withdrawal-done"),
            (N_("sent: undo"), N_("Undo the last decision"), self.action_undo, "undo-sent"),
            (N_("sent: redo"), N_("Redo"), self.action_redo, "redo-sent"),
            (N_("sent: open profile"), N_("Open the profile in the browser"), self.action_open_profile, "open-profile-sent"),
            (N_("sent: copy profile URL"), N_("Copy the profile URL"), self.action_copy_url, "copy-url-sent"),
            (N_("sent: tags"), N_("Add or remove tags for this person"), self.action_tags, "tags-sent"),
            (N_("sent: how we met"), N_("Write how you met this person"), self.action_met, "met-sent"),
        ])
