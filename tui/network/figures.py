"""Network size, maturity band, growth, reach and the `stats` figures, in Polars."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta

import polars as pl

from tui.network import breakdown as comp
from tui.core.bands import BAND_ADVICE, BAND_MEANING, BANDS, band  # noqa: F401 - re-exported for the panes
from tui.network.changes import since_last_import
from tui.network.breakdown import Targets

PACE_DAYS = 90


def _today(export, today: date | None) -> date:
    return today or getattr(export, "exported_on", None) or date.today()


def gauge(export, today: date | None = None) -> dict:
    """Size, band, next threshold and when the last 90 days' pace reaches it."""
    today = _today(export, today)
    size = export.connections.height
    current = band(size)
    since = today - timedelta(days=PACE_DAYS)
    recent = export.connections.select(
        pl.col("connected_on").is_between(since, today, closed="right").sum()
    ).item() if size else 0
    pace = (recent or 0) / PACE_DAYS  # connections per day
    nxt = next(((name, at) for name, at in BANDS if at > size), None)
    next_threshold = None
    if nxt is not None:
        missing = nxt[1] - size
        eta = today + timedelta(days=math.ceil(missing / pace)) if pace > 0 else None
        next_threshold = {"band": nxt[0], "at": nxt[1], "missing": missing, "eta": eta.isoformat() if eta else None}
    return {
        "connections": size,
        "hidden_connections": export.hidden.height,
        "band": current,
        "band_explained": BAND_MEANING[current],
        "next_threshold": next_threshold,
        "pace": {"days": PACE_DAYS, "connections": int(recent or 0), "per_week": round(pace * 7, 2)},
    }


def monthly(export) -> pl.DataFrame:
    """Connections per month (hidden rows included), every month from first to last."""
    dates = pl.concat(
        [export.connections.select("connected_on"), export.hidden.select("connected_on")]
    ).drop_nulls()
    if dates.height == 0:
        return pl.DataFrame(schema={"month": pl.Date, "count": pl.Int64})
    counts = dates.group_by(month=pl.col("connected_on").dt.truncate("1mo")).agg(count=pl.len())
    first, last = counts["month"].min(), counts["month"].max()
    months = pl.DataFrame({"month": pl.date_range(first, last, "1mo", eager=True)})
    return months.join(counts, on="month", how="left").with_columns(
        pl.col("count").fill_null(0).cast(pl.Int64)
    )


