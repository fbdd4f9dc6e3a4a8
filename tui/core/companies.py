"""One name per company: fold case, accents, punctuation and legal forms, then apply the
user's aliases and exclusions (companies.toml), as Polars expressions.

The group key of a company is its folded name without the legal form at the end
("Capgemini SE" → "capgemini"); a name is never cut inside ("SAS Institute", "AB InBev",
"Plan A" stay whole) and never cut down to nothing ("SAS" stays "sas").
"""

from __future__ import annotations

import polars as pl

from tui.core.company_names import (  # noqa: F401 - one home for the names, re-exported
    DEFAULT_EXCLUSIONS, DEFAULT_RULES, LEGAL_FORMS, SUFFIX_PATTERN, CompanyRules, normalise,
)
from tui.core.search import fold_expr as search_fold_expr

NO_COMPANY = "(no company)"
# Words that qualify a company rather than name another one ("Capgemini France", "KPMG
# Lyon"): a name that differs from another only by these is likely the same company.
QUALIFIERS = frozenset("""
france europe emea apac latam americas america asia africa nordics benelux iberia dach
international intl global worldwide group groupe grupo gruppe gruppo holding holdings
uk usa us deutschland germany allemagne espana spain espagne italia italy italie portugal
brasil brazil belgique belgium belgie suisse switzerland schweiz svizzera canada india
maroc morocco tunisie algerie luxembourg nederland netherlands ireland mexico argentina chile
colombia peru paris lyon marseille lille nantes toulouse bordeaux nice strasbourg rennes
montpellier grenoble london berlin munich munchen hamburg frankfurt madrid barcelona milano
milan roma rome lisboa lisbon porto geneve geneva zurich bruxelles brussels montreal
""".split())


def fold_expr(text: pl.Expr) -> pl.Expr:
    """The search fold (case, accents, ligatures), dots and apostrophes dropped, other
    punctuation a space; null stays null."""
    out = pl.when(text.is_not_null()).then(search_fold_expr(text))
    out = out.str.replace_all(r"[.'’`´]", "").str.replace_all(r"[^\p{L}\p{N}]+", " ")
    return out.str.strip_chars()


def normalise_expr(text: pl.Expr) -> pl.Expr:
    """The folded name without legal forms at its end (null stays null)."""
    return fold_expr(text).str.replace(SUFFIX_PATTERN, "")


def group_key_expr(text: pl.Expr, rules: CompanyRules | None = None) -> pl.Expr:
    """Company → group key: normalised, aliased; null for blank and excluded names."""
    rules = rules or DEFAULT_RULES
    key = normalise_expr(text)
    mapping = rules.alias_map()
    if mapping:
        key = key.replace(list(mapping), list(mapping.values()))
    excluded = rules.excluded_keys()
    blank = key.is_null() | (key.str.len_chars() == 0)
    if excluded:
        blank = blank | key.is_in(excluded)
    return pl.when(blank).then(None).otherwise(key).cast(pl.Utf8)


def group_of(frame: pl.DataFrame, rules: CompanyRules | None = None, column: str = "company") -> pl.Expr:
    """`group_key_expr` run once per distinct spelling of `frame`, then mapped back onto it."""
    distinct = frame.select(pl.col(column).drop_nulls().unique())
    mapped = distinct.with_columns(_group=group_key_expr(pl.col(column), rules))
    return pl.col(column).replace_strict(mapped[column], mapped["_group"], default=None, return_dtype=pl.Utf8)


def variants(connections: pl.DataFrame, rules: CompanyRules | None = None) -> pl.DataFrame:
    """Every spelling with its count and group: spelling, count, group, how (exact|folded|alias|excluded)."""
    rules = rules or DEFAULT_RULES
    spellings = (
        connections.lazy()
        .select(spelling=pl.col("company").str.strip_chars())
        .filter(pl.col("spelling").str.len_chars() > 0)
        .group_by("spelling")
        .agg(count=pl.len().cast(pl.Int64))
        .collect()
    )
    mapping = rules.alias_map()
    labels = rules.alias_labels()
    folded = normalise_expr(pl.col("spelling"))
    return spellings.with_columns(_norm=folded, group=group_key_expr(pl.col("spelling"), rules)).with_columns(
        how=pl.when(pl.col("group").is_null()).then(pl.lit("excluded"))
        .when(pl.col("_norm").is_in(list(mapping)) & pl.col("group").is_in(list(labels)))
        .then(pl.lit("alias"))
        .otherwise(pl.lit("folded"))
    ).drop("_norm")


def groups(connections: pl.DataFrame, rules: CompanyRules | None = None) -> pl.DataFrame:
    """Company groups, largest first: group, label (alias name, else the commonest spelling),
    count, and variants (a list of {spelling, count, how}, commonest first)."""
    rules = rules or DEFAULT_RULES
    labels = rules.alias_labels()
    frame = variants(connections, rules).filter(pl.col("group").is_not_null())
    grouped = (
        frame.sort(["count", "spelling"], descending=[True, False])
        .group_by("group", maintain_order=True)
        .agg(
            common=pl.col("spelling").first(),
            count=pl.col("count").sum(),
            variants=pl.struct("spelling", "count", "how"),
        )
    )
    label = pl.col("group").replace_strict(list(labels), list(labels.values()), default=None, return_dtype=pl.Utf8)
    return (
        grouped.with_columns(label=pl.coalesce(label, pl.col("common")))
        .select("group", "label", "count", "variants")
        .sort(["count", "group"], descending=[True, False])
    )


def similarity(a: str, b: str) -> float:
    """0–100: how alike two normalised names are (rapidfuzz). Names that differ only by
    qualifier words ("capgemini" / "capgemini france") score 100; otherwise the whole names
    are compared, word order aside, so "cobalt" / "cobalt analytics" stays low."""
    from rapidfuzz import fuzz

    words_a, words_b = set(a.split()), set(b.split())
    extra = words_a ^ words_b
    if extra and (words_a <= words_b or words_b <= words_a) and extra <= QUALIFIERS:
        return 100.0
    return float(fuzz.token_sort_ratio(a, b))


def suggestions(connections: pl.DataFrame, rules: CompanyRules | None = None, min_score: float = 90.0,
                limit: int = 200) -> list[dict]:
    """Likely aliases, never applied: groups whose normalised names share their first word
    and score at least `min_score` (`similarity`) against a larger group."""
    table = groups(connections, rules)
    by_first: dict[str, list[tuple[str, str, int]]] = {}
    for key, label, count in table.select("group", "label", "count").iter_rows():
        by_first.setdefault(key.split(" ", 1)[0], []).append((key, label, count))
    found: dict[str, dict] = {}
    for members in by_first.values():
        if len(members) < 2:
            continue
        for i, (key, label, count) in enumerate(members):  # larger groups first (table order)
            for other_key, other_label, other_count in members[i + 1:]:
                score = similarity(key, other_key)
                if score < min_score:
                    continue
                # A smaller group goes to the first (largest) group it resembles, only once.
                if any(v["name"] == other_label for s in found.values() for v in s["variants"]):
                    continue
                entry = found.setdefault(key, {"name": label, "count": count, "variants": []})
                entry["variants"].append({"name": other_label, "count": other_count, "score": round(score, 1)})
    ordered = sorted(found.values(), key=lambda s: (-s["count"], s["name"]))
    return ordered[:limit]


def suggestions_toml(found: list[dict]) -> str:
    """The suggestions as lines to paste under [aliases] in companies.toml."""
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "\n".join(f"{q(s['name'])} = [{', '.join(q(v['name']) for v in s['variants'])}]" for s in found)
