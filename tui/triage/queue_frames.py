"""Triage queues: received and sent invitations with their signals, as Polars frames.

Signal vocabularies live here; the detail-pane wording is in `signals.py` and the filter
language in `filters.py` (both re-exported below).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from tui.core import phrasebook as said
from tui.core.bands import band_expr
from tui.core.companies import group_key_expr, group_of

from tui.triage.vocabulary import (  # noqa: F401 - re-exported: one home for the vocabularies
    ASK_PATTERN, ASK_WORDS, BRAND_PATTERN, BRAND_WORDS, RECEIVED_DECISIONS, SCAM_PATTERN, SCAM_WORDS,
    SENT_DECISIONS, STALE_SUGGESTION, regex_escape,
)


def _keys_in_messages(messages: pl.DataFrame) -> pl.Series:
    """Every person key that sent or received a non-draft message."""
    if messages.height == 0:
        return pl.Series("key", [], dtype=pl.Utf8)
    # Select before filtering, so the message texts are never copied.
    sent = messages.select("sender_key", "recipient_keys", "is_draft").filter(~pl.col("is_draft").fill_null(False))
    keys = pl.concat(
        [
            sent.select(pl.col("sender_key").alias("key")),
            sent.select(pl.col("recipient_keys").explode().alias("key")),
        ]
    )
    return keys.get_column("key").drop_nulls().unique()


def _norm_company(col: pl.Expr, rules: Any = None) -> pl.Expr:
    """The company's group key (case, accents, legal forms folded, the user's aliases);
    blank or excluded ("Freelance") → null."""
    return group_key_expr(col, rules)


def company_counts(connections: pl.DataFrame, rules: Any = None) -> pl.DataFrame:
    return (
        connections.select(group_of(connections, rules).alias("_company"))
        .drop_nulls()
        .group_by("_company")
        .agg(pl.len().cast(pl.Int64).alias("company_count"))
    )


def _newest_per_key(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per counterpart (the newest invitation); rows without a key are all kept."""
    frame = frame.sort("sent_at", descending=True, nulls_last=True)
    keyed = frame.filter(pl.col("key").is_not_null()).unique("key", keep="first", maintain_order=True)
    return pl.concat([keyed, frame.filter(pl.col("key").is_null())])


# Both queues: who, the profile link, when, and the note, under the queues' names.
INVITATION_COLUMNS = (
    "key", pl.col("counterpart_name").alias("name"), pl.col("counterpart_url").alias("url"),
    "sent_at", pl.col("message").alias("note"),
)


def _waited(today: date) -> pl.Expr:
    return (pl.lit(today) - pl.col("sent_at").dt.date()).dt.total_days().cast(pl.Int64)


def _suspicious_reasons(name: pl.Expr, note: pl.Expr) -> pl.Expr:
    """List of human-readable reasons, in English as stored (`phrasebook.describe` shows
    them in the reader's language); empty list when nothing looks off."""
    stripped = name.fill_null("").str.strip_chars()
    letters = stripped.str.replace_all(r"[^\p{L}]", "")
    found = note.str.to_lowercase().str.extract_all(SCAM_PATTERN).list.unique(maintain_order=True)
    scam = pl.when(found.list.len() > 0).then(
        pl.lit("'") + found.list.join("', '") + pl.lit("'"))
    brand = stripped.str.extract(f"({BRAND_PATTERN})", 1)
    parts = [
        pl.when(scam.is_not_null()).then(pl.format(said.SCAM_WORDS_FOUND(words="{}"), scam)),
        pl.when(stripped == "").then(pl.lit(said.NO_NAME())),
        pl.when((stripped != "") & ~stripped.str.contains(r"\s")).then(pl.lit(said.SINGLE_WORD_NAME())),
        pl.when(stripped.str.contains(r"\d")).then(pl.lit(said.DIGITS_IN_NAME())),
        pl.when((letters.str.len_chars() >= 4) & (letters == letters.str.to_uppercase())
                & (letters != letters.str.to_lowercase())).then(pl.lit(said.NAME_IN_CAPITALS())),
        pl.when(brand.is_not_null()).then(pl.format(said.BRAND_NAME(brand="{}"), brand)),
    ]
    return pl.concat_list([p.cast(pl.Utf8) for p in parts]).list.drop_nulls()


def _decisions_frame(decisions: pl.DataFrame | None, vocabulary: tuple[str, ...]) -> pl.DataFrame:
    schema = {"key": pl.Utf8, "decision": pl.Utf8, "decision_reason": pl.Utf8,
              "until": pl.Date, "decided_at": pl.Datetime("us")}
    if decisions is None or decisions.height == 0:
        return pl.DataFrame(schema=schema)
    return (
        decisions.filter(pl.col("decision").is_in(list(vocabulary)))
        .select(
            pl.col("key").cast(pl.Utf8),
            pl.col("decision").cast(pl.Utf8),
            pl.col("reason").cast(pl.Utf8).alias("decision_reason"),
            pl.col("until").cast(pl.Date),
            pl.col("decided_at").cast(pl.Datetime("us")),
        )
        .unique("key", keep="last")
    )


