"""PersonLineModal: one line about a person (tags, comma-separated, or how you met)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Label, Static

from tui.i18n import N_
from tui.text import display_text
from tui.ui.widgets.text_field import DialogField


class TagSuggester(Suggester):
    """Completes the tag being typed after the last comma from the tags already in use."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip().casefold()
        if not typed:
            return None
        done = {t.strip().casefold() for t in head.split(",")}
        for tag in self.tags:
            if tag.startswith(typed) and tag != typed and tag not in done:
                return value[: len(value) - len(last.lstrip())] + tag
        return None


class PersonLineModal(ModalScreen[str | None]):
    """Returns the line typed (enter) or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="cancel-person-line")]
    DEFAULT_CSS = """
    PersonLineModal { align: center middle; }
    PersonLineModal > Vertical { width: 74; max-width: 100%; height: auto; border: round $primary;
                                 background: $surface; padding: 0 1; }
    PersonLineModal .hint { color: $text-muted; width: 1fr; }  /* wraps: at 80 columns it is two lines */
    """

    def __init__(self, title: str, who: str, value: str, hint: str, suggestions: list[str] | None = None) -> None:
        super().__init__()
        self.title_text, self.who, self.value, self.hint = title, who, value, hint
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(self.title_text)
            yield Static(display_text(self.who, 68).stylize("bold"))
            suggester = TagSuggester(self.suggestions) if self.suggestions is not None else None
            yield DialogField(self.value, suggester=suggester, id="person-line")
            yield Label(Content(self.hint), classes="hint")

    def submit(self, value: str) -> None:
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
