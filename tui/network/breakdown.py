"""What the network is made of: companies, role families, years, email, qualified contacts."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import polars as pl

from tui.core.search import prefix_expr, query_words, words_expr
from tui.core.companies import CompanyRules, group_key_expr, group_of, normalise
from tui.network.role_rules import SENIORITY_ORDER, SENIORITY_UNKNOWN
from tui.network.roles import OTHER, family_of, keywords_match_expr, role_families, seniority_of, unclassified_titles, why_of
from tui.i18n import N_, _
from tui.network.role_names import family_name, seniority_name

DIMENSIONS = ("company", "family", "seniority", "unclassified", "year", "email", "qualified", "ties")
# Table values and labels stay English (`stats --json`, drill-downs); `shown_label` translates.
NO_COMPANY = N_("(no company)")
UNKNOWN = N_("unknown")
WITH_EMAIL, WITHOUT_EMAIL = N_("with email"), N_("without email")
# Endorsed or recommended you, or you them (Endorsement_Received_Info.csv, Recommendations_*.csv).
WITH_TIES, WITHOUT_TIES = N_("a real tie"), N_("no real tie")
TABLE_SCHEMA = {"label": pl.Utf8, "value": pl.Utf8, "count": pl.Int64, "share": pl.Float64}


@dataclass(frozen=True)
class Targets:
    """What makes a contact qualified: keywords (company/position) and/or role families."""

    keywords: tuple[str, ...] = ()
    families: tuple[str, ...] = ()
    basis: str = "none"  # "strategy", "role families" or "none"

    @property
    def empty(self) -> bool:
        return not self.keywords and not self.families


@dataclass(frozen=True, eq=False)
class WhoAt:
    """Connections at a company, and invitations matched through info the user typed."""

    query: str
    connections: pl.DataFrame
    invitations: pl.DataFrame
    invitations_note: str = field(default="")


def company_key(column: str = "company", rules: CompanyRules | None = None) -> pl.Expr:
    """The company's group key (tui.core.companies); null when blank or excluded."""
    return group_key_expr(pl.col(column), rules)


def with_family(connections: pl.DataFrame, families: Mapping[str, list[str]] | None,
                classified: pl.DataFrame | None = None) -> pl.DataFrame:
    """Add a `family` column from the position (`classified`: roles.classify of the positions)."""
    return connections.with_columns(family=family_of(connections, role_families(families), classified=classified))


def shown_label(dimension: str, label: str) -> str:
    """A table label as people read it: family and seniority names, "unknown", the email rows
    and "(no company)" in the reader's language; companies and titles as they are."""
    if dimension == "family":
        return family_name(label)
    if dimension == "seniority":
        return seniority_name(label)
    if label in (NO_COMPANY, UNKNOWN, WITH_EMAIL, WITHOUT_EMAIL, WITH_TIES, WITHOUT_TIES) and dimension != "unclassified":
        return _(label)
    return label


def _finish(frame: pl.DataFrame, total: int) -> pl.DataFrame:
    share = (pl.col("count") / total) if total else pl.lit(0.0)
    return frame.with_columns(pl.col("count").cast(pl.Int64), share=share.cast(pl.Float64)).select(
        list(TABLE_SCHEMA)
    )


def companies(connections: pl.DataFrame, limit: int | None = None, rules: CompanyRules | None = None) -> pl.DataFrame:
    """Company groups by number of connections (alias name, else the commonest spelling), largest first."""
    total = connections.height
    # Most common spelling per company (ties → first in sort order) without a per-group mode().
    # Counted per distinct raw spelling first, so the string work runs once per spelling.
    grouped = (
        connections.lazy()
        .group_by("company")
        .agg(_n=pl.len())
        .with_columns(_key=company_key(rules=rules), _label=pl.col("company").str.strip_chars())
        .filter(pl.col("_key").is_not_null())
        .group_by("_key", "_label")
        .agg(n=pl.col("_n").sum())
        .sort(["n", "_label"], descending=[True, False])
        .group_by("_key", maintain_order=True)
        .agg(label=pl.col("_label").first(), count=pl.col("n").sum())
        .sort(["count", "_key"], descending=[True, False])
        .rename({"_key": "value"})
        .collect()
    )
    labels = (rules or CompanyRules()).alias_labels()
    if labels:  # an alias group shows the name the user gave it
        named = pl.col("value").replace_strict(list(labels), list(labels.values()), default=None, return_dtype=pl.Utf8)
        grouped = grouped.with_columns(label=pl.coalesce(named, pl.col("label")))
    if limit is not None:
        grouped = grouped.head(limit)
    return _finish(grouped, total)


