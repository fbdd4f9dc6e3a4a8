"""Escape or enter then a key typed at once in a person dialog: the dialog closes (cancelled,
or saved with what was typed before enter) and the key does what it says on the pane beneath
(`a` accepts), instead of being typed into the closing field: `vip` enter `a` saved the tag
"vipa" and accepted nobody."""

from __future__ import annotations

import pytest
from textual import events

from tui.app import PasserelleApp
from tui.store.people_tags import tags_of

NAMES = {"\x1b": "escape", "\r": "enter"}


@pytest.mark.parametrize("typed, tags", [("\x1ba", ()), ("vip\ra", ("vip",))], ids=["escape", "enter"])
async def test_a_key_typed_with_escape_or_enter_in_the_tags_dialog_acts_beneath(typed: str, tags: tuple,
                                                                                 context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        highlighted = app.query_one("#received").table.current_row()["key"]
        await pilot.press("t")
        await pilot.pause()
        opened = type(app.screen).__name__
        for character in typed:  # as a terminal sends a burst
            app.post_message(events.Key(NAMES.get(character, character), character))
        for _ in range(200):
            await pilot.pause()
            if context.store.decisions().height:
                break
        screens = len(app.screen_stack)
    made = context.store.decisions()
    assert tags_of(context.store, highlighted) == tags
    assert opened == "PersonLineModal" and screens == 1
    assert made.height == 1 and made["decision"][0] == "accept" and made["key"][0] == highlighted
