"""Across every stored import: one person's timeline, and who joined, left, changed jobs or
accepted an invitation. Each import keeps its own snapshot (connections + invitations)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import polars as pl

from tui.core.errors import ConfigError
from tui.export.person_keys import profile_key
from tui.i18n import _
from tui.i18n.formats import day as local_day


@dataclass(frozen=True, eq=False)
class Imported:
    """One stored import with its frames, oldest first in every list of them."""

    exported_on: date | None
    imported_at: datetime
    connections: pl.DataFrame
    invitations: pl.DataFrame


def load_imports(records: list) -> tuple[list[Imported], int]:
    """Every import whose snapshot is still readable, oldest export first; and how many were not."""
    from tui.core.errors import PasserelleError
    from tui.store.snapshots import has_snapshot, read_snapshot

    found, lost = [], 0
    for record in records:
        if record.snapshot is None or not has_snapshot(Path(record.snapshot)):
            lost += 1
            continue
        try:
            connections, invitations = read_snapshot(Path(record.snapshot))
        except PasserelleError:
            lost += 1
            continue
        found.append(Imported(record.exported_on, record.imported_at, connections, invitations))
    found.sort(key=lambda i: (i.exported_on or date.min, i.imported_at))
    return found, lost


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def find_person(query: str, imports: list[Imported]) -> tuple[str, str | None, str | None]:
    """(key, name, url) for a profile URL, a key, or a name (accents and case aside; a part of
    a name when it fits one person only). Raises ConfigError when none or several fit."""
    people = pl.concat(
        [i.connections.select("key", name="full_name", url="url") for i in imports]
        + [i.invitations.select("key", name="counterpart_name", url="counterpart_url") for i in imports],
    ).filter(pl.col("key").is_not_null())
    latest = people.reverse().unique("key", keep="first", maintain_order=True)
    wanted = query.strip()
    key = wanted if wanted.startswith(("in:", "name:")) else profile_key(wanted, None) if "/in/" in wanted else None
    if key is not None:
        hit = latest.filter(pl.col("key") == key)
    else:
        names = latest.with_columns(_f=pl.col("name").fill_null("").map_elements(_fold, return_dtype=pl.Utf8))
        folded = _fold(wanted)
        hit = names.filter(pl.col("_f") == folded)
        if hit.height == 0:
            hit = names.filter(pl.col("_f").str.contains(folded, literal=True))
    if hit.height == 0:
        raise ConfigError(query, _("nobody by that name or profile in your imports"))
    if hit.height > 1:
        some = ", ".join(f"{n} ({u or k})" for k, n, u in hit.select("key", "name", "url").head(4).iter_rows())
        raise ConfigError(query, _("{count} people fit — give the profile URL: {some}").format(count=hit.height, some=some))
    return hit.row(0)[:3]


def person_history(key: str, imports: list[Imported]) -> list[dict]:
    """Per import, oldest first: the person's company and position, connection date, whether
    they were in the network, and the invitations both ways that export held."""
    out = []
    for imp in imports:
        row = imp.connections.filter(pl.col("key") == key).head(1)
        invs = imp.invitations.filter(pl.col("key") == key).sort("sent_at", nulls_last=True)
        out.append({
            "exported_on": _iso(imp.exported_on),
            "imported_at": _iso(imp.imported_at),
            "company": row["company"][0] if row.height else None,
            "position": row["position"][0] if row.height else None,
            "connected_on": _iso(row["connected_on"][0]) if row.height else None,
            "in_network": row.height > 0,
            "invitations": [
                {"direction": "received" if d == "INCOMING" else "sent", "sent_at": _iso(s), "note": m}
                for d, s, m in invs.select("direction", "sent_at", "message").iter_rows()
            ],
        })
    return out


def messages_with(key: str, messages: pl.DataFrame | None) -> dict:
    """Messages exchanged with the person (drafts aside): count, first and last date."""
    if messages is None or messages.height == 0:
        return {"count": 0, "first": None, "last": None}
    mine = messages.lazy().select("sent_at", "sender_key", "recipient_keys", "is_draft").filter(
        ~pl.col("is_draft").fill_null(False)
        & ((pl.col("sender_key") == key) | pl.col("recipient_keys").list.contains(key))
    ).select(count=pl.len(), first=pl.col("sent_at").min(), last=pl.col("sent_at").max()).collect()
    count, first, last = mine.row(0)
    return {"count": int(count), "first": _iso(first), "last": _iso(last)}


def _stacked(imports: list[Imported]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every import's connections and open invitations in one frame each, with its index and date."""
    def day(imp: Imported) -> str:
        return _iso(imp.exported_on) or _iso(imp.imported_at.date())

    people = pl.concat([
        i.connections.filter(pl.col("key").is_not_null()).unique("key", keep="first", maintain_order=True)
        .select("key", "full_name", "url", "company", "position", idx=pl.lit(n), day=pl.lit(day(i)))
        for n, i in enumerate(imports)
    ])
    waiting = pl.concat([
        i.invitations.filter(~pl.col("connected").fill_null(False) & pl.col("key").is_not_null())
        .select("key", "direction", "sent_at", idx=pl.lit(n))
        for n, i in enumerate(imports)
    ])
    return people, waiting


