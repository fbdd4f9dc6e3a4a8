"""ctrl+t in the composer: the note to the clipboard, and to a private file for terminals that block it."""

from __future__ import annotations

from tui.core.files import write_text_atomic
from tui.core.folders import make_private_dir
from tui.core.words import plural

LAST_NOTE = "last-note.txt"


def copy_note(pane) -> None:
    """Copy the note (clipboard + a file fallback); confirm when over the limit or with problems."""
    out = pane.rendered
    limit = pane.context.settings.note_limit
    if (out.problems or out.length > limit) and not pane._confirmed(
        "copy", out.text,
        f"This note has {plural(len(out.problems), 'problem')} and {out.length}/{limit} characters. Press ctrl+t again to copy anyway.",
    ):
        return
    text = out.text  # already free of control and bidi characters (render cleans them)
    pane.app.copy_to_clipboard(text)
    path = pane.context.paths.cache / LAST_NOTE
    try:
        make_private_dir(pane.context.paths.cache)
        write_text_atomic(path, text)
    except OSError as exc:
        pane._say(f"Copied to the clipboard; the file copy failed ({exc.strerror}).", "warning")
        return
    pane._say(f"Copied {out.length} characters. If your terminal blocks clipboard writes, the note is also in {path}")
