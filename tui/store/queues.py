"""The triage queues read from the store: SQL over the import's rows joined with the
decision log, typed-in details and the strategy's stored suggestions.

Standard library only: this is the start path, and Polars alone costs as much as Textual's
whole start. Waiting days and "later is due" come from dates in SQL, so nothing depends on
the day of the last exit. Rows are fetched only for what the table shows.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from tui.core.files import digest_input
from tui.core.company_names import DEFAULT_EXCLUSIONS
from tui.triage.filters import VIEWS, Filter, FilterError
from tui.store.schema import has_table, latest_decision_sql
from tui.triage.vocabulary import RECEIVED_DECISIONS
from tui.store.sent_queue import SENT_SQL, sent_rows  # noqa: F401 - part of this module's API
from tui.i18n import N_, _, language

RECEIVED = RECEIVED_DECISIONS
# Typed-in details, with the company's group (the user's aliases and exclusions applied) and
# how many connections of the set are in it: the set keeps normalised names only, so editing
# companies.toml needs no new import. The group's own name is one primary-key lookup; the
# spellings aliased to it (rare: company_variants is NULL for most) are looked up one by one.
INFO_SQL = """SELECT key, folded, company, position, connection_count, nullif(
    coalesce((SELECT c.count FROM triage_companies c WHERE c.set_id = :set AND c.company = folded), 0)
    + CASE WHEN company_variants(folded) IS NULL THEN 0 ELSE coalesce((SELECT sum(c.count)
      FROM json_each(company_variants(folded)) m CROSS JOIN triage_companies c
      ON c.set_id = :set AND c.company = m.value), 0) END, 0) AS known
    FROM (SELECT key, company_group(company) AS folded, nullif(trim(company), '') AS company,
    nullif(trim(position), '') AS position, connection_count FROM person_info)"""
RECEIVED_SQL = f"""WITH i AS NOT MATERIALIZED ({INFO_SQL}),
q AS (SELECT t.id, t.key, t.name, t.url, t.sent_at, t.note, t.line, t.has_note, t.note_length,
    t.mass_invite, t.suspicious_reasons, t.suspicious_reasons <> '[]' AS suspicious, t.messaged_before,
    i.company, i.folded AS company_group, i.position, i.connection_count, coalesce(k.endorsements, 0) AS endorsements,
    coalesce(k.recommended_you, 0) AS recommended_you, coalesce(k.you_recommended, 0) AS you_recommended,
    CASE WHEN i.folded IS NULL THEN NULL ELSE coalesce(i.known, 0) END AS company_count,
    coalesce(i.folded IS NOT NULL AND i.known IS NULL, 0) AS bridge,
    d.decision, d.reason AS decision_reason, d.until, d.at AS decided_at,
    coalesce(d.decision = 'later' AND (d.until IS NULL OR d.until <= :today), 0) AS later_due,
    CAST(julianday(:today) - julianday(substr(t.sent_at, 1, 10)) AS INTEGER) AS waited_days,
    s.suggestion, s.reason AS suggestion_reason, s.rule,
    round(t.base_score + 1.5 * (i.folded IS NOT NULL AND i.known IS NULL) + 0.5 * (i.company IS NOT NULL), 2) AS score
  FROM triage_rows t LEFT JOIN i ON i.key = t.key LEFT JOIN batches d ON d.id = {latest_decision_sql("t.key", RECEIVED)}
  LEFT JOIN triage_ties k ON k.set_id = t.set_id AND k.key = t.key
  LEFT JOIN triage_suggestions s ON s.set_id = t.set_id AND s.digest = :digest AND s.row_id = t.id
  WHERE t.set_id = :set AND t.direction = 'received'),
r AS (SELECT *, decision IS NULL OR later_due AS pending FROM q)"""
VIEW_SQL = {
    "All": "pending",
    "With note": "pending AND has_note",
    "No note": "pending AND NOT has_note",
    "Suspicious": "pending AND suspicious",
    "Later (due)": "later_due",
    "Decided": "decision IS NOT NULL AND NOT later_due",
}
ORDER_SQL = "ORDER BY score DESC, sent_at IS NULL, sent_at DESC, id"
FLAG_SQL = {"suspicious": "suspicious", "bridge": "bridge", "mass": "mass_invite",
            "messaged": "messaged_before", "due": "later_due"}
DATES = ("until",)
TIMES = ("sent_at", "decided_at")


def query(store: Any, sql: str, params: Any = ()) -> list[tuple]:
    """Run a read under the store's lock (workers share the connection)."""
    with store.reading() as conn:
        return conn.execute(sql, params).fetchall()


def use_company_rules(store: Any, rules: Any = None) -> None:
    """Group companies in the queue queries by `rules` (companies.toml; None: the defaults)."""
    from tui.core.company_names import DEFAULT_RULES
    from tui.store.sql_functions import register_company_rules

    rules = rules or DEFAULT_RULES
    with store.reading() as conn:
        store.company_rules = rules
        register_company_rules(conn, rules)


# ---------------------------------------------------------------- which import
class TriageSet(NamedTuple):
    """The rows written for one export: what the header shows without reading the export."""

    id: int
    source: str
    content_hash: str
    exported_on: str | None
    connections: int


def find_set(store: Any, source: Path) -> TriageSet | None:
    """The rows written for `source` as it is now (same path, size and modification time)."""
    try:
        info = os.stat(source)
    except OSError:
        return None
    rows = query(store, """SELECT s.id, s.source, s.content_hash, s.exported_on, s.connections
        FROM triage_sources f JOIN triage_sets s ON s.id = f.set_id
        WHERE f.source = ? AND f.size = ? AND f.mtime_ns = ?""",
                 (str(Path(source).absolute()), info.st_size, info.st_mtime_ns))
    return TriageSet(*rows[0]) if rows else None


def known_content_hash(store: Any, source: Path) -> str | None:
    """The content hash of `source` when it is a file the store has seen as it is now (same
    path, size and modification time): the cheap check in front of hashing it. Not for a
    folder: its own time does not change when a file in it is rewritten."""
    if not os.path.isfile(source):
        return None
    known = find_set(store, source)
    return known.content_hash if known is not None else None


def set_by_hash(store: Any, content_hash: str) -> TriageSet | None:
    rows = query(store, "SELECT id, source, content_hash, exported_on, connections FROM triage_sets "
                        "WHERE content_hash = ?", (content_hash,))
    return TriageSet(*rows[0]) if rows else None


# ---------------------------------------------------------------- strategy
def strategy_digest(strategy_file: Path, store: Any, today: date) -> str:
    """What the stored suggestions depend on: the strategy file, the typed-in details
    (rules read company and role), the tags, the company rules (the bridge), the day (rules read
    waiting days) and the language (a broken file's error is stored as worded)."""
    digest = hashlib.sha256()
    digest.update(digest_input(strategy_file))  # a FIFO or /dev/zero must not hang the app's start
    info = query(store, "SELECT count(*), max(updated_at) FROM person_info")[0]
    digest.update(f"\0{info[0]}\0{info[1]}\0{today.isoformat()}".encode())
    # Rules read tags (`tag = "client"`): a tag given or taken away changes what they suggest.
    digest.update(repr(query(store, "SELECT key, tag FROM tags ORDER BY key, tag")).encode())
    # A broken file's error is kept worded in the language it was read in: another language, another digest.
    digest.update(f"\0{language()}".encode())
    rules = getattr(store, "company_rules", None)
    if rules is not None and (rules.aliases or rules.exclusions != DEFAULT_EXCLUSIONS):
        digest.update(f"\0{sorted(rules.alias_map().items())}\0{rules.excluded_keys()}".encode())
    return digest.hexdigest()


def stored_strategy(store: Any, set_id: int, digest: str) -> tuple[bool, str | None] | None:
    """(suggests anything, error) for suggestions already computed, else None."""
    rows = query(store, "SELECT suggests, error FROM triage_strategy WHERE set_id = ? AND digest = ?", (set_id, digest))
    return (bool(rows[0][0]), rows[0][1]) if rows else None


# ---------------------------------------------------------------- filters as SQL
def places(store: Any, set_id: int) -> dict[str, tuple[str, ...]]:
    """The owner's companies ("mine") and followed ones ("followed") as company group keys
    (the user's aliases applied), for the bridge signal."""
    out: dict[str, list[str]] = {"mine": [], "followed": []}
    for company, kind in query(store, "SELECT company_group(company), kind FROM triage_places "
                                      "WHERE set_id = ? ORDER BY rowid", (set_id,)):
        if company and company not in out[kind]:
            out[kind].append(company)
    return {kind: tuple(companies) for kind, companies in out.items()}


