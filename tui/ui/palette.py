"""The command palette's matcher, folding case, accents and ligatures as every search does.

Textual's fuzzy matcher (textual.fuzzy) only lower-cases; this one matches the folded query
against the folded title and maps the matched letters back onto the title as written.
Titles are shown as Content, never parsed as markup (Textual's own highlight parses them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from textual.app import SystemCommand
from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider

from tui.core.search import fold, fold_with_map
from tui.i18n import N_, _, language


class FoldingMatcher(Matcher):
    """Textual's fuzzy score and highlight, over folded text."""

    def match(self, candidate: str) -> float:
        return self.fuzzy_search.match(fold(self.query), fold(candidate))[0]

    def highlight(self, candidate: str) -> Content:
        content = Content(candidate)
        folded, origin = fold_with_map(candidate)
        score, offsets = self.fuzzy_search.match(fold(self.query), folded)
        if not score:
            return content
        for index in sorted({origin[o] for o in offsets}):
            if not candidate[index].isspace():
                content = content.stylize(self.match_style, index, index + 1)
        return content


class FoldingCommands(SystemCommandsProvider):
    """The app's commands (get_system_commands), matched with FoldingMatcher."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return FoldingMatcher(user_input, match_style=self.match_style, case_sensitive=case_sensitive)


def folding_commands() -> type[FoldingCommands]:
    """For App.COMMANDS: imported only when the palette opens."""
    return FoldingCommands


# Textual's own commands, said in the active language (their titles are Textual's English).
TEXTUAL_COMMANDS = {
    "Theme": (N_("Theme"), N_("Change the current theme")),
    "Keys": (N_("Keys"), N_("Show or hide the keys of the focused widget")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
}


def language_commands(app) -> Iterator[SystemCommand]:
    """"Language: Français" in English, "Langue : English" in French: switch live, and keep it."""
    from tui.i18n.catalog import LANGUAGES
    from tui.ui.language_switch import LANGUAGE_NAMES, switch_language

    for code in LANGUAGES:
        if code != language():
            name = LANGUAGE_NAMES.get(code, code)
            yield SystemCommand(_("Language: {name}").format(name=name),
                                _("Show Passerelle in {name} from now on (saved in config.toml)").format(name=name),
                                lambda code=code: switch_language(app, code))


def translated_textual_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's own commands but Quit and Screenshot (we have our own quit), translated."""
    for command in commands:
        if command.title in ("Quit", "Screenshot"):
            continue
        title, help_text = TEXTUAL_COMMANDS.get(command.title, (command.title, command.help))
        yield SystemCommand(_(title), _(help_text) if help_text else help_text, command.callback, command.discover)
