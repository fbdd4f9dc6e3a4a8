"""FrameTable: a virtual table over a Polars DataFrame that renders only visible rows.

It also shows a `RowList` (the first rows as dicts) so the start can paint before Polars
is imported; Polars is imported only where a real frame is used.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.text import display_text, one_line

if TYPE_CHECKING:
    import polars as pl

MARK = "●"
LOADING = "…"


class RowList:
    """The first `len(rows)` of `height` rows, as dicts: what a frame offers the table, minus Polars."""

    def __init__(self, rows: list[dict[str, Any]], height: int | None = None) -> None:
        self.rows = rows
        self.height = max(len(rows), height or 0)
        self.columns = list(rows[0]) if rows else []

    def row(self, index: int, named: bool = True) -> dict[str, Any] | None:
        """Row `index`, or None for one not loaded yet."""
        return self.rows[index] if index < len(self.rows) else None

    def __getitem__(self, where: tuple[int, str]) -> Any:
        row = self.row(where[0])
        return None if row is None else row.get(where[1])

    def index_of(self, column: str, value: Any) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.get(column) == value), None)


@dataclass(frozen=True)
class Column:
    """One column: the frame column `key`, a header `label`, a fixed `width` or a share (`ratio`)."""

    key: str
    label: str
    width: int | None = None
    ratio: int = 1
    align: str = "left"
    formatter: Callable[[Any], str] | None = None


class FrameTable(ScrollView, can_focus=True):
    """Line-API table: no per-row widgets, so 30,000 rows open as fast as 30."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="cursor-down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="cursor-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="page-up"),
        Binding("home", "first", "First", show=False, id="cursor-first"),
        Binding("end", "last", "Last", show=False, id="cursor-last"),
        Binding("enter", "select", "Select", show=False, id="select-row"),
    ]
    COMPONENT_CLASSES = {
        "frame-table--header",
        "frame-table--cursor",
        "frame-table--marked",
        "frame-table--even",
    }
    DEFAULT_CSS = """
    FrameTable { overflow-x: hidden; height: 1fr; background: $surface; }
    FrameTable > .frame-table--header { text-style: bold; background: $panel; color: $text; }
    FrameTable > .frame-table--cursor { background: $block-cursor-blurred-background; }
    FrameTable:focus > .frame-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    FrameTable > .frame-table--marked { color: $accent; }
    FrameTable > .frame-table--even { background: $surface-lighten-1; }
    """

    class RowHighlighted(Message):
        """The cursor moved onto `row` (a dict of the frame's columns)."""

        def __init__(self, table: FrameTable, row: dict | None) -> None:
            super().__init__()
            self.table = table
            self.row = row

    class RowSelected(Message):
        """Enter was pressed on `row`."""

        def __init__(self, table: FrameTable, row: dict) -> None:
            super().__init__()
            self.table = table
            self.row = row

    def __init__(
        self,
        columns: list[Column],
        *,
        key_column: str = "key",
        empty_text: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.key_column = key_column
        self.empty_text = empty_text
        self.frame: pl.DataFrame | RowList = RowList([])
        self.cursor_row = 0
        self.marked: set[Any] = set()
        self._cells: OrderedDict[int, list[str]] = OrderedDict()  # row → formatted cells (LRU)
        self._widths: tuple[int, list[int]] = (-1, [])

    # ---- data -------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return self.frame.height

    def set_frame(self, frame: pl.DataFrame | RowList, keep_cursor_key: Any = None) -> None:
        """Show `frame`; keep the cursor on `keep_cursor_key` if present, else at the same index."""
        self.frame = frame
        self._cells.clear()
        index = None
        if keep_cursor_key is not None and self.key_column in frame.columns and frame.height:
            index = self._index_of(keep_cursor_key)
        self.cursor_row = index if index is not None else min(self.cursor_row, max(frame.height - 1, 0))
        self.virtual_size = Size(self.size.width, frame.height + 1)
        self._scroll_cursor_visible()
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.current_row()))

    def _index_of(self, key: Any) -> int | None:
        if isinstance(self.frame, RowList):
            return self.frame.index_of(self.key_column, key)
        import polars as pl

        hits = self.frame.select(pl.arg_where(pl.col(self.key_column) == key)).to_series()
        return int(hits[0]) if hits.len() else None

    def current_row(self) -> dict | None:
        """The row under the cursor as a dict, or None when the table is empty."""
        if not 0 <= self.cursor_row < self.frame.height:
            return None
        return self.frame.row(self.cursor_row, named=True)

    def current_key(self) -> Any:
        row = self.current_row()
        return None if row is None else row.get(self.key_column)

    def toggle_mark(self) -> None:
        """Mark or unmark the row under the cursor."""
        key = self.current_key()
        if key is None:
            return
        self.marked.symmetric_difference_update({key})
        self.refresh()

    def mark_all(self, keys: Any) -> None:
        """Mark every key in `keys` (e.g. everything the filter shows)."""
        self.marked.update(k for k in keys if k is not None)
        self.refresh()

    def clear_marks(self) -> None:
        self.marked.clear()
        self.refresh()

    def marked_rows(self) -> pl.DataFrame:
        """Rows of the current frame whose key is marked."""
        import polars as pl

        if not self.marked or self.key_column not in self.frame.columns:
            return self.frame.clear()
        return self.frame.filter(pl.col(self.key_column).is_in(list(self.marked)))

    # ---- cursor -----------------------------------------------------------------------
    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (clamped), scroll to it and announce it."""
        row = max(0, min(row, self.frame.height - 1))
        if row == self.cursor_row:
            return
        self.cursor_row = row
        self._scroll_cursor_visible()
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.current_row()))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_visible(self) -> None:
        top = round(self.scroll_y)
        visible = self._page()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, force=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self._page())

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self._page())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self.frame.height - 1)

    def action_select(self) -> None:
        row = self.current_row()
        if row is not None:
            self.post_message(self.RowSelected(self, row))

    def on_click(self, event: Click) -> None:
        if event.y >= 1:
            self.move_cursor(round(self.scroll_y) + event.y - 1)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.frame.height + 1)
        self._scroll_cursor_visible()

    # ---- rendering --------------------------------------------------------------------
    def _column_widths(self, width: int) -> list[int]:
        if self._widths[0] == width:
            return self._widths[1]
        gaps = len(self.columns)  # one space after the marker and between columns
        free = max(0, width - 1 - gaps - sum(c.width or 0 for c in self.columns))
        shares = sum(c.ratio for c in self.columns if c.width is None) or 1
        widths = [c.width if c.width is not None else free * c.ratio // shares for c in self.columns]
        self._widths = (width, widths)
        return widths

    def _cells_for(self, index: int) -> list[str]:
        cells = self._cells.get(index)
        if cells is None:
            row = self.frame.row(index, named=True)
            if row is None:  # a RowList row not loaded yet
                return [LOADING] + [""] * (len(self.columns) - 1)
            cells = []
            for column in self.columns:
                value = row.get(column.key)
                text = column.formatter(value) if column.formatter else ("" if value is None else value)
                cells.append(one_line(text))
            self._cells[index] = cells
            if len(self._cells) > 512:
                self._cells.popitem(last=False)
        return cells

    def _line(self, mark: str, cells: list[str], widths: list[int], style: Style) -> Strip:
        parts = [mark]
        for column, text, width in zip(self.columns, cells, widths):
            content = display_text(text)
            if content.cell_length > width:
                content = content.truncate(width, ellipsis=True)
            pad = " " * max(0, width - content.cell_length)
            parts.append(pad + content.plain if column.align == "right" else content.plain + pad)
        line = " ".join(parts)
        return Strip([Segment(line, style)])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        widths = self._column_widths(width)
        if y == 0:
            style = base + self.get_component_rich_style("frame-table--header")
            strip = self._line(" ", [c.label for c in self.columns], widths, style)
            return strip.adjust_cell_length(width, style)
        index = round(self.scroll_y) + y - 1
        if index >= self.frame.height:
            if index == 0:
                return Strip([Segment(one_line(self.empty_text), base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        cells = self._cells_for(index)
        key = self.frame[index, self.key_column] if self.marked and self.key_column in self.frame.columns else None
        marked = key is not None and key in self.marked
        style = base
        if index % 2:
            style += self.get_component_rich_style("frame-table--even")
        if marked:
            style += self.get_component_rich_style("frame-table--marked")
        if index == self.cursor_row:
            style += self.get_component_rich_style("frame-table--cursor")
        return self._line(MARK if marked else " ", cells, widths, style).adjust_cell_length(width, style)
