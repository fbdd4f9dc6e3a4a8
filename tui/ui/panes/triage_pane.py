"""What the received and sent panes share: deciding with feedback, undo/redo, profile links."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.core.errors import PasserelleError
from tui.store.store import Batch, Person
from tui.ui.messages import DecisionSaved, OpenComposer
from tui.i18n import _, ngettext
from tui.i18n.formats import day, number
from tui.ui.widgets.decision_words import decision_word
from tui.ui.widgets.key_names import key_of
from tui.ui.panes.pane import Pane
from tui.ui.panes.undo_words import PANE_DECISIONS, undone_line
from tui.ui.panes.person_history import PersonHistory
from tui.text import display_text, sanitize
from tui.ui.widgets.frame_table import FrameTable


NARROW = 100  # columns: below, the detail is under the list instead of beside it


def person_of(row: dict) -> Person | None:
    """The store's Person for a queue row, or None when the row has no identity."""
    key = row.get("key")
    return Person(key=key, name=row.get("name"), url=row.get("url")) if key else None


def is_web_url(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("https://", "http://"))


class TriagePane(PersonHistory, Vertical, Pane):
    """Base for panes with a FrameTable queue whose keys write decisions to the store."""

    AREA = "triage"

    def __init__(self, context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.session: dict[str, str] = {}  # key → decision made in this session
        self.stale = False  # another pane decided since this queue was read

    @property
    def table(self) -> FrameTable:
        return self.query_one(FrameTable)

    def focus_default(self) -> None:
        self.screen.set_focus(self.table)  # at once, so type-ahead reaches the table

    def status(self, text: Content | str, tone: str = "") -> None:
        """One line under the queue: what just happened."""
        content = text if isinstance(text, Content) else Content(sanitize(text))
        line = self.query_one(".status-line", Static)
        line.update(content.stylize(tone) if tone else content, layout=False)  # one line: no layout pass

    def reload(self, keep_key: Any = None) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def targets(self) -> list[dict]:
        """Marked rows if any, else the row under the cursor."""
        table = self.table
        if table.marked:
            return table.marked_rows()
        row = table.current_row()
        return [row] if row else []

    def decide(self, decision: str, reason: str = "by hand", until: date | None = None) -> int | None:
        """Write the decision durably, THEN move on; on failure say so and stay put."""
        rows = self.targets()
        people = [p for p in (person_of(r) for r in rows) if p is not None]
        if not people:
            self.status(_("Nothing to decide here: no invitation under the cursor."), "yellow")
            return None
        try:
            before = self.context.store.revision()
            batch = self.context.store.decide(people, decision, reason=reason, until=until)
        except PasserelleError as exc:
            self.status(_("NOT SAVED — {reason}. Nothing moved; try again or check the data folder.").format(
                reason=exc.reason), "bold red")
            self.app.notify(_("Decision not saved: {error}").format(error=exc), severity="error", markup=False)
            return None
        for person in people:
            self.session[person.key] = decision
        self.table.marked.clear()
        who = display_text(people[0].name or people[0].key, 60) if len(people) == 1 else Content(
            ngettext("{count} person", "{count} people", len(people)).format(count=number(len(people))))
        label = decision_word(decision)
        extra = _(" until {day}").format(day=day(until)) if until else ""
        undo_id = "undo-decision" if self.AREA == "received" else f"undo-{self.AREA}"
        undo = _("   {key} undoes").format(key=key_of(self.app, undo_id, "u"))
        what = _("{decision}{until}: ").format(decision=label, until=extra)
        self.status(Content.assemble((_("✓ saved "), "bold green"), what, who, (undo, "dim")))
        self.carry_history(before, {p.key for p in people})
        self.after_decision({p.key for p in people})
        self.post_message(DecisionSaved(batch, pane=self))
        return batch

    def after_decision(self, keys: set[str]) -> None:
        """What the screen does once `keys` are decided and saved (the received pane only
        takes the rows out; this default re-reads the queue)."""
        self.reload(keep_key=None)

    def _undo_redo(self, redo: bool) -> None:
        """Undo or redo the last decision made in this pane (Received its own, Sent its own)."""
        only = PANE_DECISIONS.get(self.AREA)
        store = self.context.store
        try:
            batch = store.redo(only) if redo else store.undo(only)
        except PasserelleError as exc:
            self.status(_("NOT SAVED — {reason}").format(reason=exc.reason), "bold red")
            return
        if batch is None:
            self.status(_("Nothing to redo here.") if redo else _("Nothing to undo here: no decision made in this pane."),
                        "yellow")
            return
        self.show_undone(batch, redo)
        self.post_message(DecisionSaved(batch.id, pane=self))

    def show_undone(self, batch: Batch, redo: bool = False) -> None:
        """Say whom the undo (or redo) was for; the queue shows it again."""
        for key in batch.keys:
            if redo:
                self.session[key] = batch.decision
            else:
                self.session.pop(key, None)
        self.status(undone_line(batch, redo))
        self.reload(keep_key=batch.keys[0] if batch.keys and not redo else None)

    def action_undo(self) -> None:
        """Undo the last decision made in this pane (works after a restart too)."""
        self._undo_redo(redo=False)

    def action_redo(self) -> None:
        """Redo the decision just undone."""
        self._undo_redo(redo=True)

    def action_open_profile(self) -> None:
        """Open the profile in the browser (in a thread: browsers can block)."""
        row = self.table.current_row() or {}
        url = row.get("url")
        if not is_web_url(url):
            self.app.notify(_("No profile link for this person in the export."), severity="warning", markup=False)
            return
        from tui.ui.browser import open_url

        open_url(self, url, lambda message, severity="information": self.app.notify(
            message, severity=severity, markup=False))

    def action_copy_url(self) -> None:
        """Copy the profile URL to the clipboard."""
        row = self.table.current_row() or {}
        url = row.get("url")
        if not url:
            self.app.notify(_("No profile link for this person in the export."), severity="warning", markup=False)
            return
        self.app.copy_to_clipboard(sanitize(url))
        self.app.notify(_("Copied {url} (your terminal must allow clipboard writes)").format(url=sanitize(url)), markup=False)

    def action_compose(self) -> None:
        """Write an invitation or message to this person in the composer."""
        person = person_of(self.table.current_row() or {})
        if person is not None:
            self.post_message(OpenComposer(person))

    def action_tags(self) -> None:
        """Add or remove this person's tags (comma-separated, completed from tags in use)."""
        from tui.ui.panes.person_marks import ask_tags

        row = self.table.current_row() or {}
        ask_tags(self, self.context.store, row.get("key"), row.get("name"), lambda said: self.marks_saved(row, said))

    def action_met(self) -> None:
        """Write one line on how and where you met this person."""
        from tui.ui.panes.person_marks import ask_met

        row = self.table.current_row() or {}
        ask_met(self, self.context.store, row.get("key"), row.get("name"), lambda said: self.marks_saved(row, said))

    def marks_saved(self, row: dict, said: str) -> None:
        """Tags or how we met saved: say so, re-read the rows (a tag: filter may drop this one),
        and the strategy's suggestions (rules read tags)."""
        self.status(said, "green")
        self.reload(keep_key=row.get("key"))
        self.show_current()
        self.suggest()

    def suggest(self) -> None:
        """Re-apply the strategy, where the pane has one (the received pane)."""

    def show_current(self) -> None:  # pragma: no cover - overridden
        """Redraw the detail of the row under the cursor."""

    def history_ahead(self) -> str | None:
        """The person under the cursor once the current one is decided: the next row."""
        table = self.table
        index = table.cursor_row + 1
        if not 0 <= index < table.frame.height:
            return None
        return table.frame[index, table.key_column]

    def history_arrived(self, key: str) -> None:
        """The History of `key` was read: redraw the detail if it still shows that person."""
        if (self.table.current_row() or {}).get("key") == key:
            self.show_current()

    def marks(self, row: dict | None) -> list[Content]:
        """The detail lines on the person's tags and how you met."""
        from tui.ui.panes.person_marks import marks_lines

        return marks_lines(self.context.store, (row or {}).get("key"))

    def action_toggle_mark(self) -> None:
        self.table.toggle_mark()
        self.table.action_cursor_down()
        self._marks_changed()

    def _marks_changed(self) -> None:
        count = len(self.table.marked)
        if count:
            self.status(ngettext("{count} marked: the next decision key applies to all of them (escape clears).",
                                 "{count} marked: the next decision key applies to all of them (escape clears).",
                                 count).format(count=number(count)), "cyan")
        else:
            self.status("")

    def decisions_changed(self) -> None:
        """Another pane saved or undid a decision: refresh this queue when it is next shown."""
        self.stale = True

    def fit(self, width: int, height: int) -> None:
        # Below NARROW columns the detail goes under the list: beside it, the names and the note
        # would be cut to a few letters (app.tcss, SentPane's CSS).
        self.set_class(width < NARROW, "-narrow")

    def on_shown(self) -> None:
        if self.stale:  # decisions, tags or "how we met" changed in another pane
            self.stale = False
            self.reload(keep_key=self.table.current_key())
            self.show_current()
            self.suggest()
