"""The composer's text widgets: TextField, and TextEditor, a TextArea whose escape leaves it
at once (tui.ui.widgets.text_field says why).

Apart from text_field: TextArea's module (~10 ms to import) comes with the composer, not
with the start, which imports text_field for the received filter."""

from __future__ import annotations

from textual.widgets import TextArea

from tui.ui.widgets.text_field import LeavesOnEscape, TextField

__all__ = ["TextEditor", "TextField"]


class TextEditor(LeavesOnEscape, TextArea):
    """The template editor and the preview."""
