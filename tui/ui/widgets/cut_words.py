"""Words cut to a width at a word's end, then "…": "✎ note…", never "✎ note ✉ ta…"."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def cut_at_word(text: str, width: int) -> str:
    """`text` in at most `width` cells: the whole words that fit before an ellipsis. A lone
    symbol ("✉" whose word did not fit) goes too, since it says nothing alone; a first word
    too long for the width is cut inside, as nothing else fits."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept: list[str] = []
    for word in text.split(" "):
        if cell_len(" ".join([*kept, word])) + 1 > width:
            break
        kept.append(word)
    while kept and (not kept[-1] or (len(kept[-1]) == 1 and not kept[-1].isalnum())):
        kept.pop()
    head = " ".join(kept).rstrip(" ,;:")
    return (head or set_cell_size(text, width - 1).rstrip()) + ELLIPSIS
