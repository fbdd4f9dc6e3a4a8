"""The filter line (`/`): a tiny query language compiled to one Polars expression.

    words          every word must appear in `search` (case-insensitive, literal)
    "two words"    a quoted phrase, also literal
    has:note       no:note
    older:30d      newer:7d      (d = days, w = weeks; compared with waited_days)
    flag:suspicious  flag:bridge  flag:mass  flag:messaged  flag:due  flag:stale  flag:followup
    decided:later  decided:accept … decided:any  decided:none
    tag:client  -tag:"salon rh"  met:lyon   (what you noted about people: tui/triage/tag_filter.py)
"""

from __future__ import annotations
from tui.i18n import N_, _

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from tui.triage.vocabulary import RECEIVED_DECISIONS, SENT_DECISIONS

if TYPE_CHECKING:  # the parser is on the start path (the store's queue); Polars is not
    import polars as pl

DECIDED = (*RECEIVED_DECISIONS, *SENT_DECISIONS, "any", "none")
FLAGS = {  # flag name → boolean column
    "suspicious": "suspicious",
    "bridge": "bridge",
    "mass": "mass_invite",
    "messaged": "messaged_before",
    "due": "later_due",
    "stale": "stale",
    "followup": "follow_up_now",
    "accepted": "accepted",
}
KEYS = ("has", "no", "older", "newer", "flag", "decided", "tag", "met")
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_AGE = re.compile(r"(\d{1,5})([dw])")


class FilterError(ValueError):
    """A token in the filter line that can't be understood; str(e) says which and why."""


class Filter(NamedTuple):
    """A parsed filter line. The empty Filter() keeps every row."""

    words: tuple[str, ...] = ()
    has_note: bool | None = None
    older_days: int | None = None
    newer_days: int | None = None
    flags: tuple[str, ...] = ()
    decided: str | None = None
    marks: object = None  # a TagTerms for tag:, -tag:, met: (tui/triage/tag_filter.py), or None

    @property
    def empty(self) -> bool:
        return self == Filter()


def parse_filter(text: str) -> Filter:
    """Parse the filter line; raise FilterError naming the first bad token."""
    from tui.triage.tag_filter import split_terms

    text, marks = split_terms(text)
    if text.count('"') % 2:
        raise FilterError(_('unclosed quote: add the closing "'))
    words: list[str] = []
    values: dict[str, object] = {"flags": []}
    for match in _TOKEN.finditer(text):
        phrase, token = match.group(1), match.group(2)
        if phrase is not None:
            if phrase.strip():
                words.append(phrase.lower())
            continue
        head, sep, value = token.partition(":")
        if not sep or not head.isascii() or not head.isalpha() or value.startswith("//"):
            words.append(token.lower())
            continue
        _parse_key(head.lower(), value.lower(), token, values)
    flags = tuple(dict.fromkeys(values.pop("flags")))  # type: ignore[arg-type]
    return Filter(words=tuple(words), flags=flags, marks=None if marks.empty else marks, **values)  # type: ignore[arg-type]


def _parse_key(key: str, value: str, token: str, out: dict[str, object]) -> None:
    if key in ("has", "no"):
        if value != "note":
            raise FilterError(_("'{token}': only {key}:note is known").format(token=_short(token), key=key))
        out["has_note"] = key == "has"
    elif key in ("older", "newer"):
        age = _AGE.fullmatch(value)
        if not age:
            raise FilterError(_("'{token}': write a number of days or weeks, like {key}:30d or {key}:2w").format(token=_short(token), key=key))
        days = int(age.group(1)) * (7 if age.group(2) == "w" else 1)
        out[f"{key}_days"] = days
    elif key == "flag":
        if value not in FLAGS:
            raise FilterError(_("'{token}': known flags are {flags}").format(token=_short(token), flags=', '.join(FLAGS)))
        out["flags"].append(value)  # type: ignore[union-attr]
    elif key == "decided":
        if value not in DECIDED:
            raise FilterError(_("'{token}': decided: takes {decided}").format(token=_short(token), decided=', '.join(DECIDED)))
        out["decided"] = value
    else:
        raise FilterError(
            _("unknown filter '{key}:' (known: {known}); put it in quotes to search for the text").format(key=_short(key), known=', '.join(k + ':' for k in KEYS))
        )


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


