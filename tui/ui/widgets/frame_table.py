"""FrameTable: a virtual table that renders only visible rows.

Its rows come from a Polars DataFrame or from the store's queue (`store_queue.QueueRows`,
rows fetched only when drawn); both offer `height`, `columns`, `row(i, named=True)` and
`[i, column]`. Polars is imported only where a real frame is used.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.content import Content
from textual.strip import Strip

from tui.i18n import N_
from tui.text import display_text, one_line
from tui.ui.widgets.cut_words import cut_at_word
from tui.ui.widgets.translated import tr
from tui.ui.widgets.type_ahead import TypeAhead

if TYPE_CHECKING:
    import polars as pl

MARK = "●"


class Column(NamedTuple):
    """One column: the frame column `key`, a header `label`, a fixed `width` or a share (`ratio`)."""

    key: str
    label: str
    width: int | None = None
    ratio: int = 1
    align: str = "left"
    formatter: Callable[[Any], str] | None = None
    min_width: int = 0  # a share never gets narrower (names stay readable at 80 columns)
    max_width: int | None = None  # nor wider: on a wide screen the last column (the note) takes the rest
    at_words: bool = False  # cut at a word's end, then "…" (signal and state words, never "ta…")


class _NoRows:
    """What the table shows before it is given rows."""

    height = 0
    columns: tuple[str, ...] = ()


_NO_ROWS = _NoRows()


class FrameTable(TypeAhead, ScrollView, can_focus=True):
    """Line-API table: no per-row widgets, so 30,000 rows open as fast as 30."""

    BINDINGS = [
        Binding("down,j", "cursor_down", N_("Down"), show=False, id="cursor-down"),
        Binding("up,k", "cursor_up", N_("Up"), show=False, id="cursor-up"),
        Binding("pagedown", "page_down", N_("Page down"), show=False, id="page-down"),
        Binding("pageup", "page_up", N_("Page up"), show=False, id="page-up"),
        Binding("home", "first", N_("First"), show=False, id="cursor-first"),
        Binding("end", "last", N_("Last"), show=False, id="cursor-last"),
        Binding("enter", "select", N_("Select"), show=False, id="select-row"),
    ]
    COMPONENT_CLASSES = {
        "frame-table--header",
        "frame-table--cursor",
        "frame-table--marked",
        "frame-table--even",
        "frame-table--alert",
        "frame-table--due",
    }
    DEFAULT_CSS = """
    FrameTable { overflow-x: hidden; height: 1fr; background: $surface; }
    FrameTable > .frame-table--header { text-style: bold; background: $panel; color: $text; }
    FrameTable > .frame-table--cursor { background: $block-cursor-blurred-background; }
    FrameTable:focus > .frame-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    FrameTable > .frame-table--marked { color: $accent; }
    FrameTable > .frame-table--even { background: $surface-lighten-1; }
    FrameTable > .frame-table--alert { color: $error; }
    FrameTable > .frame-table--due { color: $warning; }
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
        empty_text: str = N_("Nothing here."),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        alert: Callable[[dict], bool] | None = None,
        due: Callable[[dict], bool] | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.key_column = key_column
        self.empty_text = empty_text
        self.alert = alert  # rows drawn in the theme's error colour (their cells also say why)
        self.due = due  # rows drawn in its warning colour (a "later" come back, also said in words)
        self.frame: Any = _NO_ROWS
        self.cursor_row = 0
        self.marked: set[Any] = set()
        self._cells: OrderedDict[int, list[str]] = OrderedDict()  # row → formatted cells (LRU)
        self._widths: tuple[int, list[int]] = (-1, [])

    # ---- data -------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return self.frame.height

    def language_changed(self) -> None:
        """Headers and cells again in the new language (formatters translate as they run)."""
        self._cells.clear()
        self.refresh()

    def set_columns(self, columns: list[Column]) -> None:
        """Show other columns (e.g. hide one that would be empty); rows stay."""
        if columns != self.columns:
            self.columns = list(columns)
            self._cells.clear()
            self._widths = (-1, [])
            self.refresh()

    def set_frame(self, frame: Any, keep_cursor_key: Any = None, cursor: int | None = None,
                  same_rows: bool = False) -> None:
        """Show `frame`; keep the cursor on `keep_cursor_key` if present, else at the same index."""
        self.frame = frame
        if not same_rows:  # `same_rows`: only some rows left (formatted cells are keyed by row id)
            self._cells.clear()
        index = None
        if keep_cursor_key is not None and self.key_column in frame.columns and frame.height:
            index = self._index_of(keep_cursor_key)
        if index is None:
            index = self.cursor_row if cursor is None else cursor
        self.cursor_row = max(0, min(index, frame.height - 1))
        self._set_rows_height(frame.height + 1)
        self._scroll_cursor_visible()
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.current_row()))

    def _set_rows_height(self, height: int) -> None:
        """The scrollable height. A layout pass repaints the whole screen (a keystroke in
        the filter did three), so it is asked for only when the scrollbar comes or goes;
        otherwise the scrollbar is told directly and only the table repaints."""
        new = Size(self.size.width, height)
        old = self.virtual_size
        if new == old:
            return
        visible = self.scrollable_content_region.height
        if not self.is_mounted or (old.height > visible) != (height > visible) or old.width != new.width:
            self.virtual_size = new
            return
        self.set_reactive(FrameTable.virtual_size, new)
        self.vertical_scrollbar.window_virtual_size = height
        self.scroll_to(y=min(self.scroll_y, self.max_scroll_y), animate=False, force=True)
        self.refresh()

    def _index_of(self, key: Any) -> int | None:
        if hasattr(self.frame, "index_of"):
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

    def marked_rows(self) -> list[dict]:
        """Rows of the current frame whose key is marked, in the table's order."""
        if not self.marked or self.key_column not in self.frame.columns:
            return []
        if hasattr(self.frame, "rows_with_keys"):
            return self.frame.rows_with_keys(self.marked)
        import polars as pl

        return self.frame.filter(pl.col(self.key_column).is_in(list(self.marked))).to_dicts()

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
        widths = [c.width if c.width is not None else min(free, c.max_width or free,
                                                           max(c.min_width, free * c.ratio // shares))
                  for c in self.columns]
        shared = [i for i, c in enumerate(self.columns) if c.width is None]
        if shared:  # the last shared column takes what is left (never less than nothing)
            last = shared[-1]
            widths[last] = max(0, free - sum(widths[i] for i in shared[:-1]))
            for i in reversed(shared[:-1]):  # its own floor comes before the others' room above theirs
                give = min(self.columns[last].min_width - widths[last], widths[i] - self.columns[i].min_width)
                if give > 0:
                    widths[i] -= give
                    widths[last] += give
        self._widths = (width, widths)
        return widths

    def _cells_for(self, index: int) -> list:
        ids = getattr(self.frame, "ids", None)
        slot = ids[index] if ids is not None else index
        cells = self._cells.get(slot)
        if cells is None:
            row = self.frame.row(index, named=True)
            cells = []
            for column in self.columns:
                value = row.get(column.key)
                text = column.formatter(value) if column.formatter else ("" if value is None else value)
                cells.append(display_text(one_line(text)))  # made safe once, not at every paint
            self._cells[slot] = cells
            if len(self._cells) > 512:
                self._cells.popitem(last=False)
        return cells

    def _line(self, mark: str, cells: list, widths: list[int], style: Style) -> Strip:
        parts = [mark]
        for column, text, width in zip(self.columns, cells, widths):
            content = text if not isinstance(text, str) else display_text(text)
            if content.cell_length > width:
                content = Content(cut_at_word(content.plain, width)) if column.at_words else (
                    content.truncate(width, ellipsis=True))
            pad = " " * max(0, width - content.cell_length)
            parts.append(pad + content.plain if column.align == "right" else content.plain + pad)
        line = " ".join(parts)
        return Strip([Segment(line, style)])

    _paint: tuple | None = None  # (width, style, component styles) while one paint lasts

    def render_lines(self, crop: Region) -> list[Strip]:
        # One paint reads the styles once, not once a line: `rich_style` walks every ancestor's
        # background, and it was half of what a decision or the first rows cost to paint.
        self._paint = (self.scrollable_content_region.width, self.rich_style, {})
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def _part(self, name: str) -> Style:
        parts = self._paint[2] if self._paint is not None else {}
        if name not in parts:
            parts[name] = self.get_component_rich_style(name)
        return parts[name]

    def render_line(self, y: int) -> Strip:
        width, base, _parts = self._paint or (self.scrollable_content_region.width, self.rich_style, None)
        widths = self._column_widths(width)
        if y == 0:
            style = base + self._part("frame-table--header")
            strip = self._line(" ", [tr(c.label) for c in self.columns], widths, style)
            return strip.adjust_cell_length(width, style)
        index = round(self.scroll_y) + y - 1
        if index >= self.frame.height:
            if index == 0:
                return Strip([Segment(one_line(tr(self.empty_text)), base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        cells = self._cells_for(index)
        key = self.frame[index, self.key_column] if self.marked and self.key_column in self.frame.columns else None
        marked = key is not None and key in self.marked
        style = base
        if index % 2:
            style += self._part("frame-table--even")
        if self.alert is not None or self.due is not None:
            row = self.frame.row(index, named=True)
            if self.alert is not None and self.alert(row):
                style += self._part("frame-table--alert")
            elif self.due is not None and self.due(row):
                style += self._part("frame-table--due")
        if marked:
            style += self._part("frame-table--marked")
        if index == self.cursor_row:
            style += self._part("frame-table--cursor")
        return self._line(MARK if marked else " ", cells, widths, style).adjust_cell_length(width, style)
