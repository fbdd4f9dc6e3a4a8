"""Invitations.csv → frame, each invitation matched to a connection by profile, else by name.

Mid-2023 to early-2024 exports carry no usable profile URL (`urn:li:member:…` columns, or
the bare `https://www.linkedin.com/in` on every row): those invitations are matched by the
normalised name against every connection, and the report says how many.
"""

from __future__ import annotations

import polars as pl

from tui.export.csv_text import Table
from tui.export.frames import (
    DT, INVITATIONS_SCHEMA, SENT_AT_FORMATS, FileReport, blank_to_null, parse_dates, report,
    with_columns,
)
from tui.export.person_keys import add_profile_key, name_match_expr, slug_expr


def _profile_url(col: str) -> pl.Expr:
    """Keep a URL only when it names a profile (bare `…/in` and URNs mean unknown)."""
    return pl.when(slug_expr(pl.col(col)).is_not_null()).then(pl.col(col)).otherwise(None)


def _by_name(conn: pl.DataFrame) -> pl.DataFrame:
    """One row per connection name: the newest date and how many connections share it."""
    return conn.filter(pl.col("name_key").is_not_null()).group_by("name_key", maintain_order=True).agg(
        on_name=pl.col("connected_on").max(), namesakes=pl.len(),
    )


def read_invitations(table: Table, connections: pl.DataFrame) -> tuple[pl.DataFrame, FileReport]:
    cols = ["from_name", "to_name", "sent_at", "message", "direction", "inviter_url", "invitee_url"]
    raw = with_columns(table.frame, cols).with_columns(blank_to_null(cols))
    outgoing = pl.col("direction") == "OUTGOING"
    raw, failures, _ = parse_dates(raw, "sent_at", SENT_AT_FORMATS, DT, "sent_parsed")
    frame = raw.with_columns(
        direction=pl.col("direction").str.to_uppercase(),
        inviter_url=_profile_url("inviter_url"),
        invitee_url=_profile_url("invitee_url"),
    ).with_columns(
        counterpart_name=pl.when(outgoing).then("to_name").otherwise("from_name"),
        counterpart_url=pl.when(outgoing).then("invitee_url").otherwise("inviter_url"),
    )
    frame = add_profile_key(frame, "counterpart_url", "counterpart_name").with_columns(
        name_key=name_match_expr(pl.col("counterpart_name")))
    conn = connections.select("key", "connected_on", "url", "full_name")
    by_key = conn.filter(pl.col("key").is_not_null()).unique("key", keep="first", maintain_order=True)
    # By name: every connection when the invitation has no profile URL; only connections
    # without a URL (which no slug can reach) when it has one. Names are only normalised
    # where needed: a current export with URLs everywhere needs almost none.
    if not frame.select(pl.col("counterpart_url").is_null().any()).item():
        conn = conn.filter(pl.col("url").is_null())
    conn = conn.with_columns(name_key=name_match_expr(pl.col("full_name")))
    every = _by_name(conn)
    url_less = _by_name(conn.filter(pl.col("url").is_null())).rename(
        {"on_name": "on_bare", "namesakes": "bare_namesakes"})
    frame = frame.join(
        by_key.select("key", on_key="connected_on", hit_key=pl.lit(True)), on="key", how="left",
    ).join(every, on="name_key", how="left").join(url_less, on="name_key", how="left")
    no_url = pl.col("counterpart_url").is_null()
    hit_key = pl.col("hit_key").fill_null(False)
    namesakes = pl.when(no_url).then("namesakes").otherwise("bare_namesakes")
    # A key hit on a `name:` key (no URL on either side) is a match by name too.
    by_url = hit_key & pl.col("key").str.starts_with("in:")
    by_name = ~by_url & (hit_key | namesakes.is_not_null())
    out = frame.with_columns(
        sent_at="sent_parsed",
        connected=by_url | by_name,
        connected_on=pl.when(hit_key).then("on_key").when(by_name)
        .then(pl.when(no_url).then("on_name").otherwise("on_bare")),
        matched_by=pl.when(by_url).then(pl.lit("profile"))
        .when(by_name & (namesakes.fill_null(1) > 1)).then(pl.lit("name, ambiguous"))
        .when(by_name).then(pl.lit("name")),
        search=pl.concat_str(
            pl.col("counterpart_name").fill_null(""), pl.col("message").fill_null(""), separator=" "
        ).str.to_lowercase(),
    ).select(INVITATIONS_SCHEMA.names()).cast(dict(INVITATIONS_SCHEMA))
    named = out.select(pl.col("inviter_url").is_not_null().any() | pl.col("invitee_url").is_not_null().any()).item()
    if "inviter_urn" in table.columns or "invitee_urn" in table.columns:
        vintage = "≈2023-07 (URN columns)"
    elif "inviter_url" in table.columns:
        vintage = "2024-03+ (profile URLs)" if named else "≈2023-12 (bare profile URLs)"
    else:
        vintage = "≤2022 (5 columns)"
    odd = out.filter(~pl.col("direction").is_in(["INCOMING", "OUTGOING"]) | pl.col("direction").is_null()).height
    extra = (f"{odd} rows with an unknown direction",) if odd else ()
    counts = out.get_column("matched_by").value_counts()
    found = dict(zip(counts.get_column("matched_by").to_list(), counts.get_column("count").to_list()))
    by_names, ambiguous = found.get("name", 0) + found.get("name, ambiguous", 0), found.get("name, ambiguous", 0)
    repairs = ()
    if by_names:
        repairs = (f"{by_names} {'invitation' if by_names == 1 else 'invitations'} matched to connections "
                   "by name (no profile URL to match on)",)
    if ambiguous:
        extra += (f"{ambiguous} {'invitation matches' if ambiguous == 1 else 'invitations match'} a name that "
                  "two or more connections share: counted connected, check them",)
    figures = {"matched_by_name": by_names, "ambiguous_names": ambiguous}
    return out, report(table, vintage, out.height, failures, extra, repairs, figures)
