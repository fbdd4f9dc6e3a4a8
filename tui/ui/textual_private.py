"""The one private part of Textual 8.2.8 Passerelle still needs, kept here: it has no public API.

tests/test_textual_private.py fails as soon as a Textual upgrade changes it.
- `NoLocalsOnCrash`: the crash traceback without local variables. Textual builds it in
  `App._fatal_error` with no setting; the override prints through the public `App.panic`.
"""

from __future__ import annotations


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
