"""Who do I know at… a list of companies: connections there (exact, by alias or close, with
the score), invitations both ways, endorsers and recommenders, or an explicit nobody."""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from tui.core.companies import CompanyRules, group_key_expr, group_of, normalise, normalise_expr
from tui.i18n import N_, _

CLOSE_SCORE = 90.0
# Where the reader keeps the archive's extras: `export.archive.endorsements` (received) and
# `.recommendations` (both ways, a `direction` column); older readers have none of them.
ENDORSEMENT_FRAMES = ("endorsements_received", "endorsements")
RECOMMENDATION_FRAMES = ("recommendations_received", "recommendations")


def read_targets(lines: Iterable[str]) -> list[str]:
    """Company names, one per line: blank lines and lines starting with '#' skipped, duplicates dropped."""
    seen, out = set(), []
    for line in lines:
        name = " ".join(line.split())
        if name and not name.startswith("#") and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def _matches(people: pl.DataFrame, target: str, rules: CompanyRules, groups: list[str]) -> list[dict]:
    """Connections at `target`: same normalised name (exact), same group through an alias, or
    a group whose name scores at least CLOSE_SCORE (rapidfuzz token-set ratio)."""
    from rapidfuzz import fuzz, process

    name = normalise(target)
    key = pl.select(group_key_expr(pl.lit(target, dtype=pl.Utf8), rules)).item() or name
    close = {k: s for k, s, _ in process.extract(key, groups, scorer=fuzz.token_set_ratio,
                                                 score_cutoff=CLOSE_SCORE, limit=None) if k != key} if key else {}
    wanted = [key, *close]
    found = people.filter(pl.col("_group").is_in(wanted)).with_columns(
        match=pl.when(pl.col("_norm") == name).then(pl.lit("exact"))
        .when(pl.col("_group") == key).then(pl.lit("alias"))
        .otherwise(pl.lit("close")),
        score=pl.col("_group").replace_strict(list(close), [round(float(s), 1) for s in close.values()],
                                              default=100.0, return_dtype=pl.Float64),
    ).sort([pl.col("match").replace_strict(["exact", "alias", "close"], [0, 1, 2]), "score", "full_name"],
           descending=[False, True, False])
    return [
        {"name": r["full_name"], "url": r["url"], "position": r["position"], "company": r["company"],
         "match": r["match"], "score": r["score"], "key": r["key"]}
        for r in found.iter_rows(named=True)
    ]


def _invitations(export, keys: set[str], info: pl.DataFrame | None, target_key: str,
                 rules: CompanyRules) -> list[dict]:
    """Invitations from people matched there, or whose company the user typed in as this one."""
    typed: set[str] = set()
    if info is not None and info.height and "company" in info.columns:
        typed = set(info.filter(group_key_expr(pl.col("company"), rules) == target_key)["key"].drop_nulls())
    wanted = keys | typed
    if not wanted:
        return []
    rows = export.invitations.filter(pl.col("key").is_in(list(wanted))).sort("sent_at", nulls_last=True)
    return [
        {"name": r["counterpart_name"], "url": r["counterpart_url"],
         "direction": "received" if r["direction"] == "INCOMING" else "sent",
         "sent_at": r["sent_at"].isoformat() if r["sent_at"] else None,
         "connected": bool(r["connected"]), "via": "typed-in company" if r["key"] in typed - keys else "connection"}
        for r in rows.iter_rows(named=True)
    ]


def _people_frame(export, names: tuple[str, ...]) -> pl.DataFrame | None:
    """The first of these frames found on `export.archive` or on the export; None when absent."""
    for holder in (getattr(export, "archive", None), export):
        for name in names:
            frame = getattr(holder, name, None) if holder is not None else None
            if isinstance(frame, pl.DataFrame):
                if "direction" in frame.columns:  # recommendations given are not about you being known
                    frame = frame.filter(pl.col("direction") == "received")
                return frame
    return None


def _extras(frame: pl.DataFrame | None, people: pl.DataFrame, target_key: str, close: set[str],
            rules: CompanyRules) -> list[dict]:
    """Endorsers or recommenders there: by the company the file gives them, or by their
    profile key when they are connections who work there now."""
    if frame is None or frame.height == 0:
        return []
    wanted = list({target_key, *close})
    parts = []
    if "company" in frame.columns:
        parts.append(frame.filter(group_key_expr(pl.col("company"), rules).is_in(wanted)))
    if "key" in frame.columns:
        there = people.filter(pl.col("_group").is_in(wanted)).select("key", _now="company")
        joined = frame.join(there, on="key", how="inner")
        parts.append(joined.with_columns(company=pl.col("_now")).drop("_now") if "company" in frame.columns
                     else joined.rename({"_now": "company"}))
    if not parts:
        return []
    hits = pl.concat(parts, how="diagonal_relaxed")
    name = (pl.col("full_name") if "full_name" in hits.columns
            else pl.concat_str([pl.col(c) for c in ("first_name", "last_name") if c in hits.columns],
                               separator=" ", ignore_nulls=True) if {"first_name", "last_name"} & set(hits.columns)
            else pl.lit(None, pl.Utf8))
    out = hits.select(name=name, url=pl.col("url") if "url" in hits.columns else pl.lit(None, pl.Utf8),
                      company=pl.col("company"))
    return [dict(r) for r in out.unique(maintain_order=True).iter_rows(named=True)]


