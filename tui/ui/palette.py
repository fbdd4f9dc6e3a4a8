"""The command palette's matcher, folding case, accents and ligatures as every search does.

Textual's fuzzy matcher (textual.fuzzy) only lower-cases; this one matches the folded query
against the folded title and maps the matched letters back onto the title as written.
Titles are shown as Content, never parsed as markup (Textual's own highlight parses them).
"""

from __future__ import annotations

from textual.content import Content
from textual.fuzzy import Matcher
from textual.system_commands import SystemCommandsProvider

from tui.core.search import fold, fold_with_map


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
