"""ViewTabs: the saved views of the queue with live counts (split-inbox style)."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.i18n import _
from tui.i18n.formats import number
from tui.triage.filters import view_name  # noqa: F401 - the tabs' names; panes import it from here


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
        """Redraw with `current` selected and the given counts; when the views don't fit
        (saved ones after the built-in ones, at 80 columns), the first ones give way to "…"
        so the current view is always seen."""
        self.current, self.counts = current, counts
        labels = [f" {view_name(view)} {number(counts.get(view, 0))} " for view in self.views]  # 1,734 as the header
        at = self.views.index(current) if current in self.views else 0
        room = self.content_region.width or 10**6  # not laid out yet: everything
        first = 0
        title = _("Views ")
        while first < at and len(title) + 2 + sum(len(t) + 1 for t in labels[first:at + 1]) > room:
            first += 1
        parts: list[tuple[str, str] | str] = [(title, "dim")]
        x = len(title)
        if first:
            parts.append(("… ", "dim"))
            x += 2
        self._spans = []
        for i in range(first, len(self.views)):
            view, label = self.views[i], labels[i]
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