def families_table(connections: pl.DataFrame, families: Mapping[str, list[str]] | None,
                   classified: pl.DataFrame | None = None) -> pl.DataFrame:
    """Every role family (zero rows included), in display order, "other" last."""
    names = [*role_families(families), OTHER]
    # Counted per distinct position first: the family is then mapped on those rows only.
    positions = connections.group_by("position").agg(_n=pl.len())
    counts = with_family(positions, families, classified).group_by("family").agg(count=pl.col("_n").sum())
    return _in_order(counts, "family", names, connections.height)


def seniority_table(connections: pl.DataFrame, classified: pl.DataFrame | None = None) -> pl.DataFrame:
    """Connections per seniority level (zero rows included), "unknown" (no title) last."""
    names = [*SENIORITY_ORDER, SENIORITY_UNKNOWN]
    positions = connections.group_by("position").agg(_n=pl.len())
    counts = positions.group_by(level=seniority_of(positions, classified=classified)).agg(count=pl.col("_n").sum())
    return _in_order(counts, "level", names, connections.height)


def _in_order(counts: pl.DataFrame, column: str, names: list[str], total: int) -> pl.DataFrame:
    """A table with one row per name of `names`, in that order (zero where `counts` has none)."""
    order = pl.DataFrame({column: names, "_order": list(range(len(names)))})
    joined = (
        order.join(counts, on=column, how="left")
        .with_columns(pl.col("count").fill_null(0), label=pl.col(column), value=pl.col(column))
        .sort("_order")
    )
    return _finish(joined, total)


def unclassified_table(connections: pl.DataFrame, families: Mapping[str, list[str]] | None,
                       limit: int = 50, classified: pl.DataFrame | None = None) -> pl.DataFrame:
    """The most frequent titles no family claims: add a keyword to [role_families] for each."""
    titles = unclassified_titles(connections, families, limit, classified)
    return _finish(titles.with_columns(label=pl.col("position"), value=pl.col("position")), connections.height)


def years_table(connections: pl.DataFrame) -> pl.DataFrame:
    """Connections per year connected, oldest first; unknown dates last."""
    grouped = (
        connections.group_by(year=pl.col("connected_on").dt.year())
        .agg(count=pl.len())
        .sort("year", nulls_last=True)
        .with_columns(value=pl.col("year").cast(pl.Utf8).fill_null(UNKNOWN))
        .with_columns(label=pl.col("value"))
    )
    return _finish(grouped, connections.height)


def _has_email() -> pl.Expr:
    return pl.col("email").fill_null("").str.strip_chars().str.len_chars() > 0


def email_table(connections: pl.DataFrame) -> pl.DataFrame:
    """How many connections share an email address in the export."""
    with_email = connections.select(_has_email().sum()).item() if connections.height else 0
    frame = pl.DataFrame(
        {"label": [WITH_EMAIL, WITHOUT_EMAIL], "count": [with_email, connections.height - with_email]}
    ).with_columns(value=pl.col("label"))
    return _finish(frame, connections.height)


def qualified_expr(frame: pl.DataFrame, targets: Targets, families: Mapping[str, list[str]] | None,
                   classified: pl.DataFrame | None = None) -> pl.Expr:
    """True for rows of `frame` matching the targets' keywords or role families."""
    parts = []
    if targets.keywords:
        parts.append(keywords_match_expr([pl.col("company"), pl.col("position")], list(targets.keywords)))
    if targets.families:
        family = family_of(frame, role_families(families), classified=classified)
        parts.append(family.is_in(list(targets.families)))
    return pl.any_horizontal(parts) if parts else pl.lit(False)


def qualified(connections: pl.DataFrame, targets: Targets, families: Mapping[str, list[str]] | None,
              classified: pl.DataFrame | None = None) -> dict:
    """Count and share of qualified contacts; null (not 0) when no targets are set."""
    if targets.empty:
        return {"count": None, "share": None, "basis": "none"}
    count = int(connections.select(qualified_expr(connections, targets, families, classified).sum()).item() or 0)
    share = count / connections.height if connections.height else 0.0
    return {"count": count, "share": round(share, 4), "basis": targets.basis}


def concentration(connections: pl.DataFrame, table: pl.DataFrame | None = None) -> dict:
    """How many companies hold half the connections with a company; share of the top 20%.

    `table` is `companies(connections)` when the caller already has it.
    """
    counts = (table if table is not None else companies(connections))["count"]
    held = int(counts.sum()) if counts.len() else 0
    if held == 0:
        return {"companies": 0, "with_company": 0, "companies_for_half": None, "top20_share": None}
    cumulative = counts.cum_sum()
    for_half = int((cumulative < held / 2).sum()) + 1
    top_n = max(1, math.ceil(counts.len() * 0.2))
    top_share = int(counts.head(top_n).sum()) / held
    return {
        "companies": counts.len(),
        "with_company": held,
        "companies_for_half": for_half,
        "top20_share": round(top_share, 4),
    }


