"""Open a profile in the browser, and say the truth when no browser opens.

`webbrowser.open` returns False when it finds no browser (over SSH, on a headless machine);
then the URL goes to the clipboard and the message says so, instead of "Opening…" and nothing.
"""

from __future__ import annotations

from typing import Callable

from textual.widget import Widget

from tui.i18n import _
from tui.text import sanitize

Say = Callable[..., None]  # say(message, severity="information")


def _open(url: str) -> bool:
    import webbrowser  # here: only this key needs it, and the start is counted in milliseconds

    try:
        return bool(webbrowser.open(url))
    except webbrowser.Error:
        return False


def open_url(widget: Widget, url: str, say: Say) -> None:
    """Open `url` in a thread (browsers can block), then say what happened."""
    shown = sanitize(url)

    def done(opened: bool) -> None:
        if opened:
            say(_("Opened {url} in your browser").format(url=shown))
            return
        widget.app.copy_to_clipboard(shown)
        say(_("No browser could be opened here (over SSH or headless?): copied {url} to paste it "
              "where you browse").format(url=shown), "warning")

    def run() -> None:
        opened = _open(url)
        widget.app.call_from_thread(done, opened)

    widget.run_worker(run, thread=True, exit_on_error=False, group="browser", name=_("Opening the browser"))
    say(_("Opening {url}…").format(url=shown))
