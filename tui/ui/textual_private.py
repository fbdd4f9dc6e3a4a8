"""The two private parts of Textual 8.2.8 Passerelle still needs, in one place: neither has a public API.

tests/test_textual_private.py fails as soon as a Textual upgrade changes one of them.
- `forward_key`: hands a key to a widget as Textual does (marked forwarded, so the app does
  not take it for a new key press and read it twice); type-ahead needs it. A Key is marked
  only by `Message._set_forwarded`; posted unmarked, it bubbles back to the App, which hands
  it to the focused widget a second time.
- `NoLocalsOnCrash`: the crash traceback without local variables. Textual builds it in
  `App._fatal_error` with no setting; the override prints through the public `App.panic`.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


def forward_key(widget: Widget, event: events.Key) -> None:
    """Queue `event` for `widget` behind the keys it holds, as a key Textual forwarded."""
    widget._forward_event(event)


class NoLocalsOnCrash:
    """Mix into the App before `App`: the crash traceback keeps file, line and code, no locals.

    Textual prints a traceback with every frame's locals, which would put a person's name and
    invitation note on the terminal (and in pasted reports). It builds it in
    `App._fatal_error` with `show_locals=True` and offers no setting for it, so this replaces
    that method: the same traceback with `show_locals=False`, shown by `App.panic`, the
    public way to leave with a message.
    """

    def _fatal_error(self) -> None:
        import rich
        from rich.traceback import Traceback

        self.bell()  # type: ignore[attr-defined]
        self.panic(Traceback(show_locals=False, width=None, suppress=[rich]))  # type: ignore[attr-defined]