def across_imports(imports: list[Imported], rules=None) -> dict | None:
    """New connections, people who left, job changes and accepted invitations over all
    imports (oldest first), each with name, url and the date of the import it was first seen in
    (`rules`: companies.toml; a respelled company is no job change)."""
    from tui.network.changes import moved_expr

    if len(imports) < 2:
        return None
    people, waiting = _stacked(imports)
    last = len(imports) - 1
    per = people.sort("idx").group_by("key", maintain_order=True).agg(
        pl.col("full_name").last().alias("name"), pl.col("url").last(),
        first_index=pl.col("idx").min(), last_index=pl.col("idx").max(),
        first_seen=pl.col("day").first(), last_seen=pl.col("day").last(),
    )
    new = per.filter(pl.col("first_index") > 0).sort("first_index", "name").select("name", "url", "first_seen")
    left = per.filter(pl.col("last_index") < last).sort("last_index", "name").select(
        "name", "url", "first_seen", "last_seen")
    prev = [pl.col(c).shift(1).over("key") for c in ("company", "position", "idx")]
    changed = (
        people.sort("key", "idx")
        .with_columns(company_before=prev[0], position_before=prev[1], _prev=prev[2])
        .filter((pl.col("_prev") == pl.col("idx") - 1) & moved_expr(rules))
        .sort("idx", "full_name")
        .select(name="full_name", url="url", first_seen="day", company_before="company_before",
                company="company", position_before="position_before", position="position")
    )
    # An invitation open while the person was not a connection, then a connection later on.
    still_open = waiting.join(people.select("key", "idx"), on=["key", "idx"], how="anti")
    first_open = still_open.sort("idx", "sent_at").group_by("key", maintain_order=True).first()
    accepted = (
        first_open.join(people.select("key", "full_name", "url", "day", later="idx"), on="key")
        .filter(pl.col("later") > pl.col("idx"))
        .sort("later").group_by("key", maintain_order=True).first()
        .sort("later", "full_name")
        .select(name="full_name", url="url", first_seen="day",
                direction=pl.when(pl.col("direction") == "INCOMING").then(pl.lit("received")).otherwise(pl.lit("sent")),
                sent_at=pl.col("sent_at").dt.to_string("%Y-%m-%dT%H:%M:%S"))
    )
    return {"imports": len(imports), "new": new.to_dicts(), "left": left.to_dicts(),
            "changed": changed.to_dicts(), "accepted": accepted.to_dicts()}


def _day(value: object) -> object:
    """A day as people read it (ISO in English, as always; `20 nov. 2026` in French)."""
    return local_day(value) if isinstance(value, date) else value


def now_was(now: str | None, before: str | None) -> str:
    """The new value first, whole, where a narrow column still shows it: "Acme (was Beta)"."""
    return _("{now} (was {before})").format(now=now or "–", before=before or "–")


def across_frame(across: dict) -> pl.DataFrame:
    """People-table rows for Network's `n`: new connections, job changes (people to
    congratulate: "now (was before)"), then people who left, each with the import date seen."""
    def row(p: dict, company: str | None, position: str | None, why: str) -> dict:
        return {"key": profile_key(p["url"], p["name"]), "full_name": p["name"], "url": p["url"],
                "company": company, "position": position, "why": why}

    rows = [row(p, None, None, _("new, seen {day}").format(day=_day(p["first_seen"]))) for p in across["new"]]
    rows += [row(c, now_was(c['company'], c['company_before']), now_was(c['position'], c['position_before']),
                 _("job change seen {day}").format(day=_day(c["first_seen"])))
             for c in across["changed"]]
    rows += [row(p, None, None, _("left after {day}").format(day=_day(p["last_seen"]))) for p in across["left"]]
    schema = {"key": pl.Utf8, "full_name": pl.Utf8, "url": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8,
              "why": pl.Utf8}
    return pl.DataFrame(rows, schema=schema)