def people_for(
    export,
    dimension: str,
    value: str,
    *,
    families: Mapping[str, list[str]] | None = None,
    targets: Targets | None = None,
    rules: CompanyRules | None = None,
) -> pl.DataFrame:
    """The connections behind one row of a composition table (most recent first), with
    their ties (endorsements and recommendations, `ties` their sum)."""
    from tui.export.archive import with_ties

    frame = export.connections
    if dimension == "company":
        group = group_of(frame, rules)
        cond = group.is_null() if value == NO_COMPANY else group == value
    elif dimension == "family":
        cond = family_of(frame, role_families(families)) == value
    elif dimension == "seniority":
        cond = seniority_of(frame) == value
    elif dimension == "unclassified":
        cond = pl.col("position") == value
    elif dimension == "year":
        year = pl.col("connected_on").dt.year()
        cond = year.is_null() if value == UNKNOWN else year == int(value)
    elif dimension == "email":
        cond = _has_email() if value == WITH_EMAIL else ~_has_email()
    elif dimension == "qualified":
        cond = qualified_expr(frame, targets or Targets(), families)
    elif dimension == "ties":
        cond = _tied(export) if value == WITH_TIES else ~_tied(export)
    else:
        raise ValueError(f"unknown dimension {dimension!r} (known: {', '.join(DIMENSIONS)})")
    found = frame.filter(cond).sort(["connected_on", "full_name"], descending=[True, False], nulls_last=True)
    # How each person's title was read ("director/head · matched 'directeur'"), for the people table.
    found = with_ties(found.with_columns(why=why_of(found, role_families(families))), export)
    # The people you have a real tie with: the most ties first (then the most recent).
    return found.sort("ties", descending=True, maintain_order=True) if dimension == "ties" else found


def _tied(export) -> pl.Expr:
    """True for connections with a real tie (an endorsement or a recommendation, either way)."""
    from tui.export.archive import tie_counts

    return pl.col("key").is_in(tie_counts(export).get_column("key").implode())


def ties_table(export) -> pl.DataFrame:
    """How many connections you have a real tie with (endorsements, recommendations both ways)."""
    connections = export.connections
    tied = connections.select(_tied(export).sum()).item() if connections.height else 0
    frame = pl.DataFrame(
        {"label": [WITH_TIES, WITHOUT_TIES], "count": [tied, connections.height - tied]}
    ).with_columns(value=pl.col("label"))
    return _finish(frame, connections.height)


def company_index(connections: pl.DataFrame, rules: CompanyRules | None = None) -> pl.DataFrame:
    """Connections by name with a lower-cased company and its group key, built once: each
    who-at keystroke is then one filter over it (a sort and a lower-casing per keystroke cost ~5× more)."""
    return connections.select(
        "key", "full_name", "company", "position", "connected_on",
        _company=words_expr(pl.col("company")),  # folded: `medical` finds Médical
        _group=pl.lit(" ") + group_of(connections, rules).fill_null("") + pl.lit(" "),  # word starts, as _company
    ).sort("full_name", maintain_order=True)


def who_at(export, company_query: str, info: pl.DataFrame | None = None,
           index: pl.DataFrame | None = None, rules: CompanyRules | None = None) -> WhoAt:
    """Connections whose company (as typed, or its group: "loreal" finds "L'Oréal SA", an alias
    name finds its variants) contains the query; invitations only via typed-in company.

    `index`: `company_index(export.connections, rules)`, when the caller keeps one between keystrokes.
    """
    grouped = normalise(company_query)
    invitations = export.invitations.clear()
    index = company_index(export.connections, rules) if index is None else index
    if not query_words(company_query):
        return WhoAt(company_query, index.clear().drop("_company", "_group"), invitations, "")

    def matches(words: pl.Expr, group: pl.Expr) -> pl.Expr:
        hit = prefix_expr(words, company_query)
        return (hit | group.str.contains(" " + grouped, literal=True)) if grouped else hit

    people = index.filter(matches(pl.col("_company"), pl.col("_group"))).drop("_company", "_group")
    note = _("The export has no company for invitations: only people whose company you typed in are matched.")
    if info is not None and info.height and "company" in info.columns:
        keys = info.filter(matches(
            words_expr(pl.col("company")),
            pl.lit(" ") + group_key_expr(pl.col("company"), rules).fill_null("") + pl.lit(" "),
        ))["key"]
        invitations = export.invitations.filter(pl.col("key").is_in(keys.implode()))
    return WhoAt(company_query, people, invitations, note)
