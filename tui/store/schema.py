"""The store's SQLite schema (as forward migrations) and the frames it returns."""

from __future__ import annotations

# Forward migrations: MIGRATIONS[n] takes the schema from version n to n + 1. Plain
# statements, not executescript (which would COMMIT), so one migration = one transaction.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE imports (id INTEGER PRIMARY KEY, source TEXT NOT NULL,
            content_hash TEXT NOT NULL, exported_on TEXT, imported_at TEXT NOT NULL,
            counts TEXT NOT NULL DEFAULT '{}', snapshot TEXT)""",
        "CREATE INDEX imports_hash ON imports(content_hash)",
        """CREATE TABLE batches (id INTEGER PRIMARY KEY, at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('decide', 'undo', 'redo')),
            ref INTEGER REFERENCES batches(id), decision TEXT,
            reason TEXT NOT NULL DEFAULT '', until TEXT)""",
        "CREATE INDEX batches_ref ON batches(ref)",
        """CREATE TABLE decision_rows (batch INTEGER NOT NULL REFERENCES batches(id),
            key TEXT NOT NULL, name TEXT, url TEXT, PRIMARY KEY (batch, key))""",
        "CREATE INDEX decision_rows_key ON decision_rows(key)",
        """CREATE TABLE person_info (key TEXT PRIMARY KEY, company TEXT, position TEXT,
            connection_count INTEGER, updated_at TEXT NOT NULL)""",
        """CREATE TABLE notes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, text TEXT NOT NULL,
            created_at TEXT NOT NULL)""",
        "CREATE INDEX notes_key ON notes(key)",
        """CREATE TABLE tags (key TEXT NOT NULL, tag TEXT NOT NULL, created_at TEXT NOT NULL,
            PRIMARY KEY (key, tag))""",
        """CREATE TABLE drafts (id INTEGER PRIMARY KEY, template TEXT, key TEXT, name TEXT,
            url TEXT, text TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('draft', 'sent', 'accepted', 'abandoned')),
            created_at TEXT NOT NULL, sent_at TEXT, follow_up_on TEXT)""",
    ),
    # 1 → 2: a counter every write bumps, so a saved view of the data can tell it is stale.
    (
        "CREATE TABLE revision (n INTEGER NOT NULL)",
        "INSERT INTO revision(n) VALUES (0)",
    ),
    # 2 → 3: the triage tables the panes read (the store is the triage engine). What depends
    # only on an export is written once at import; decisions, typed-in details and dates are
    # joined in SQL when a pane reads, so nothing depends on the day of the last exit.
    (
        """CREATE TABLE IF NOT EXISTS triage_sets (id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
            exported_on TEXT, connections INTEGER NOT NULL, built_at TEXT NOT NULL)""",
        # Where each set was read from, as the file was then: a start finds its rows by a stat.
        """CREATE TABLE IF NOT EXISTS triage_sources (source TEXT PRIMARY KEY, size INTEGER,
            mtime_ns INTEGER, set_id INTEGER NOT NULL REFERENCES triage_sets(id) ON DELETE CASCADE)""",
        """CREATE TABLE IF NOT EXISTS triage_rows (id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES triage_sets(id) ON DELETE CASCADE,
            direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
            key TEXT, name TEXT, url TEXT, sent_at TEXT, note TEXT, line INTEGER,
            has_note INTEGER NOT NULL DEFAULT 0, note_length INTEGER NOT NULL DEFAULT 0,
            mass_invite INTEGER NOT NULL DEFAULT 0, suspicious_reasons TEXT NOT NULL DEFAULT '[]',
            messaged_before INTEGER NOT NULL DEFAULT 0, asks INTEGER NOT NULL DEFAULT 0,
            accepted INTEGER NOT NULL DEFAULT 0, accepted_on TEXT, base_score REAL NOT NULL DEFAULT 0)""",
        "CREATE INDEX IF NOT EXISTS triage_rows_set ON triage_rows(set_id, direction)",
        "CREATE INDEX IF NOT EXISTS triage_rows_key ON triage_rows(key)",
        """CREATE TABLE IF NOT EXISTS triage_companies (set_id INTEGER NOT NULL
            REFERENCES triage_sets(id) ON DELETE CASCADE, company TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (set_id, company))""",
        """CREATE TABLE IF NOT EXISTS triage_connected (set_id INTEGER NOT NULL
            REFERENCES triage_sets(id) ON DELETE CASCADE, key TEXT NOT NULL, connected_on TEXT,
            PRIMARY KEY (set_id, key))""",
        """CREATE TABLE IF NOT EXISTS triage_strategy (set_id INTEGER NOT NULL
            REFERENCES triage_sets(id) ON DELETE CASCADE, digest TEXT NOT NULL,
            suggests INTEGER NOT NULL, error TEXT, PRIMARY KEY (set_id, digest))""",
        """CREATE TABLE IF NOT EXISTS triage_suggestions (set_id INTEGER NOT NULL, digest TEXT NOT NULL,
            row_id INTEGER NOT NULL REFERENCES triage_rows(id) ON DELETE CASCADE,
            suggestion TEXT, reason TEXT, rule TEXT, PRIMARY KEY (set_id, digest, row_id),
            FOREIGN KEY (set_id, digest) REFERENCES triage_strategy(set_id, digest) ON DELETE CASCADE)""",
        # Endorsements and recommendations per person (Endorsement_Received_Info.csv,
        # Recommendations_*.csv): the tie signal of a received invitation.
        """CREATE TABLE IF NOT EXISTS triage_ties (set_id INTEGER NOT NULL
            REFERENCES triage_sets(id) ON DELETE CASCADE, key TEXT NOT NULL, endorsements INTEGER NOT NULL,
            recommended_you INTEGER NOT NULL, you_recommended INTEGER NOT NULL, PRIMARY KEY (set_id, key))""",
        # The owner's companies (Positions.csv) and the ones they follow (Company Follows.csv),
        # lower-cased: where a received invitation's company stands for the bridge signal.
        """CREATE TABLE IF NOT EXISTS triage_places (set_id INTEGER NOT NULL
            REFERENCES triage_sets(id) ON DELETE CASCADE, company TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('mine', 'followed')), PRIMARY KEY (set_id, company, kind))""",
        # rowid = triage_rows.id; accent-insensitive words for the filter line (`ines` finds Inès).
        """CREATE VIRTUAL TABLE IF NOT EXISTS triage_fts USING fts5(name, headline, note, company,
            tokenize="unicode61 remove_diacritics 2")""",
    ),
]

# The to-do queue's tables: "how we met" per person, and what each "done" event carried out
# (a done event is a batch with decision 'done' in the one decision log, so undo, redo and
# history treat it as any decision). Made by the first write that needs them, in its own
# transaction, not by a migration: a migration would make every read-only command refuse a
# database until something wrote to it. Readers treat a missing table as empty.
TODO_TABLES: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS met (key TEXT PRIMARY KEY, text TEXT NOT NULL,
        updated_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS done_rows (batch INTEGER NOT NULL REFERENCES batches(id),
        key TEXT NOT NULL, action TEXT NOT NULL, ref INTEGER NOT NULL,
        PRIMARY KEY (batch, key, action))""",
    "CREATE INDEX IF NOT EXISTS done_rows_key ON done_rows(key)",
)


