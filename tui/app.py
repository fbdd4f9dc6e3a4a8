"""PasserelleApp: header, the panes (a PaneDeck), global keys; the start, type-ahead and the
palette's commands live in tui/ui (staged_start, widgets/type_ahead, app_commands)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from tui.i18n import N_
from tui.text import REFUSED_ACTIONS
from tui.ui.app_commands import PaletteApp
from tui.context import AppContext
from tui.ui.messages import DecisionSaved, OpenComposer
from tui.ui.pane_deck import PaneDeck
from tui.ui.panes.catalog import PANE_IDS, PANES, STORE_PANES
from tui.ui.panes.pane import Pane
from tui.ui.staged_start import StagedStart
from tui.ui.textual_private import NoLocalsOnCrash
from tui.ui.widgets.header_lines import header_lines
from tui.ui.widgets.theme import use_theme
from tui.ui.widgets.type_ahead import TypeAheadApp


class PasserelleApp(NoLocalsOnCrash, TypeAheadApp, StagedStart, PaletteApp, App[int]):
    """Keyboard triage of a LinkedIn export."""

    CSS_PATH = "app.tcss"
    TITLE = "Passerelle"
    COMMANDS = {lambda: importlib.import_module("tui.ui.palette").FoldingCommands}  # accents folded
    BINDINGS = [
        *(Binding(str(n), f"show_pane('{p.id}')", p.title, id=f"show-{p.id}") for n, p in enumerate(PANES, 1)),
        Binding("question_mark", "help", N_("Help"), id="help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        # Shown in the footer only while a text field has focus (check_action), where 1–5 type digits.
        Binding("escape", "leave_field", N_("Leave field, then 1–5"), id="leave-field",
                tooltip=N_("Leave the text field (then 1–5 switch panes)")),
    ]

    def __init__(self, context: AppContext, source: Path | None = None) -> None:
        """`source`: read in a worker when `context.export` is None (the panes read the store)."""
        super().__init__()
        self.context = context
        self.source = source
        self.startup_error: Exception | None = None  # the export could not be read after all
        self.key_map: dict[str, str] = {}  # the `[keys]` remaps in effect (binding id → keys)
        self.keys_said: set[str] = set()  # key remaps already refused on screen
        self.first_open = None  # the process reading a new export (tui.first_open), in a terminal

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="pane-tabs")
        yield PaneDeck(self.context)

    @property
    def panes(self) -> PaneDeck:
        return self.query_one(PaneDeck)

    def pane(self, pane_id: str) -> Pane | None:
        """A pane of the main screen, or None while it is not mounted yet."""
        return self.panes.pane(pane_id)

    def notify_all(self, notices: list[str]) -> None:
        for notice in notices:
            self.notify(notice, title="Passerelle", timeout=12, markup=False)

    def apply_keys(self) -> None:
        """`[keys]` from config.toml, minus the remaps refused (one line says why)."""
        from tui.ui.keymap_check import apply_keys

        apply_keys(self)

    def on_mount(self) -> None:
        self.apply_keys()
        self.notify_all(use_theme(self, self.context.settings.theme))
        self.refresh_header()
        self.panes.focus_pane(self.panes.current)
        self.notify_all(self.context.notices)
        if self.context.triage_set is None:  # never read: read it now, the pane says so
            self.read_export("prepare")
        self.call_after_refresh(self._after_first_rows)

    def refresh_header(self) -> None:
        """Title line: export name, counts; tab line: which pane is shown."""
        title, tabs = header_lines(self)
        self.query_one("#title-bar", Static).update(title, layout=False)
        self.query_one("#pane-tabs", Static).update(tabs, layout=False)

    def action_show_pane(self, pane_id: str) -> None:
        """Switch to one of the panes."""
        if pane_id not in PANE_IDS:
            return
        if self.context.export is None and pane_id != "received" and (
                pane_id not in STORE_PANES or self.context.triage_set is None):
            self.need_export(pane_id)  # switch once the export is read
            return
        pane = self.panes.mounted(pane_id)
        if pane is None:  # pressed within the first frames, or while it mounts: build, then show
            self.call_later(self._show_when_mounted, pane_id)
            return
        self.panes.current = pane_id
        pane.on_shown()
        pane.focus_default()
        self.refresh_header()

    async def _show_when_mounted(self, pane_id: str) -> None:
        await (self.panes.mount_store_panes() if pane_id in STORE_PANES else self.mount_export_panes())
        self.action_show_pane(pane_id)

    def action_leave_field(self) -> None:
        """Text fields keep digits and letters; escape hands the keys back to the app."""
        if self._in_text_field():
            self.set_focus(None)

    def _in_text_field(self) -> bool:  # TextArea's module (~10 ms to import) comes with the composer
        area = sys.modules.get("textual.widgets._text_area")
        return isinstance(self.focused, (Input,) if area is None else (Input, area.TextArea))

    def action_help(self) -> None:
        """Show every key of every pane."""
        from tui.ui.screens.help_screen import show_help

        show_help(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in REFUSED_ACTIONS:
            return False
        if action == "leave_field":
            return self._in_text_field()
        return super().check_action(action, parameters)

    async def on_open_composer(self, message: OpenComposer) -> None:
        if self.context.export is None:  # the composer needs the frames: come back once they are read
            self._composing = message
            self.need_export("composer")
            return
        await self.mount_export_panes()
        self.action_show_pane("composer")
        self.pane("composer").set_recipient(message.person)

    def on_decision_saved(self, message: DecisionSaved) -> None:
        for pane_id in ("received", "sent", "network"):
            pane = self.pane(pane_id)
            if pane is not None and pane is not message.pane:
                pane.decisions_changed()
        self.refresh_header()
