"""ReceivedPane: the default screen — clear received invitations one key at a time."""

from __future__ import annotations

from typing import Any

import polars as pl
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import ProgressBar, Static

from tui.data import strategy as strategy_mod
from tui.data.errors import PasserelleError
from tui.data.received import received_rows
from tui.data.triage import VIEWS, Filter, FilterError, apply_filter, parse_filter, view_counts, view_expr
from tui.panes.received_layout import BINDINGS, START_STATUS, DecisionKeys, show_detail, VIEW_HINT, compose_received, progress_label
from tui.panes.triage_base import TriagePane
from tui.widgets.filter_bar import FilterBar
from tui.widgets.frame_table import FrameTable
from tui.widgets.invitation_detail import InvitationDetail
from tui.widgets.view_tabs import ViewTabs


class ReceivedPane(DecisionKeys, TriagePane):
    """Views bar, queue, detail, progress; each decision key saves before moving on."""

    AREA = "received"
    BINDINGS = BINDINGS

    def __init__(self, context, **kwargs) -> None:
        super().__init__(context, classes="received-layout", **kwargs)
        self.view = "All"
        self.filter = Filter()
        self.base: pl.DataFrame = pl.DataFrame()
        self.shown: pl.DataFrame = pl.DataFrame()
        self.strategy = None
        self.strategy_error: str | None = None
        self.session_keys: set[str] = set()

    def compose(self) -> ComposeResult:
        return compose_received(VIEWS)

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self._load_strategy(initial=True)
        self.reload()
        # The people waiting at the start of the session (some maybe decided on the first page).
        self.session_keys = set(self.base.filter(pl.col("pending"))["key"].drop_nulls().to_list()) | set(self.session)
        self._update_progress()
        self.status(START_STATUS, "dim")

    @property
    def pending_count(self) -> int:
        return int(self.base["pending"].sum()) if self.base.height else 0

    # ---- data -------------------------------------------------------------------------
    def reload(self, keep_key: Any = None) -> None:
        """Recompute the queue from the store, then the view and filter (all Polars)."""
        store, ctx = self.context.store, self.context
        self.base = received_rows(ctx.export, store.decisions(), store.info(), ctx.today, self.strategy)
        self._apply(keep_key)

    def _apply(self, keep_key: Any = None) -> None:
        self.shown = apply_filter(self.base.filter(view_expr(self.view)), self.filter, self.context.today)
        self.table.set_frame(self.shown, keep_cursor_key=keep_key)
        hint = f"filter: {self.query_one(FilterBar).value}" if not self.filter.empty else VIEW_HINT
        self.query_one(ViewTabs).show(self.view, view_counts(self.base, self.context.today, self.filter), hint)
        self._update_progress()
        if self.shown.height == 0:
            self._show_summary()

    def _update_progress(self) -> None:
        total = max(len(self.session_keys), 1)
        done = sum(1 for k in self.session_keys if k in self.session)
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#received-progress-label", Static).update(progress_label(done, len(self.session_keys)))

    def _show_summary(self) -> None:
        counts: dict[str, int] = {}
        for decision in self.session.values():
            counts[decision] = counts.get(decision, 0) + 1
        lines = [Content.assemble(("Nothing left in this view.", "bold"))]
        if self.filter.empty and self.view == "All":
            lines[0] = Content.assemble(("Queue clear — every received invitation has a decision.", "bold green"))
        if counts:
            lines.append(Content("This session: " + ", ".join(f"{n} {d}" for d, n in sorted(counts.items()))))
            lines.append(Content("Carry them out on LinkedIn: run `passerelle decisions` for the list."))
        else:
            lines.append(Content("No decisions in this session yet."))
        lines.append(Content.assemble(("v shows another view · escape clears the filter · 2 shows sent invitations", "dim")))
        self.query_one(InvitationDetail).show(Content("\n").join(lines))

    def _load_strategy(self, initial: bool = False):
        new, error = strategy_mod.reload(self.context.paths.strategy_file, self.strategy)
        banner = self.query_one("#strategy-banner", Static)
        if error is not None:
            self.strategy_error = str(error)
            banner.update(Content(f"Strategy file has an error, using the last good one: {error}  (R reloads)"))
            banner.add_class("shown")
            if not initial:
                self.app.notify(f"Strategy not reloaded: {error}", severity="error", timeout=10, markup=False)
            return None
        self.strategy_error = None
        banner.remove_class("shown")
        if initial:
            self.strategy = new if new.suggests_anything else None
        return new

    # ---- events -----------------------------------------------------------------------
    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        if event.row is None:
            if self.shown.height == 0:
                self._show_summary()
            return
        show_detail(self.query_one(InvitationDetail), event.row, self.context.today, self.strategy is not None)

    def on_view_tabs_chosen(self, event: ViewTabs.Chosen) -> None:
        self.view = event.view
        self._apply()

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        bar = self.query_one(FilterBar)
        try:
            self.filter = parse_filter(event.text)
        except FilterError as exc:
            bar.show_error(str(exc))
            return
        bar.show_error(None)
        self._apply()

    def on_filter_bar_done(self, event: FilterBar.Done) -> None:
        self.table.focus()

    # ---- actions ----------------------------------------------------------------------
    def action_mark_shown(self) -> None:
        """Mark every invitation the current view and filter show."""
        self.table.mark_all(self.shown["key"].drop_nulls().to_list())
        self._marks_changed()

    def action_clear(self) -> None:
        if self.table.marked:
            self.table.clear_marks()
            self._marks_changed()
        elif not self.filter.empty:
            self.query_one(FilterBar).action_close()

    def action_filter(self) -> None:
        self.query_one(FilterBar).open()

    def action_next_view(self, step: int = 1) -> None:
        """Cycle through the saved views."""
        self.view = VIEWS[(VIEWS.index(self.view) + step) % len(VIEWS)]
        self._apply()

    def action_edit_info(self) -> None:
        """Type in the company, role or connection count LinkedIn's export leaves out."""
        from tui.screens.person_info_modal import PersonInfoModal

        row = self.table.current_row()
        if not row or not row.get("key"):
            return
        key = row["key"]

        def save(values: dict | None) -> None:
            if values is None:
                return
            try:
                self.context.store.set_info(key, **values)
            except (PasserelleError, ValueError) as exc:  # say it, keep going
                self.status(f"NOT SAVED — {getattr(exc, 'reason', exc)}", "bold red")
                return
            self.status("✓ saved the details", "green")
            self.reload(keep_key=key)

        self.app.push_screen(PersonInfoModal(row), save)

    def action_reload_strategy(self) -> None:
        """Re-read the strategy file; preview what each rule would decide, then apply or cancel."""
        from tui.screens.strategy_preview_modal import StrategyPreviewModal

        path = self.context.paths.strategy_file
        if not path.is_file():
            self.app.notify(f"{path}: no strategy file yet. `passerelle strategy --init` writes a commented "
                            "starter; edit it, then press R.", severity="warning", timeout=10, markup=False)
            return
        new = self._load_strategy()
        if new is None:
            return
        rows = strategy_mod.preview(self.base, self.strategy, new)

        def apply(ok: bool | None) -> None:
            if ok:
                self.strategy = new
                self.reload(keep_key=self.table.current_key())
                self.app.notify("Strategy applied.", markup=False)

        self.app.push_screen(StrategyPreviewModal(rows), apply)
