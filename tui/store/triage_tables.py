"""Writing the triage tables at import (Polars reads the export, SQLite keeps what triage needs)
and the strategy's suggestions (computed in a worker, stored per strategy digest)."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from tui.store.queues import TriageSet, query, received_rows, set_by_hash, strategy_digest, stored_strategy
from tui.export.archive import followed_companies, my_companies, tie_counts
from tui.triage.queue_frames import received_queue, sent_queue
from tui.core.errors import StoreError
from tui.i18n import N_

KEEP_SETS = 3  # older exports' rows are dropped (decisions are kept: they are keyed by person)
ISO = "%Y-%m-%dT%H:%M:%S"


def write_triage(store: Any, export: Any, source: Path) -> TriageSet:
    """The rows of `export` in the store, written once per content (a known one only
    gets its path and file stamp updated); one transaction."""
    source = Path(source)
    try:
        info = os.stat(source)
        stamp = (info.st_size, info.st_mtime_ns)
    except OSError:
        stamp = (None, None)
    known = set_by_hash(store, export.content_hash)
    place = (str(source.absolute()), *stamp)
    if known is not None:
        seen = query(store, "SELECT source, size, mtime_ns FROM triage_sources WHERE set_id = ? AND source = ?",
                      (known.id, place[0]))
        if seen != [place]:  # read from another place (the folder of a known ZIP…): only remember it
            with store.transaction(N_("the triage rows")) as conn:
                conn.execute("INSERT OR REPLACE INTO triage_sources(source, size, mtime_ns, set_id) VALUES (?, ?, ?, ?)",
                             (*place, known.id))
        return known
    drafted = [key for (key,) in query(store, "SELECT DISTINCT key FROM drafts WHERE key IS NOT NULL")]
    rows = _rows_of(export, drafted)
    exported = export.exported_on.isoformat() if export.exported_on else None
    with store.transaction(N_("the triage rows")) as conn:
        # Checked again inside the write lock: two imports of one export at once write it once.
        if conn.execute("SELECT 1 FROM triage_sets WHERE content_hash = ?", (export.content_hash,)).fetchone() is None:
            _insert_set(conn, export, place, exported, rows)
            _drop_old_sets(conn)
    return set_by_hash(store, export.content_hash)


def _rows_of(export: Any, drafted: list[str]) -> dict[str, list[tuple]]:
    """What the tables get, without the set's id: the received queue on this thread, the rest
    on a second one (Polars lets go of the interpreter lock), so both cores work on it."""
    from concurrent.futures import ThreadPoolExecutor

    today = date.today()  # only for columns that are dropped: waiting days come from SQL
    with ThreadPoolExecutor(1, thread_name_prefix="triage") as pool:
        others = pool.submit(_other_rows, export, today, drafted)
        received = received_queue(export, None, None, today).select(
            "key", "name", "url", pl.col("sent_at").dt.strftime(ISO), "note", "line", "has_note",
            "note_length", "mass_invite", "suspicious_reasons", "messaged_before", "score")
        rows = {"received": [(*r[:9], json.dumps(r[9], ensure_ascii=False) if r[9] else "[]", *r[10:])
                             for r in received.iter_rows()]}
        return rows | others.result()


def _other_rows(export: Any, today: date, drafted: list[str]) -> dict[str, list[tuple]]:
    """The sent queue, company counts, connected keys, ties and places of one export.

    Connected keys only for the people of the composer's drafts (`drafted`): the sent queue asks
    only about them (was a note marked sent accepted?); all 30,000 took ~0.1 s of a first
    open. A draft saved later for a connection adds its key (`note_connection`)."""
    sent = sent_queue(export, None, None, today).select(
        "key", "name", "url", pl.col("sent_at").dt.strftime(ISO), "note", "has_note", "asks",
        "accepted", pl.col("accepted_on").cast(pl.Utf8))
    connected = _connected(export.connections.filter(pl.col("key").is_in(drafted)))
    ties = tie_counts(export).select("key", "endorsements", "recommended_you", "you_recommended")
    places = [(c, "mine") for c in my_companies(export)] + [(c, "followed") for c in followed_companies(export)]
    return {"sent": sent.rows(), "companies": _name_counts(export.connections).rows(),
            "connected": connected.rows(), "ties": ties.rows(), "places": places}


def _insert_set(conn: Any, export: Any, place: tuple, exported: str | None, rows: dict[str, list[tuple]]) -> None:
    """The rows, FTS words, company counts and connected keys of one export."""
    set_id = conn.execute(
        "INSERT INTO triage_sets(content_hash, source, exported_on, connections, built_at) "
        "VALUES (?, ?, ?, ?, datetime('now'))",
        (export.content_hash, place[0], exported, export.connections.height),
    ).lastrowid
    conn.execute("INSERT OR REPLACE INTO triage_sources(source, size, mtime_ns, set_id) VALUES (?, ?, ?, ?)",
                 (*place, set_id))
    conn.executemany(
        """INSERT INTO triage_rows(set_id, direction, key, name, url, sent_at, note, line, has_note,
            note_length, mass_invite, suspicious_reasons, messaged_before, base_score)
            VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", [(set_id, *r) for r in rows["received"]])
    conn.executemany(
        """INSERT INTO triage_rows(set_id, direction, key, name, url, sent_at, note, has_note, asks,
            accepted, accepted_on) VALUES (?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", [(set_id, *r) for r in rows["sent"]])
    conn.execute("""INSERT INTO triage_fts(rowid, name, headline, note, company)
        SELECT t.id, t.name, i.position, t.note, i.company FROM triage_rows t
        LEFT JOIN person_info i ON i.key = t.key WHERE t.set_id = ? AND t.direction = 'received'""", (set_id,))
    # Normalised names, not groups: the user's aliases and exclusions apply when the rows are read.
    conn.executemany("INSERT INTO triage_companies(set_id, company, count) VALUES (?, ?, ?)",
                     [(set_id, *row) for row in rows["companies"]])
    conn.executemany("INSERT INTO triage_connected(set_id, key, connected_on) VALUES (?, ?, ?)",
                     [(set_id, *row) for row in rows["connected"]])
    conn.executemany("INSERT INTO triage_ties(set_id, key, endorsements, recommended_you, you_recommended) "
                     "VALUES (?, ?, ?, ?, ?)", [(set_id, *row) for row in rows["ties"]])
    conn.executemany("INSERT OR IGNORE INTO triage_places(set_id, company, kind) VALUES (?, ?, ?)",
                     [(set_id, *row) for row in rows["places"]])


def _connected(connections: pl.DataFrame) -> pl.DataFrame:
    """(key, connected_on): each person's connection day, in key order (each row lands next to
    the last in the (set_id, key) index, not on a random page)."""
    return connections.filter(pl.col("key").is_not_null()).group_by("key").agg(
        pl.col("connected_on").max().cast(pl.Utf8)).sort("key")


def note_connection(context: Any, key: str) -> None:
    """A draft was saved for `key`: if the export shows them connected, the sent queue can say
    its note was accepted (a set keeps connected keys only for drafts, see `_other_rows`)."""
    if context.triage_set is None or context.export is None:
        return
    found = _connected(context.export.connections.filter(pl.col("key") == key))
    if not found.height:
        return
    try:
        with context.store.transaction(N_("the draft")) as conn:
            conn.execute("INSERT OR IGNORE INTO triage_connected(set_id, key, connected_on) VALUES (?, ?, ?)",
                         (context.triage_set.id, *found.row(0)))
    except StoreError:  # the draft itself is saved, and says so; a new export's import adds the key
        pass


def _name_counts(connections: pl.DataFrame) -> pl.DataFrame:
    """Connections per normalised company name ("Capgemini SE" and "CAPGEMINI" together)."""
    from tui.core.companies import normalise_expr

    per_spelling = connections.group_by("company").agg(_n=pl.len())
    return (per_spelling.select(_name=normalise_expr(pl.col("company")), _n="_n")
            .filter(pl.col("_name").str.len_chars() > 0)
            .group_by("_name").agg(pl.col("_n").sum().cast(pl.Int64)).sort("_name"))


def _drop_old_sets(conn: Any) -> None:
    old = [r[0] for r in conn.execute("SELECT id FROM triage_sets ORDER BY id DESC LIMIT -1 OFFSET ?", (KEEP_SETS,))]
    for set_id in old:
        conn.execute("DELETE FROM triage_fts WHERE rowid IN (SELECT id FROM triage_rows WHERE set_id = ?)", (set_id,))
        conn.execute("DELETE FROM triage_suggestions WHERE set_id = ?", (set_id,))
        conn.execute("DELETE FROM triage_sets WHERE id = ?", (set_id,))


def queue_frame(store: Any, set_id: int, today: date) -> pl.DataFrame:
    """The whole received queue as a frame (with tags and met), for the strategy rules and their preview."""
    rows = received_rows(store, set_id, today, None)
    if not rows:
        return pl.DataFrame(schema={"id": pl.Int64, "key": pl.Utf8, "pending": pl.Boolean})
    from tui.store.people_tags import met_by_key, tags_by_key
    from tui.triage.tag_filter import with_marks

    frame = pl.DataFrame(rows, infer_schema_length=None)
    # With each person's tags and "how we met": strategy rules read them (`tag = "client"`).
    return with_marks(frame.drop("suggestion", "suggestion_reason", "rule"), tags_by_key(store), met_by_key(store))


def store_suggestions(store: Any, set_id: int, digest: str, strategy: Any, error: str | None,
                      today: date) -> None:
    """Save what `strategy` suggests for every row (None: no strategy, or a broken one)."""
    from tui.triage import strategy as strategy_mod

    rows: list[tuple] = []
    suggests = strategy is not None and strategy.suggests_anything
    if suggests:
        frame = strategy_mod.suggest(queue_frame(store, set_id, today), strategy)
        rows = frame.filter(pl.col("suggestion").is_not_null()).select(
            "id", "suggestion", "suggestion_reason", "rule").rows()
    with store.transaction(N_("the suggestions")) as conn:
        conn.execute("DELETE FROM triage_strategy WHERE set_id = ? AND digest = ?", (set_id, digest))
        conn.execute("INSERT INTO triage_strategy(set_id, digest, suggests, error) VALUES (?, ?, ?, ?)",
                     (set_id, digest, int(suggests), error))
        conn.executemany("INSERT INTO triage_suggestions(set_id, digest, row_id, suggestion, reason, rule) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [(set_id, digest, *row) for row in rows])
        # Suggestions for other days and files are only kept for this export's latest few.
        conn.execute("""DELETE FROM triage_strategy WHERE set_id = ? AND digest NOT IN (
            SELECT digest FROM triage_strategy WHERE set_id = ? ORDER BY rowid DESC LIMIT 4)""", (set_id, set_id))
        conn.execute("""DELETE FROM triage_suggestions WHERE set_id = ? AND digest NOT IN (
            SELECT digest FROM triage_strategy WHERE set_id = ?)""", (set_id, set_id))


def ensure_suggestions(store: Any, set_id: int, strategy_file: Path, today: date) -> tuple[str, Any, str | None]:
    """Compute and store the suggestions for the strategy file as it is, if not done yet.

    Returns (digest, the strategy or None, its error or None)."""
    from tui.core.errors import ConfigError
    from tui.triage.strategy import load_strategy

    digest = strategy_digest(strategy_file, store, today)
    strategy, error = None, None
    if strategy_file.is_file():
        try:
            strategy = load_strategy(strategy_file)
        except ConfigError as exc:
            error = str(exc)
    if stored_strategy(store, set_id, digest) is None:
        store_suggestions(store, set_id, digest, strategy, error, today)
    return digest, strategy, error


def rows_written(store: Any, set_id: int) -> dict[str, int]:
    """How many rows an import wrote, by direction (for reports and tests)."""
    return dict(query(store, "SELECT direction, count(*) FROM triage_rows WHERE set_id = ? GROUP BY direction",
                      (set_id,)))
