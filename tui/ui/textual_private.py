"""The private parts of Textual 8.2.8 Passerelle needs, in one place: none has a public API.

tests/test_textual_private.py fails as soon as a Textual upgrade changes one of them.
- `character_to_key`: how a binding spells "?" (question_mark), to compare `[keys]` remaps
  with the keys the panes declare exactly as Textual will read them.
- `FooterKey`: the Footer's key widget (not exported); RankedFooter yields it so the ranked
  footer looks and clicks like Textual's own.
- `forward_key`: hands a key to a widget as Textual does (marked forwarded, so the app does
  not take it for a new key press and read it twice); type-ahead needs it.
- `NoLocalsOnCrash`: the crash traceback without local variables.
"""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key as character_to_key  # noqa: F401 - see above
from textual.widget import Widget


def __getattr__(name: str):
    """`FooterKey` on first use: the footer module is imported after the first frame."""
    if name == "FooterKey":
        from textual.widgets._footer import FooterKey

        return FooterKey
    raise AttributeError(name)


def forward_key(widget: Widget, event: events.Key) -> None:
    """Queue `event` for `widget` behind the keys it holds, as a key Textual forwarded."""
    widget._forward_event(event)


class NoLocalsOnCrash:
    """Mix into the App before `App`: the crash traceback keeps file, line and code, no locals.

    Textual prints a traceback with every frame's locals, which would put a person's name and
    invitation note on the terminal (and in pasted reports). It builds it in
    `App._fatal_error` with `show_locals=True` and offers no setting for it, so this is that
    method with `show_locals=False`.
    """

    def _fatal_error(self) -> None:
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()  # type: ignore[attr-defined]
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(  # type: ignore[attr-defined]
            Segments(self.console.render(traceback, self.console.options))  # type: ignore[attr-defined]
        )
        self._close_messages_no_wait()  # type: ignore[attr-defined]