def growth(export, busiest: int = 3) -> dict:
    """Per-month counts, the busiest months and the first and latest connection dates."""
    per_month = monthly(export)
    top = per_month.filter(pl.col("count") > 0).sort(["count", "month"], descending=[True, True]).head(busiest)

    def rows(frame: pl.DataFrame) -> list[dict]:
        return [{"month": m.strftime("%Y-%m"), "count": c} for m, c in frame.iter_rows()]

    dates = pl.concat([export.connections.select("connected_on"), export.hidden.select("connected_on")])
    return {
        "per_month": rows(per_month),
        "busiest": rows(top),
        "first": _iso(dates["connected_on"].min()),
        "latest": _iso(dates["connected_on"].max()),
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def invitation_counts(export) -> dict:
    """Incoming and outgoing invitations: total, now connected, still open."""
    grouped = export.invitations.group_by("direction").agg(
        total=pl.len(), connected=pl.col("connected").fill_null(False).sum()
    )
    found = {d: (int(t), int(c)) for d, t, c in grouped.iter_rows()}
    result = {}
    for name, direction in (("incoming", "INCOMING"), ("outgoing", "OUTGOING")):
        total, connected = found.get(direction, (0, 0))
        result[name] = {"total": total, "connected": connected, "open": total - connected}
    return result


def people_waiting(export) -> int:
    """People behind the open received invitations: the app's "waiting" counts people, so
    someone who sent two invitations is one person to answer (and two open invitations)."""
    incoming = export.invitations.filter(pl.col("direction") == "INCOMING", ~pl.col("connected").fill_null(False))
    return int(incoming["key"].n_unique())


def active_estimate(size: int, share: float) -> dict:
    """The silent majority: members who post, and the weekly reading load (one post each)."""
    members = round(size * share)
    return {"share": share, "members": members, "weekly_posts": members}


def messaged(export, today: date | None = None) -> dict:
    """Share of connections ever messaged (drafts excluded), and within the last 365 days."""
    today = _today(export, today)
    size = export.connections.height
    # Lazy, so only these columns are read (the message texts are never copied); senders and
    # recipients are stacked rather than exploded from a concatenated list, and only keys of
    # connections are grouped. One row per connection row that was ever messaged.
    msgs = export.messages.lazy().select("sent_at", "sender_key", "recipient_keys", "is_draft").filter(
        ~pl.col("is_draft").fill_null(False))
    contacts = pl.concat([
        msgs.select(keys="sender_key", last="sent_at"),
        msgs.select("recipient_keys", "sent_at").explode("recipient_keys")
        .select(keys="recipient_keys", last="sent_at"),
    ])
    keys = export.connections.lazy().select("key")
    people = (
        contacts.join(keys, left_on="keys", right_on="key", how="semi")
        .group_by("keys")
        .agg(pl.col("last").max())
    )
    joined = keys.join(people, left_on="key", right_on="keys", how="inner").collect()
    ever = joined.height
    cutoff = today - timedelta(days=365)
    recent = joined.filter(pl.col("last").dt.date() >= cutoff).height

    def share(n: int) -> float:
        return round(n / size, 4) if size else 0.0

    return {"ever": ever, "ever_share": share(ever), "last_year": recent, "last_year_share": share(recent)}


def targets_for(strategy=None, picked_families: list[str] | tuple[str, ...] = ()) -> Targets:
    """Qualified-contact targets: the strategy's keywords, else the role families the user picked."""
    if strategy is not None and strategy.targets:
        return Targets(tuple(strategy.targets), (), "strategy")
    if picked_families:
        return Targets((), tuple(picked_families), "role families")
    return Targets()


def network_stats(
    export,
    settings,
    strategy=None,
    previous: tuple[pl.DataFrame, pl.DataFrame] | None = None,
    today: date | None = None,
    *,
    picked_families: list[str] | tuple[str, ...] = (),
    top: int = 10,
    companies=None,
    classified: pl.DataFrame | None = None,
    tables: Mapping[str, pl.DataFrame] | None = None,
) -> dict:
    """Every figure of the network pane as JSON-safe values.

    `companies`: the user's CompanyRules (companies.toml), else the default grouping;
    `classified`: roles.classify of the positions, when the caller already has it;
    `tables`: the company, family, year and email tables when the caller built them
    already, so they are built once.
    """
    today = _today(export, today)
    families: Mapping[str, list[str]] = getattr(settings, "role_families", {}) or {}
    people = export.connections
    size = people.height
    g = gauge(export, today)
    targets = targets_for(strategy, picked_families)

    def table(frame: pl.DataFrame, key: str) -> list[dict]:
        return [
            {key: label, "count": count, "share": round(share, 4)}
            for label, count, share in frame.select("label", "count", "share").iter_rows()
        ]

    tables = tables or {}
    per_year = [
        {"year": int(v) if v != comp.UNKNOWN else None, "count": c}
        for v, c in (tables.get("year") if "year" in tables else comp.years_table(people)).select("value", "count").iter_rows()
    ]
    emails = tables["email"] if "email" in tables else comp.email_table(people)
    company_table = tables["company"] if "company" in tables else comp.companies(people, rules=companies)
    if classified is None:  # once for the three role tables: it is the costly part on real titles
        from tui.network.roles import classify, role_families

        classified = classify(people["position"], role_families(families))
    return {
        "connections": size,
        "hidden_connections": g["hidden_connections"],
        "band": g["band"],
        "band_explained": g["band_explained"],
        "next_threshold": g["next_threshold"],
        "pace": g["pace"],
        "invitations": invitation_counts(export),
        "people_waiting": people_waiting(export),
        "top_companies": table(company_table.head(top), "company"),
        "role_families": table(tables["family"] if "family" in tables
                               else comp.families_table(people, families, classified), "family"),
        "seniority": table(comp.seniority_table(people, classified), "seniority"),
        "unclassified_titles": table(comp.unclassified_table(people, families, top, classified), "title"),
        "per_year": per_year,
        "email_available": {"count": int(emails["count"][0]), "share": round(float(emails["share"][0]), 4)},
        "qualified": comp.qualified(people, targets, families, classified),
        "concentration": comp.concentration(people, company_table),
        "active_estimate": active_estimate(size, float(getattr(settings, "active_share", 0.2))),
        "since_last_import": since_last_import(export, previous, companies) if previous is not None else None,
        "growth": growth(export),
        "messaged": messaged(export, today),
        "as_of": today.isoformat(),
    }
