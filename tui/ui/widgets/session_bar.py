"""SessionBar: how much of this session's queue is decided, drawn as one bar.

One widget drawing Textual's bar renderable, where a ProgressBar is a container, a bar and
its module, all before the first frame; and the bar fills to its own width (a ProgressBar
22 columns wide drew a 32-column bar cut at 22, so it looked fuller than it was).
"""

from __future__ import annotations

from rich.style import Style
from textual.renderables.bar import Bar
from textual.widget import Widget


class SessionBar(Widget, can_focus=False):
    """`update(total=, progress=)` as a ProgressBar; green once everything is done."""

    COMPONENT_CLASSES = {"bar--bar", "bar--complete"}
    DEFAULT_CSS = """
    SessionBar { width: 22; height: 1; }
    SessionBar > .bar--bar { color: $primary; background: $surface; }
    SessionBar > .bar--complete { color: $success; background: $surface; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.total, self.progress = 1, 0

    def update(self, *, total: int, progress: int) -> None:
        if (total, progress) != (self.total, self.progress):
            self.total, self.progress = total, progress
            self.refresh()

    def render(self) -> Bar:
        share = min(self.progress / self.total, 1.0) if self.total > 0 else 0.0
        style = self.get_component_rich_style("bar--bar" if share < 1 else "bar--complete")
        return Bar(highlight_range=(0, self.size.width * share), highlight_style=Style.from_color(style.color),
                   background_style=Style.from_color(style.bgcolor))
