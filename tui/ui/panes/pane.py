"""Pane: what the app asks of every pane of the main screen, with what a pane does by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from textual.widget import Widget

PaletteCommand = tuple[str, str, Callable[[], Any]]  # title ("area: action"), help, callback


def css_beside(module_file: str) -> str:
    """A pane's layout rules, from the .tcss file beside its module: parsed when the pane is
    first mounted, not before the first frame as app.tcss is."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")


class Pane(Widget):
    """Base of the five panes, after the container: `class TodoPane(Vertical, Pane)`.

    After it, because Textual takes a widget's default CSS from its first base only: the
    container's layout must come first. The app calls these and nothing else; a pane
    overrides the ones it has something to say in, and sets `context` (an AppContext).
    """

    context: Any

    @property
    def pending_count(self) -> int | None:
        """How many items wait for a decision, for the title line (None: this pane does not count)."""
        return None

    def focus_default(self) -> None:
        """Focus what the keys of this pane act on: by default its first focusable widget."""
        target = next((w for w in self.query("*") if w.focusable), None)
        if target is not None:
            target.focus()
        elif self.focusable:
            self.focus()
        else:
            self.screen.set_focus(None)

    def on_shown(self) -> None:
        """The app has just switched to this pane."""

    def fit(self, width: int, height: int) -> None:
        """Lay the pane out for a content area `width`×`height` (the narrow and short
        variants' classes); called at mount and at every resize. By default nothing."""

    def on_mount(self) -> None:
        # A pane has no size until its first layout, and one mounted hidden (all but the
        # first) none until first shown: left to on_resize, its first frames were drawn in
        # the wide layout at 80 columns, then drawn again narrow.
        if self.is_attached:
            area = self.parent.size if self.parent is not None and self.parent.size.area else self.app.size
            gutter = self.styles.gutter
            self.fit(area.width - gutter.width, area.height - gutter.height)

    def on_resize(self) -> None:
        self.fit(self.size.width, self.size.height)

    def decisions_changed(self) -> None:
        """Another pane saved or undid a decision."""

    def show_undone(self, batch: Any, redo: bool = False) -> None:
        """An undo made from the palette was for this pane: say whom it was for."""
        from tui.ui.panes.undo_words import undone_line

        self.notify(undone_line(batch, redo).plain, markup=False)

    def language_changed(self) -> None:
        """The language was switched live (palette): say the pane's own lines again, keeping
        its rows, cursor, filter and session. By default nothing: the Translated lines,
        placeholders, tables and footer inside the pane say themselves again."""

    def palette_commands(self) -> list[PaletteCommand]:
        """This pane's "area: action" commands for the palette."""
        return []
