"""WhoAtField: Network's who-at field, whose escape the footer names while it has the focus."""

from __future__ import annotations

from textual.binding import Binding

from tui.i18n import N_
from tui.ui.widgets.text_field import TextField


class WhoAtField(TextField):
    """The who-at (and `W` list) field. Its escape went to the pane's hidden "back" binding, so
    while typing a company the footer showed no key at all, not even how to leave the field."""

    BINDINGS = [Binding("escape", "leave", N_("Leave field, then 1–5"), id="who-at-leave-field")]

    def action_leave(self) -> None:
        self.leave()

    def leave(self) -> None:
        """Back to the tables, where the pane's keys (t w p g, 1–5) work again."""
        self.screen.set_focus(self.screen.query_one("#network-composition"))
