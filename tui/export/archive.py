"""The rest of the archive that helps a decision: endorsements, recommendations, the owner's
positions and followed companies (read when present, never required), and pure helpers
over them: ties per person, the owner's career, the default "my companies"."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from tui.export.csv_text import Table
from tui.export.frames import (
    D, DT, S, FileReport, blank_to_null, parse_dates, report, with_columns,
)
from tui.export.person_keys import add_profile_key, name_match_expr

ENDORSEMENTS_SCHEMA = pl.Schema({
    "endorsed_at": DT, "skill": S, "first_name": S, "last_name": S, "full_name": S, "url": S,
    "key": S, "status": S,
})
RECOMMENDATIONS_SCHEMA = pl.Schema({
    "direction": S, "first_name": S, "last_name": S, "full_name": S, "company": S, "position": S,
    "text": S, "created_at": DT, "status": S, "key": S,
})
POSITIONS_SCHEMA = pl.Schema({
    "company": S, "title": S, "description": S, "location": S, "started_on": D, "finished_on": D,
})
FOLLOWS_SCHEMA = pl.Schema({"organization": S, "followed_on": DT})
ARCHIVE_KINDS = ("endorsements", "recommendations_received", "recommendations_given", "positions",
                 "company_follows")
TIES_SCHEMA = pl.Schema({
    "key": S, "endorsements": pl.Int64, "recommended_you": pl.Int64, "you_recommended": pl.Int64,
    "ties": pl.Int64,
})


@dataclass(frozen=True, eq=False)
class Archive:
    """Frames of the optional archive files (empty when a file is absent)."""

    endorsements: pl.DataFrame = field(default_factory=ENDORSEMENTS_SCHEMA.to_frame)
    recommendations: pl.DataFrame = field(default_factory=RECOMMENDATIONS_SCHEMA.to_frame)
    positions: pl.DataFrame = field(default_factory=POSITIONS_SCHEMA.to_frame)
    company_follows: pl.DataFrame = field(default_factory=FOLLOWS_SCHEMA.to_frame)


FRAMES = {
    "endorsements": ENDORSEMENTS_SCHEMA, "recommendations": RECOMMENDATIONS_SCHEMA,
    "positions": POSITIONS_SCHEMA, "company_follows": FOLLOWS_SCHEMA,
}


def _clean(table: Table, cols: list[str]) -> pl.DataFrame:
    return with_columns(table.frame, cols).with_columns(blank_to_null(cols))


def _full_name(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        full_name=pl.concat_str("first_name", "last_name", separator=" ", ignore_nulls=True)
        .str.strip_chars().replace("", None))


def person_keys(frame: pl.DataFrame, connections: pl.DataFrame, url: str | None) -> pl.DataFrame:
    """`frame` plus `key`, the key the reader gives the person: from the profile URL, else
    the key of the one connection with that name (else the name's own key)."""
    frame = add_profile_key(frame, url, "full_name")
    names = (connections.select("key", __nm=name_match_expr(pl.col("full_name")))
             .filter(pl.col("__nm").is_not_null())
             .group_by("__nm").agg(__ck=pl.col("key").first(), __n=pl.len())
             .filter(pl.col("__n") == 1).drop("__n"))
    frame = frame.with_columns(__nm=name_match_expr(pl.col("full_name"))).join(
        names, on="__nm", how="left", maintain_order="left")
    from_url = pl.col("key").str.starts_with("in:").fill_null(False)
    return frame.with_columns(key=pl.when(from_url).then("key").otherwise(pl.coalesce("__ck", "key"))).drop(
        "__nm", "__ck")


def _endorsements(table: Table, connections: pl.DataFrame) -> tuple[pl.DataFrame, FileReport]:
    frame = _full_name(_clean(table, ["date", "skill", "first_name", "last_name", "url", "status"]))
    frame, failures, _ = parse_dates(frame, "date", ("%Y/%m/%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S"), DT, "endorsed_at")
    frame = person_keys(frame, connections, "url").select(ENDORSEMENTS_SCHEMA.names()).cast(dict(ENDORSEMENTS_SCHEMA))
    vintage = "endorsements received" + (" (with profile URLs)" if "url" in table.columns else " (no profile URLs)")
    return frame, report(table, vintage, frame.height, failures)


def _recommendations(table: Table, direction: str, connections: pl.DataFrame) -> tuple[pl.DataFrame, FileReport]:
    cols = ["first_name", "last_name", "company", "position", "text", "created", "status"]
    frame = _full_name(_clean(table, cols)).with_columns(direction=pl.lit(direction))
    frame, failures, _ = parse_dates(frame, "created", ("%m/%d/%y, %I:%M %p", "%Y-%m-%d %H:%M:%S"), DT, "created_at")
    frame = person_keys(frame, connections, None).select(RECOMMENDATIONS_SCHEMA.names()).cast(dict(RECOMMENDATIONS_SCHEMA))
    return frame, report(table, f"recommendations {direction}", frame.height, failures)


def _month(col: str) -> pl.Expr:
    """`Aug 2022` or `2019` (a year only: January) → a date."""
    value = pl.col(col)
    return pl.coalesce(
        (pl.lit("01 ") + value).str.strptime(D, "%d %b %Y", strict=False),
        (pl.lit("01 Jan ") + value).str.strptime(D, "%d %b %Y", strict=False),
    )


def _positions(table: Table) -> tuple[pl.DataFrame, FileReport]:
    cols = ["company", "title", "description", "location", "started_on", "finished_on"]
    raw = _clean(table, cols)
    frame = raw.with_columns(started_on=_month("started_on"), finished_on=_month("finished_on"))
    failures = sum(
        frame.select((pl.col(c).is_null() & raw.get_column(c).is_not_null()).sum()).item()
        for c in ("started_on", "finished_on"))
    frame = frame.select(POSITIONS_SCHEMA.names()).cast(dict(POSITIONS_SCHEMA))
    return frame, report(table, "your positions", frame.height, failures)


def _follows(table: Table) -> tuple[pl.DataFrame, FileReport]:
    frame = _clean(table, ["organization", "followed_on"])
    frame, failures, _ = parse_dates(frame, "followed_on", ("%a %b %d %H:%M:%S UTC %Y", "%Y-%m-%d %H:%M:%S"), DT, "__f")
    frame = frame.with_columns(followed_on="__f").filter(pl.col("organization").is_not_null())
    frame = frame.select(FOLLOWS_SCHEMA.names()).cast(dict(FOLLOWS_SCHEMA))
    return frame, report(table, "companies you follow", frame.height, failures)


def read_archive(tables: dict[str, Table], connections: pl.DataFrame) -> tuple[Archive, list[FileReport]]:
    """The archive frames of the tables present, and their report lines."""
    reports: list[FileReport] = []
    frames: dict[str, pl.DataFrame] = {}
    if "endorsements" in tables:
        frames["endorsements"], rep = _endorsements(tables["endorsements"], connections)
        reports.append(rep)
    recs = []
    for kind, direction in (("recommendations_received", "received"), ("recommendations_given", "given")):
        if kind in tables:
            frame, rep = _recommendations(tables[kind], direction, connections)
            recs.append(frame)
            reports.append(rep)
    if recs:
        frames["recommendations"] = pl.concat(recs)
    if "positions" in tables:
        frames["positions"], rep = _positions(tables["positions"])
        reports.append(rep)
    if "company_follows" in tables:
        frames["company_follows"], rep = _follows(tables["company_follows"])
        reports.append(rep)
    return Archive(**frames), reports


def archive_of(export) -> Archive:
    """The export's archive frames (an empty Archive for exports read without them)."""
    return getattr(export, "archive", None) or Archive()


def tie_counts(export) -> pl.DataFrame:
    """Per person key: endorsements received, recommendations each way, and their sum
    (`ties`, the sort key for "people I have a real tie with"), most ties first."""
    archive = archive_of(export)
    endorsed = archive.endorsements.filter(pl.col("key").is_not_null()).group_by("key").agg(
        endorsements=pl.len())
    recs = archive.recommendations.filter(pl.col("key").is_not_null())
    received = recs.filter(pl.col("direction") == "received").group_by("key").agg(recommended_you=pl.len())
    given = recs.filter(pl.col("direction") == "given").group_by("key").agg(you_recommended=pl.len())
    keys = pl.concat([endorsed.select("key"), received.select("key"), given.select("key")]).unique()
    counts = ["endorsements", "recommended_you", "you_recommended"]
    frame = (keys.join(endorsed, on="key", how="left").join(received, on="key", how="left")
             .join(given, on="key", how="left").with_columns(pl.col(counts).fill_null(0)))
    return frame.with_columns(ties=pl.sum_horizontal(counts)).select(TIES_SCHEMA.names()).cast(
        dict(TIES_SCHEMA)).sort(["ties", "key"], descending=[True, False])


def with_ties(frame: pl.DataFrame, export) -> pl.DataFrame:
    """`frame` (any table with a `key` column) plus the tie counts, 0 where there are none."""
    counts = [c for c in TIES_SCHEMA.names() if c != "key"]
    return frame.join(tie_counts(export), on="key", how="left", maintain_order="left").with_columns(
        pl.col(counts).fill_null(0))


def owner_positions(export) -> pl.DataFrame:
    """The owner's own positions, oldest first; `current` marks the ones without an end."""
    return archive_of(export).positions.sort("started_on", nulls_last=True).with_columns(
        current=pl.col("finished_on").is_null())


def _norm(values: pl.Series) -> tuple[str, ...]:
    """Normalised names (companies.normalise: "Capgemini SE" → "capgemini"), each once, in order:
    the user's aliases and exclusions are applied where they are compared (store_queue.places)."""
    from tui.core.company_names import normalise

    return tuple(dict.fromkeys(n for v in values.drop_nulls().to_list() if (n := normalise(v))))


def followed_companies(export) -> tuple[str, ...]:
    """Companies the owner follows, normalised, most recently followed first."""
    follows = archive_of(export).company_follows.sort("followed_on", descending=True, nulls_last=True)
    return _norm(follows.get_column("organization"))


def my_companies(export) -> tuple[str, ...]:
    """Companies the owner worked at (Positions.csv), normalised: the default "my companies"."""
    return _norm(owner_positions(export).get_column("company").reverse())


def bridge_targets(export, strategy=None) -> tuple[str, ...]:
    """Companies that count as targets for the bridge signal: the followed companies, unless
    the strategy names targets of its own."""
    if strategy is not None and strategy.targets:
        return ()
    return followed_companies(export)


def archive_figures(export) -> dict:
    """The archive's counts for `stats --json`."""
    archive = archive_of(export)
    recs = archive.recommendations.get_column("direction")
    return {
        "endorsements_received": archive.endorsements.height,
        "recommendations_received": int((recs == "received").sum()),
        "recommendations_given": int((recs == "given").sum()),
        "people_with_ties": tie_counts(export).height,
        "positions": archive.positions.height,
        "followed_companies": len(followed_companies(export)),
    }
