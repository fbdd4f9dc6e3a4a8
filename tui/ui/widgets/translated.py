"""Fixed text in the active language, said again when the language changes live.

`Translated` is a Static holding a catalogue message (marked with `N_`); `retranslate` walks
a screen and calls `language_changed()` on every widget that has one (these, the panes, the
footer), so a switch from the palette reaches every line without rebuilding a pane.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Input, Static

from tui.i18n import _


def tr(message):
    """`_(message)` for text that may be empty: gettext("") is the catalogue's header, not ""."""
    return _(message) if message else message


class Translated(Static):
    """A Static showing `_(message)` (with `style`), redrawn in the new language on a switch."""

    def __init__(self, message: str, style: str = "", keys: Callable[[], dict[str, str]] | None = None,
                 **kwargs) -> None:
        """`keys`: the values of the message's placeholders (key names), asked again at each switch."""
        self.message, self.tone, self.keys = message, style, keys
        super().__init__(self._content(), **kwargs)

    def _content(self) -> Content:
        text = _(self.message)
        content = Content(text.format(**self.keys()) if self.keys else text)
        return content.stylize(self.tone) if self.tone else content

    def language_changed(self) -> None:
        self.update(self._content())


def placeholder(field: Input, message: str) -> Input:
    """`field` with `_(message)` as its placeholder, kept in step with the language."""
    field.placeholder = _(message)
    field.placeholder_message = message  # type: ignore[attr-defined]
    return field


def retranslate(root: DOMNode) -> None:
    """Every widget under `root` (and `root`) says its text again in the active language."""
    for node in [root, *root.query("*")]:
        message = getattr(node, "placeholder_message", None)
        if isinstance(node, Input) and message:
            node.placeholder = _(message)
        changed = getattr(node, "language_changed", None)
        if callable(changed):
            changed()
        node.refresh()
