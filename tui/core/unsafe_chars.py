"""Which characters from the export are unsafe in plain output: terminal, CSV, Markdown, notes.

Control characters (C0, DEL, C1 — 0x9B/0x9D start escape sequences on their own), lone
surrogates, bidi overrides (Trojan Source) and zero-width marks. One definition, so the
screen, the action sheet, the report and the composer agree on what is stripped.
"""

from __future__ import annotations

BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
ZERO_WIDTH = frozenset({0x200B, 0x200C, 0x200D, 0xFEFF})


def is_unsafe(code: int) -> bool:
    """True for a code point that must not reach a terminal or a note as it is."""
    return (
        code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code < 0xE000
        or code in BIDI or code in ZERO_WIDTH
    )


def strip_unsafe(text: str, *, keep: str = "", replacement: str = "") -> str:
    """`text` with every unsafe character (except those in `keep`) replaced by `replacement`."""
    if text.isprintable():  # none of the unsafe characters is printable: the common fast path
        return text
    return "".join(replacement if is_unsafe(ord(ch)) and ch not in keep else ch for ch in text)
