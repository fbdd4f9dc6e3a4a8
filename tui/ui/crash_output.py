"""Crash output without local variables: Textual prints a traceback with every frame's locals,
which would put a person's name and invitation note on the terminal (and in pasted reports)."""

from __future__ import annotations


class NoLocalsOnCrash:
    """Mix into the App before `App`: the crash traceback keeps file, line and code, no locals.

    Textual 8.2.8 builds it in `App._fatal_error` with `show_locals=True` and offers no
    setting for it, so this is that method with `show_locals=False`.
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
