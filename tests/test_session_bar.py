"""The received pane's session bar fills in proportion to what is decided, across its own width."""

from __future__ import annotations

from rich.console import Console
from textual.app import App, ComposeResult

from tui.ui.widgets.session_bar import SessionBar


class BarApp(App):
    def compose(self) -> ComposeResult:
        yield SessionBar()


def filled_cells(bar: SessionBar) -> tuple[int, int]:
    """(cells drawn in the bar's colour, width) of what the bar shows now."""
    done_colour = bar.get_component_rich_style("bar--bar" if bar.progress < bar.total else "bar--complete").color
    console = Console(width=bar.size.width, color_system="truecolor")
    segments = list(console.render(bar.render(), console.options.update_width(bar.size.width)))
    cells = [(seg.style.color if seg.style else None) for seg in segments for _ in seg.text]
    return sum(1 for colour in cells if colour == done_colour), len(cells)


async def test_half_decided_fills_half_the_bar_and_all_decided_fills_it_green() -> None:
    app = BarApp()
    async with app.run_test(size=(80, 5)) as pilot:
        bar = app.query_one(SessionBar)
        assert bar.size.width == 22
        bar.update(total=4, progress=0)
        assert filled_cells(bar) == (0, 22)
        bar.update(total=4, progress=2)
        await pilot.pause()
        assert filled_cells(bar) == (11, 22)
        bar.update(total=4, progress=4)
        await pilot.pause()
        assert filled_cells(bar) == (22, 22)
        assert bar.get_component_rich_style("bar--complete").color != bar.get_component_rich_style("bar--bar").color