def intro(export, targets: list[str], rules: CompanyRules | None = None, info: pl.DataFrame | None = None) -> dict:
    """`{"targets": [{company, matches, invitations, endorsers, recommenders, nobody}]}`."""
    rules = rules or CompanyRules()
    people = export.connections.filter(pl.col("company").is_not_null()).with_columns(
        _group=group_of(export.connections, rules), _norm=normalise_expr(pl.col("company")))
    people = people.filter(pl.col("_group").is_not_null())
    groups = people["_group"].unique().sort().to_list()
    endorsements = _people_frame(export, ENDORSEMENT_FRAMES)
    recommendations = _people_frame(export, RECOMMENDATION_FRAMES)
    out = []
    for target in targets:
        key = pl.select(group_key_expr(pl.lit(target, dtype=pl.Utf8), rules)).item() or normalise(target)
        matches = _matches(people, target, rules, groups) if key else []
        close = {m["company"] for m in matches if m["match"] == "close"}
        close_keys = set(pl.select(group_key_expr(pl.Series(list(close), dtype=pl.Utf8), rules)).to_series()
                         .drop_nulls()) if close else set()
        invitations = _invitations(export, {m["key"] for m in matches if m["key"]}, info, key, rules)
        entry = {
            "company": target,
            "matches": [{k: v for k, v in m.items() if k != "key"} for m in matches],
            "invitations": invitations,
            "endorsers": _extras(endorsements, people, key, close_keys, rules),
            "recommenders": _extras(recommendations, people, key, close_keys, rules),
            "extras_in_export": {"endorsements": endorsements is not None and endorsements.height > 0,
                                 "recommendations": recommendations is not None and recommendations.height > 0},
        }
        entry["nobody"] = not (entry["matches"] or invitations or entry["endorsers"] or entry["recommenders"])
        out.append(entry)
    return {"targets": out}


# How a match was made and which way an invitation went, as the people table says them.
MATCH_WORDS = {"exact": N_("exact"), "alias": N_("alias")}
INVITATION_WORDS = {"received": N_("invitation received"), "sent": N_("invitation sent")}


def intro_frame(found: dict) -> pl.DataFrame:
    """The intro result as people-table rows: a line per target ("▸ Capgemini", what was
    found or "nobody you know there"), then the people matched there and how."""
    rows = []
    for t in found["targets"]:
        kinds = {k: sum(m["match"] == k for m in t["matches"]) for k in ("exact", "alias", "close")}
        summary = (_("nobody you know there") if t["nobody"] else
                   _("{exact} exact · {alias} by alias · {close} close · {invitations} invitations").format(
                       exact=kinds["exact"], alias=kinds["alias"], close=kinds["close"],
                       invitations=len(t["invitations"])))
        rows.append({"key": None, "full_name": f"▸ {t['company']}", "company": summary, "position": None, "why": None})
        for m in t["matches"]:
            how = _(MATCH_WORDS[m["match"]]) if m["match"] != "close" else _("close (score {score})").format(
                score=f"{m['score']:g}")
            rows.append({"key": None, "full_name": m["name"], "company": m["company"], "position": m["position"],
                         "why": how, "url": m["url"]})
        for i in t["invitations"]:
            rows.append({"key": None, "full_name": i["name"], "company": _(INVITATION_WORDS[i["direction"]]),
                         "position": None, "why": _("connected") if i["connected"] else _("not connected"),
                         "url": i["url"]})
    schema = {"key": pl.Utf8, "full_name": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8, "why": pl.Utf8,
              "url": pl.Utf8}
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema)


def intro_typed(typed: str, export, rules: CompanyRules | None, info: pl.DataFrame | None) -> tuple[str, pl.DataFrame]:
    """What Network's W shows for a typed line: companies separated by ';', or the path of a
    text file with one a line. Returns (title, people-table rows)."""
    from pathlib import Path

    from tui.network.companies_file import read_text_bounded

    path = Path(typed.strip()).expanduser()
    lines = (read_text_bounded(path) or "").splitlines() if path.is_file() else typed.split(";")
    found = intro(export, read_targets(lines), rules, info)
    nobody = sum(t["nobody"] for t in found["targets"])
    title = _("Who you know at {count} companies ({nobody} with nobody)").format(
        count=len(found["targets"]), nobody=nobody)
    return title, intro_frame(found)
