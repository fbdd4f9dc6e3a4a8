"""The private parts of Textual that tui/ui/textual_private.py relies on are still what it expects."""

from __future__ import annotations

import inspect

from textual.app import App

from tui.ui.textual_private import NoLocalsOnCrash


def test_the_crash_output_still_replaces_the_method_that_prints_locals() -> None:
    """If Textual renames `_fatal_error` or its parts, a crash would print names and notes again."""
    source = inspect.getsource(App._fatal_error)
    assert "show_locals=True" in source
    assert "self._fatal_error()" in inspect.getsource(App._handle_exception)  # a plain exception still goes there
    assert inspect.signature(App._fatal_error) == inspect.signature(NoLocalsOnCrash._fatal_error)


def test_escape_then_a_key_typed_at_once_is_read_as_the_two_keys() -> None:
    """If Textual's parser or key table changes, escape then `2` would read as `™` again (typed
    into the field instead of showing Sent), escape then `a` as alt+a and escape then `/` as
    `/` alone; the sequences of real keys must still read as those keys."""
    from textual._xterm_parser import XTermParser

    from tui.ui.textual_private import read_escape_then_key

    read_escape_then_key()
    read_escape_then_key()  # a second app in the same process changes nothing more
    for sequence, keys in (("\x1b2", ["escape", "2"]), ("\x1bf", ["escape", "f"]), ("\x1ba", ["escape", "a"]),
                           ("\x1bA", ["escape", "A"]), ("\x1b/anne", ["escape", "slash", "a", "n", "n", "e"]),
                           ("\x1b ", ["escape", "space"]), ("\x1b\x7f", ["ctrl+w"]), ("\x1b\x1b", ["escape", "escape"]),
                           ("\x1b[1;5C", ["ctrl+right"]), ("\x1b[A", ["up"]), ("é", ["é"])):
        parser = XTermParser()
        assert [event.key for event in [*parser.feed(sequence), *parser.feed("")]] == keys, sequence
