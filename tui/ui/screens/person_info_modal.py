"""PersonInfoModal: type in a person's company, role and connection count."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.i18n import N_, _
from tui.text import display_text
from tui.ui.widgets.text_field import DialogField


class PersonInfoModal(ModalScreen[dict | None]):
    """Returns {company, position, connection_count} or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-info")]
    DEFAULT_CSS = """
    PersonInfoModal { align: center middle; }
    PersonInfoModal > Vertical { width: 70; height: auto; border: round $primary; background: $surface; padding: 0 1; }
    PersonInfoModal Horizontal { height: auto; align-horizontal: right; }
    PersonInfoModal #info-error { color: $error; height: auto; }
    """

    def __init__(self, row: dict) -> None:
        super().__init__()
        self.row = row

    def compose(self) -> ComposeResult:
        count = self.row.get("connection_count")
        with Vertical() as box:
            box.border_title = _("What you know about this person")
            yield Static(display_text(self.row.get("name") or "", 60).stylize("bold"))
            yield Label(Content(_("Company")))
            yield DialogField(self.row.get("company") or "", id="info-company")
            yield Label(Content(_("Role")))
            yield DialogField(self.row.get("position") or "", id="info-position")
            yield Label(Content(_("Connections (the number on their profile; empty = unknown)")))
            yield DialogField("" if count is None else str(count), id="info-count", type="integer")
            yield Static(id="info-error")
            with Horizontal():
                yield Button(Content(_("Save")), variant="primary", id="info-save")
                yield Button(Content(_("Cancel")), id="info-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "info-save":
            self._save()
        else:
            self.dismiss(None)

    def submit(self, _value: str) -> None:
        """Enter in any field saves (or says why not)."""
        self._save()

    def _save(self) -> None:
        raw = self.query_one("#info-count", Input).value.strip()
        if raw and not raw.isdigit():
            self.query_one("#info-error", Static).update(Content(_("Connections must be a whole number.")))
            return
        self.dismiss({
            "company": self.query_one("#info-company", Input).value.strip() or None,
            "position": self.query_one("#info-position", Input).value.strip() or None,
            "connection_count": int(raw) if raw else None,
        })

    def action_cancel(self) -> None:
        self.dismiss(None)
