"""The received pane's filter line (`/`): mounted after the first frame, applied as typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.store import queues as queue
from tui.triage.filters import Filter, FilterError, parse_filter

if TYPE_CHECKING:  # imported when the line is first mounted (filter_bar)
    from tui.ui.widgets.filter_bar import FilterBar


class ReceivedFilter:
    """Mix into ReceivedPane before TriagePane: the filter line and what it applies. The pane
    gives `table` and `reload()`; this keeps `filter` (what the rows are filtered by)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filter = Filter()
        self._filter_text = ""  # the text `filter` was parsed from
        self._mounting_bar = None  # (the filter line, its mount), once asked for
        self.bar: FilterBar | None = None  # the filter line, once mounted (after the first frame)

    async def filter_bar(self) -> FilterBar:
        """The filter line, under the views bar, mounted on first call."""
        if self._mounting_bar is None:
            from tui.ui.widgets.filter_bar import FilterBar

            bar = FilterBar(id="received-filter")
            bar.return_to = self.table
            self._mounting_bar = (bar, self.mount(bar, before="#received-main"))
        bar, mounting = self._mounting_bar
        await mounting
        self.bar = bar
        return bar

    def on_filter_bar_changed(self, event: FilterBar.Changed) -> None:
        bar = self.bar
        try:
            new = parse_filter(event.text)
            queue.filter_sql(new)  # a flag that doesn't apply here says so now
        except FilterError as exc:
            bar.show_error(str(exc))
            return
        bar.show_error(None)
        self.filter, self._filter_text = new, event.text
        self.reload()

    def _catch_up_filter(self) -> None:
        """Apply what the filter field holds if its messages are still on their way (a key
        typed right after enter must act on the rows the filter shows)."""
        text = self.filter_line()
        if text != self._filter_text:
            self.on_filter_bar_changed(self.bar.Changed(text))

    async def action_filter(self) -> None:
        """Open the filter line (mounted first if `/` came with the first frame: the keys
        typed after it wait for it, and go to it)."""
        (await self.filter_bar()).open()

    def filter_line(self) -> str:
        return self.bar.value if self.bar is not None else ""

    def on_filter_bar_done(self, event: FilterBar.Done) -> None:
        """Focus is already back on the table (the bar gave it back when enter was read)."""
