"""Role family and seniority of a connection's position, from the rules in role_rules.py.

A title is folded (lower case, accents off, punctuation a space), its abbreviations are
expanded ("Sr. VP" → "senior vice president"), then each family's keywords are tried as
whole words, in order. Everything runs in Polars, once per distinct position.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache, reduce

import polars as pl

from tui.data.role_rules import (
    ABBREVIATIONS, FALLBACK_FAMILIES, FAMILIES, FAMILY_FROM_SENIORITY, SENIORITY, SENIORITY_CHECK,
    SENIORITY_DEFAULT, SENIORITY_EXCEPTIONS, SENIORITY_UNKNOWN,
)

OTHER = "other"
DEFAULT_ROLE_FAMILIES: dict[str, list[str]] = FAMILIES
EXTEND = "+"  # "[role_families] '+sales/business' = [...]" adds keywords to a default family


def fold_expr(text: pl.Expr) -> pl.Expr:
    """Lower case, accents off, anything but letters and digits a single space."""
    out = text.fill_null("").str.normalize("NFKD").str.replace_all(r"\p{M}", "").str.to_lowercase()
    return out.str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()


def _fold_words(words: list[str]) -> list[str]:
    """`fold_expr` in Python, for the keywords (a Polars call per list costs more than the match)."""
    out = []
    for word in words:
        bare = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
        out.append(" ".join(re.sub(r"[^\w]|_", " ", bare.lower()).split()))
    return out


def title_expr(position: pl.Expr) -> pl.Expr:
    """The folded title with abbreviations expanded, as the keywords are matched on."""
    # Each word between two spaces of its own, so replace_many sees "sr" and "vp" in "sr vp".
    padded = pl.lit("  ") + fold_expr(position).str.replace_all(" ", "  ") + pl.lit("  ")
    short = list(ABBREVIATIONS)
    expanded = padded.str.replace_many([f" {a} " for a in short], [f" {ABBREVIATIONS[a]} " for a in short])
    return expanded.str.replace_all(r"\s+", " ").str.strip_chars()


def keyword_pattern(keywords: list[str]) -> str | None:
    """One regex matching the first keyword found as whole words, for folded text ("x*" = a
    word starting with x, "*x" = a word ending with x)."""
    return _pattern(tuple(keywords))


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> str | None:
    # Folded text holds words and single spaces only, so a word is a run of non-spaces: this
    # compiles ~100× faster than Unicode \b and \w, which matters on every start.
    parts = []
    ends = [(k.strip().startswith("*"), k.strip().endswith("*")) for k in keywords]
    for word, (suffix, prefix) in zip(_fold_words([k.strip().strip("*") for k in keywords]), ends):
        if not word:
            continue
        escaped = " ".join(_escape(w) for w in word.split())
        parts.append(("[^ ]*" if suffix else "") + escaped + ("[^ ]*" if prefix else ""))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # the longest keyword wins where several start together
    return "(?:^| )(?:" + "|".join(parts) + ")(?: |$)"


def _escape(word: str) -> str:
    return "".join("\\" + ch if not ch.isalnum() else ch for ch in word)


def role_families(overrides: Mapping[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The user's families first (a new name, or a default's name to replace it; an empty list
    removes it; "+name" adds keywords to it), then the defaults."""
    families = {name: list(words) for name, words in DEFAULT_ROLE_FAMILIES.items()}
    mine: dict[str, list[str]] = {}
    for name, words in (overrides or {}).items():
        if name.startswith(EXTEND) and name[1:] in families:
            families[name[1:]] = [*words, *families[name[1:]]]
        elif name == OTHER:
            continue
        elif words:
            families.pop(name, None)
            mine[name] = list(words)
        else:
            families.pop(name, None)
    return {**mine, **families}


def family_names(families: Mapping[str, list[str]]) -> list[str]:
    """Families in display order, "other" last."""
    return [*families, OTHER]


def _first_match(text: pl.Expr, rules: list[tuple[str, list[str]]]) -> tuple[pl.Expr, pl.Expr]:
    """(name of the first rule that matches, the words it matched), null when none does."""
    # Group 0 only: the regex engine then finds it with its fast automaton, no capture slots.
    found = [(name, text.str.extract(p, 0).str.strip_chars()) for name, words in rules
             if (p := keyword_pattern(words))]
    if not found:
        return pl.lit(None, pl.Utf8), pl.lit(None, pl.Utf8)
    name = reduce(lambda acc, f: acc.when(f[1].is_not_null()).then(pl.lit(f[0])),
                  found[1:], pl.when(found[0][1].is_not_null()).then(pl.lit(found[0][0])))
    return name.otherwise(None).cast(pl.Utf8), pl.coalesce([m for _, m in found]).cast(pl.Utf8)


