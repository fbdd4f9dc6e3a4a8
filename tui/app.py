"""PasserelleApp: header, the four panes in a ContentSwitcher, global keys and palette."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Static
from textual.worker import Worker, WorkerState

from tui.ui.context import AppContext
from tui.ui.crash_output import NoLocalsOnCrash
from tui.i18n import N_, _
from tui.ui.messages import DecisionSaved, OpenComposer
from tui.text import sanitize
from tui.ui.widgets.header_lines import tabs_line, title_line
from tui.ui.widgets.theme import use_theme
from tui.ui.widgets.type_ahead import TypeAhead

PANES = (
    ("received", "tui.ui.panes.received_pane", "ReceivedPane", N_("Received")),
    ("sent", "tui.ui.panes.sent_pane", "SentPane", N_("Sent")),
    ("network", "tui.ui.panes.network_pane", "NetworkPane", N_("Network")),
    ("composer", "tui.ui.panes.composer_pane", "ComposerPane", N_("Composer")),
    ("todo", "tui.ui.panes.todo_pane", "TodoPane", N_("To do")),
)
STORE_PANES = ("sent", "todo")  # read the store only: shown before the export's frames are read
# Actions a planted `[@click=…]` could abuse; we never bind them (defence in depth).
REFUSED_ACTIONS = frozenset({
    "screenshot", "simulate_key", "push_screen", "switch_screen", "switch_mode",
    "add_class", "remove_class", "toggle_class",
})


class PasserelleApp(NoLocalsOnCrash, App[int]):
    """Keyboard triage of a LinkedIn export."""

    CSS_PATH = "app.tcss"
    TITLE = "Passerelle"
    COMMANDS = {lambda: importlib.import_module("tui.ui.palette").FoldingCommands}  # accents folded
    BINDINGS = [
        Binding("1", "show_pane('received')", N_("Received"), id="show-received"),
        Binding("2", "show_pane('sent')", N_("Sent"), id="show-sent"),
        Binding("3", "show_pane('network')", N_("Network"), id="show-network"),
        Binding("4", "show_pane('composer')", N_("Composer"), id="show-composer"),
        Binding("5", "show_pane('todo')", N_("To do"), id="show-todo"),
        Binding("question_mark", "help", N_("Help"), id="help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        # Shown in the footer only while a text field has focus (check_action), where 1–4 type digits.
        Binding("escape", "leave_field", N_("Leave field, then 1–4"), id="leave-field",
                tooltip=N_("Leave the text field (then 1–4 switch panes)")),
    ]

    def __init__(self, context: AppContext, source: Path | None = None) -> None:
        """`source`: read in a worker when `context.export` is None (the panes read the store)."""
        super().__init__()
        self.context = context
        self.source = source
        self.startup_error: Exception | None = None  # the export could not be read after all
        self._others: AwaitMount | None = None
        self._sent: AwaitMount | None = None
        self._wanted_pane: str | None = None  # asked for while the export was loading
        self._keys_said: set[str] = set()  # key remaps already refused on screen
        self._composing: OpenComposer | None = None  # "compose to" asked for meanwhile
        self._key_target: Widget | None = None  # the widget the last key was handed to

    # ---- layout -------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="title-bar")
        yield Static(id="pane-tabs")
        first = self._build_pane(*PANES[0])  # the others come after the first frame
        with ContentSwitcher(initial=first.id, id="panes"):
            yield first

    def _mount_sent(self) -> AwaitMount:
        """The sent and to-do panes read the store only: they come right after the first rows."""
        if self._sent is None:
            panes = [self._build_pane(*spec) for spec in PANES if spec[0] in STORE_PANES]
            for pane in panes:
                pane.display = False  # ContentSwitcher only hides the children it starts with
            self._sent = self.query_one(ContentSwitcher).mount_all(panes)
        return self._sent

    def _mount_other_panes(self) -> AwaitMount:
        """The network and composer panes, once the export's frames are read."""
        if self._others is None:
            self._mount_sent()
            panes = [self._build_pane(*spec) for spec in PANES[1:] if spec[0] not in STORE_PANES]
            for pane in panes:
                pane.display = False
            self._others = self.query_one(ContentSwitcher).mount_all(panes)
            self.call_later(self._apply_keys_when_mounted)
        return self._others

    def _apply_keys(self) -> None:
        """`[keys]` from config.toml, minus remaps onto a key another binding of the same pane
        uses (both keep their defaults, and one line says so)."""
        keys = dict(getattr(self.context.settings, "keys", {}) or {})
        if not keys:
            return
        from tui.ui.keymap_check import checked_keymap

        panes = [(_(title), self._pane(pane_id)) for pane_id, _m, _c, title in PANES]
        kept, refused = checked_keymap(self, [(t, p) for t, p in panes if p is not None], keys,
                                       self.context.paths.settings_file)
        self.set_keymap(kept)
        self._notify([line for line in refused if line not in self._keys_said])
        self._keys_said.update(refused)

    async def _apply_keys_when_mounted(self) -> None:
        await self._mount_other_panes()
        self._apply_keys()

    def _build_pane(self, pane_id: str, module: str, cls: str, title: str) -> Widget:
        """Import a pane's module only when the pane is built (keeps start-up imports small)."""
        pane = getattr(importlib.import_module(module), cls)(self.context)
        pane.id = pane_id
        return pane

    def on_mount(self) -> None:
        self._apply_keys()
        self._notify(use_theme(self, getattr(self.context.settings, "theme", "")))
        self.refresh_header()
        self._focus_pane(self.query_one(ContentSwitcher).current)
        self._notify(self.context.notices)
        if self.context.triage_set is None:  # never read: read it now, the pane says so
            self._read_export("prepare")
        self.call_after_refresh(self._after_first_rows)

    def _after_first_rows(self) -> None:
        """The footer (its keys cost about as much to lay out as the rows: it comes right
        after them) and the sent pane, which reads the store too; the export's frames
        (Polars) are read only when a pane needs them (network, composer): importing Polars
        in a thread holds the GIL for a good while, and the keys typed meanwhile would wait."""
        from tui.ui.widgets.ranked_footer import RankedFooter  # here: imported after the first frame

        self.mount(RankedFooter())
        if self.context.triage_set is None:  # the start's worker mounts them once it has written the rows
            return
        self._mount_sent()
        if self.context.export is not None:
            self._mount_other_panes()

    def _need_export(self, pane_id: str) -> None:
        """Read the export for `pane_id`, then show it (said on screen meanwhile)."""
        self._wanted_pane = pane_id
        if not any(w.group in ("export", "prepare") and w.is_running for w in self.workers):
            self.notify(_("Reading the export for this pane…"), title="Passerelle", timeout=4, markup=False)
            self._read_export("export")

    def _notify(self, notices: list[str]) -> None:
        for notice in notices:
            self.notify(notice, title="Passerelle", timeout=12, markup=False)

    def _read_export(self, group: str) -> None:
        """Read the export (Polars and all) in a thread; `prepare` also writes its triage rows."""
        from tui.export.source import drop_kept
        from tui.launch import after_load, load, prepared

        context, source = self.context, self.source

        def read():  # works on a copy of the context: the app takes its fields on its own thread
            work = replace(context, notices=[])
            # Read before the app without a terminal; the frames' cache is written once the rows show.
            work.export = context.export or load(source, context.paths, write_cache=False)
            drop_kept()  # the bytes checked before the app, if the frames came from the cache instead
            return work, prepared(work, source, work.export) if group == "prepare" else after_load(work, source)

        self.run_worker(read, thread=True, exit_on_error=False, group=group, name=_("Reading the export"))

    def _save_frames(self) -> None:
        """The export's frames in the Parquet cache (for the next open and `stats`), in a thread
        after the first rows: a first open does not wait for it."""
        from tui.export.frame_cache import save_frames

        export, source, cache = self.context.export, self.source, self.context.paths.frames_cache
        if export is not None and source is not None:
            self.run_worker(lambda: save_frames(source, cache, export), thread=True, exit_on_error=False,
                            group="cache", name=_("Saving the export's frames for the next start"))

    async def _export_ready(self, group: str, work: AppContext, notices: list[str]) -> None:
        """The export's frames are in: the received pane reads its new rows, the other panes come."""
        context = self.context
        context.export, context.store = work.export, work.store
        if group == "prepare":
            context.triage_set = work.triage_set
        self._notify(notices)
        if group == "prepare":
            received = self._pane("received")
            if received is not None:
                received.start()
            self._mount_sent()
        self.refresh_header()
        self.call_after_refresh(self._save_frames)
        await self._mount_other_panes()
        wanted, self._wanted_pane = self._wanted_pane, None
        composing, self._composing = self._composing, None
        if composing is not None:
            await self.on_open_composer(composing)
        elif wanted:
            self.action_show_pane(wanted)

    def refresh_header(self) -> None:
        """Title line: export name, counts; tab line: which pane is shown."""
        export, rows = self.context.export, self.context.triage_set
        if rows is not None:
            source, connections, exported = rows.source, rows.connections, rows.exported_on
        elif export is not None:
            source, connections, exported = export.source, export.connections.height, export.exported_on
        else:
            source, connections, exported = self.source, 0, None
        pending = getattr(self._pane("received"), "pending_count", None)
        self.query_one("#title-bar", Static).update(title_line(source, connections, pending, exported), layout=False)
        current = self.query_one(ContentSwitcher).current
        ids = [p[0] for p in PANES]
        shown = ids.index(current) if current in ids else -1
        from tui.ui.widgets.key_names import key_of

        keys = {"help": key_of(self, "help", "question_mark"), "palette": self.COMMAND_PALETTE_BINDING,
                "quit": key_of(self, "quit", "q")}
        self.query_one("#pane-tabs", Static).update(tabs_line([_(p[3]) for p in PANES], shown, keys), layout=False)

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

    # ---- type-ahead -----------------------------------------------------------------------
    async def on_event(self, event) -> None:
        """Note which widget a key is handed to (Textual does it before the key is handled);
        while the widget that had focus still holds keys, a new key queues behind them."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            held = self._key_target
            if (isinstance(held, TypeAhead) and held is not self.focused and held.is_attached
                    and not held._message_queue.empty()):
                # Handed straight to the new focus, it would overtake the keys still waiting
                # there (`/anne` read as "naen" on a busy machine); TypeAhead passes them on in order.
                self.app_focus = True
                held._forward_event(event)
                return
            self._key_target = self.focused
            event._aimed_at = self.focused
        await super().on_event(event)

    async def _on_key(self, event: events.Key) -> None:
        """A key comes back up for the bindings. If focus moved while it waited in line
        (`/` opened the filter), it goes where focus is now instead of being read by the
        new focus's bindings (the filter field would drop letters; a decision key would
        decide): `/anne` typed in one burst filters for "anne"."""
        aimed = getattr(event, "_aimed_at", None)
        if aimed is not None and self.focused is not None and aimed is not self.focused:
            event.prevent_default()  # Textual calls each class's _on_key: App's must not run
            self.focused._forward_event(events.Key(event.key, event.character))
        # otherwise App._on_key (called next, by Textual) reads the bindings

    # ---- actions ------------------------------------------------------------------------
    def action_show_pane(self, pane_id: str) -> None:
        """Switch to one of the panes."""
        if pane_id not in {p[0] for p in PANES}:
            return
        if self.context.export is None and pane_id != "received" and (
                pane_id not in STORE_PANES or self.context.triage_set is None):
            self._need_export(pane_id)  # switch once the export is read
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
        await (self._mount_sent() if pane_id in STORE_PANES else self._mount_other_panes())
        self.action_show_pane(pane_id)

    def action_leave_field(self) -> None:
        """Text fields keep digits and letters; escape hands the keys back to the app."""
        from textual.widgets import Input, TextArea

        if isinstance(self.focused, (Input, TextArea)):
            self.set_focus(None)

    def action_help(self) -> None:
        """Show every key of every pane."""
        from tui.ui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            before = self.focused  # Textual would refocus "*" (maybe a text field) on return
            self.push_screen(HelpScreen(), lambda _: self.call_after_refresh(self._refocus, before))

    def _refocus(self, before: Widget | None) -> None:
        """Back from a modal: the widget that had focus, unless it is gone: then the shown pane's own."""
        if before is None or before.is_attached:
            self.set_focus(before)
        else:
            self._focus_pane(self.query_one(ContentSwitcher).current)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in REFUSED_ACTIONS:
            return False
        if action == "leave_field":
            from textual.widgets import Input, TextArea

            return isinstance(self.focused, (Input, TextArea))
        return super().check_action(action, parameters)

    # ---- messages -----------------------------------------------------------------------
    async def on_open_composer(self, message: OpenComposer) -> None:
        if self.context.export is None:  # the composer needs the frames: come back once they are read
            self._composing = message
            self._need_export("composer")
            return
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
        if event.worker.group in ("export", "prepare"):
            if event.state == WorkerState.SUCCESS:
                await self._export_ready(event.worker.group, *event.worker.result)
            elif event.state == WorkerState.ERROR:
                self.startup_error = event.worker.error
                self.exit(return_code=2)
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                _("{task} failed: {kind}: {error}").format(
                    task=event.worker.name or _("A background task"), kind=type(error).__name__, error=error),
                title=_("Something went wrong"), severity="error", timeout=10, markup=False,
            )

    # ---- palette ------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action as an "area: action" command, then Textual's own."""
        from tui.ui.palette import app_commands, textual_commands

        yield from app_commands(self)
        from tui.serve.deliveries import export_commands  # here: only the palette needs it

        yield from export_commands(self)
        for pane_id, *_rest in PANES:
            pane = self._pane(pane_id)
            if pane is None:
                continue
            for title, help_text, callback in getattr(pane, "palette_commands", lambda: [])():
                yield SystemCommand(sanitize(title), sanitize(help_text), self._in_pane(pane_id, callback))
        yield from textual_commands(super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Textual's palette, its search field in the active language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def _in_pane(self, pane_id: str, callback):
        def run() -> None:
            if self.query_one(ContentSwitcher).current != pane_id:
                self.action_show_pane(pane_id)
            callback()

        return run