def _info_frame(info: pl.DataFrame | None) -> pl.DataFrame:
    schema = {"key": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8, "connection_count": pl.Int64}
    if info is None or info.height == 0:
        return pl.DataFrame(schema=schema)
    blank = lambda c: pl.when(pl.col(c).str.strip_chars() == "").then(None).otherwise(  # noqa: E731
        pl.col(c).str.strip_chars())
    return info.select(
        pl.col("key").cast(pl.Utf8),
        blank("company").cast(pl.Utf8).alias("company"),
        blank("position").cast(pl.Utf8).alias("position"),
        pl.col("connection_count").cast(pl.Int64),
    ).unique("key", keep="last")


def received_queue(export: Any, decisions: pl.DataFrame | None, info: pl.DataFrame | None,
                   today: date, rules: Any = None) -> pl.DataFrame:
    """Incoming invitations from people not connected, with signals and a score (`rules`:
    the user's companies.toml, for the company count and the bridge).

    Every such row is kept (`pending` tells the open ones: no decision yet, or a 'later'
    that is due), sorted most promising first: score desc, then newest.
    """
    inv = export.invitations.filter(
        (pl.col("direction") == "INCOMING") & ~pl.col("connected").fill_null(False)
    )
    inv = _newest_per_key(inv).select(*INVITATION_COLUMNS, "line")
    inv = (
        inv.join(_info_frame(info), on="key", how="left")
        .join(_decisions_frame(decisions, RECEIVED_DECISIONS), on="key", how="left")
    )
    if info is None or info.height == 0:  # no company known (the import's rows): no connection to count
        inv = inv.with_columns(pl.lit(None, dtype=pl.Utf8).alias("_company"),
                               pl.lit(None, dtype=pl.Int64).alias("company_count"))
    else:
        inv = inv.with_columns(_norm_company(pl.col("company"), rules).alias("_company")).join(
            company_counts(export.connections, rules), on="_company", how="left")
    note = pl.col("note").fill_null("").str.strip_chars()
    talked = _keys_in_messages(export.messages)
    frame = inv.with_columns(
        (note != "").alias("has_note"),
        note.str.len_chars().cast(pl.Int64).alias("note_length"),
        (note == "").alias("mass_invite"),
        _suspicious_reasons(pl.col("name"), pl.col("note")).alias("suspicious_reasons"),
        pl.col("key").is_in(talked.implode()).fill_null(False).alias("messaged_before"),
        pl.when(pl.col("_company").is_null()).then(None)
        .otherwise(pl.col("company_count").fill_null(0)).alias("company_count"),
        (pl.col("decision").eq("later") & (pl.col("until").is_null() | (pl.col("until") <= today)))
        .fill_null(False).alias("later_due"),
        _waited(today).alias("waited_days"),
        band_expr(pl.col("connection_count")).alias("band"),
        pl.concat_str(
            [pl.col("name"), pl.col("note"), pl.col("company"), pl.col("position")],
            separator=" ", ignore_nulls=True,
        ).str.to_lowercase().alias("search"),
    ).with_columns(
        (pl.col("suspicious_reasons").list.len() > 0).alias("suspicious"),
        (pl.col("company_count") == 0).fill_null(False).alias("bridge"),
        (pl.col("decision").is_null() | pl.col("later_due")).alias("pending"),
    )
    score = (
        pl.col("has_note").cast(pl.Float64) * 3.0
        + pl.col("note_length").clip(0, 300).cast(pl.Float64) / 100.0
        + pl.col("messaged_before").cast(pl.Float64) * 2.0
        + pl.col("bridge").cast(pl.Float64) * 1.5
        + pl.col("company").is_not_null().cast(pl.Float64) * 0.5
        - pl.col("suspicious").cast(pl.Float64) * 4.0
        - pl.col("suspicious_reasons").list.len().cast(pl.Float64) * 0.5
        - pl.col("mass_invite").cast(pl.Float64) * 1.0
    )
    return (
        frame.with_columns(score.round(2).alias("score"))
        .drop("_company")
        .select(RECEIVED_COLUMNS)
        .sort(["score", "sent_at"], descending=[True, True], nulls_last=True)
    )


RECEIVED_COLUMNS = [
    "key", "name", "url", "sent_at", "note", "line", "has_note", "note_length", "mass_invite",
    "suspicious", "suspicious_reasons", "messaged_before", "company", "position",
    "connection_count", "band", "company_count", "bridge", "decision", "decision_reason",
    "until", "decided_at", "later_due", "pending", "waited_days", "score", "search",
]


