"""Folding for search and grouping, standard library only (the start path reads the store
without Polars): case, accents and ligatures, as `search.fold_expr` does in Polars."""

from __future__ import annotations

import unicodedata

# Letters NFKD does not split into a base letter and a mark (ligatures, stroked letters),
# and the final sigma, which lower-casing writes differently at a word's end.
LETTERS = {
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ς": "σ", "’": "'", "ʼ": "'",
}

def _fold_char(char: str) -> str:
    out = []
    for part in unicodedata.normalize("NFKD", char).lower():
        if not unicodedata.category(part).startswith("M"):
            out.append(LETTERS.get(part, part))
    return "".join(out)


def fold(text: str | None) -> str:
    """Lower case, no accents, ligatures spelled out: `Œuvre Médicale` → `oeuvre medicale`."""
    return "".join(_fold_char(c) for c in text or "")


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the character it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        part = _fold_char(char)
        folded.append(part)
        origin.extend([i] * len(part))
    return "".join(folded), origin
