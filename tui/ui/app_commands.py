"""The palette's app-wide commands ("app: …"), then each mounted pane's, then Textual's own,
in the active language; and the palette itself, its search field in that language too."""

from __future__ import annotations

from typing import Callable, Iterable

from textual.app import SystemCommand
from textual.binding import Binding

from tui.i18n import _
from tui.text import sanitize
from tui.ui.panes.catalog import PANES


class PaletteApp:
    """Mix into the App before `App`: the palette's commands and its search field, said in the active language."""

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        return app_commands(self, screen, super().get_system_commands(screen))

    def action_command_palette(self) -> None:
        """Textual's palette, its search field in the active language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))


def key_label(app, binding_id: str) -> str:
    """The key of one of the app's bindings as the user has it now (`[keys]` remaps included)."""
    binding = next(b for b in type(app).BINDINGS if b.id == binding_id)
    keys = app.key_map.get(binding_id, binding.key)
    return app.get_key_display(Binding(keys.split(",")[0].strip(), ""))


def app_commands(app, screen, textual_commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Every action as an "area: action" command, each other language, then Textual's own
    (minus quit and screenshot), translated. Every key named comes from the bindings and the
    key map (the panes': `with_keys`), never from a letter written here."""
    from tui.ui.palette import language_commands, translated_textual_commands
    from tui.ui.widgets.key_names import bindings_of, key_of

    for spec in PANES:
        title = _(spec.title)
        yield SystemCommand(_("app: show {pane}").format(pane=title.lower()),
                            _("Switch to the {pane} pane (key {key})").format(
                                pane=title, key=key_label(app, f"show-{spec.id}")),
                            lambda pane_id=spec.id: app.action_show_pane(pane_id))
    yield SystemCommand(_("app: help"), _("Every key of every pane (key {key})").format(key=key_label(app, "help")),
                        app.action_help)
    yield SystemCommand(_("app: quit"), _("Leave Passerelle; every decision is already saved (key {key})").format(
        key=key_label(app, "quit")), app.exit)
    from tui.serve.deliveries import export_commands  # here: only the palette needs it
    from tui.ui.panes.undo_words import undo_anywhere

    yield SystemCommand(_("app: undo the last decision anywhere"),
                        _("Whichever pane it was made in ({key} undoes the pane's own)").format(
                            key=key_of(app, "undo-decision", known=bindings_of(screen))), lambda: undo_anywhere(app))
    yield from export_commands(app)
    yield from language_commands(app)
    for spec in PANES:
        pane = app.pane(spec.id)
        for title, help_text, callback in pane.palette_commands() if pane is not None else ():
            yield SystemCommand(sanitize(title), sanitize(help_text), _in_pane(app, spec.id, callback))
    yield from translated_textual_commands(textual_commands)


def _in_pane(app, pane_id: str, callback: Callable[[], object]) -> Callable[[], None]:
    def run() -> None:
        if app.panes.current != pane_id:
            app.action_show_pane(pane_id)
        callback()

    return run