def filter_expr(f: Filter, columns: list[str] | tuple[str, ...] | None = None) -> pl.Expr:
    """The Filter as one boolean Polars expression (checks the columns exist if given)."""
    import polars as pl

    parts: list[pl.Expr] = []

    def col(name: str, token: str) -> pl.Expr:
        if columns is not None and name not in columns:
            raise FilterError(_("'{token}' doesn't apply to this list").format(token=token))
        return pl.col(name)

    for word in f.words:
        parts.append(col("search", word).str.contains(word, literal=True))
    if f.has_note is not None:
        has = col("has_note", "has:note")
        parts.append(has if f.has_note else ~has)
    if f.older_days is not None:
        parts.append(col("waited_days", "older:") >= f.older_days)
    if f.newer_days is not None:
        parts.append(col("waited_days", "newer:") <= f.newer_days)
    for flag in f.flags:
        parts.append(col(FLAGS[flag], f"flag:{flag}"))
    if f.decided == "any":
        parts.append(col("decision", "decided:any").is_not_null())
    elif f.decided == "none":
        parts.append(col("decision", "decided:none").is_null())
    elif f.decided is not None:
        parts.append(col("decision", f"decided:{f.decided}") == f.decided)
    if f.marks is not None:
        from tui.triage.tag_filter import tag_expr

        col("tags", "tag:")
        parts.append(tag_expr(f.marks))
    if not parts:
        return pl.lit(True)
    return pl.all_horizontal(parts).fill_null(False)


def apply_filter(frame: pl.DataFrame, f: Filter, today: date | None = None) -> pl.DataFrame:
    """Rows of `frame` that match `f`, in one Polars filter (no loop over rows).

    `today` is accepted for symmetry with the queues: ages use the frame's waited_days,
    which the queue computed against its own `today`.
    """
    if f.empty:
        return frame
    return frame.filter(filter_expr(f, frame.columns))


VIEWS = ("All", "With note", "No note", "Suspicious", "Later (due)", "Decided")
# The views' names are identifiers (saved in config, counted by name); `view_name` shows them.
VIEW_NAMES = {"All": N_("All"), "With note": N_("With note"), "No note": N_("No note"),
              "Suspicious": N_("Suspicious"), "Later (due)": N_("Later (due)"), "Decided": N_("Decided")}


def view_name(view: str) -> str:
    """A built-in view's name in the reader's language (a saved view: as the user named it)."""
    return _(VIEW_NAMES[view]) if view in VIEW_NAMES else view


def view_expr(view: str) -> pl.Expr:
    """The rows of a saved view of the received queue."""
    import polars as pl

    pending = pl.col("pending")
    exprs = {
        "All": pending,
        "With note": pending & pl.col("has_note"),
        "No note": pending & ~pl.col("has_note"),
        "Suspicious": pending & pl.col("suspicious"),
        "Later (due)": pl.col("later_due"),
        "Decided": pl.col("decision").is_not_null() & ~pl.col("later_due"),
    }
    if view not in exprs:
        raise FilterError(_("unknown view '{view}'").format(view=_short(view)))
    return exprs[view].fill_null(False)


def view_counts(frame: pl.DataFrame, today: date | None = None,
                f: Filter | None = None) -> dict[str, int]:
    """Live counts for every view (optionally within a filter), in one select."""
    import polars as pl

    base = filter_expr(f, frame.columns) if f is not None and not f.empty else pl.lit(True)
    row = frame.select(
        [(view_expr(v) & base).sum().cast(pl.Int64).alias(v) for v in VIEWS]
    ).row(0, named=True)
    return {v: int(row[v] or 0) for v in VIEWS}
