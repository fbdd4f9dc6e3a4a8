"""Sentences that are kept in English and translated when shown.

The import report, the suspicious signs and the strategy's reasons are computed once and
kept (the export cache, the triage tables, `--json`): they are stored in English, as they
always were, so scripts and older databases read them unchanged. `describe()` turns one
such sentence into the active language when it is displayed, by matching it against the
phrases declared here (their one home), so switching the language live reaches them and
an older database's English text is translated too. Text that matches no phrase (a user's
own reason, a name) is shown as it is. Standard library only: the start path uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.i18n import N_, _, language, ngettext
from tui.i18n import formats

# English numbers written with thousands separators (`1,204`): shown the local way.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Phrase:
    """A stored sentence: its English form(s), with named placeholders.

    `plural`: the counted form (`count` chooses it, as `ngettext` does); `nested`: the
    placeholders that hold another phrase (translated in turn).
    """

    singular: str
    plural: str | None = None
    count: str = "count"
    nested: tuple[str, ...] = ()
    _patterns: tuple[re.Pattern[str], ...] | None = field(default=None, compare=False, repr=False)

    def __call__(self, **params: object) -> str:
        """The English sentence, as stored (a count given as an int chooses the form)."""
        text = self.singular
        if self.plural is not None and params.get(self.count) != 1:
            text = self.plural
        return text.format(**params)

    def match(self, text: str) -> dict[str, str] | None:
        if self._patterns is None:  # compiled when first matched: an English start never needs them
            forms = (self.singular,) if self.plural is None else (self.singular, self.plural)
            object.__setattr__(self, "_patterns", tuple(_pattern(f) for f in forms))
        for pattern in self._patterns:
            found = pattern.fullmatch(text)
            if found:
                return found.groupdict()
        return None

    def translate(self, params: dict[str, str]) -> str:
        shown = {k: _local(v) for k, v in params.items()}
        for name in self.nested:
            if name in shown:
                shown[name] = describe(params[name])
        if self.plural is None:
            return _(self.singular).format(**shown)
        n = int(params[self.count].replace(",", "")) if params[self.count].replace(",", "").isdigit() else 2
        return ngettext(self.singular, self.plural, n).format(**shown)


def _pattern(msgid: str) -> re.Pattern[str]:
    out, seen, at = [], set(), 0
    for found in _FIELD.finditer(msgid):
        out.append(re.escape(msgid[at:found.start()]))
        name = found.group(1)
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        at = found.end()
    out.append(re.escape(msgid[at:]))
    return re.compile("".join(out), re.S)


def _local(value: str) -> str:
    """A number the English way (`1,204`) the local way (`1 204`); anything else as it is."""
    if "," in value and _GROUPED.fullmatch(value):
        return formats.number(int(value.replace(",", "")))
    return value


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a counted sentence for the catalogue (a plural entry) without translating it:
    the extractor's keyword `Nn_:1,2`."""
    return singular, plural


_PHRASES: list[Phrase] = []
_FIXED: set[str] = set()


def phrase(singular: str | tuple[str, str], *, count: str = "count", nested: tuple[str, ...] = ()) -> Phrase:
    """Declare a stored sentence, `N_(…)` or a counted `Nn_(…, …)` (`describe` then knows it)."""
    singular, plural = (singular, None) if isinstance(singular, str) else singular
    made = Phrase(singular, plural, count, nested)
    if plural is None and "{" not in singular:
        _FIXED.add(singular)
    else:
        _PHRASES.append(made)
    return made


def describe(text: str | None) -> str:
    """A stored English sentence, or a text marked with `N_` where it was made (a band's
    meaning, a lint message), in the active language; text the catalogue does not know (a
    name, a user's own family) as it is. The one helper for both: `tui.outputs.human.shown` too."""
    if not text or language() == "en":
        return text or ""
    return _describe(language(), text)


def describe_all(texts: object) -> list[str]:
    """`describe` over a list of stored sentences."""
    return [describe(t) for t in (texts or ())]  # type: ignore[union-attr]


@lru_cache(maxsize=4096)
def _describe(code: str, text: str) -> str:
    if text in _FIXED:
        return _(text)
    for known in _PHRASES:
        params = known.match(text)
        if params is not None:
            return known.translate(params)
    return _(text)  # never _(""): gettext answers it with the catalogue's header (text is not empty here)


# ---------------------------------------------------------------- suspicious signs (triage rows)
SCAM_WORDS_FOUND = phrase(N_("scam vocabulary in the note ({words})"))
NO_NAME = phrase(N_("no name"))
SINGLE_WORD_NAME = phrase(N_("single-word name"))
DIGITS_IN_NAME = phrase(N_("digits in the name"))
NAME_IN_CAPITALS = phrase(N_("name in capitals"))
BRAND_NAME = phrase(N_("name looks like a brand ('{brand}')"))

# ---------------------------------------------------------------- the import report (repairs, problems)
SEPARATED_SEMICOLON = phrase(N_("semicolon-separated (re-saved by a spreadsheet?)"))
SEPARATED_TAB = phrase(N_("tab-separated (re-saved by a spreadsheet?)"))
FALLBACK_READER = phrase(N_("parsed with the fallback reader"))
ROWS_PADDED = phrase(Nn_("{count} row padded (trailing columns not read were missing)",
                         "{count} rows padded (trailing columns not read were missing)"))
