"""ctrl+t in the composer: the note to the clipboard, and to a private file for terminals that block it."""

from __future__ import annotations

from tui.core.files import write_text_atomic
from tui.core.folders import make_private_dir
from tui.i18n import N_, _, ngettext
from tui.ui.clipboard import copy_clean
from tui.ui.widgets.key_names import key_of

LAST_NOTE = "last-note.txt"
PREVIEW_HELP = N_("Copy may not have worked if your terminal blocks clipboard writes (OSC 52): select the note "
                  "in the preview and copy it yourself.")


def copy_note(pane) -> None:
    """Copy the note (clipboard + a file fallback); confirm when over the limit or with problems."""
    out = pane.rendered
    limit = pane.context.settings.note_limit
    if (out.problems or out.length > limit) and not pane._confirmed(
        "copy", out.text,
        ngettext("This note has {count} problem and {length}/{limit} characters. Press {key} again to copy anyway.",
                 "This note has {count} problems and {length}/{limit} characters. Press {key} again to copy anyway.",
                 len(out.problems)).format(count=len(out.problems), length=out.length, limit=limit,
                                           key=key_of(pane.app, "copy-note", "ctrl+t")),
    ):
        return
    text = copy_clean(pane.app, out.text)  # render cleans it already; the clipboard never trusts that alone
    path = pane.context.paths.cache / LAST_NOTE
    try:
        make_private_dir(pane.context.paths.cache)
        write_text_atomic(path, text)
    except OSError as exc:
        pane._say(_("Copied to the clipboard; the file copy failed ({reason}).").format(reason=exc.strerror), "warning")
        return
    pane._say(_("Copied {count} characters. If your terminal blocks clipboard writes, the note is also in {path}").format(
        count=out.length, path=path) + " " + _(PREVIEW_HELP))
