"""What a Pilot test reads off the running app: the screen's text, the highlighted row, the
decisions in the store."""

from __future__ import annotations

from contextlib import asynccontextmanager

SIZE = (140, 40)  # the terminal most Pilot tests drive the app in


def screen_text(app) -> str:
    """Every line on the screen (header, panes, footer), as a person reads it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def frames(app, probe) -> list:
    """What `probe(screen)` finds in each frame the app writes to the terminal from now on
    (None: nothing to record in that one): to check a frame a person saw, not the last."""
    seen: list = []
    display = app._display

    def record(screen, renderable) -> None:
        if renderable is not None and (found := probe(screen)) is not None:
            seen.append(found)
        display(screen, renderable)

    app._display = record
    return seen


def current(app) -> dict:
    """The received table's highlighted row."""
    from tui.ui.widgets.frame_table import FrameTable

    return app.query_one("#received-table", FrameTable).current_row()


def decided(context) -> dict[str, str]:
    """Each decided person's key and decision, as the store holds them."""
    frame = context.store.decisions()
    return dict(zip(frame["key"].to_list(), frame["decision"].to_list()))


def pick_template(pane, name: str) -> None:
    """Highlight template `name` in the composer's list, as arrowing to it does."""
    from textual.widgets import OptionList

    pane.query_one("#template-list", OptionList).highlighted = [t.name for t in pane.templates].index(name)


@asynccontextmanager
async def running(context, size: tuple[int, int] = SIZE):
    """`async with running(context) as (app, pilot)`: the app on `context` in a test terminal
    of `size`, notifications shown, its first frame drawn."""
    from tui.app import PasserelleApp

    app = PasserelleApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot
