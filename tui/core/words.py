"""Counted words as people write them: `1 person`, `2 people`, `1,204 invitations`."""

from __future__ import annotations

IRREGULAR = {"person": "people"}


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count word`, with the plural for anything but exactly 1 (0 people, 1 person)."""
    if count == 1:
        return f"1 {word}"
    return f"{count:,} {many or IRREGULAR.get(word) or word + 's'}"
