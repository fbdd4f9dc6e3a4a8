"""The SQL functions the queue queries call, registered on the store's connection (stdlib only)."""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from typing import Any

from tui.core.company_names import DEFAULT_RULES
from tui.core.folding import fold as search_fold
from tui.triage.vocabulary import ASK_PATTERN


def fold(text: str | None) -> str | None:
    """Trimmed, lower-cased (Unicode, as Polars does at import) company name; empty → None."""
    out = text.strip().lower() if isinstance(text, str) else None
    return out or None


@lru_cache(maxsize=1)
def _asks() -> re.Pattern[str]:
    return re.compile(ASK_PATTERN.replace("(?i)", ""), re.IGNORECASE)  # Python wants flags first


def asks(note: str | None) -> int:
    """1 when a note asks something (a call, a coffee, a question mark): worth a follow-up."""
    return int(bool(note and _asks().search(note.strip())))


def register_company_rules(conn: sqlite3.Connection, rules: Any) -> None:
    """`company_group` and `company_variants` on `conn`, grouping companies by `rules`
    (companies.toml's aliases and exclusions): the bridge signal and the company counts."""
    conn.create_function("company_group", 1, rules.group_key, deterministic=True)
    variants: dict[str | None, str | None] = {}  # group → its aliased spellings as JSON, made once

    def company_variants(group: str | None) -> str | None:
        if group not in variants:
            found = rules.members(group)[1:]
            variants[group] = json.dumps(found) if found else None
        return variants[group]

    conn.create_function("company_variants", 1, company_variants, deterministic=True)


def register(conn: sqlite3.Connection) -> None:
    """Make `fold`, `search_fold` (case, accents, ligatures: `met:` words), `asks` and the company
    grouping (the default rules) callable from SQL on `conn`."""
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("search_fold", 1, search_fold, deterministic=True)
    conn.create_function("asks", 1, asks, deterministic=True)
    register_company_rules(conn, DEFAULT_RULES)
