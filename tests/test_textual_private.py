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


def test_escape_then_a_digit_or_a_letter_reaches_the_app_as_alt_of_it() -> None:
    """If Textual's key table moves or changes, escape then `2` would read as `™` again (typed
    into the field instead of showing Sent) and escape then `f` as ctrl+right."""
    from textual._xterm_parser import XTermParser

    from tui.ui.textual_private import read_escape_then_key

    read_escape_then_key()
    for pair, key in (("\x1b2", "alt+2"), ("\x1bf", "alt+f"), ("\x1bb", "alt+b"), ("\x1b\x7f", "ctrl+w")):
        parser = XTermParser()
        keys = [event.key for event in [*parser.feed(pair), *parser.feed("")]]
        assert keys == [key], pair
