"""Pilot: undo names the people, and `u` undoes what was decided in the pane it is pressed in."""

from __future__ import annotations

from pathlib import Path

from app_screen import decided, running
from tui.app import PasserelleApp
from tui.store.todo_log import mark_done
from tui.store.todo import current_queue
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable

SIZE = (80, 24)


def status(app: PasserelleApp, pane: str) -> str:
    return app.query_one(f"#{pane} .status-line").render().plain


async def test_undo_names_the_person_and_the_others_of_a_batch(context) -> None:
    async with running(context, SIZE) as (app, pilot):
        table = app.query_one("#received-table", FrameTable)
        name = table.current_row()["name"]
        await pilot.press("a", "u")
        assert status(app, "received") == f"✓ undone: accept for {name}"
        await pilot.press("space", "space", "space", "i", "u")
        line = status(app, "received")
        assert line.startswith("✓ undone: ignore for ") and line.endswith(" and 2 others")
        await pilot.press("U")
        assert status(app, "received").startswith("✓ redone: ignore for ")


async def test_u_undoes_the_panes_own_decision_also_after_a_restart(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        received_key = app.query_one("#received-table", FrameTable).current_row()["key"]
        await pilot.press("a", "2")
        await pilot.pause()
        sent_key = app.query_one("#sent-table", FrameTable).current_row()["key"]
        await pilot.press("w", "q")  # the last decision is a Sent one
    context.store.close()

    again = build_context(None, passerelle_home)
    app = PasserelleApp(again)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("u")  # on Received: the accept, not the withdrawal
        assert decided(again) == {sent_key: "withdrawn"}
        assert status(app, "received").startswith("✓ undone: accept for ")
        await pilot.press("u")
        assert "Nothing to undo here" in status(app, "received")
        assert decided(again) == {sent_key: "withdrawn"}
        await pilot.press("U")  # redo brings the received one back
        assert decided(again) == {sent_key: "withdrawn", received_key: "accept"}
        await pilot.press("2", "u")
        assert decided(again) == {received_key: "accept"}
        assert status(app, "sent").startswith("✓ undone: withdrawn for ")
    again.store.close()


async def test_done_events_undo_in_the_todo_pane_and_the_palette_undoes_anywhere(context) -> None:
    async with running(context, SIZE) as (app, pilot):
        first = app.query_one("#received-table", FrameTable).current_row()
        await pilot.press("a", "a", "5")
        await pilot.pause()
        await pilot.press("d")  # done for the first accept
        assert len(current_queue(context.store, None).pending) == 1
        await pilot.press("u")
        assert len(current_queue(context.store, None).pending) == 2  # the done is undone, the accepts stay
        assert status(app, "todo") == f"✓ undone: done for {first['name']}"
        assert len(decided(context)) == 2
        await pilot.press("u")  # no done left: decisions are undone where they were made
        assert len(decided(context)) == 2 and "Nothing to undo here" in status(app, "todo")
        mark_done(context.store, current_queue(context.store, None).pending[:1])
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["app: undo the last decision anywhere"].callback()  # the done event, last of all
        await pilot.pause()
        assert len(current_queue(context.store, None).pending) == 2
        commands["app: undo the last decision anywhere"].callback()  # then the second accept
        await pilot.pause()
        assert app.query_one("#panes").current == "received"
        assert len(decided(context)) == 1
        assert status(app, "received").startswith("✓ undone: accept for ")
