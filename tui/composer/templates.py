"""Safe placeholder rendering for invitation notes: one regular-expression pass, never str.format.

Grammar: `{name}`, `{name|fallback text}`, `{{` and `}}` for literal braces. `name` must be
one of PLACEHOLDERS; anything else (attribute access, indexes, format specs, conversions)
is reported as a problem and shown verbatim, never evaluated.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import N_, _

PLACEHOLDERS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "full_name",
    "company",
    "position",
    "my_first_name",
    "my_name",
    "event",
    "relay_name",
    "met",
)

# What each placeholder holds, for help texts and the CLI.
PLACEHOLDER_HELP: dict[str, str] = {
    "first_name": N_("recipient's first name"),
    "last_name": N_("recipient's last name"),
    "full_name": N_("recipient's full name"),
    "company": N_("recipient's company"),
    "position": N_("recipient's position"),
    "my_first_name": N_("your first name (settings: my_name)"),
    "my_name": N_("your full name (settings: my_name)"),
    "event": N_("an event you both attended (typed in the composer)"),
    "relay_name": N_("the person you ask the recipient to introduce you to (typed in the composer)"),
    "met": N_("how and where you met (m in the app); write {met|a fallback} for people without one"),
}

ERROR = "error"
WARNING = "warning"

# ZWJ and ZWNJ stay inside notes: emoji sequences and some scripts need them.
_KEEP_JOINERS = "\u200c\u200d"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a template: [start, end) offsets in the template text."""

    start: int
    end: int
    message: str
    severity: str = ERROR


@dataclass(frozen=True)
class Placeholder:
    """One `{name}` or `{name|fallback}` occurrence in a template."""

    name: str
    fallback: str | None
    start: int
    end: int
    raw: str


@dataclass(frozen=True)
class Rendered:
    """A rendered note: its text, what is wrong with it, and its perceived length."""

    text: str
    problems: tuple[Problem, ...]
    length: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == WARNING)

    @property
    def ok(self) -> bool:
        return not self.problems


def clean_value(value: object) -> str:
    """A value as it may enter a note: no control or bidi characters, trimmed."""
    if value is None:
        return ""
    text = str(value).replace("\n", " ").replace("\t", " ").replace("\r", " ")
    return " ".join(strip_unsafe(text, keep=_KEEP_JOINERS).split())


def _clean_literal(text: str) -> str:
    """Template text keeps its newlines but loses other control characters."""
    return strip_unsafe(text, keep="\n" + _KEEP_JOINERS)


def _unknown(raw: str, name: str, start: int, end: int) -> Problem:
    shown = raw if len(raw) <= 40 else raw[:37] + "…"
    if name and all(c.isascii() and (c.isalpha() or c == "_") for c in name):
        close = difflib.get_close_matches(name.lower(), PLACEHOLDERS, n=1, cutoff=0.6)
        if close:
            return Problem(start, end, _("unknown placeholder {shown}: did you mean {{{name}}}?").format(
                shown=shown, name=close[0]))
    head = name[: len(name) - len(name.lstrip("abcdefghijklmnopqrstuvwxyz_"))]
    if head in PLACEHOLDERS:
        return Problem(
            start,
            end,
            _("unknown placeholder {shown}: no attributes, indexes, formats or conversions; "
              "did you mean {{{name}}}?").format(shown=shown, name=head),
        )
    return Problem(
        start,
        end,
        _("unknown placeholder {shown}: only plain names like {{first_name}} are allowed "
          "(known: {known})").format(shown=shown, known=", ".join(PLACEHOLDERS)),
    )


# `{{`, `}}`, a placeholder (no brace inside), or a lone brace: the whole grammar, one pass.
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def parse(text: str) -> tuple[list[str | Placeholder], list[Problem]]:
    """Split `text` into literal strings and placeholders, in one left-to-right pass."""
    tokens: list[str | Placeholder] = []
    problems: list[Problem] = []
    buf: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        i, end, raw = match.start(), match.end(), match.group()
        buf.append(text[last:i])
        last = end
        if raw in ("{{", "}}"):
            buf.append(raw[0])
        elif raw == "}":
            problems.append(Problem(i, end, _("unmatched '}}' at position {position}: write }}}} for a literal brace").format(
                position=i + 1)))
            buf.append("}")
        elif raw == "{":  # another '{' (or the end) comes before any '}'
            stop = text.find("{", end)
            stop = len(text) if stop < 0 else stop
            problems.append(
                Problem(i, stop, _("unclosed '{{' at position {position}: close it with }} or write {{{{ for a literal brace").format(
                    position=i + 1))
            )
            buf.append("{")
        else:
            name, bar, fallback = match.group(1).partition("|")
            name = name.strip()
            if name in PLACEHOLDERS:
                if "".join(buf):
                    tokens.append("".join(buf))
                buf = []
                tokens.append(Placeholder(name, fallback.strip() if bar else None, i, end, raw))
            else:
                problems.append(_unknown(raw, name, i, end))
                buf.append(raw)
    buf.append(text[last:])
    if "".join(buf):
        tokens.append("".join(buf))
    return tokens, problems


def lint(text: str) -> list[Problem]:
    """Syntax problems of a template (unknown placeholders, unbalanced braces)."""
    return parse(text)[1]


def placeholders_used(text: str) -> list[str]:
    """Whitelisted placeholder names used in `text`, in first-use order, once each."""
    seen: dict[str, None] = {}
    for token in parse(text)[0]:
        if isinstance(token, Placeholder):
            seen.setdefault(token.name, None)
    return list(seen)


def render(text: str, values: Mapping[str, str | None]) -> Rendered:
    """Fill placeholders with `values` (inserted literally, cleaned of control characters).

    A value that is missing or empty with no fallback leaves the placeholder visible and
    adds a warning; the note is never silently blanked.
    """
    tokens, problems = parse(text)
    out: list[str] = []
    for token in tokens:
        if isinstance(token, str):
            out.append(_clean_literal(token))
            continue
        value = clean_value(values.get(token.name))
        if value:
            out.append(value)
        elif token.fallback is not None:
            out.append(clean_value(token.fallback))
        else:
            out.append(_clean_literal(token.raw))
            how = _("set my_name in config.toml") if token.name.startswith("my_") else _("fill it in")
            problems.append(
                Problem(
                    token.start,
                    token.end,
                    _("no value for {{{name}}} and no fallback: {how}, or write {{{name}|…}}").format(
                        name=token.name, how=how),
                    WARNING,
                )
            )
    problems.sort(key=lambda p: (p.start, p.end))
    rendered = "".join(out)
    return Rendered(rendered, tuple(problems), note_length(rendered))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of `offset` in `text`, for pointing at a problem."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


COUNTING = N_(
    "Counted as LinkedIn's invitation form counts, in UTF-16 code units (a browser textarea's "
    "maxlength): most letters and accented letters count 1, an emoji 2 or more (👍 2; with a skin "
    "tone, or a flag, 4), a line break 1."
)


def note_length(s: str) -> int:
    """The length LinkedIn's form sees: UTF-16 code units, a line break (CRLF or LF) as one.

    The invitation note is a browser textarea; its maxlength and a script's `value.length`
    both count UTF-16 code units, so an emoji outside the BMP counts 2 (the stricter count:
    a note within it is never refused for its length).
    """
    text = s.replace("\r\n", "\n")
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2
