"""Counted words as people write them: `1 person`, `2 people`, `1,204 invitations`.

The words Passerelle counts are in the catalogue as counted sentences, so French reads
`2 personnes` and `1 204 relations` (0 and 1 take the singular there); a word not listed
here keeps the English rule.
"""

from __future__ import annotations

from tui.core.phrasebook import Nn_
from tui.i18n import ngettext
from tui.i18n.formats import number

IRREGULAR = {"person": "people"}
COUNTED = {
    "person": Nn_("{count} person", "{count} people"),
    "connection": Nn_("{count} connection", "{count} connections"),
    "invitation": Nn_("{count} invitation", "{count} invitations"),
    "match": Nn_("{count} match", "{count} matches"),
    "problem": Nn_("{count} problem", "{count} problems"),
    "row": Nn_("{count} row", "{count} rows"),
    "template": Nn_("{count} template", "{count} templates"),
    "open received invitation": Nn_("{count} open received invitation", "{count} open received invitations"),
}


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count word`, with the plural for anything but exactly 1 (0 people, 1 person)."""
    if word in COUNTED:
        return ngettext(*COUNTED[word], count).format(count=number(count))
    if count == 1:
        return f"1 {word}"
    return f"{count:,} {many or IRREGULAR.get(word) or word + 's'}"
