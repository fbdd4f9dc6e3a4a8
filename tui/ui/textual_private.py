"""The private parts of Textual 8.2.8 Passerelle still needs, kept here: they have no public API.

tests/test_textual_private.py fails as soon as a Textual upgrade changes them.
- `NoLocalsOnCrash`: the crash traceback without local variables. Textual builds it in
  `App._fatal_error` with no setting; the override prints through the public `App.panic`.
- `read_escape_then_key`: escape then a digit, `b` or `f` typed at once reads as the two
  keys, not as the glyph or word move Textual's key table maps the pair to.
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


def read_escape_then_key() -> None:
    """Escape then `2` typed at once (leave the field, show Sent: what the footer says) reached
    the app as `™`, typed into the field; escape then `f` (Follow) as ctrl+right. Textual's
    table of escape sequences (`textual._ansi_sequences.ANSI_SEQUENCES_KEYS`) maps escape plus
    a digit, `-`, `=` or `§` to the glyph macOS types with Option, and escape `b`/`f` to
    readline's word moves. Without those entries the pair reads as alt+<key>, which
    `TypeAheadApp` reads as escape then the key (ctrl+arrows still move by word)."""
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS

    for sequence in [s for s in ANSI_SEQUENCES_KEYS if len(s) == 2 and s[0] == "\x1b" and s[1].isprintable()]:
        del ANSI_SEQUENCES_KEYS[sequence]
