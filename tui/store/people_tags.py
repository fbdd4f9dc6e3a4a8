"""Tags and "how we met", per person (profile key), kept in the store across imports.

Standard library only. Tags are lower-case words or short phrases; "how we met" is one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.store.store import Store
from tui.store.schema import create_tables, has_table
from tui.i18n import N_, _

MAX_TAG = 40
MAX_MET = 200
_SPACES = re.compile(r"\s+")


class TagError(ValueError):
    """A tag edit that can't be understood; str(e) says why."""


def clean_tag(text: str) -> str:
    """One tag as stored: trimmed, spaces collapsed, lower-case, no control characters."""
    tag = _SPACES.sub(" ", "".join(c for c in text if c.isprintable())).strip().lower()
    if len(tag) > MAX_TAG:
        raise TagError(_("'{tag}…' is longer than {max_tag} characters").format(tag=tag[:20], max_tag=MAX_TAG))
    return tag


def split_tags(text: str) -> list[str]:
    """'Salon RH, client ,' → ['salon rh', 'client'] (order kept, duplicates and blanks dropped)."""
    return list(dict.fromkeys(t for t in (clean_tag(p) for p in text.split(",")) if t))


def parse_edits(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """`+x -y` (as on the command line) → (tags to add, tags to remove)."""
    add: list[str] = []
    remove: list[str] = []
    for word in words:
        sign, tag = word[:1], clean_tag(word[1:])
        if sign not in "+-" or not sign or not tag or "," in tag:
            raise TagError(_("'{word}': write +tag to add it, -tag to remove it").format(word=word))
        (add if sign == "+" else remove).append(tag)
    return add, remove


def clean_met(text: str) -> str:
    """One line: newlines and tabs become spaces, trimmed, capped."""
    line = _SPACES.sub(" ", "".join(c if c.isprintable() else " " for c in text)).strip()
    return line[:MAX_MET]


def tags_by_key(store: Store) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for key, tag in store.select("SELECT key, tag FROM tags ORDER BY key, tag"):
        out.setdefault(key, []).append(tag)
    return {k: tuple(v) for k, v in out.items()}


def tags_of(store: Store, key: str) -> tuple[str, ...]:
    """One person's tags (a detail pane reads this on every cursor move: one small query)."""
    return tuple(t for (t,) in store.select("SELECT tag FROM tags WHERE key = ? ORDER BY tag", (key,)))


def tag_counts(store: Store) -> list[tuple[str, int]]:
    """(tag, people) for every tag, most used first."""
    rows = store.select("SELECT tag, count(*) FROM tags GROUP BY tag ORDER BY count(*) DESC, tag")
    return [(t, int(n)) for t, n in rows]


def met_by_key(store: Store) -> dict[str, str]:
    if not has_table(store, "met"):
        return {}
    return dict(store.select("SELECT key, text FROM met ORDER BY key"))


def met_of(store: Store, person: object) -> str:
    """How we met a person (anything with a `key`), "" when not written or no person."""
    key = getattr(person, "key", None)
    if not key or not has_table(store, "met"):
        return ""
    rows = store.select("SELECT text FROM met WHERE key = ?", (key,))
    return rows[0][0] if rows else ""


def edit_tags(store: Store, key: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
    """Add and remove tags for one person in one transaction; the tags they have after."""
    add, remove = [clean_tag(t) for t in add], {clean_tag(t) for t in remove}
    stamp = store._stamp()
    with store.transaction(N_("the tags")) as conn:
        conn.executemany("DELETE FROM tags WHERE key = ? AND tag = ?", [(key, t) for t in remove])
        conn.executemany("INSERT OR IGNORE INTO tags(key, tag, created_at) VALUES (?, ?, ?)",
                         [(key, t, stamp) for t in add if t and t not in remove])
    return tags_by_key(store).get(key, ())


def set_tags(store: Store, key: str, tags: Iterable[str]) -> tuple[str, ...]:
    """Make `tags` the person's whole set of tags."""
    wanted = [t for t in (clean_tag(t) for t in tags) if t]
    have = set(tags_by_key(store).get(key, ()))
    return edit_tags(store, key, [t for t in wanted if t not in have], have - set(wanted))


def set_met(store: Store, key: str, text: str) -> str:
    """Remember how we met (one line); empty text forgets it."""
    line = clean_met(text)
    with store.transaction(N_("how you met")) as conn:
        create_tables(conn)
        if line:
            conn.execute("""INSERT INTO met(key, text, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT(key) DO UPDATE SET text = ?2, updated_at = ?3""", (key, line, store._stamp()))
        else:
            conn.execute("DELETE FROM met WHERE key = ?", (key,))
    return line
