"""StrategyPreviewModal: how many open invitations each rule decides, before applying."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.i18n import N_, _
from tui.ui.widgets.key_names import key_of
from tui.text import sanitize


class StrategyPreviewModal(ModalScreen[bool]):
    """Rows of (rule, now, after); returns True to apply."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", N_("Cancel"), id="cancel-strategy"),
        Binding("y", "answer(True)", N_("Apply"), id="apply-strategy"),
    ]
    DEFAULT_CSS = """
    StrategyPreviewModal { align: center middle; }
    StrategyPreviewModal > Vertical { width: 80; height: auto; max-height: 90%; border: round $primary; background: $surface; padding: 0 1; }
    StrategyPreviewModal Horizontal { height: auto; align-horizontal: right; }
    """

    def __init__(self, rows: list[tuple[str, int, int]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        rule, now, after = _("rule"), _("now"), _("after")
        lines = [f"{rule:<40} {now:>6} {after:>6}"]
        lines += [f"{sanitize(name)[:40]:<40} {before:>6} {after:>6}" for name, before, after in self.rows]
        if not self.rows:
            lines.append(_("The file has no rules: nothing will be suggested."))
        with Vertical() as box:
            box.border_title = _("Strategy change: open invitations each rule would decide")
            yield Static(Content("\n".join(lines)))
            with Horizontal():
                yield Button(Content(_("Apply ({key})").format(key=key_of(self.app, "apply-strategy", "y"))),
                             variant="primary", id="apply")
                yield Button(Content(_("Cancel ({key})").format(key="n")), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "apply")

    def action_answer(self, ok: bool) -> None:
        self.dismiss(ok)
