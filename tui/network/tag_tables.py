"""The Network pane's "Tags" table (people per tag) and the people behind one tag."""

from __future__ import annotations

from typing import Any

import polars as pl

from tui.network.breakdown import TABLE_SCHEMA
from tui.store.people_tags import tag_counts, tags_by_key

PEOPLE_COLUMNS = ("key", "full_name", "company", "position", "connected_on")


def tags_table(store: Any) -> pl.DataFrame:
    """label, value, count, share (of the people who have any tag), most used tag first."""
    counts = tag_counts(store)
    tagged = len(tags_by_key(store)) or 1
    return pl.DataFrame(
        {"label": [t for t, _n in counts], "value": [t for t, _n in counts],
         "count": [n for _t, n in counts], "share": [n / tagged for _t, n in counts]},
        schema=TABLE_SCHEMA,
    )


def people_with_tag(export: Any, store: Any, tag: str) -> pl.DataFrame:
    """Connections, then invitation counterparts, who have `tag` (a person appears once)."""
    keys = [k for k, tags in tags_by_key(store).items() if tag in tags]
    conns = export.connections.filter(pl.col("key").is_in(keys)).select(PEOPLE_COLUMNS)
    invs = export.invitations.filter(pl.col("key").is_in(keys)).select(
        "key", full_name="counterpart_name",
        company=pl.lit("invitation ") + pl.col("direction").str.to_lowercase(),
        position=pl.lit(None, pl.Utf8), connected_on=pl.col("connected_on"),
    )
    both = pl.concat([conns, invs], how="vertical_relaxed")
    return both.unique("key", keep="first", maintain_order=True)
