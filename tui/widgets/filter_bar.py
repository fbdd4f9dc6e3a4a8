"""FilterBar: the `/` filter line, with parse errors shown inline under it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.text import sanitize

PLACEHOLDER = "words · has:note · no:note · older:30d · newer:7d · flag:suspicious · decided:later"


class FilterBar(Vertical):
    """An Input that posts `Changed(text)`; `show_error` writes below it."""

    DEFAULT_CSS = """
    FilterBar { height: auto; display: none; }
    FilterBar.open { display: block; }
    FilterBar Input { height: 3; }
    FilterBar #filter-error { height: auto; color: $error; padding: 0 1; display: none; }
    FilterBar.error #filter-error { display: block; }
    """
    BINDINGS = [Binding("escape", "close", "Clear filter", id="clear-filter")]

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Done(Message):
        """Enter or escape: give focus back to the table."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder=PLACEHOLDER, id="filter-input", disabled=True)
        yield Static(id="filter-error")

    @property
    def value(self) -> str:
        return self.query_one(Input).value

    def open(self) -> None:
        self.add_class("open")
        field = self.query_one(Input)
        field.disabled = False
        field.focus()

    def _hide(self) -> None:
        """Closed: not shown and out of the focus chain."""
        self.remove_class("open")
        self.query_one(Input).disabled = True

    def show_error(self, message: str | None) -> None:
        self.set_class(bool(message), "error")
        self.query_one("#filter-error", Static).update(Content(sanitize(message or "")))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._hide()
        self.post_message(self.Done())

    def action_close(self) -> None:
        self.query_one(Input).value = ""
        self.show_error(None)
        self._hide()
        self.post_message(self.Changed(""))
        self.post_message(self.Done())
