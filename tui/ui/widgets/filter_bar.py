"""FilterBar: the `/` filter line, with parse errors shown inline under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.i18n import N_
from tui.text import sanitize
from tui.ui.widgets.text_field import TextField
from tui.ui.widgets.translated import placeholder

PLACEHOLDER = N_("words · has:note · flag:bridge · flag:suspicious · older:30d · tag:x · -tag:x · met:lyon")


# The field's own editing keys (backspace, arrows, ctrl+w…) and what each does.
EDITING = {binding.key: binding.action for binding in Binding.make_bindings(Input.BINDINGS)}


class FilterInput(TextField):
    """The filter field: its keys act as they are read, not once their binding comes round.

    Textual reads a binding when the key has bubbled up to the app, while a letter is typed
    at once: in a burst (`/annx`, backspace, `e`, typed while the start paints) the `e` would
    land before the backspace deletes it. Enter and escape (TextField) give focus back the
    same way, so the keys typed after them decide."""

    # What the footer shows while typing (the keys themselves are read in on_key below).
    BINDINGS = [Binding("enter", "submit", N_("Keep filter"), id="keep-filter")]

    async def on_key(self, event) -> None:
        if self.app.focused is not self:
            return  # TypeAhead hands it on
        action = EDITING.get(event.key)
        if event.key == "enter" or action is not None:
            event.stop()
            event.prevent_default()  # neither the field's own handling nor the bindings run again
            if event.key == "enter":
                await self.action_submit()
            else:
                await self.run_action(action)

    def leave(self) -> None:
        self.parent.action_close()

    async def action_submit(self) -> None:
        await super().action_submit()
        self.parent.give_back_focus(blank=not self.value.strip())


class FilterBar(Vertical):
    """An Input that posts `Changed(text)`; `show_error` writes below it."""

    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; }
    FilterBar.open { display: block; }
    FilterBar Input { height: 3; }
    FilterBar #filter-error { height: auto; color: $error; padding: 0 1; display: none; }
    FilterBar.error #filter-error { display: block; }
    """
    BINDINGS = [Binding("escape", "close", N_("Clear filter"), id="clear-filter")]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Done(Message):
        """Enter or escape: give focus back to the table."""

    def compose(self) -> ComposeResult:
        yield placeholder(FilterInput(id="filter-input", disabled=True), PLACEHOLDER)
        yield Static(id="filter-error")

    @property
    def value(self) -> str:
        return self.query_one(Input).value

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.return_to = None  # the widget focus goes back to (the pane's table)

    def give_back_focus(self, blank: bool = False) -> None:
        """Leave the field now (not when a message is handled): type-ahead follows focus."""
        if blank:
            self._hide()
        if self.return_to is not None:
            self.screen.set_focus(self.return_to)

    def open(self) -> None:
        self.add_class("open")
        field = self.query_one(Input)
        field.disabled = False
        self.screen.set_focus(field)  # now, not after the queued keys: `/anne` typed fast filters for "anne"

    def _hide(self) -> None:
        """Closed: not shown and out of the focus chain."""
        self.remove_class("open")
        self.query_one(Input).disabled = True

    def show_error(self, message: str | None) -> None:
        if message == getattr(self, "_error", None):
            return  # unchanged: no repaint, no layout pass at each keystroke
        self._error = message
        self.set_class(bool(message), "error")
        self.query_one("#filter-error", Static).update(Content(sanitize(message or "")))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())

    def action_close(self) -> None:
        self.query_one(Input).value = ""
        self.show_error(None)
        self.give_back_focus(blank=True)
        self.post_message(self.Changed(""))
        self.post_message(self.Done())