def _seniority(text: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    level, words = _first_match(text, [*SENIORITY_EXCEPTIONS, *((name, SENIORITY[name]) for name in SENIORITY_CHECK)])
    level = pl.when(text == "").then(pl.lit(SENIORITY_UNKNOWN)).otherwise(pl.coalesce(level, pl.lit(SENIORITY_DEFAULT)))
    return level, words


def classify(positions: pl.Series | pl.Expr, families: Mapping[str, list[str]] | None = None) -> pl.DataFrame:
    """One row per distinct position: family, family_match, seniority, seniority_match, why."""
    families = role_families(None) if families is None else families
    frame = pl.DataFrame({"position": positions}) if isinstance(positions, pl.Series) else pl.select(position=positions)
    frame = frame.select(pl.col("position").cast(pl.Utf8).unique()).with_columns(_t=title_expr(pl.col("position")))
    text = pl.col("_t")
    family, family_words = _first_match(text, list(families.items()))
    fallback, fallback_words = _first_match(text, [(n, w) for n, w in FALLBACK_FAMILIES.items() if n in families])
    level, level_words = _seniority(text)
    by_level = level.replace_strict(
        list(FAMILY_FROM_SENIORITY), list(FAMILY_FROM_SENIORITY.values()), default=None, return_dtype=pl.Utf8)
    by_level = pl.when(by_level.is_in(list(families))).then(by_level)
    out = frame.with_columns(
        family=pl.coalesce(family, fallback, by_level, pl.lit(OTHER)),
        family_match=pl.coalesce(family_words, fallback_words),
        seniority=level,
        seniority_match=level_words,
    ).with_columns(why=_why())
    return out.drop("_t")


def _why() -> pl.Expr:
    """"engineering/data · matched 'ingenieur' — manager/lead · matched 'responsable'"."""
    fam = pl.when(pl.col("family_match").is_not_null()).then(
        pl.format("{} · matched '{}'", "family", "family_match"))
    fam = fam.when(pl.col("family") != OTHER).then(pl.format("{} · from the level", "family"))
    fam = fam.otherwise(pl.lit("other · no family word"))
    level = pl.when(pl.col("seniority_match").is_not_null()).then(
        pl.format("{} · matched '{}'", "seniority", "seniority_match"))
    level = level.when(pl.col("seniority") == SENIORITY_UNKNOWN).then(pl.lit("no title"))
    level = level.otherwise(pl.format("{} · no level word", "seniority"))
    return pl.concat_str([fam, pl.lit(" — "), level])


def _mapped(frame: pl.DataFrame, families: Mapping[str, list[str]], column: str, field: str,
            default: str) -> pl.Expr:
    table = classify(frame.get_column(column), families)
    return pl.col(column).replace_strict(table["position"], table[field], default=default, return_dtype=pl.Utf8)


def family_of(frame: pl.DataFrame, families: Mapping[str, list[str]], column: str = "position") -> pl.Expr:
    """The family of each row's position (classified once per distinct position, mapped back)."""
    return _mapped(frame, families, column, "family", OTHER)


def seniority_of(frame: pl.DataFrame, column: str = "position") -> pl.Expr:
    """The seniority level of each row's position."""
    return _mapped(frame, role_families(None), column, "seniority", SENIORITY_UNKNOWN)


def why_of(frame: pl.DataFrame, families: Mapping[str, list[str]], column: str = "position") -> pl.Expr:
    """How each row's position was classified, in words."""
    return _mapped(frame, families, column, "why", "")


def role_family_expr(position: pl.Expr, families: Mapping[str, list[str]]) -> pl.Expr:
    """The first family whose keywords match `position` (an expression), else "other"."""
    text = title_expr(position)
    family, _ = _first_match(text, list(families.items()))
    fallback, _ = _first_match(text, [(n, w) for n, w in FALLBACK_FAMILIES.items() if n in families])
    return pl.coalesce(family, fallback, pl.lit(OTHER)).cast(pl.Utf8)


def unclassified_titles(connections: pl.DataFrame, families: Mapping[str, list[str]] | None,
                        limit: int = 20) -> pl.DataFrame:
    """The most frequent positions in "other": position, count (largest first)."""
    counts = connections.group_by("position").agg(count=pl.len().cast(pl.Int64)).drop_nulls("position")
    table = classify(counts["position"], role_families(families))
    other = table.filter(pl.col("family") == OTHER).select("position")
    return (counts.join(other, on="position", how="semi")
            .sort(["count", "position"], descending=[True, False]).head(limit))


def keywords_match_expr(columns: list[pl.Expr], keywords: list[str]) -> pl.Expr:
    """True where any keyword matches (whole words, case and accents aside) one of `columns`."""
    pattern = keyword_pattern(keywords)
    if pattern is None:
        return pl.lit(False)
    return pl.any_horizontal([title_expr(c).str.contains(pattern) for c in columns])