def has_table(store, name: str) -> bool:
    """Whether a table the first write makes (TODO_TABLES) is there yet."""
    return bool(store.select("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", (name,)))


def create_tables(conn) -> None:
    """Inside a write transaction: make the to-do tables if this database has none yet."""
    for statement in TODO_TABLES:
        conn.execute(statement)


# A decide batch `b` is in effect unless the last undo/redo event naming it is an undo.
IN_EFFECT_SQL = """b.kind = 'decide' AND coalesce(
    (SELECT u.kind FROM batches u WHERE u.ref = b.id ORDER BY u.id DESC LIMIT 1), 'redo') <> 'undo'"""
ACTIVE_BATCHES_SQL = f"SELECT b.* FROM batches b WHERE {IN_EFFECT_SQL}"


def latest_decision_sql(key: str, vocabulary: tuple[str, ...]) -> str:
    """The batch of the latest decision in effect for the person `key` (an SQL expression),
    among `vocabulary`'s decisions: a scalar subquery, for `LEFT JOIN batches d ON d.id = …`.

    Looked up by key, once a row, each of that person's batches checked on its own: joined
    instead with a table of every person decided, a queue scanned that table whole for each
    of its rows, so every start and filter key grew with the decision log (a tenth of a
    second a query after 1,200 decisions)."""
    words = ", ".join(f"'{v}'" for v in vocabulary)
    return (f"(SELECT max(r.batch) FROM decision_rows r INDEXED BY decision_rows_key JOIN batches b ON b.id = r.batch"
            f" WHERE r.key = {key} AND b.decision IN ({words}) AND {IN_EFFECT_SQL})")


TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S%.f"
# Frame schemas by type name (str, int, bool, date, datetime): Polars types are made only
# when a frame is (`store.polars_schema`), so opening the store does not import Polars.
DECISIONS_SCHEMA = {
    "key": "str", "name": "str", "url": "str", "decision": "str", "reason": "str",
    "until": "date", "decided_at": "datetime",
}
HISTORY_SCHEMA = {
    "batch": "int", "at": "datetime", "kind": "str", "ref": "int",
    "key": "str", "name": "str", "url": "str", "decision": "str", "reason": "str",
    "until": "date", "active": "bool",
}
INFO_SCHEMA = {"key": "str", "company": "str", "position": "str", "connection_count": "int"}
NOTES_SCHEMA = {"id": "int", "key": "str", "text": "str", "created_at": "datetime"}
TAGS_SCHEMA = {"key": "str", "tag": "str", "created_at": "datetime"}
DRAFTS_SCHEMA = {
    "id": "int", "template": "str", "key": "str", "name": "str", "url": "str",
    "text": "str", "state": "str", "created_at": "datetime",
    "sent_at": "datetime", "follow_up_on": "date",
}
