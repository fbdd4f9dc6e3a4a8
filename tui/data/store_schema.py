"""The store's SQLite schema (as forward migrations) and the frames it returns."""

from __future__ import annotations

import polars as pl

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
]

# A decide batch is in effect unless the last undo/redo event naming it is an undo.
ACTIVE_BATCHES_SQL = """SELECT b.* FROM batches b WHERE b.kind = 'decide' AND coalesce(
    (SELECT u.kind FROM batches u WHERE u.ref = b.id ORDER BY u.id DESC LIMIT 1), 'redo') <> 'undo'"""

TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S%.f"
DECISIONS_SCHEMA = {
    "key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8, "decision": pl.Utf8, "reason": pl.Utf8,
    "until": pl.Date, "decided_at": pl.Datetime("us"),
}
HISTORY_SCHEMA = {
    "batch": pl.Int64, "at": pl.Datetime("us"), "kind": pl.Utf8, "ref": pl.Int64,
    "key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8, "decision": pl.Utf8, "reason": pl.Utf8,
    "until": pl.Date, "active": pl.Boolean,
}
INFO_SCHEMA = {"key": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8, "connection_count": pl.Int64}
NOTES_SCHEMA = {"id": pl.Int64, "key": pl.Utf8, "text": pl.Utf8, "created_at": pl.Datetime("us")}
TAGS_SCHEMA = {"key": pl.Utf8, "tag": pl.Utf8, "created_at": pl.Datetime("us")}
DRAFTS_SCHEMA = {
    "id": pl.Int64, "template": pl.Utf8, "key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8,
    "text": pl.Utf8, "state": pl.Utf8, "created_at": pl.Datetime("us"),
    "sent_at": pl.Datetime("us"), "follow_up_on": pl.Date,
}
