"""Filter words on what the user remembers about people: `tag:x`, `-tag:x`, `met:salon`.

Taken out of the filter line before the rest is parsed (`tui/triage/filters.py`), so the
triage filter and these words stay separate. Parsing is pure; `tag_expr` needs Polars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tui.core.folding import fold

_TERM = re.compile(r'(?<!\S)(-?)(tag|met):(?:"([^"]*)"|(\S+))', re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TagTerms:
    """Tags that must be there, tags that must not, words that "how we met" must hold (folded:
    `met:ELODIE` finds "Élodie", as the search does)."""

    tags: tuple[str, ...] = ()
    not_tags: tuple[str, ...] = ()
    met: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.tags or self.not_tags or self.met)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip().lower()


def split_terms(text: str) -> tuple[str, TagTerms]:
    """('rest of the line', TagTerms) — `tag:"salon rh"` takes a quoted tag with spaces."""
    tags: list[str] = []
    not_tags: list[str] = []
    met: list[str] = []
    for match in _TERM.finditer(text):
        negate, kind, quoted, bare = match.groups()
        value = _clean(quoted if quoted is not None else bare)
        if kind.lower() == "met":
            value = fold(value)
        if not value:
            continue
        if kind.lower() == "met":
            met.append(value)
        else:
            (not_tags if negate else tags).append(value)
    rest = _SPACES.sub(" ", _TERM.sub(" ", text)).strip()
    return rest, TagTerms(tuple(tags), tuple(not_tags), tuple(met))


def matches(terms: TagTerms, tags: tuple[str, ...] | list[str], met: str | None) -> bool:
    """Whether one person (their tags, how we met) passes the terms."""
    have = set(tags)
    folded = fold(met)
    return (all(t in have for t in terms.tags) and not any(t in have for t in terms.not_tags)
            and all(w in folded for w in terms.met))


def keys_matching(terms: TagTerms, tags_by_key: dict[str, tuple[str, ...]], met_by_key: dict[str, str],
                  keys: Any) -> set[str]:
    """The keys among `keys` that pass the terms."""
    return {k for k in keys if k and matches(terms, tags_by_key.get(k, ()), met_by_key.get(k))}


def with_marks(frame: Any, tags_by_key: dict[str, tuple[str, ...]], met_by_key: dict[str, str]) -> Any:
    """`frame` (with a `key` column) plus `tags` (list of text) and `met` columns."""
    import polars as pl

    marks = pl.DataFrame(
        {"key": list({*tags_by_key, *met_by_key}),
         "tags": [list(tags_by_key.get(k, ())) for k in {*tags_by_key, *met_by_key}],
         "met": [met_by_key.get(k) for k in {*tags_by_key, *met_by_key}]},
        schema={"key": pl.Utf8, "tags": pl.List(pl.Utf8), "met": pl.Utf8},
    )
    out = frame.drop([c for c in ("tags", "met") if c in frame.columns]).join(marks, on="key", how="left")
    return out.with_columns(pl.col("tags").fill_null(pl.lit([], dtype=pl.List(pl.Utf8))))


def tag_expr(terms: TagTerms) -> Any:
    """The terms as one Polars expression over the `tags` and `met` columns of `with_marks`."""
    import polars as pl

    from tui.core.search import fold_expr

    parts = [pl.col("tags").list.contains(t) for t in terms.tags]
    parts += [~pl.col("tags").list.contains(t) for t in terms.not_tags]
    parts += [fold_expr(pl.col("met")).str.contains(w, literal=True) for w in terms.met]
    return pl.all_horizontal(parts) if parts else pl.lit(True)


def terms_sql(terms: TagTerms, key: str = "key", has_met: bool = True) -> tuple[str, list[Any]]:
    """The terms as a WHERE clause over the store's tags and met tables, and its parameters
    (`has_met` False: the met table is not made yet, so `met:` matches no one)."""
    parts: list[str] = []
    params: list[Any] = []
    for tag in terms.tags:
        parts.append(f"{key} IN (SELECT key FROM tags WHERE tag = ?)")
        params.append(tag)
    for tag in terms.not_tags:
        parts.append(f"coalesce({key} NOT IN (SELECT key FROM tags WHERE tag = ?), 1)")
        params.append(tag)
    for word in terms.met:  # search_fold: tui.core.folding's, registered by the store (SQLite folds ASCII only)
        if not has_met:
            parts.append("0")
            continue
        parts.append(f"{key} IN (SELECT key FROM met WHERE instr(search_fold(text), ?))")
        params.append(word)
    return " AND ".join(parts), params
