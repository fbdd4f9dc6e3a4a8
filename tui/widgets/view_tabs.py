"""ViewTabs: the saved views of the queue with live counts (split-inbox style)."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class ViewTabs(Static):
    """One line: `All 12 · With note 5 · …`; the current view is highlighted."""

    DEFAULT_CSS = "ViewTabs { height: 1; padding: 0 1; background: $boost; }"

    class Chosen(Message):
        """The user clicked a view."""

        def __init__(self, view: str) -> None:
            super().__init__()
            self.view = view

    def __init__(self, views: tuple[str, ...], id: str | None = None) -> None:
        super().__init__(id=id)
        self.views = views
        self.current = views[0]
        self.counts: dict[str, int] = {}
        self._spans: list[tuple[int, int, str]] = []

    def show(self, current: str, counts: dict[str, int], hint: str = "") -> None:
        """Redraw with `current` selected and the given counts."""
        self.current, self.counts = current, counts
        parts: list[tuple[str, str] | str] = [("Views ", "dim")]
        x = 6
        self._spans = []
        for i, view in enumerate(self.views):
            label = f" {view} {counts.get(view, 0)} "
            parts.append((label, "bold reverse" if view == current else ""))
            self._spans.append((x, x + len(label), view))
            x += len(label)
            if i < len(self.views) - 1:
                parts.append(("·", "dim"))
                x += 1
        if hint:
            parts.append((f"   {hint}", "dim"))
        self.update(Content.assemble(*parts), layout=False)  # one line, always: no layout needed

    def on_click(self, event) -> None:
        for start, end, view in self._spans:
            if start <= event.x - 1 < end:  # -1: left padding
                self.post_message(self.Chosen(view))
