"""SizedDrawing: a passive Static drawn from one value, again on each resize and language switch."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static


class SizedDrawing(Static):
    """Call `show(value)`; subclasses say how `draw(value)` looks at the widget's size."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(Content(""), **kwargs)
        self.value: Any = None

    def show(self, value: Any) -> None:
        self.value = value
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def language_changed(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.value is not None and self.size.width:
            self.update(self.draw(self.value))

    def draw(self, value: Any) -> Content:
        raise NotImplementedError
