"""Person keys join Connections (percent-encoded slugs) to Invitations (raw Unicode)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.export.person_keys import add_profile_key, profile_key, profile_key_expr

IN = "https://www.linkedin.com/in/"


def keys(urls: list[str | None], names: list[str | None]) -> list[str | None]:
    frame = pl.DataFrame({"u": urls, "n": names}, schema={"u": pl.String, "n": pl.String})
    return frame.select(profile_key_expr(pl.col("u"), pl.col("n"))).to_series().to_list()


def test_percent_encoded_and_raw_unicode_slugs_give_the_same_key() -> None:
    got = keys([IN + "tom%C3%A1s-ferreira-77", IN + "Tomás-Ferreira-77/"], [None, None])
    assert got == ["in:tomás-ferreira-77", "in:tomás-ferreira-77"]


def test_trailing_slash_query_and_case_are_ignored() -> None:
    got = keys([IN + "Ana-Quist/?trk=x", "http://linkedin.com/in/ana-quist#top"], [None, None])
    assert got == ["in:ana-quist", "in:ana-quist"]


def test_decomposed_accents_are_nfc_normalised() -> None:
    decomposed = "Jose\u0301"
    assert keys([IN + decomposed], [None]) == ["in:jos\u00e9"]
    assert profile_key(None, "  Jose\u0301   Diaz ") == "name:jos\u00e9 diaz"


@pytest.mark.parametrize(
    "url", ["https://www.linkedin.com/in", "https://www.linkedin.com/in/", "urn:li:member:123456789", "", None]
)
def test_bare_urls_and_urns_fall_back_to_the_name(url: str | None) -> None:
    assert keys([url], ["Leo  Marchetti "]) == ["name:leo marchetti"]
    assert profile_key(url, "Leo  Marchetti ") == "name:leo marchetti"


def test_no_url_and_no_name_is_null() -> None:
    assert keys([None, "https://www.linkedin.com/in"], [None, "   "]) == [None, None]
    assert profile_key(None, " ") is None


def test_invalid_percent_sequences_stay_as_written() -> None:
    raw = [IN + "x%ED%A0%80", IN + "a%zz", IN + "%FF"]
    assert keys(raw, [None] * 3) == ["in:x%ed%a0%80", "in:a%zz", "in:%ff"]
    assert [profile_key(u, None) for u in raw] == ["in:x%ed%a0%80", "in:a%zz", "in:%ff"]


# Names as people write them: characters this Python's Unicode tables know. A letter added in a
# later Unicode version (U+16EA0, Unicode 16) lower-cases in Polars but not in Python 3.11.
names = st.text(alphabet=st.characters(exclude_categories=("Cn", "Cs")), max_size=12)
slug_chars = st.lists(
    st.sampled_from(list("abcXYZ-09%éßİ\u0301😀 ") + ["%C3%A1", "%e2%82%ac", "%4", "%%", "%ED%A0"]),
    max_size=12,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(slug=slug_chars, name=st.one_of(st.none(), names), bare=st.booleans())
def test_python_and_polars_keys_agree(slug: str, name: str | None, bare: bool) -> None:
    url = None if bare else IN + slug
    assert keys([url], [name]) == [profile_key(url, name)]


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(
    st.tuples(st.one_of(st.none(), st.just("https://www.linkedin.com/in"), slug_chars.map(IN.__add__)),
              st.one_of(st.none(), names)),
    max_size=8,
))
def test_frame_keys_match_the_python_key_row_by_row(rows: list[tuple[str | None, str | None]]) -> None:
    frame = pl.DataFrame({"u": [u for u, _ in rows], "n": [n for _, n in rows]},
                         schema={"u": pl.String, "n": pl.String})
    got = add_profile_key(frame, "u", "n")
    assert got.columns == ["u", "n", "key"]
    assert got["key"].to_list() == [profile_key(u, n) for u, n in rows]
    assert add_profile_key(frame, None, "n")["key"].to_list() == [profile_key(None, n) for _, n in rows]
    assert add_profile_key(frame, "u", None)["key"].to_list() == [profile_key(u, None) for u, _ in rows]
