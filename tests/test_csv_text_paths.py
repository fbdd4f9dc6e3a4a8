"""The bytes-only path for plain UTF-8 and the chunked line check give what the str path gives."""

from __future__ import annotations

import pytest
from polars.testing import assert_frame_equal

import tui.export.csv_text as csv_text
from tui.export.csv_text import decode, decode_plain, read_table
from tui.core.errors import ExportError

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROWS = [
    'Zoë,Łukasz,https://www.linkedin.com/in/zl,,"Acme, Inc.",Ingénieur 🚀,01 Jan 2024\n',
    'Ana,Bé,https://www.linkedin.com/in/ab,a@b.c,Globex,"Chef ""de"" projet",02 Feb 2024\n',
]
PREAMBLE = "Notes:\n\"When exporting your connection data, you may notice...\"\n\n"


def body(rows: int = 40) -> str:
    return PREAMBLE + HEADER + "".join(ROWS[i % 2] for i in range(rows))


def via_str(name: str, data: bytes, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        m.setattr(csv_text, "decode_plain", lambda name, data: None)
        return read_table(name, data, ("connections",), max_field=1 << 20)


@pytest.mark.parametrize("data", [
    body().encode(),
    body().replace("\n", "\r\n").encode(),
    (HEADER + ROWS[0]).encode(),
    body().encode().rstrip(b"\n"),
    body().encode() + b"Ann,Other,too,many,fields,here,x,y\n" + ROWS[1].encode(),  # ragged: set aside
    body().encode() + b'Ann,"multi\nline",u,e,c,p,01 Jan 2024\n',  # quoted line break
])
def test_plain_utf8_reads_as_the_str_path(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    assert decode_plain("c.csv", data) is not None
    fast = read_table("c.csv", data, ("connections",), max_field=1 << 20)
    slow = via_str("c.csv", data, monkeypatch)
    assert_frame_equal(fast.frame, slow.frame)
    assert (fast.encoding, fast.header_line, fast.rows, fast.set_aside, fast.repairs, fast.problems) == (
        slow.encoding, slow.header_line, slow.rows, slow.set_aside, slow.repairs, slow.problems)


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + body().encode(),
    body().encode("utf-16"),
    body().encode("cp1252", errors="replace"),
    body().replace("\n", "\r").encode(),
    body().replace("\n", "\r\n", 3).replace("\n", "\r", 1).encode(),  # a lone CR among CRLFs
    body().encode().replace(b"Globex", b"Glo\x00bex"),
    body().encode()[:-40] + b"\xed\xa0\x80\n",  # an encoded surrogate is not UTF-8
])
def test_anything_else_is_left_to_the_str_path(data: bytes) -> None:
    assert decode_plain("c.csv", data) is None


@pytest.mark.parametrize("data", [b"", b" \r\n\t", b"PK\x03\x04rest", b"\x01\x02\x03" * 100 + b"\n"])
def test_errors_are_the_same_on_both_paths(data: bytes) -> None:
    with pytest.raises(ExportError) as plain:
        decode_plain("c.csv", data)
    with pytest.raises(ExportError) as text:
        decode("c.csv", data)
    assert str(plain.value) == str(text.value)


def test_line_check_in_small_pieces_matches_one_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces are cut after line breaks, so each line is checked whole whatever the piece size."""
    good = (HEADER + "".join(ROWS[i % 2] for i in range(50))).encode()
    ragged = good + b"a,b\n" + good.split(b"\n", 1)[1]
    blank = good + b"\n" + good.split(b"\n", 1)[1]
    expected = {data: csv_text._fast_lines(data, ",", 7, 2) for data in (good, ragged, blank, good.rstrip(b"\n"))}
    assert expected[good] == list(range(4, 54))
    assert expected[ragged] is None and expected[blank] is None
    for size in (1, 7, 64, 1000):
        monkeypatch.setattr(csv_text, "_FAST_CHUNK", size)
        for data, lines in expected.items():
            assert csv_text._fast_lines(data, ",", 7, 2) == lines
