"""FrameTable: a Line-API table over a Polars frame — keys, marks, messages, literal text."""

from __future__ import annotations

import polars as pl
from textual.app import App, ComposeResult

from tui.ui.widgets.frame_table import MARK, Column, FrameTable

N = 30_000


def big_frame(n: int = N) -> pl.DataFrame:
    return pl.DataFrame({
        "key": [f"k{i}" for i in range(n)],
        "name": [f"Person {i} [EMEA]" for i in range(n)],
        "note": ["line one\nline [/] two"] * n,
        "days": list(range(n)),
    })


class TableApp(App):
    def __init__(self, frame: pl.DataFrame) -> None:
        super().__init__()
        self.frame = frame
        self.highlighted: list[dict | None] = []
        self.selected: list[dict] = []

    def compose(self) -> ComposeResult:
        yield FrameTable([
            Column("name", "Name", ratio=2),
            Column("days", "Waited", width=7, align="right", formatter=lambda d: f"{d}d"),
            Column("note", "Note", ratio=3),
        ])

    def on_mount(self) -> None:
        self.query_one(FrameTable).set_frame(self.frame)

    def on_frame_table_row_highlighted(self, event: FrameTable.RowHighlighted) -> None:
        self.highlighted.append(event.row)

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        self.selected.append(event.row)


def screen_text(app: App) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_30k_rows_open_and_keys_move_the_cursor() -> None:
    app = TableApp(big_frame())
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.pause()
        text = screen_text(app)
        assert "Person 0 [EMEA]" in text and "Waited" in text
        assert "Person 30 " not in text  # only what fits is drawn
        await pilot.press("j", "j", "down", "k")
        assert table.cursor_row == 2
        assert app.highlighted[-1]["key"] == "k2"
        await pilot.press("end")
        assert table.cursor_row == N - 1
        await pilot.pause()
        assert f"Person {N - 1} [EMEA]" in screen_text(app)
        await pilot.press("pageup")
        assert table.cursor_row < N - 1
        await pilot.press("home", "enter")
        assert app.selected[-1]["key"] == "k0"
        assert len(table._cells) <= 512  # formatted rows are a bounded cache, not one per row


async def test_cells_show_brackets_and_newlines_literally() -> None:
    app = TableApp(big_frame(3))
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "line one⏎line [/] two" in text
        assert "12345" not in text


async def test_marks_and_keep_cursor_key() -> None:
    app = TableApp(big_frame(50))
    async with app.run_test(size=(100, 12)) as pilot:
        table = app.query_one(FrameTable)
        await pilot.press("j")
        table.toggle_mark()
        await pilot.pause()
        assert table.marked == {"k1"}
        assert MARK in screen_text(app)
        table.mark_all(["k3", "k4", None])
        assert [r["key"] for r in table.marked_rows()] == ["k1", "k3", "k4"]
        table.clear_marks()
        assert not table.marked
        await pilot.press("j", "j", "j")  # on k4
        table.set_frame(big_frame(50).filter(pl.col("key") != "k0"), keep_cursor_key="k4")
        assert table.current_row()["key"] == "k4"
        table.set_frame(big_frame(50).filter(~pl.col("key").is_in(["k0", "k4"])))  # key gone: same index → next row
        assert table.current_row()["key"] == "k5"


async def test_empty_frame_shows_the_empty_text() -> None:
    app = TableApp(big_frame(0))
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        assert app.query_one(FrameTable).current_row() is None
        assert "Nothing here." in screen_text(app)
        await pilot.press("j", "enter", "end")
        assert app.selected == []
