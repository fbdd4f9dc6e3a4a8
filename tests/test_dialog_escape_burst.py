"""Escape then a key typed at once in a person dialog: the dialog closes and the key does what
it says on the pane beneath (`escape` `a` accepts), instead of being typed into the closing field."""

from __future__ import annotations

from textual import events

from tui.app import PasserelleApp


async def test_escape_then_a_at_once_in_the_tags_dialog_cancels_it_and_accepts(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        highlighted = app.query_one("#received").table.current_row()["key"]
        await pilot.press("t")
        await pilot.pause()
        opened = type(app.screen).__name__
        for key, character in (("escape", "\x1b"), ("a", "a")):  # as a terminal sends a burst
            app.post_message(events.Key(key, character))
        for _ in range(200):
            await pilot.pause()
            if context.store.decisions().height:
                break
        screens = len(app.screen_stack)
    made = context.store.decisions()
    assert opened == "PersonLineModal" and screens == 1
    assert made.height == 1 and made["decision"][0] == "accept" and made["key"][0] == highlighted