def _sent_drafts(drafts: pl.DataFrame | None) -> pl.DataFrame:
    schema = {"key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8, "note": pl.Utf8,
              "sent_at": pl.Datetime("us"), "follow_up_on": pl.Date}
    if drafts is None or drafts.height == 0:
        return pl.DataFrame(schema=schema)
    return (
        drafts.filter((pl.col("state") == "sent") & pl.col("key").is_not_null())
        .select(
            pl.col("key").cast(pl.Utf8), pl.col("name").cast(pl.Utf8), pl.col("url").cast(pl.Utf8),
            pl.col("text").cast(pl.Utf8).alias("note"),
            pl.col("sent_at").cast(pl.Datetime("us")), pl.col("follow_up_on").cast(pl.Date),
        )
        .sort("sent_at", descending=True, nulls_last=True)
        .unique("key", keep="first", maintain_order=True)
    )


def sent_queue(export: Any, decisions: pl.DataFrame | None, drafts: pl.DataFrame | None,
               today: date, stale_days: int = 21, follow_up_days: int = 7) -> pl.DataFrame:
    """Outgoing invitations (from the export and from the composer) with their state.

    `accepted` rows are those the latest export shows as connections (`accepted_on`);
    the others wait (`waited_days`, `stale`, `suggestion`). A note that asks something
    gets `follow_up_due`; `follow_up_now` is true once that date has come and no
    follow-up or withdrawal is recorded.
    """
    out = export.invitations.filter(pl.col("direction") == "OUTGOING")
    out = _newest_per_key(out).select(
        *INVITATION_COLUMNS,
        pl.col("connected").fill_null(False).alias("accepted"),
        pl.col("connected_on").alias("accepted_on"),
        pl.lit("export").alias("source"),
    )
    composed = _sent_drafts(drafts)
    connected_on = export.connections.filter(pl.col("key").is_not_null()).group_by("key").agg(
        pl.col("connected_on").max().alias("accepted_on"))
    only_drafts = (
        composed.join(out.select("key"), on="key", how="anti")
        .join(connected_on, on="key", how="left")
        .select("key", "name", "url", "sent_at", "note",
                pl.col("accepted_on").is_not_null().alias("accepted"), "accepted_on",
                pl.lit("composer").alias("source"))
    )
    frame = pl.concat([out, only_drafts], how="vertical_relaxed").join(
        composed.select("key", "follow_up_on"), on="key", how="left"
    ).join(_decisions_frame(decisions, SENT_DECISIONS), on="key", how="left")
    note = pl.col("note").fill_null("").str.strip_chars()
    asks = note.str.contains(ASK_PATTERN)
    frame = frame.with_columns(
        (note != "").alias("has_note"),
        asks.alias("asks"),
        _waited(today).alias("waited_days"),
        pl.coalesce(
            pl.col("follow_up_on"),
            pl.when(asks).then(pl.col("sent_at").dt.date() + pl.duration(days=follow_up_days)),
        ).alias("follow_up_due"),
    ).with_columns(
        (~pl.col("accepted") & (pl.col("waited_days") >= stale_days)
         & pl.col("decision").ne_missing("withdrawn")).fill_null(False).alias("stale"),
        (pl.col("follow_up_due").is_not_null() & (pl.col("follow_up_due") <= today)
         & pl.col("decision").is_null()).fill_null(False).alias("follow_up_now"),
        (~pl.col("accepted") & pl.col("decision").ne_missing("withdrawn")).alias("pending"),
        pl.concat_str([pl.col("name"), pl.col("note")], separator=" ", ignore_nulls=True)
        .str.to_lowercase().alias("search"),
    ).with_columns(
        pl.when(pl.col("stale")).then(pl.lit(STALE_SUGGESTION)).alias("suggestion"),
    )
    return frame.select(SENT_COLUMNS).sort(
        ["follow_up_now", "stale", "waited_days"], descending=True, nulls_last=True
    )


SENT_COLUMNS = [
    "key", "name", "url", "sent_at", "note", "has_note", "asks", "source", "accepted",
    "accepted_on", "waited_days", "stale", "suggestion", "follow_up_due", "follow_up_now",
    "decision", "decision_reason", "decided_at", "pending", "search",
]

from tui.triage.filters import VIEWS, Filter, FilterError, apply_filter, parse_filter, view_counts, view_expr  # noqa: E402
from tui.triage.signals import Signal, signals  # noqa: E402

__all__ = [
    "VIEWS", "Filter", "FilterError", "Signal", "apply_filter", "parse_filter", "received_queue",
    "sent_queue", "signals", "view_counts", "view_expr",
]
