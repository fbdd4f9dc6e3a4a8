"""The History section of a detail pane: read in a worker (the first once the screen is
painted, the next ones a moment after the cursor stops on a person: holding j reads
nothing), kept per person and store revision, shown when it arrives."""

from __future__ import annotations

import sqlite3

from textual import work
from textual.content import Content
from textual.message import Message

from tui.core.errors import PasserelleError
from tui.i18n import N_, _
from tui.text import display_text

WAIT = 0.15  # seconds the cursor rests on a person before the history is read
READING = N_("reading…")


class HistoryRead(Message):
    """A person's history lines were read (for the store at `revision`)."""

    def __init__(self, key: str, revision: int, lines: list[str]) -> None:
        super().__init__()
        self.key, self.revision, self.lines = key, revision, lines


class PersonHistory:
    """Mixed into a pane: `history_lines(key)` gives the section now (cached, or "reading…"
    and a read scheduled); `history_arrived(key)` is the pane's hook to redraw its detail."""

    def history_lines(self, key: str | None) -> list[Content]:
        if not key or self.context.store is None:
            return []
        cache = self.__dict__.setdefault("_history_cache", {})
        try:
            revision = self.context.store.revision()
        except (PasserelleError, sqlite3.Error):  # a store that cannot be read: the rest of the detail shows
            return []
        lines = cache.get((key, revision))
        if lines is None:
            from tui.network.person_timeline import Timelines

            if self.context.timelines is None:  # made here, on the UI thread: one for every pane
                self.context.timelines = Timelines(self.context.store)
            self._schedule_history(key, revision)
        else:  # the cursor rests here: whoever comes next (after a decision, or j) is read meanwhile
            self.call_after_refresh(self._read_ahead, revision)
        return [Content(""), Content.assemble((_("History"), "bold underline"))] + [
            display_text(line, 200) for line in (lines if lines is not None else [_(READING)])]

    def _schedule_history(self, key: str, revision: int) -> None:
        """The pane's first read starts once the screen is painted; later ones once the cursor
        rests (holding j reads nothing). The same person asked twice is read once."""
        if self.__dict__.get("_history_pending") == (key, revision):
            return
        first = "_history_pending" not in self.__dict__
        self._history_pending = (key, revision)
        timer = self.__dict__.get("_history_timer")
        if timer is not None:
            timer.stop()
        if first:
            self.call_after_refresh(self._read_history, key, revision)
        else:
            self._history_timer = self.set_timer(WAIT, lambda: self._read_history(key, revision))

    def history_ahead(self) -> str | None:
        """The person shown next when the one shown now is decided (None: nobody, or no table)."""
        return None

    def _read_ahead(self, revision: int) -> None:
        key = self.history_ahead()
        cache = self.__dict__.get("_history_cache", {})
        if key and (key, revision) not in cache and self.__dict__.get("_history_pending") is None:
            self._read_history_ahead(key, revision)

    def carry_history(self, before: int | None, keys: set[str]) -> None:
        """After this pane's own write, `keys` decided: when the store's revision is just one
        past `before`, that write was the only one, so everyone else's History read at
        `before` still holds (the next person's detail then shows whole at once, in one paint)."""
        try:
            now = self.context.store.revision()
        except (PasserelleError, sqlite3.Error):
            return
        cache = self.__dict__.get("_history_cache")
        if before is None or now != before + 1 or not cache:
            return
        self._history_cache = {(k, now): v for (k, r), v in cache.items() if r in (before, now) and k not in keys}

    @work(thread=True, exclusive=True, exit_on_error=False, group="person-history-ahead", name="person history")
    def _read_history_ahead(self, key: str, revision: int) -> None:
        self._history_of(key, revision)

    @work(thread=True, exclusive=True, exit_on_error=False, group="person-history", name="person history")
    def _read_history(self, key: str, revision: int) -> None:
        self._history_of(key, revision)

    def _history_of(self, key: str, revision: int) -> None:
        from tui.network.person_timeline import summary_lines

        context = self.context
        timelines = context.timelines  # its snapshots are read once, under its own lock
        export = context.export
        try:
            lines = summary_lines(timelines.record(key, export.messages if export is not None else None))
        except (PasserelleError, OSError) as exc:
            lines = [f"History not read: {exc}"]
        self.post_message(HistoryRead(key, revision, lines))

    def on_history_read(self, message: HistoryRead) -> None:
        message.stop()
        self.__dict__.setdefault("_history_cache", {})[(message.key, message.revision)] = message.lines
        if self.__dict__.get("_history_pending") == (message.key, message.revision):
            self._history_pending = None
        self.history_arrived(message.key)

    def history_arrived(self, key: str) -> None:  # pragma: no cover - each pane redraws its own detail
        """The history of `key` is read: redraw the detail if it still shows that person."""



class TableHistory(PersonHistory):
    """PersonHistory for a pane whose people table (id `HISTORY_TABLE`) has the highlighted
    person's tags, how you met and History in a box under it (a Static, id `HISTORY_BOX`),
    a few lines; the pane has `say(message)`."""

    HISTORY_TABLE = HISTORY_BOX = ""

    def on_frame_table_row_highlighted(self, event) -> None:
        if event.table.id == self.HISTORY_TABLE:
            self._person_history((event.row or {}).get("key"))

    def history_arrived(self, key: str) -> None:
        if (self.query_one(f"#{self.HISTORY_TABLE}").current_row() or {}).get("key") == key:
            self._person_history(key)

    def marks_said(self, message: str) -> None:
        """Tags or how we met saved for the highlighted person: say so, show them under the table."""
        self.say(message)
        self._person_history((self.query_one(f"#{self.HISTORY_TABLE}").current_row() or {}).get("key"))

    def _person_history(self, key: str | None) -> None:
        from tui.ui.panes.person_marks import marks_lines

        box = self.query_one(f"#{self.HISTORY_BOX}")
        # Tags and how you met first (read now, one small query), then the History.
        lines = marks_lines(self.context.store, key) + self.history_lines(key)[1:] if key else []
        box.set_class(bool(lines), "-shown")
        box.update(Content("\n").join(lines) if lines else Content(""))
