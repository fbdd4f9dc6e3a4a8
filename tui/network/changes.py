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


def changes(export, previous: tuple[pl.DataFrame, pl.DataFrame]) -> Changes:
    """Diff connections and invitations on the person key (rows without a key are skipped)."""
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
    changed = both.filter(
        pl.col("company").ne_missing(pl.col("company_before"))
        | pl.col("position").ne_missing(pl.col("position_before"))
    ).select("key", "full_name", "url", "company_before", "company", "position_before", "position")
    return Changes(new, gone, accepted, changed)


def since_last_import(export, previous: tuple[pl.DataFrame, pl.DataFrame]) -> dict:
    """Counts for `stats --json`."""
    diff = changes(export, previous)
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
    if snapshot is None or not Path(snapshot).is_file():
        return None
    from tui.store.snapshots import read_snapshot

    return read_snapshot(Path(snapshot))
