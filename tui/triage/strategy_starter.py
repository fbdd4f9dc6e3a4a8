"""The strategy file `passerelle strategy --init` writes: every kind of rule, commented, in the
reader's language (its keywords, conditions and decisions stay English identifiers)."""

from __future__ import annotations

import string
from typing import Any

from tui.i18n import N_, _

# Comments, rule names and reasons are translated; the rest of the file is the same in every language.
_STARTER = string.Template('''\
${intro}

${targets_comment}
[targets]
sectors = ["logistics", "data", "fintech", "santé"]
roles = ["data engineer", "product manager", "recruiter", "DRH"]
keywords = ["PyData", "Lisbon", "open source"]

${protected_comment}
[[protected]]
field = "company"
match = "contains"
value = "Hollowbrook"

[[protected]]
field = "url"
match = "exact"
value = "https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3"

${refused_comment}
[[refused]]
field = "title"
match = "regex"
value = "(?i)\\\\b(growth hacker|lead gen(eration)?)\\\\b"

${rules_comment}
[[rules]]
name = ${scam_name}
when = { suspicious = true }
decide = "suspicious"
reason = ${scam_reason}

[[rules]]
name = ${talked_name}
when = { messaged_before = true }
decide = "accept"
reason = ${talked_reason}

[[rules]]
name = ${field_name}
when = { has_note = true, target = true }
decide = "accept"
reason = ${field_reason}

[[rules]]
name = ${circle_name}
when = { bridge = true, target = true }
decide = "accept"
reason = ${circle_reason}

[[rules]]
name = ${note_name}
when = { has_note = true }
decide = "later"
reason = ${note_reason}

[[rules]]
name = ${old_name}
when = { mass_invite = true, waited_days_over = 60 }
decide = "ignore"
reason = ${old_reason}

[[rules]]
name = ${stranger_name}
when = { mass_invite = true }
decide = "follow"
reason = ${stranger_reason}
''')
_STARTER_COMMENTS = {
    "intro": N_("""Passerelle contact strategy — the criteria you accept or refuse invitations by.
Ma stratégie de gestion des contacts : elle change avec le temps, c'est normal.
Every invitation shows the suggestion of the first rule that matches and why;
press enter to take it. `passerelle strategy --check` validates this file and
`passerelle strategy --preview EXPORT` shows what each rule would decide."""),
    "targets_comment": N_("""Who you want in your network. Matched (case-insensitive, whole words) against the
company and role you typed in with `e`, and the invitation note."""),
    "protected_comment": N_("""Always accept these. field = "company" | "name" | "title" | "url";
match = "exact" (whole value, any case) | "contains" (any case) | "regex".
Regexes use Rust syntax (no look-around or back-references); add (?i) to ignore case."""),
    "refused_comment": N_("Always ignore these."),
    "rules_comment": N_("""Rules, in order: the first one that matches wins.
when = conditions that must all hold: has_note, suspicious, bridge, messaged_before,
       mass_invite, target (true/false), waited_days_over = N, note_contains = "text",
       tag = "a tag you gave the person" (t in the app).
decide = "accept" | "ignore" | "later" | "follow" | "suspicious\""""),
}
_STARTER_VALUES = {
    "scam_name": N_("scam signs"),
    "scam_reason": N_("scam vocabulary or an odd identity — check before anything else"),
    "talked_name": N_("we talked before"),
    "talked_reason": N_("already in my messages"),
    "field_name": N_("personal note in my field"),
    "field_reason": N_("introduced themselves and works in a sector I target"),
    "circle_name": N_("new circle"),
    "circle_reason": N_("a bridge to a company where I know no one yet"),
    "note_name": N_("personal note"),
    "note_reason": N_("wrote to me: read the profile when I have time"),
    "old_name": N_("old mass invite"),
    "old_reason": N_("no note and nobody followed up in two months"),
    "stranger_name": N_("stranger without a note"),
    "stranger_reason": N_("suivre plutôt que se connecter : follow instead of connecting"),
}


def _toml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def starter_strategy(translate: Any = None) -> str:
    """The starter strategy file in the active language (`translate`: `_` by default)."""
    tr = translate or _
    words = {k: "\n".join("# " + line if line else "#" for line in tr(v).splitlines())
             for k, v in _STARTER_COMMENTS.items()}
    words |= {k: _toml_text(tr(v)) for k, v in _STARTER_VALUES.items()}
    return _STARTER.substitute(words)


STARTER_STRATEGY = starter_strategy(str)  # the English file, as `strategy --init` always wrote it
