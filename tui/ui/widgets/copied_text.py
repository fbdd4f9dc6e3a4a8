"""The text just copied, shown selectable with the "copy may not have worked" help (hidden until a copy)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.i18n import _
from tui.ui.clipboard import COPY_HELP


class CopiedText(Vertical):
    DEFAULT_CSS = """
    CopiedText { display: none; height: auto; padding: 0 1; }
    CopiedText.shown { display: block; }
    CopiedText > .copied-help { height: auto; color: $text-muted; }
    CopiedText > TextArea { height: auto; max-height: 5; border: none; padding: 0; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_(COPY_HELP), classes="copied-help", markup=False)
        yield TextArea(read_only=True, soft_wrap=True, show_line_numbers=False, classes="copied-text")

    def show(self, text: str) -> None:
        """Show `text` (already cleaned for the clipboard) under the help line; focus stays where it is."""
        self.query_one(".copied-help", Static).update(_(COPY_HELP))  # the language may have changed
        self.query_one(TextArea).load_text(text)
        self.add_class("shown")
