"""The private parts of Textual that tui/ui/textual_private.py relies on are still what it expects."""

from __future__ import annotations

import inspect

from textual import events
from textual.app import App
from textual.widget import Widget

from tui.ui.textual_private import FooterKey, NoLocalsOnCrash, character_to_key, forward_key


def test_keys_are_spelled_as_bindings_spell_them() -> None:
    """A `[keys]` remap to "?" must collide with the help key, which Textual names question_mark."""
    assert character_to_key("?") == "question_mark"
    assert character_to_key("/") == "slash"
    assert character_to_key("a") == "a"


def test_the_footer_key_takes_what_the_ranked_footer_gives_it() -> None:
    params = inspect.signature(FooterKey).parameters
    assert list(params)[:4] == ["key", "key_display", "description", "action"]
    assert {"disabled", "tooltip", "classes"} <= set(params)


def test_a_forwarded_key_is_marked_so_the_app_does_not_read_it_twice() -> None:
    event = events.Key("a", "a")
    forward_key(Widget(), event)
    assert event.is_forwarded


def test_the_crash_output_still_replaces_the_method_that_prints_locals() -> None:
    """If Textual renames `_fatal_error` or its parts, a crash would print names and notes again."""
    source = inspect.getsource(App._fatal_error)
    assert "show_locals=True" in source
    assert "_exit_renderables" in source and "_close_messages_no_wait" in source
    assert inspect.signature(App._fatal_error) == inspect.signature(NoLocalsOnCrash._fatal_error)
