"""PasserelleApp: header, the four panes in a ContentSwitcher, global keys and palette."""

from __future__ import annotations

import importlib
from functools import partial
from pathlib import Path
from typing import Iterable

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Footer, Static
from textual.worker import Worker, WorkerState

from tui.context import AppContext
from tui.data.first_page import FirstPage
from tui.messages import DecisionSaved, OpenComposer
from tui.text import sanitize
from tui.widgets.header_lines import tabs_line, title_line

PANES = (
    ("received", "tui.panes.received_pane", "ReceivedPane", "Received"),
    ("sent", "tui.panes.sent_pane", "SentPane", "Sent"),
    ("network", "tui.panes.network_pane", "NetworkPane", "Network"),
    ("composer", "tui.panes.composer_pane", "ComposerPane", "Composer"),
    ("todo", "tui.panes.todo_pane", "TodoPane", "To do"),
)
FIRST_PAGE_ID = "received-first-page"  # the received pane's stand-in while the export loads
# Actions a planted `[@click=…]` could abuse; we never bind them (defence in depth).
REFUSED_ACTIONS = frozenset({
    "screenshot", "simulate_key", "push_screen", "switch_screen", "switch_mode",
    "add_class", "remove_class", "toggle_class",
})


class PasserelleApp(App[int]):
    """Keyboard triage of a LinkedIn export."""

    CSS_PATH = "app.tcss"
    TITLE = "Passerelle"
    BINDINGS = [
        Binding("1", "show_pane('received')", "Received", id="show-received"),
        Binding("2", "show_pane('sent')", "Sent", id="show-sent"),
        Binding("3", "show_pane('network')", "Network", id="show-network"),
        Binding("4", "show_pane('composer')", "Composer", id="show-composer"),
        Binding("5", "show_pane('todo')", "To do", id="show-todo"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("escape", "leave_field", "Leave the text field (then 1–4 switch panes)", show=False, id="leave-field"),
    ]

    def __init__(self, context: AppContext, source: Path | None = None, first_page: FirstPage | None = None) -> None:
        """`first_page`: start on it and read `source` in a worker (`context.export` is None)."""
        super().__init__()
        self.context = context
        self.source = source
        self.first_page = first_page
        self.startup_error: Exception | None = None  # the export could not be read after all
        self._others: AwaitMount | None = None
        self._wanted_pane: str | None = None  # asked for while the export was loading

    # ---- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="pane-tabs")
        if self.context.export is None:
            from tui.panes.first_page_pane import FirstPagePane

            first = FirstPagePane(self.context, self.first_page, id=FIRST_PAGE_ID)
        else:
            first = self._build_pane(*PANES[0])  # the others come after the first frame
        with ContentSwitcher(initial=first.id, id="panes"):
            yield first
        yield Footer()

    def _mount_other_panes(self) -> AwaitMount:
        """Build the hidden panes once the received queue is on screen (it shows sooner)."""
        if self._others is None:
            panes = [self._build_pane(*spec) for spec in PANES[1:]]
            for pane in panes:
                pane.display = False  # ContentSwitcher only hides the children it starts with
            self._others = self.query_one(ContentSwitcher).mount_all(panes)
        return self._others

    def _build_pane(self, pane_id: str, module: str, cls: str, title: str) -> Widget:
        """Import a pane's module only when the pane is built (keeps start-up imports small)."""
        pane = getattr(importlib.import_module(module), cls)(self.context)
        pane.id = pane_id
        return pane

    def on_mount(self) -> None:
        keys = dict(getattr(self.context.settings, "keys", {}) or {})
        if keys:
            self.set_keymap(keys)
        self.refresh_header()
        self._focus_pane(self.query_one(ContentSwitcher).current)
        self.call_after_refresh(self._read_export if self.context.export is None else self._mount_other_panes)
        self._notify(self.context.notices)

    def _notify(self, notices: list[str]) -> None:
        for notice in notices:
            self.notify(notice, title="Passerelle", timeout=12, markup=False)

    def _read_export(self) -> None:
        """After the first page is on screen: read the export (Polars and all) in a thread."""
        from tui.launch import load

        self.run_worker(partial(load, self.source, self.context.paths), thread=True, exit_on_error=False,
                        group="export", name="Reading the export")

    async def _export_ready(self, export) -> None:
        """Put the live received pane where the first page was, on the same row, then the rest."""
        from tui.launch import after_load

        try:
            first = self.query_one(f"#{FIRST_PAGE_ID}")
        except NoMatches:  # leaving already
            return
        self.context.export = export
        self._notify(after_load(self.context, self.source))
        await first.hand_over(self._build_pane(*PANES[0]))
        self.refresh_header()
        if self._wanted_pane:
            self.action_show_pane(self._wanted_pane)
        else:
            self.call_after_refresh(self._mount_other_panes)

    def refresh_header(self) -> None:
        """Title line: export name, counts; tab line: which pane is shown."""
        export, page = self.context.export, self.first_page
        if export is not None:
            source, connections, exported = export.source, export.connections.height, export.exported_on
        else:
            source, connections, exported = page.source, page.connections, page.exported_on
        pending = getattr(self._pane("received") or self._pane(FIRST_PAGE_ID), "pending_count", None)
        self.query_one("#title-bar", Static).update(title_line(source, connections, pending, exported))
        current = self.query_one(ContentSwitcher).current
        ids = [p[0] for p in PANES]
        shown = 0 if current == FIRST_PAGE_ID else ids.index(current) if current in ids else -1
        self.query_one("#pane-tabs", Static).update(tabs_line([p[3] for p in PANES], shown))

    def _pane(self, pane_id: str) -> Widget | None:
        try:
            return self.query_one(f"#{pane_id}")
        except NoMatches:  # not mounted yet
            return None

    def _focus_pane(self, pane_id: str) -> None:
        pane = self._pane(pane_id)
        if pane is None:
            return
        if hasattr(pane, "focus_default"):
            pane.focus_default()
            return
        target = next((w for w in pane.query("*") if w.focusable), None)
        (target or pane).focus() if (target or pane).focusable else self.set_focus(None)

    # ---- actions ------------------------------------------------------------------------
    def action_show_pane(self, pane_id: str) -> None:
        """Switch to one of the four panes."""
        if pane_id not in {p[0] for p in PANES}:
            return
        if self.context.export is None:  # the first page is showing: switch once it is read
            self._wanted_pane = None if pane_id == "received" else pane_id
            return
        if self._pane(pane_id) is None:  # pressed within the first frames: build, then show
            self.call_later(self._show_when_mounted, pane_id)
            return
        self.query_one(ContentSwitcher).current = pane_id
        pane = self._pane(pane_id)
        if hasattr(pane, "on_shown"):
            pane.on_shown()
        self._focus_pane(pane_id)
        self.refresh_header()

    async def _show_when_mounted(self, pane_id: str) -> None:
        await self._mount_other_panes()
        self.action_show_pane(pane_id)

    def action_leave_field(self) -> None:
        """Text fields keep digits and letters; escape hands the keys back to the app."""
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)):
            self.set_focus(None)

    def action_help(self) -> None:
        """Show every key of every pane."""
        from tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            before = self.focused  # Textual would refocus "*" (maybe a text field) on return
            self.push_screen(HelpScreen(), lambda _: self.call_after_refresh(self._refocus, before))

    def _refocus(self, before: Widget | None) -> None:
        """Back from a modal: the widget that had focus, unless it is gone (the first page was
        replaced by the live pane meanwhile): then the shown pane's own."""
        if before is None or before.is_attached:
            self.set_focus(before)
        else:
            self._focus_pane(self.query_one(ContentSwitcher).current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in REFUSED_ACTIONS:
            return False
        return super().check_action(action, parameters)

    # ---- messages -----------------------------------------------------------------------
    async def on_open_composer(self, message: OpenComposer) -> None:
        await self._mount_other_panes()
        self.action_show_pane("composer")
        composer = self._pane("composer")
        if hasattr(composer, "set_recipient"):
            composer.set_recipient(message.person)

    def on_decision_saved(self, message: DecisionSaved) -> None:
        for pane_id in ("received", "sent", "network"):
            pane = self._pane(pane_id)
            if pane is not message._sender and hasattr(pane, "decisions_changed"):
                pane.decisions_changed()
        self.refresh_header()

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The export read at start goes in (or the app leaves with its error); any other
        worker that fails shows why, instead of failing silently."""
        if event.worker.group == "export":
            if event.state == WorkerState.SUCCESS:
                await self._export_ready(event.worker.result)
            elif event.state == WorkerState.ERROR:
                self.startup_error = event.worker.error
                self.exit(return_code=2)
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                f"{event.worker.name or 'A background task'} failed: {type(error).__name__}: {error}",
                title="Something went wrong", severity="error", timeout=10, markup=False,
            )

    # ---- palette ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action as an "area: action" command, then Textual's own."""
        for pane_id, _m, _c, title in PANES:
            yield SystemCommand(f"app: show {title.lower()}", f"Switch to the {title} pane (key {PANES.index((pane_id, _m, _c, title)) + 1})",
                                lambda pane_id=pane_id: self.action_show_pane(pane_id))
        yield SystemCommand("app: help", "Every key of every pane (key ?)", self.action_help)
        yield SystemCommand("app: quit", "Leave Passerelle; every decision is already saved (key q)", self.exit)
        for pane_id, *_ in PANES:
            pane = self._pane(pane_id) or (self._pane(FIRST_PAGE_ID) if pane_id == "received" else None)
            for title, help_text, callback in getattr(pane, "palette_commands", lambda: [])():
                yield SystemCommand(sanitize(title), sanitize(help_text), self._in_pane(pane_id, callback))
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Screenshot"):
                yield command

    def _in_pane(self, pane_id: str, callback):
        def run() -> None:
            if self.query_one(ContentSwitcher).current != pane_id:
                self.action_show_pane(pane_id)
            callback()

        return run
