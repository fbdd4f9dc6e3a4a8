"""display_text: any text becomes inert Content — no control, bidi or zero-width chars, no actions."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.text import BIDI_MARK, display_text, one_line, sanitize

BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0xFEFF}


def _inert(plain: str) -> bool:
    for ch in plain:
        code = ord(ch)
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cs"):
            return False
        if code in BIDI or code in ZERO_WIDTH:
            return False
    return True


@settings(max_examples=500, deadline=None)  # a slow machine is not a failure
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200))
def test_any_text_becomes_inert_content(text: str) -> None:
    content = display_text(text)
    assert _inert(content.plain)
    assert all("@click" not in str(span.style) and "link" not in str(span.style) for span in content.spans)
    assert not content.spans


@settings(max_examples=300, deadline=None)  # a slow machine is not a failure
@given(st.lists(st.sampled_from(["[/]", "[@click=app.quit]", "x", "[EMEA]", "[b]", "\\", "[link=https://e.x]", "[$accent]", " "]), max_size=12))
def test_markup_like_text_is_kept_literally(parts: list[str]) -> None:
    text = "".join(parts)
    assert display_text(text).plain == text


def test_escape_sequences_are_made_visible() -> None:
    shown = display_text("a\x1b]52;c;QUJD\x07b\x1b[2Jc\x9b31m\x00")
    assert shown.plain == "a␛]52;c;QUJD␇b␛[2Jc\ufffd31m␀"


def test_bidi_override_and_zero_width_are_marked() -> None:
    assert sanitize("evil\u202egnp.exe") == f"evil{BIDI_MARK}gnp.exe"
    assert "\u200b" not in sanitize("a\u200bb") and len(sanitize("a\u200bb")) == 3


def test_windows_line_ends_are_line_ends_and_one_line_flattens() -> None:
    assert sanitize("a\r\nb\rc") == "a\nb\nc"
    assert one_line("Hi\nthere\tyou") == "Hi⏎there you"


def test_truncation_adds_an_ellipsis() -> None:
    assert display_text("x" * 10_000, max_len=10).plain == "x" * 9 + "…"
    assert display_text("short", max_len=10).plain == "short"
    assert display_text(None).plain == ""
