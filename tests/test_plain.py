"""One rule for unsafe characters, shared by the action sheet, the report and the composer."""

from __future__ import annotations

from hypothesis import given, strategies as st

from tui.core.unsafe_chars import is_unsafe, strip_unsafe


def test_escape_sequences_bidi_and_zero_width_are_stripped() -> None:
    hostile = "Ana\x1b]52;c;ZXZpbA==\x07 \x9b31m evil\u202egnp.exe a\u200bb\ufeff"
    assert strip_unsafe(hostile) == "Ana]52;c;ZXZpbA== 31m evilgnp.exe ab"
    assert strip_unsafe("a\nb\tc", keep="\n", replacement=" ") == "a\nb c"
    assert strip_unsafe("Zoé 👩\u200d💻", keep="\u200d") == "Zoé 👩\u200d💻"


@given(st.text())
def test_nothing_unsafe_survives(text: str) -> None:
    assert not any(is_unsafe(ord(ch)) for ch in strip_unsafe(text))
