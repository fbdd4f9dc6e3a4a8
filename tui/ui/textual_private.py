"""The private parts of Textual 8.2.8 Passerelle still needs, kept here: they have no public API.

tests/test_textual_private.py fails as soon as a Textual upgrade changes them.
- `NoLocalsOnCrash`: the crash traceback without local variables. Textual builds it in
  `App._fatal_error` with no setting; the override prints through the public `App.panic`.
- `read_escape_then_key`: escape then a key typed at once reads as the two keys, not as
  alt+key, the key alone, or the glyph or word move Textual's key table maps the pair to.
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
    """Escape then a key typed at once (within Textual's 100 ms escape delay, or in a burst
    typed while the app starts) reads as the two keys.

    A terminal sends Alt+a as escape then `a`, so Textual's parser read the pair as alt+a
    (the escape lost, `a` typed into the filter instead of closing it and accepting), escape
    then `/` as `/` alone, and, through its table of escape sequences
    (`textual._ansi_sequences.ANSI_SEQUENCES_KEYS`), escape then `2` (leave the field, show
    Sent: what the footer says) as the `™` macOS types with Option, escape then `f` (Follow)
    as readline's ctrl+right. Passerelle binds no Alt key: the table loses those entries
    (ctrl+arrows still move by word) and `XTermParser._sequence_to_key_events`, asked for a
    printable key after an escape, gives escape then the key."""
    from textual import events
    from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
    from textual._xterm_parser import XTermParser

    for sequence in [s for s in ANSI_SEQUENCES_KEYS if len(s) == 2 and s[0] == "\x1b" and s[1].isprintable()]:
        del ANSI_SEQUENCES_KEYS[sequence]
    keys_of = XTermParser._sequence_to_key_events
    if getattr(keys_of, "escape_then_key", False):
        return

    def escape_then_key(self, sequence: str, alt: bool = False):
        if alt and len(sequence) == 1 and sequence.isprintable():
            yield events.Key("escape", "\x1b")
            alt = False
        yield from keys_of(self, sequence, alt)

    escape_then_key.escape_then_key = True
    XTermParser._sequence_to_key_events = escape_then_key
