"""Copying to the clipboard: clean text only, and a visible copy for terminals that ignore OSC 52.

Textual copies with an OSC 52 escape sequence, which macOS Terminal and tmux without
`set-clipboard` drop silently: nothing can tell us it failed, so the text stays on screen,
selectable, with a line saying the copy may not have worked.
"""

from __future__ import annotations

from textual.app import App

from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import N_

COPY_HELP = N_("Copy may not have worked if your terminal blocks clipboard writes (OSC 52, tmux without "
               "set-clipboard): select the text below and copy it yourself.")


def clipboard_text(text: str) -> str:
    """`text` without control, bidi or stray zero-width characters; line breaks kept (as LF), and
    the joiners that emoji sequences and some scripts need (as the composer's render keeps them)."""
    return strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"), keep="\n\u200c\u200d")


def copy_clean(app: App, text: str) -> str:
    """Copy the cleaned `text`; the text copied."""
    cleaned = clipboard_text(text)
    app.copy_to_clipboard(cleaned)
    return cleaned
