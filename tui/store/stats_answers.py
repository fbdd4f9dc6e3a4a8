"""`passerelle stats` answered from the store: the figures of an export, computed when it is
imported (Polars is loaded then anyway), kept under a key made of everything they depend on.

The key covers the export's content hash, config.toml, strategy.toml, companies.toml, the
`--qualify` families and every import record with its snapshot, so a changed input simply
misses and `stats` computes the figures from the frames as before. The figures do not
depend on the day (they are counted to the export's date); the export's age is, and is
counted again at each answer. Standard library only: answering costs no Polars import.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from tui import __version__
from tui.export.age import export_age
from tui.paths import Paths

FORMAT = 1  # bump when the figures change shape
TABLE = """CREATE TABLE IF NOT EXISTS stats_answers (key TEXT PRIMARY KEY, exported_on TEXT,
    stats TEXT NOT NULL, written_at TEXT NOT NULL DEFAULT (datetime('now')))"""
KEEP = 8  # answers kept (a few exports, a few settings); the oldest go


def config_files(paths: Paths) -> tuple[Path, ...]:
    """The files the figures read (companies.toml: `tui.network.companies_file`, which imports Polars)."""
    return (paths.settings_file, paths.strategy_file, Path(paths.config) / "companies.toml")


def answer_key(content_hash: str, paths: Paths, qualify: tuple[str, ...], records: list) -> str:
    """The key of the figures of the export of `content_hash` with these inputs."""
    from tui.core.files import digest_input

    digest = hashlib.sha256(f"passerelle {__version__} stats {FORMAT}\0{content_hash}".encode())
    for file in config_files(paths):
        data = digest_input(file)  # a FIFO or /dev/zero must not hang or fill memory
        digest.update(b"\0%d\0" % len(data) + data)
    digest.update(json.dumps(list(qualify)).encode())
    for r in records:
        snapshot = Path(r.snapshot) if r.snapshot else None
        size = _size(snapshot) if snapshot is not None else None
        digest.update(json.dumps([r.id, r.content_hash, r.source, str(snapshot), size]).encode())
    return digest.hexdigest()


def _size(snapshot: Path) -> int | None:
    from tui.store.snapshots import snapshot_files

    sizes = [f.stat().st_size for f in snapshot_files(snapshot) if f.is_file()]
    return sum(sizes) if sizes else None


def save_answer(store: Any, key: str, stats: dict, exported_on: date | None) -> None:
    """Keep `stats` (as `stats --json` prints them) under `key`."""
    text = json.dumps(stats)
    with store.transaction("the network figures") as conn:  # noqa: SLF001 - one transaction, as every write
        conn.execute(TABLE)
        conn.execute("INSERT OR REPLACE INTO stats_answers(key, exported_on, stats) VALUES (?, ?, ?)",
                     (key, exported_on.isoformat() if exported_on else None, text))
        conn.execute("DELETE FROM stats_answers WHERE key NOT IN "
                     "(SELECT key FROM stats_answers ORDER BY written_at DESC, rowid DESC LIMIT ?)", (KEEP,))


def find_answer(store: Any, key: str, source: Path, today: date) -> dict | None:
    """The stored figures for `key`, with the source as given and the export's age today."""
    try:
        with store._lock:  # noqa: SLF001
            rows = store._conn.execute("SELECT exported_on, stats FROM stats_answers WHERE key = ?",  # noqa: SLF001
                                       (key,)).fetchall()
    except sqlite3.OperationalError:  # no such table: nothing imported since answers are kept
        return None
    if not rows:
        return None
    exported_on, text = rows[0]
    stats = json.loads(text)
    stats["source"] = str(source)
    stats["export_age"] = export_age(date.fromisoformat(exported_on) if exported_on else None, today)
    return stats
