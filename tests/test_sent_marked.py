"""Pilot: a note marked sent in the composer is the note the Sent pane shows, in its place."""

from __future__ import annotations

from tui.app import PasserelleApp
from tui.store.store import Person
from tui.ui.widgets.frame_table import FrameTable
from tui.ui.widgets.invitation_detail import InvitationDetail

SIZE = (80, 24)


def detail_text(app: PasserelleApp) -> str:
    return app.query_one("#sent-detail", InvitationDetail).query_one("Static").render().plain


async def mark_sent_to(app, pilot, person: Person) -> str:
    await pilot.press("4")
    await pilot.pause()
    pane = app.query_one("#composer")
    pane.set_recipient(person)
    await pilot.pause()
    await pilot.press("ctrl+l")
    await pilot.pause()
    return pane.rendered.text


async def test_the_sent_detail_shows_the_note_marked_sent(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        # Tomás's invitation in the export carried no note; the composer's note is what he got.
        note = await mark_sent_to(app, pilot, Person("in:tomás-ferreira-77", "Tomás Ferreira", None))
        assert note.strip()
        await pilot.press("escape", "2")
        await pilot.pause()
        table = app.query_one("#sent-table", FrameTable)
        index = next(i for i, r in enumerate(app.query_one("#sent").frame.rows) if r["key"] == "in:tomás-ferreira-77")
        table.move_cursor(row=index)
        await pilot.pause()
        shown = detail_text(app)
        assert note.split()[0] in shown and "no note" not in shown
        assert table.current_row()["note"] == note


async def test_a_note_to_a_typed_in_person_sorts_with_the_waiting_ones(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await mark_sent_to(app, pilot, Person("name:zoé typed", "Zoé Typed", None))
        await pilot.press("escape", "2")
        await pilot.pause()
        rows = app.query_one("#sent").frame.rows
        states = [(r["key"], r["_state"]) for r in rows]
        assert "name:zoé typed" in dict(states)
        assert states[-1][0] != "name:zoé typed", states
        waiting = [k for k, s in states if s.startswith(("waiting", "stale", "follow up"))]
        done = [k for k, s in states if not s.startswith(("waiting", "stale", "follow up"))]
        assert [k for k, _ in states] == waiting + done  # what still waits comes before what needs nothing