def fts_query(words: tuple[str, ...]) -> str | None:
    """Each word as a prefix phrase (`ines` finds Inès); None when no word holds a letter or digit."""
    parts = ['"' + w.replace('"', '""') + '"*' for w in words if any(c.isalnum() for c in w)]
    return " ".join(parts) or None


def filter_sql(f: Filter, store: Any = None) -> tuple[str, list[Any]]:
    """The received filter as a WHERE clause over the queue's columns, and its parameters
    (`store` tells whether the met table is made yet, for `met:`)."""
    parts: list[str] = []
    params: list[Any] = []
    match = fts_query(f.words)
    if match:
        parts.append("id IN (SELECT rowid FROM triage_fts WHERE triage_fts MATCH ?)")
        params.append(match)
    if f.has_note is not None:
        parts.append("has_note" if f.has_note else "NOT has_note")
    if f.older_days is not None:
        parts.append("waited_days >= ?")
        params.append(f.older_days)
    if f.newer_days is not None:
        parts.append("waited_days <= ?")
        params.append(f.newer_days)
    for flag in f.flags:
        if flag not in FLAG_SQL:
            raise FilterError(_("'flag:{flag}' doesn't apply to this list").format(flag=flag))
        parts.append(FLAG_SQL[flag])
    if f.decided == "any":
        parts.append("decision IS NOT NULL")
    elif f.decided == "none":
        parts.append("decision IS NULL")
    elif f.decided is not None:
        parts.append("decision = ?")
        params.append(f.decided)
    if f.marks is not None:  # tag:, -tag:, met: read the store's tags and met tables
        from tui.triage.tag_filter import terms_sql

        where, values = terms_sql(f.marks, has_met=has_table(store, "met")) if store is not None \
            else terms_sql(f.marks)
        parts.append(where)
        params += values
    return " AND ".join(parts) or "1", params


# ---------------------------------------------------------------- the received queue
def _params(set_id: int, today: date, digest: str | None) -> dict[str, Any]:
    return {"set": set_id, "today": today.isoformat(), "digest": digest or ""}


def received_ids(store: Any, set_id: int, today: date, digest: str | None, view: str,
                 f: Filter = Filter(), saved: dict[str, Filter] | None = None) -> list[tuple[int, str | None]]:
    """(row id, person key) of the rows a view and filter show, most promising first
    (`saved`: the user's saved views, name → filter; each shows the pending rows it matches)."""
    named = _params(set_id, today, digest)
    where = _clause(store, f, named, "p")
    if view in VIEW_SQL:
        shown = VIEW_SQL[view]
    elif saved and view in saved:
        shown = f"pending AND ({_clause(store, saved[view], named, 'v')})"
    else:
        raise FilterError(_("unknown view '{view}'").format(view=view))
    return query(store, f"{RECEIVED_SQL} SELECT id, key FROM r WHERE ({shown}) AND ({where}) {ORDER_SQL}", named)


def _clause(store: Any, f: Filter, named: dict[str, Any], prefix: str) -> str:
    """The filter's WHERE clause with its parameters added to `named` as :<prefix>0, :<prefix>1…"""
    where, extra = filter_sql(f, store)
    named.update({f"{prefix}{i}": v for i, v in enumerate(extra)})
    return _numbered(where, prefix)


def _numbered(where: str, prefix: str = "p") -> str:
    """`?` placeholders → :p0, :p1… (the queue's own parameters are named)."""
    out, n = [], 0
    for piece in where.split("?"):
        out.append(piece)
        out.append(f":{prefix}{n}")
        n += 1
    return "".join(out[:-1])


def view_counts(store: Any, set_id: int, today: date, digest: str | None, f: Filter = Filter(),
                saved: dict[str, Filter] | None = None) -> dict[str, int]:
    """Rows in every view (built-in, then saved) within the filter, in one query."""
    named = _params(set_id, today, digest)
    where = _clause(store, f, named, "p")
    shown = [VIEW_SQL[v] for v in VIEWS]
    names = list(VIEWS)
    for n, (name, line) in enumerate((saved or {}).items()):
        shown.append(f"pending AND ({_clause(store, line, named, f's{n}_')})")
        names.append(name)
    sums = ", ".join(f"coalesce(sum({sql}), 0)" for sql in shown)
    row = query(store, f"{RECEIVED_SQL} SELECT {sums} FROM r WHERE {where}", named)[0]
    return {v: int(n) for v, n in zip(names, row)}


