"""FamilyChoiceModal: which role family a title belongs to (Network's "add a rule" key)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import N_, _
from tui.network.role_names import family_name
from tui.text import display_text


class FamilyChoiceModal(ModalScreen[str | None]):
    """Returns the family picked (enter) or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-family-choice")]
    DEFAULT_CSS = """
    FamilyChoiceModal { align: center middle; }
    FamilyChoiceModal > Vertical { width: 60; max-width: 100%; height: auto; max-height: 100%;
                                   border: round $primary; background: $surface; padding: 0 1; }
    FamilyChoiceModal OptionList { height: auto; max-height: 14; }
    FamilyChoiceModal .hint { color: $text-muted; }
    """

    def __init__(self, title: str, keyword: str, families: list[str]) -> None:
        super().__init__()
        self.title_text, self.keyword, self.families = title, keyword, families

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(_("Add a rule: which family?"))
            yield Static(display_text(self.title_text, 56).stylize("bold"))
            yield OptionList(*(Option(Content(family_name(name)), id=name) for name in self.families), id="family-choice")
            hint = _("adds {keyword} under [role_families] in config.toml · enter · escape cancels")
            before, _at, after = hint.partition("{keyword}")
            yield Label(Content.assemble(before, display_text(self.keyword, 40).stylize("bold"), after),
                        classes="hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