PLACEHOLDERS_BLANKED = phrase(Nn_("{count} placeholder cell (NA, N/A, NULL, None, -) read as empty",
                                  "{count} placeholder cells (NA, N/A, NULL, None, -) read as empty"))
COLUMN_MISSING = phrase(N_("column missing: {column} (left empty)"))
MORE_SET_ASIDE = phrase(N_("{count} more rows set aside (only the first {listed} are listed)"))
FIELDS_EXPECTED = phrase(N_("has {count} fields, expected {expected}"))
CELLS_CUT = phrase(Nn_("{count} row had a field over {cap} K characters, cut to that (line {lines})",
                       "{count} rows had a field over {cap} K characters, cut to that (line {lines})"),
                   nested=("lines",))
LINES_AND_MORE = phrase(N_("{lines} and {count} more"))
NOT_UTF8_MAC = phrase(N_("not UTF-8: decoded as {label} (re-saved by an old Mac?)"))
NOT_UTF8_EXCEL = phrase(N_("not UTF-8: decoded as {label} (re-saved by Excel?)"))
MIXED_ENCODINGS = phrase(Nn_("mixed encodings: {count} line read as UTF-8, {legacy} as {label}",
                             "mixed encodings: {count} lines read as UTF-8, {legacy} as {label}"))
FROM_UTF16 = phrase(N_("decoded from UTF-16 (re-saved by a spreadsheet?)"))
BOM_REMOVED = phrase(N_("byte-order mark removed"))
NUL_REMOVED = phrase(N_("NUL characters removed"))
CRLF_NORMALISED = phrase(N_("CRLF line endings normalised"))
CR_CONVERTED = phrase(N_("old-Mac CR line endings converted"))
EMAILS_LEFT_EMPTY = phrase(Nn_("{count} email cell that is not an address left empty",
                               "{count} email cells that are not addresses left empty"))
UNKNOWN_DIRECTION = phrase(N_("{count} rows with an unknown direction"))
MATCHED_BY_NAME = phrase(Nn_("{count} invitation matched to connections by name (no profile URL to match on)",
                             "{count} invitations matched to connections by name (no profile URL to match on)"))
AMBIGUOUS_NAMES = phrase(Nn_("{count} invitation matches a name that two or more connections share: "
                             "counted connected, check them",
                             "{count} invitations match a name that two or more connections share: "
                             "counted connected, check them"))
NO_CONNECTIONS_FILE = phrase(N_("no Connections.csv: everyone counts as not connected"))
NO_INVITATIONS_FILE = phrase(N_("no Invitations.csv: the received and sent queues are empty"))
UNSAFE_ENTRY = phrase(N_("ignored an archive entry with an unsafe path (.. or absolute)"))
SYMLINK_ENTRY = phrase(N_("ignored a symbolic link in the archive"))

# ---------------------------------------------------------------- which export a file comes from (vintage)
OUTLOOK = phrase(N_("Outlook export (before 2017)"))
RESAVED = phrase(N_("{vintage}, re-saved by a spreadsheet"), nested=("vintage",))
for _vintage in (
    N_("2023-07+ (URL column)"), N_("2023-07+ (URL column, preamble removed)"),
    N_("≤2018 (no preamble, month/day/year dates)"), N_("2019–2023 (no URL column)"),
    N_("2023-07+ (URL column and preamble removed)"), N_("2019–2023 (no URL column, preamble removed)"),
    N_("≤2018 (no preamble)"), N_("≈2023-07 (URN columns)"), N_("2024-03+ (profile URLs)"),
    N_("≈2023-12 (bare profile URLs)"), N_("≤2022 (5 columns)"),
    N_("endorsements received (with profile URLs)"), N_("endorsements received (no profile URLs)"),
    N_("recommendations received"), N_("recommendations given"), N_("your positions"),
    N_("companies you follow"), N_("profile"), N_("≤2020 (no conversation IDs)"), N_("2026+ (attachments)"),
    N_("2024-12+ (draft flags)"), N_("2023-04+ (recipient URLs)"),
):
    phrase(_vintage)
for _vintage in (N_("profile (with industry)"), N_("profile (with location)"),
                 N_("profile (with industry and location)")):
    phrase(_vintage)

# ---------------------------------------------------------------- the sent queue, the strategy's reasons
STALE_SUGGESTION = phrase(N_("withdraw? LinkedIn then blocks re-inviting for about 3 weeks"))
# What the received pane writes as the reason of a decision taken from a suggestion.
RULE_REASON = phrase(N_("rule {rule}: {reason}"), nested=("reason", "rule"))
# The strategy's two branches before its rules, stored as rule names (a user's own rule: as written).
PROTECTED_RULE = phrase(N_("protected"))
REFUSED_RULE = phrase(N_("refused"))
PROTECTED_BECAUSE = phrase(N_("protected: {what}"), nested=("what",))
REFUSED_BECAUSE = phrase(N_("refused: {what}"), nested=("what",))
ENTRY_IS = phrase(N_("{field} is '{value}'"))
ENTRY_CONTAINS = phrase(N_("{field} contains '{value}'"))
ENTRY_MATCHES = phrase(N_("{field} matches '{value}'"))
