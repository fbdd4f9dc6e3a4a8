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
