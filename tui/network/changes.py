"""Since the last import: compare the current export with the previous snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl


@dataclass(frozen=True, eq=False)
class Changes:
    """People who joined, left, accepted an invitation, or changed company/position."""

    new: pl.DataFrame
    gone: pl.DataFrame
    accepted: pl.DataFrame
    changed: pl.DataFrame  # key, full_name, url, company_before, company, position_before, position


def moved_expr(rules=None) -> pl.Expr:
    """A job change: another company group ("Capgemini" → "Capgemini SE" is none; the user's
    aliases count as one company) or another position."""
    from tui.core.companies import group_key_expr

    return (group_key_expr(pl.col("company"), rules).ne_missing(group_key_expr(pl.col("company_before"), rules))
            | pl.col("position").ne_missing(pl.col("position_before")))


def changes(export, previous: tuple[pl.DataFrame, pl.DataFrame], rules=None) -> Changes:
    """Diff connections and invitations on the person key (rows without a key are skipped);
    `rules`: companies.toml, so that a respelled company is no job change."""
    before_people, before_invitations = previous
    now = export.connections.filter(pl.col("key").is_not_null())
    before = before_people.filter(pl.col("key").is_not_null())
    new = now.join(before.select("key"), on="key", how="anti")
    gone = before.join(now.select("key"), on="key", how="anti")
    was_open = before_invitations.filter(
        ~pl.col("connected").fill_null(False) & pl.col("key").is_not_null()
    )
    accepted = was_open.join(now.select("key"), on="key", how="semi").unique("key", keep="first")
    both = now.select("key", "full_name", "url", "company", "position").join(
        before.select("key", company_before="company", position_before="position").unique("key"),
        on="key",
        how="inner",
    )
    changed = both.filter(moved_expr(rules)).select("key", "full_name", "url", "company_before", "company", "position_before", "position")
    return Changes(new, gone, accepted, changed)


def since_last_import(export, previous: tuple[pl.DataFrame, pl.DataFrame], rules=None) -> dict:
    """Counts for `stats --json`."""
    diff = changes(export, previous, rules)
    return {
        "new_connections": diff.new.height,
        "gone": diff.gone.height,
        "invitations_accepted": diff.accepted.height,
        "changed": diff.changed.height,
        "previous_connections": previous[0].height,
    }


def previous_frames(records: list, content_hash: str) -> tuple[pl.DataFrame, pl.DataFrame] | None:
    """Snapshot of the import before this export (the last import if this one isn't recorded).

    `records` are the store's ImportRecords, oldest first; None when there is no usable snapshot.
    """
    index = max((i for i, r in enumerate(records) if r.content_hash == content_hash), default=len(records))
    earlier = [r for r in records[:index] if r.content_hash != content_hash]
    snapshot = earlier[-1].snapshot if earlier else None
    from tui.store.snapshots import has_snapshot, read_snapshot

    if snapshot is None or not has_snapshot(Path(snapshot)):
        return None

    return read_snapshot(Path(snapshot))
