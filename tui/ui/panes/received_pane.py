"""ReceivedPane: the default screen — clear received invitations one key at a time.

The rows come from the store (SQL over the import's rows and the decision log): the pane
paints before Polars is imported, and a decision is one INSERT plus one row taken out.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.store import queues as queue
from tui.triage.filters import VIEWS, Filter
from tui.i18n import N_, _
from tui.ui.panes.received_commands import received_commands
from tui.ui.panes.received_filter import ReceivedFilter
from tui.ui.panes.received_columns import (
    BINDINGS, columns, compose_received, progress_label, reading_line, show_detail, signals_cell, start_status,
    status_cell, view_hint,
)
from tui.ui.panes.received_words import EMPTY, READING, elsewhere, summary_text
from tui.ui.panes.triage_pane import TriagePane
from tui.ui.widgets.frame_table import FrameTable
from tui.ui.widgets.invitation_detail import InvitationDetail
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.session_bar import SessionBar
from tui.ui.widgets.view_tabs import ViewTabs


class ReceivedPane(ReceivedFilter, TriagePane):
    """Views bar, queue, detail, progress; each decision key saves before moving on."""

    AREA = "received"
    BINDINGS = BINDINGS
    DEFAULT_CSS = """
    ReceivedPane #received-reading { height: 1; padding: 0 1; display: none; }
    ReceivedPane.reading #received-reading { display: block; }
    ReceivedPane #received-reading-label { width: auto; padding-right: 1; }
    """

    class SuggestionsReady(Message):
        """The strategy's suggestions for the rows are in the store (`digest`)."""

        def __init__(self, digest: str, strategy: Any, error: str | None) -> None:
            super().__init__()
            self.digest, self.strategy, self.error = digest, strategy, error

    def __init__(self, context, **kwargs) -> None:
        super().__init__(context, classes="received-layout", **kwargs)
        self.view = "All"
        self._progress_width = -1
        self._detail_of: tuple | None = None  # the invitation the detail shows
        self._detail_shown = False  # once the first rows are on screen
        self.rows = queue.QueueRows([], lambda ids: [])
        self.counts: dict[str, int] = {}
        self.digest: str | None = None
        self.suggests = False
        self.strategy = None  # the Strategy last loaded (by the worker or by R), for R's preview
        self._places_of: int | None = None  # the triage set `_place_lists` was read for
        self._place_lists: dict = {}
        self.strategy_error: str | None = None
        self.session_keys: set[str] = set()
        self.saved: dict[str, Filter] = {}  # the saved views (config.toml [views]), after the built-in ones

    def compose(self) -> ComposeResult:
        return compose_received(VIEWS)

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self.status(start_status(self.app), "dim")
        from tui.ui.panes.received_views import load_into

        load_into(self)  # the saved views; each one that can't be used is said once, with its line
        self.call_after_refresh(self.filter_bar)  # its field and their styles were a tenth of the first frame
        if self.context.triage_set is None:
            self.add_class("reading")
            self.mount(reading_line(Content(_(READING))), before="#received-foot")
            self.table.empty_text = N_("Reading the export…")
            self.table.refresh()
            return
        self.start()

    def start(self) -> None:
        """The rows from the store; the strategy's suggestions follow from a worker if not stored yet."""
        self.remove_class("reading")
        for line in self.query("#received-reading"):
            line.remove()
        self.table.empty_text = EMPTY
        ctx = self.context
        from tui.network.companies_file import rules_or_defaults

        queue.use_company_rules(ctx.store, rules_or_defaults(ctx.paths.config)[0])  # aliases in the bridge signal
        self.digest = queue.strategy_digest(ctx.paths.strategy_file, ctx.store, ctx.today)
        stored = queue.stored_strategy(ctx.store, ctx.triage_set.id, self.digest)
        self.suggests = bool(stored and stored[0])
        self.reload()
        # The session is the whole waiting queue, even when a filter or view typed while the
        # export was read already narrows what is shown.
        waiting = self.rows.keys if self.view == "All" and self.filter.empty else (
            key for _, key in queue.received_ids(ctx.store, ctx.triage_set.id, ctx.today, self.digest, "All"))
        self.session_keys = {k for k in waiting if k} | set(self.session)
        self._update_progress()
        if stored is None:  # Polars applies the rules, in a worker, after the first rows are shown
            self.call_after_refresh(self.suggest)
        else:
            self.show_strategy_error(stored[1])

    def reading_step(self, done: int, steps: int) -> None:
        """How far the reader process of a new export is: its bar fills (it does not animate)."""
        for bar in self.query("#received-reading-bar"):
            bar.update(total=steps, progress=done)

    @property
    def pending_count(self) -> int | None:  # people waiting whatever the filter shows: the header's count
        ctx = self.context
        if ctx.triage_set is None or self.filter.empty:
            return self.counts.get("All")
        return queue.view_counts(ctx.store, ctx.triage_set.id, ctx.today, self.digest)["All"]

    # ---- data -------------------------------------------------------------------------
    def _fetch(self, ids: list[int]) -> list[dict]:
        ctx = self.context
        rows = queue.received_rows(ctx.store, ctx.triage_set.id, ctx.today, self.digest, ids)
        for row in rows:
            row["_signals"], row["_status"] = signals_cell(row), status_cell(row)
        return rows

    def reload(self, keep_key: Any = None, cursor: int | None = None) -> None:
        """Ask the store for the rows the view and filter show (ids only; rows when drawn)."""
        ctx = self.context
        if ctx.triage_set is None:
            return
        pairs = queue.received_ids(ctx.store, ctx.triage_set.id, ctx.today, self.digest, self.view, self.filter,
                                   self.saved)
        self.rows = queue.QueueRows(pairs, self._fetch)
        self.table.set_columns(columns(self.view, self.suggests))
        self.table.set_frame(self.rows, keep_cursor_key=keep_key, cursor=cursor)
        self._counts()

    def _counts(self, moved: list[dict] | None = None) -> None:
        """Every view's count: from the store, or for `moved` (pending rows decided, not due) moved to Decided."""
        ctx = self.context
        if moved is None:
            self.counts = queue.view_counts(ctx.store, ctx.triage_set.id, ctx.today, self.digest, self.filter,
                                            self.saved)
        else:
            for row in moved:
                for view, left in (("All", True), ("With note", row["has_note"]), ("No note", not row["has_note"]),
                                   ("Suspicious", row["suspicious"]), ("Later (due)", row["later_due"])):
                    self.counts[view] -= bool(left)
                self.counts["Decided"] += 1
        hint = (_("filter: {line}  {key} saves it").format(line=self.filter_line(), key=key_of(self.app, "save-view", "S"))
                if not self.filter.empty else view_hint(self.app))
        self.query_one(ViewTabs).show(self.view, self.counts, hint)
        self._update_progress()
        where = self._elsewhere()
        empty = where[0] if where else EMPTY
        if empty != self.table.empty_text:
            self.table.empty_text = empty
            self.table.refresh()
        if self.rows.height == 0:
            self._show_summary()

    def _elsewhere(self) -> tuple[str, str] | None:
        """Which view holds what the filter matches, when this one shows none of it."""
        if self.rows.height or self.filter.empty:
            return None
        return elsewhere(self.view, self.counts, VIEWS)

    def decide(self, decision: str, reason: str = "by hand", until=None) -> int | None:
        self._decided_rows = self.targets()  # what they were before: the counts move from there
        self._not_due = decision != "later" or (until is not None and until > self.context.today)
        return super().decide(decision, reason, until)

    def after_decision(self, keys: set[str]) -> None:
        """The decided rows leave the view (the Decided view keeps them, re-read); the
        cursor goes to the first undecided row at or after where the first decided one was."""
        table = self.table
        if self.view == "Decided":
            self.rows.forget(keys)
            table.set_frame(self.rows, cursor=table.cursor_row)
            self._counts()
            return
        first = self.rows.remove_keys(keys)
        table.set_frame(self.rows, cursor=table.cursor_row if first is None else first, same_rows=True)
        rows = [r for r in self._decided_rows if r.get("key") in keys]
        simple = self._not_due and all(r["pending"] for r in rows) and not self.saved  # saved views: SQL counts
        self._counts(rows if simple else None)

    def _update_progress(self) -> None:
        total = max(len(self.session_keys), 1)
        done = sum(1 for k in self.session_keys if k in self.session)
        self.query_one("#received-progress", SessionBar).update(total=total, progress=done)
        label = progress_label(done, len(self.session_keys))
        grew = label.cell_length != self._progress_width  # the label's width follows its text
        self._progress_width = label.cell_length
        self.query_one("#received-progress-label", Static).update(label, layout=grew)

    def _show_summary(self) -> None:
        summary = summary_text(self.session, self.filter.empty and self.view == "All", self._elsewhere(),
                               key_of(self.app, "next-view", "v"), key_of(self.app, "show-sent", "2"))
        if self._detail_of != ("summary", summary.plain):  # shown already: no repaint
            self._detail_of = ("summary", summary.plain)
            self.query_one(InvitationDetail).show(summary)

    # ---- the strategy -----------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="suggestions", name="Applying the strategy")
    def suggest(self) -> None:
        """Load the strategy and store its suggestions (Polars), then tell the pane."""
        from tui.store.triage_tables import ensure_suggestions

        ctx = self.context
        digest, strategy, error = ensure_suggestions(ctx.store, ctx.triage_set.id, ctx.paths.strategy_file, ctx.today)
        self.post_message(self.SuggestionsReady(digest, strategy, error))

    def show_strategy_error(self, error: str | None) -> None:
        """The banner over the queue while the strategy file can't be used (None hides it)."""
        self.strategy_error = error
        banner = self.query("#strategy-banner")
        if error is None:
            banner.remove()
            return
        text = Content(_("Strategy file has an error, using the last good one: {error}  ({key} reloads)").format(
            error=error, key=key_of(self.app, "reload-strategy", "R")))
        if banner:
            banner.first(Static).update(text)
        else:
            self.mount(Static(text, id="strategy-banner"), before="#received-main")

    def on_received_pane_suggestions_ready(self, message: SuggestionsReady) -> None:
        self.show_strategy_error(message.error)
        if message.error is None or self.strategy is None:
            self.strategy = message.strategy if message.strategy is not None and message.strategy.suggests_anything else None
        stored = queue.stored_strategy(self.context.store, self.context.triage_set.id, message.digest)
        if message.digest != self.digest or bool(stored and stored[0]) != self.suggests:
            self.digest, self.suggests = message.digest, bool(stored and stored[0])
            self.reload(keep_key=self.table.current_key())

    # ---- events -----------------------------------------------------------------------
    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        if event.row is None:
            if self.rows.height == 0 and self.context.triage_set is not None:
                self._show_summary()
            return
        shown = (event.row.get("id"), event.row.get("decision"), event.row.get("suggestion"))
        if shown == self._detail_of:
            return  # the same invitation as shown: no repaint (filter keystrokes often keep it)
        if not self._detail_shown:  # the first rows' frame goes out without it: the detail follows at once
            self._detail_shown, self._detail_of = True, shown
            self.app.call_after_refresh(self._first_detail)
            return
        self.show_current(event.row)

    def _first_detail(self) -> None:
        if self.is_attached:  # a `q` typed at start may have closed the app meanwhile
            self.show_current()

    def show_current(self, row: dict | None = None) -> None:
        """Show the row's detail (default: the one under the cursor; its tags may have changed)."""
        row = row or self.table.current_row()
        if row is not None:
            self._detail_of = (row.get("id"), row.get("decision"), row.get("suggestion"))
            show_detail(self.query_one(InvitationDetail), row, self.context.today, self.suggests, self.marks(row),
                        self._places(), self.history_lines(row.get("key")))

    def _places(self) -> dict:
        """Where companies stand for the bridge signal, read once per export; followed
        companies are targets unless the strategy names targets of its own."""
        if self._places_of != self.context.triage_set.id:
            self._places_of, self._place_lists = self.context.triage_set.id, queue.places(
                self.context.store, self.context.triage_set.id)
        if self.strategy is not None and self.strategy.targets:
            return {"mine": self._place_lists["mine"]}
        return self._place_lists

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.action_take_suggestion()

    def on_view_tabs_chosen(self, event: ViewTabs.Chosen) -> None:
        self.view = event.view
        self.reload()

    def targets(self) -> list[dict]:
        self._catch_up_filter()
        return super().targets()

    # ---- decisions --------------------------------------------------------------------
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
        self._catch_up_filter()
        row = self.table.current_row()
        if not row:
            return
        suggestion = row.get("suggestion")
        if not suggestion:
            keys = [key_of(self.app, b, k) for b, k in (("accept-invitation", "a"), ("ignore-invitation", "i"),
                    ("later-invitation", "l"), ("follow-instead", "f"), ("mark-suspicious", "s"))]
            self.status(_("No suggestion for this one: decide with {keys} or {last}.").format(
                keys=", ".join(keys[:-1]), last=keys[-1]), "yellow")
            return
        until = self.context.today + timedelta(days=self.context.settings.later_days) if suggestion == "later" else None
        self.decide(suggestion, reason=f"rule {row.get('rule')}: {row.get('suggestion_reason') or ''}", until=until)

    # ---- other actions ----------------------------------------------------------------
    def action_mark_shown(self) -> None:
        """Mark every invitation the current view and filter show."""
        self.table.mark_all(k for k in self.rows.keys if k)
        self._marks_changed()

    def action_clear(self) -> None:
        if self.table.marked:
            self.table.clear_marks()
            self._marks_changed()
        elif not self.filter.empty:
            self.bar.action_close()

    def action_next_view(self, step: int = 1) -> None:
        """Cycle through the views, built-in then saved."""
        views = self.query_one(ViewTabs).views
        self.view = views[((views.index(self.view) if self.view in views else 0) + step) % len(views)]
        self.reload()

    # ---- saved views ------------------------------------------------------------------
    def views_changed(self) -> None:
        """The saved views changed: the tabs show them (counted once the rows are read)."""
        self.query_one(ViewTabs).views = VIEWS + tuple(self.saved)
        if self.context.triage_set is not None and self.counts:
            self._counts()

    def action_save_view(self) -> None:
        """Save the current filter as a named view (config.toml [views])."""
        from tui.ui.panes.received_views import ask_and_save

        ask_and_save(self)

    def action_edit_info(self) -> None:
        """Type in the company, role or connection count LinkedIn's export leaves out."""
        from tui.ui.panes.person_marks import edit_info

        edit_info(self)

    def action_reload_strategy(self) -> None:
        """Re-read the strategy file; preview what each rule would decide, then apply or cancel."""
        from tui.ui.panes.received_strategy import reload_strategy

        reload_strategy(self)

    def language_changed(self) -> None:
        """Say the queue again in the new language: the same rows, cursor, filter and session."""
        if self.context.triage_set is None:
            return
        self._detail_of = None
        self.rows.forget()  # the signal words of the rows already read
        self.table.language_changed()
        self._counts()
        self._progress_width = -1
        self._update_progress()
        self.status(start_status(self.app), "dim")
        self.show_strategy_error(self.strategy_error)
        if self.rows.height:
            self.show_current()
        else:
            self._show_summary()

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        """"received: …" commands for the palette."""
        return received_commands(self)