def received_rows(store: Any, set_id: int, today: date, digest: str | None,
                  ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Rows as dicts (every row when `ids` is None), typed as the detail pane expects."""
    named = _params(set_id, today, digest)
    where = "1"
    if ids is not None:
        named.update({f"i{n}": i for n, i in enumerate(ids)})
        where = f"id IN ({', '.join(f':i{n}' for n in range(len(ids)))})" if ids else "0"
    with store.reading() as conn:
        cursor = conn.execute(f"{RECEIVED_SQL} SELECT * FROM r WHERE {where}", named)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    return [_typed(dict(zip(names, row))) for row in rows]


def _typed(row: dict[str, Any]) -> dict[str, Any]:
    for name in ("has_note", "mass_invite", "suspicious", "messaged_before", "bridge", "later_due", "pending"):
        row[name] = bool(row[name])
    row["suspicious_reasons"] = json.loads(row["suspicious_reasons"] or "[]")
    for name in TIMES:
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    for name in DATES:
        row[name] = date.fromisoformat(row[name]) if row[name] else None
    return row


def refresh_search(store: Any, key: str) -> None:
    """After typed-in details change: the words the filter finds for that person."""
    with store.transaction(N_("the search words")) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM triage_rows WHERE key = ? AND direction = 'received'", (key,))]
        info = conn.execute("SELECT position, company FROM person_info WHERE key = ?", (key,)).fetchone() or (None, None)
        for row_id in ids:
            conn.execute("UPDATE triage_fts SET headline = ?, company = ? WHERE rowid = ?", (*info, row_id))


class QueueRows:
    """The rows a view shows, for the table: ids and keys in order; each row is read from
    the store only when it is drawn (a page at a time), so 5,000 rows cost 5,000 pairs."""

    PAGE = 64

    def __init__(self, pairs: list[tuple[int, str | None]], fetch: Any) -> None:
        self.ids = [p[0] for p in pairs]
        self.keys = [p[1] for p in pairs]
        self._fetch = fetch  # list of ids → list of row dicts
        self._rows: dict[int, dict[str, Any]] = {}

    columns = ("id", "key")

    @property
    def height(self) -> int:
        return len(self.ids)

    def row(self, index: int, named: bool = True) -> dict[str, Any] | None:
        if not 0 <= index < len(self.ids):
            return None
        row_id = self.ids[index]
        if row_id not in self._rows:
            page = [i for i in self.ids[index:index + self.PAGE] if i not in self._rows]
            self._rows.update((r["id"], r) for r in self._fetch(page))
        return self._rows.get(row_id)

    def __getitem__(self, where: tuple[int, str]) -> Any:
        index, column = where
        if column == "key":
            return self.keys[index]
        row = self.row(index)
        return None if row is None else row.get(column)

    def index_of(self, column: str, value: Any) -> int | None:
        values = self.keys if column == "key" else self.ids
        try:
            return values.index(value)
        except ValueError:
            return None

    def rows_with_keys(self, keys: set) -> list[dict[str, Any]]:
        """The rows whose key is in `keys`, in the queue's order."""
        wanted = [i for i, k in zip(self.ids, self.keys) if k in keys]
        missing = [i for i in wanted if i not in self._rows]
        for start in range(0, len(missing), 500):  # SQLite's variable limit
            self._rows.update((r["id"], r) for r in self._fetch(missing[start:start + 500]))
        return [self._rows[i] for i in wanted if i in self._rows]

    def remove_keys(self, keys: set) -> int | None:
        """Drop the rows of `keys` (just decided); the index where the first one was."""
        first = next((n for n, k in enumerate(self.keys) if k in keys), None)
        kept = [(i, k) for i, k in zip(self.ids, self.keys) if k not in keys]
        self.ids, self.keys = [p[0] for p in kept], [p[1] for p in kept]
        return first

    def forget(self, keys: set | None = None) -> None:
        """Re-read these rows (all with None) when next drawn: their decision changed but they
        stay shown, or the language changed their words."""
        for row_id, key in zip(self.ids, self.keys):
            if keys is None or key in keys:
                self._rows.pop(row_id, None)
