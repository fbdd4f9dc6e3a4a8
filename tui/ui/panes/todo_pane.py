"""TodoPane: every decision not yet carried out on LinkedIn, grouped by what to do there."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from tui.ui.panes.pane import Pane
from tui.core.errors import PasserelleError
from tui.store.store import DONE
from tui.store.todo import group_title, TodoQueue, TodoRow, current_queue, last_import_facts
from tui.store.todo_log import mark_done
from tui.ui.clipboard import copy_clean
from tui.ui.widgets.copied_text import CopiedText
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import number
from tui.ui.panes.person_marks import ask_met, ask_tags, marks_lines
from tui.ui.panes.undo_words import undone_line
from tui.ui.panes.person_history import PersonHistory
from tui.text import display_text, sanitize
from tui.ui.widgets.decision_words import action_word, day_of
from tui.ui.widgets.header_lines import exported_day
from tui.ui.widgets.key_names import key_of, with_keys
from tui.ui.widgets.translated import tr

WIDE, WIDE_NAME = 110, 42  # from this width each row shows its page too, after a name column this wide
SHOWN_PER_GROUP = 150  # oldest first: the rest waits below a "more" line (OptionList lays out every row)
STATE_TITLES = {"pending": "", "flagged": N_(" — the export says otherwise, check"), "confirmed": ""}


class TodoPane(PersonHistory, Vertical, Pane):
    """The to-do queue: o opens the page, y copies the note, d/D done, u undo."""

    AREA = "todo"
    BINDINGS = [
        Binding("o", "open_page", N_("Open page"), id="open-page-todo"),
        Binding("y", "copy_note", N_("Copy note"), id="copy-note-todo"),
        Binding("d", "done", N_("Done"), id="done-todo"),
        Binding("D", "done_group", N_("Group done"), id="done-group-todo"),
        Binding("u", "undo", N_("Undo"), id="undo-todo"),
        Binding("t", "tags", N_("Tags"), id="tags-todo"),
        Binding("m", "met", N_("Met"), show=False, id="met-todo"),
    ]
    DEFAULT_CSS = """
    TodoPane { height: 1fr; }
    TodoPane #todo-summary { height: 1; padding: 0 1; background: $boost; }
    TodoPane #todo-progress-label { width: auto; padding: 0 1 0 0; }
    TodoPane #todo-bar { height: 1; width: 1fr; padding: 0 1; background: $boost; }
    TodoPane OptionList { height: 1fr; }
    TodoPane #todo-detail { height: auto; max-height: 9; padding: 0 1; border-top: solid $primary-darken-2; }
    TodoPane .status-line { height: 1; padding: 0 1; }
    """

    def __init__(self, context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.queue = TodoQueue(())
        self.lines: list[TodoRow | None] = []  # option index → row (None: a group title)
        self.done_batches: dict[int, int] = {}  # done events of this session → rows they closed
        self._facts: tuple[int | None, Any] = (None, None)
        self._width: int | None = None  # the rows' width (fit): known at mount, before first shown

    def compose(self) -> ComposeResult:
        yield Static(id="todo-summary")
        with Horizontal(id="todo-bar"):
            yield Static(id="todo-progress-label")
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="todo-progress")
        yield OptionList(id="todo-list")
        yield Static(id="todo-detail")
        yield CopiedText(id="todo-copied")
        yield Static(classes="status-line")

    def on_mount(self) -> None:
        if not self.is_attached:
            return
        self.status(self._keys_line(), "dim")  # the rows come from fit (Pane.on_mount), at their width

    def _keys_line(self) -> str:
        keys = {name.replace("-", "_"): key_of(self.app, f"{name}-todo", default) for name, default in (
            ("open-page", "o"), ("copy-note", "y"), ("done", "d"), ("done-group", "D"), ("undo", "u"), ("tags", "t"),
            ("met", "m"))}
        return _("{open_page} open the page · {copy_note} copy the note · {done} done · {done_group} group done · "
                 "{undo} undo · {tags} tags · {met} met").format(**keys)

    def language_changed(self) -> None:
        """The groups, summary and detail in the new language; the same row highlighted."""
        self.reload(keep=self.current())
        self.status(self._keys_line(), "dim")

    def on_shown(self) -> None:
        """Decisions made in other panes show up when this pane comes back."""
        self.reload(keep=self.current())

    def focus_default(self) -> None:
        self.query_one(OptionList).focus()

    # ---- data ---------------------------------------------------------------------------
    def facts(self):
        """What the last import shows, read from its snapshot once per import."""
        store = self.context.store
        record = store.last_import()
        ident = record.id if record else None
        if self._facts[0] != ident or ident is None:
            try:
                self._facts = (ident, last_import_facts(store))
            except PasserelleError as exc:
                self.status(_("The last import's snapshot could not be read: {reason}").format(reason=exc.reason), "yellow")
                self._facts = (ident, None)
        return self._facts[1]

    def reload(self, keep: TodoRow | None = None, prefer: set[str] | None = None) -> None:
        self.queue = current_queue(self.context.store, self.facts())
        options: list[Option] = []
        self.lines = []
        for state in ("pending", "flagged", "confirmed"):
            for action, rows in self.queue.groups(state):
                group = group_title(action)
                title = group + tr(STATE_TITLES[state])
                if state == "confirmed":
                    title = _("{group} — confirmed by the export of {day}").format(
                        group=group, day=exported_day(self.queue.exported_on))
                options.append(Option(Content.assemble((title, "bold"), f"  ({len(rows)})"), disabled=True))
                self.lines.append(None)
                for row in rows[:SHOWN_PER_GROUP]:
                    options.append(Option(self._prompt(row, self._page_width())))
                    self.lines.append(row)
                if len(rows) > SHOWN_PER_GROUP:
                    more = _("  … and {count} more, shown as these are done ({key} does the whole group)").format(
                        count=len(rows) - SHOWN_PER_GROUP, key=key_of(self.app, "done-group-todo", "D"))
                    options.append(Option(Content(more).stylize("dim"),
                                          disabled=True))
                    self.lines.append(None)
        table = self.query_one(OptionList)
        table.set_options(options)
        target = next((i for i, r in enumerate(self.lines) if r is not None and r.key in (prefer or ())
                       and r.state != "confirmed"), None)
        if target is None:
            target = next((i for i, r in enumerate(self.lines) if r is not None and keep is not None
                           and (r.key, r.action) == (keep.key, keep.action)), None)
        if target is None:
            target = next((i for i, r in enumerate(self.lines) if r is not None and r.state != "confirmed"), None)
        if target is not None:
            table.highlighted = target
        self._summary()
        self._detail()

    def _page_width(self) -> int:
        """Room for the page after the name on a wide screen (the detail shows it at any width)."""
        width = self._width or 0
        return width - WIDE_NAME - 30 if width >= WIDE else 0

    def fit(self, width: int, height: int) -> None:
        before, self._width = self._width, width
        if before is None or (before >= WIDE) != (width >= WIDE):  # the rows, with or without their page
            self.reload(keep=self.current())

    @staticmethod
    def _prompt(row: TodoRow, page_width: int = 0) -> Content:
        mark = {"pending": "  ", "flagged": "! ", "confirmed": "✓ "}[row.state]
        note = _("  ✎ note") if row.note else ""
        name = display_text(row.label, 40)
        page = Content("")
        if page_width > 0:  # who, since when, and the page to open, on one line
            name = Content.assemble(name, " " * max(WIDE_NAME - name.cell_length, 1))
            page = display_text(row.page, page_width).stylize("dim")
        return Content.assemble(mark, (f"{day_of(row.since)}  ", "dim"), name, page,
                                (note, "cyan"), (f"  {sanitize(row.flag)}" if row.flag else "", "yellow"))

    def _summary(self) -> None:
        left = len([r for r in self.queue.rows if r.state != "confirmed"])
        done = sum(self.done_batches.values())
        total = done + left
        self.query_one("#todo-summary", Static).update(Content.assemble(
            (_("To do on LinkedIn  "), "bold"), _("{count} pending").format(count=number(len(self.queue.pending))),
            (_(" · {count} to check").format(count=number(len(self.queue.state("flagged")))), "yellow")
            if self.queue.state("flagged") else "",
            (_(" · {count} confirmed by the export").format(count=number(len(self.queue.state("confirmed")))), "green")
            if self.queue.state("confirmed") else "",
        ))
        self.query_one("#todo-progress-label", Static).update(Content(_("{done} of {total} done").format(
            done=number(done), total=number(total))))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def current(self) -> TodoRow | None:
        index = self.query_one(OptionList).highlighted
        return self.lines[index] if index is not None and 0 <= index < len(self.lines) else None

    def _detail(self) -> None:
        row = self.current()
        detail = self.query_one("#todo-detail", Static)
        if row is None:
            detail.update(Content(_("Nothing left to carry out on LinkedIn.") if not self.queue.rows
                                  else _("Move to a row to see what to do.")))
            return
        lines = [
            Content.assemble(display_text(row.label, 60).stylize("bold"), _("  {action} since {day}").format(
                action=action_word(row.action), day=day_of(row.since))),
            Content.assemble((_("Page  "), "bold"), display_text(row.page, 120)),
        ]
        if row.note:
            lines.append(Content.assemble((_("Note  "), "bold"), display_text(row.note, 300)))
        if row.flag:
            lines.append(Content(sanitize(tr(row.flag))).stylize("yellow"))
        lines += marks_lines(self.context.store, row.key)
        lines += self.history_lines(row.key)[1:]  # the person across your imports, a few lines
        detail.update(Content("\n").join(lines))

    def history_arrived(self, key: str) -> None:
        if (row := self.current()) is not None and row.key == key:
            self._detail()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._detail()

    def status(self, text: Content | str, tone: str = "") -> None:
        content = text if isinstance(text, Content) else Content(sanitize(text))
        self.query_one(".status-line", Static).update(content.stylize(tone) if tone else content)

    # ---- actions ------------------------------------------------------------------------
    def _mark(self, rows: list[TodoRow]) -> None:
        rows = [r for r in rows if r.state != "confirmed"]
        if not rows:
            self.status(_("Nothing to mark done here."), "yellow")
            return
        try:
            batch = mark_done(self.context.store, rows)
        except PasserelleError as exc:
            self.status(_("NOT SAVED — {reason}. Nothing moved; try again.").format(reason=exc.reason), "bold red")
            return
        if batch is None:
            return
        self.done_batches[batch] = len(rows)
        who = display_text(rows[0].label, 40) if len(rows) == 1 else Content(
            ngettext("{count} person", "{count} people", len(rows)).format(count=number(len(rows))))
        undo = _("   {key} undoes").format(key=key_of(self.app, "undo-todo", "u"))
        what = _("{action}: ").format(action=action_word(rows[0].action))
        self.status(Content.assemble((_("✓ done "), "bold green"), what, who, (undo, "dim")))
        self.reload()  # no DecisionSaved: a done changes no other pane's queue (they read decisions only)

    def action_done(self) -> None:
        """You did it on LinkedIn: the row leaves the queue."""
        row = self.current()
        self._mark([row] if row else [])

    def action_done_group(self) -> None:
        """Every row of this group is done."""
        row = self.current()
        if row is not None:
            self._mark([r for r in self.queue.rows if (r.state, r.action) == (row.state, row.action)])

    def action_undo(self) -> None:
        """Undo the last done marked in this pane (decisions are undone where they were made)."""
        try:
            batch = self.context.store.undo((DONE,))
        except PasserelleError as exc:
            self.status(_("NOT SAVED — {reason}").format(reason=exc.reason), "bold red")
            return
        if batch is None:
            self.status(_("Nothing to undo here: nothing marked done (the palette undoes a decision anywhere)."), "yellow")
            return
        self.show_undone(batch)

    def show_undone(self, batch, redo: bool = False) -> None:
        """Say whom the undo was for; the rows that came back get the cursor."""
        self.done_batches.pop(batch.ref, None)
        self.status(undone_line(batch, redo))
        self.reload(keep=self.current(), prefer=set(batch.keys))

    def action_open_page(self) -> None:
        """Open the page where this is done on LinkedIn; copy the link if no browser opens."""
        row = self.current()
        if row is None:
            return
        import webbrowser  # only this key needs it

        self.run_worker(partial(webbrowser.open, row.page), thread=True, exit_on_error=False,
                        group="todo-browser", name=row.page)
        self.status(_("Opening {url}").format(url=row.page))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "todo-browser" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        if event.state == WorkerState.SUCCESS and event.worker.result:
            return
        url = copy_clean(self.app, event.worker.name)
        self.query_one(CopiedText).show(url)  # where OSC 52 is dropped, the link stays selectable here
        self.status(_("No browser opened: the link is copied, paste it in a browser ({url})").format(url=url), "yellow")

    def action_copy_note(self) -> None:
        """Copy the note to send (drafted in the composer)."""
        row = self.current()
        if row is None or not row.note:
            self.status(_("No note to send for this row."), "yellow")
            return
        self.query_one(CopiedText).show(copy_clean(self.app, row.note))  # a stored note may hold anything
        self.status(_("Note copied (your terminal must allow clipboard writes); paste it on LinkedIn."))

    def action_tags(self) -> None:
        """Tags for this person (comma-separated)."""
        row = self.current()
        ask_tags(self, self.context.store, row and row.key, row and row.name, self._marked)

    def action_met(self) -> None:
        """One line on how you met this person."""
        row = self.current()
        ask_met(self, self.context.store, row and row.key, row and row.name, self._marked)

    def _marked(self, message: str) -> None:
        self.status(message, "green")
        self._detail()

    def decisions_changed(self) -> None:
        self.reload(keep=self.current())

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return with_keys(self, [
            (N_("todo: open page"), N_("Open the LinkedIn page for this row"), self.action_open_page, "open-page-todo"),
            (N_("todo: copy note"), N_("Copy the note to send"), self.action_copy_note, "copy-note-todo"),
            (N_("todo: done"), N_("You did it on LinkedIn"), self.action_done, "done-todo"),
            (N_("todo: group done"), N_("Every row of this group is done"), self.action_done_group, "done-group-todo"),
            (N_("todo: undo"), N_("Undo the last done"), self.action_undo, "undo-todo"),
            (N_("todo: tags"), N_("Tags for this person"), self.action_tags, "tags-todo"),
            (N_("todo: how we met"), N_("One line on how you met"), self.action_met, "met-todo"),
        ])
