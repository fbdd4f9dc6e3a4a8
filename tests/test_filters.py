"""The filter line and the saved views of the received queue."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.triage_frames import TODAY, decisions_frame, info_frame, invitation, make_export
from tui.triage.queue_frames import (
    VIEWS, Filter, FilterError, apply_filter, parse_filter, received_queue, view_counts,
)


@pytest.fixture
def queue():
    export = make_export([
        invitation("Kofi Mensah", note="Hi Ana, we met at PyData Lisbon (a+b) — let's talk.", sent=datetime(2026, 2, 27)),
        invitation("Grace Hill", note="Dear, kindly add me on WhatsApp", sent=datetime(2026, 1, 1)),
        invitation("Lea Roux", sent=datetime(2025, 11, 1)),
        invitation("Bo Li", sent=datetime(2026, 2, 20)),
        invitation("Ann Kerr", sent=datetime(2026, 2, 10)),
    ])
    decisions = decisions_frame([
        ("in:bo-li", "later", date(2026, 2, 25), datetime(2026, 2, 20), ""),
        ("in:ann-kerr", "accept", None, datetime(2026, 2, 11), ""),
    ])
    info = info_frame([("in:lea-roux", "Nimbus Freight", "Founder", None)])
    return received_queue(export, decisions, info, TODAY)


def names(frame) -> set[str]:
    return set(frame["name"].to_list())


def test_words_are_literal_case_insensitive_and_all_must_match(queue) -> None:
    assert names(apply_filter(queue, parse_filter("KOFI pydata"), TODAY)) == {"Kofi Mensah"}
    assert names(apply_filter(queue, parse_filter("(a+b)"), TODAY)) == {"Kofi Mensah"}
    assert names(apply_filter(queue, parse_filter("kofi whatsapp"), TODAY)) == set()
    assert names(apply_filter(queue, parse_filter('"add me on"'), TODAY)) == {"Grace Hill"}
    assert names(apply_filter(queue, parse_filter("nimbus"), TODAY)) == {"Lea Roux"}, "typed-in company is searchable"
    assert names(apply_filter(queue, parse_filter(".*"), TODAY)) == set(), "no regex from the filter line"


def test_keys_note_age_flags_and_decisions(queue) -> None:
    assert names(apply_filter(queue, parse_filter("has:note"), TODAY)) == {"Kofi Mensah", "Grace Hill"}
    assert names(apply_filter(queue, parse_filter("no:note"), TODAY)) == {"Lea Roux", "Bo Li", "Ann Kerr"}
    assert names(apply_filter(queue, parse_filter("older:30d"), TODAY)) == {"Grace Hill", "Lea Roux"}
    assert names(apply_filter(queue, parse_filter("older:10w"), TODAY)) == {"Lea Roux"}
    assert names(apply_filter(queue, parse_filter("newer:7d"), TODAY)) == {"Kofi Mensah"}
    assert names(apply_filter(queue, parse_filter("flag:suspicious"), TODAY)) == {"Grace Hill"}
    assert names(apply_filter(queue, parse_filter("flag:bridge"), TODAY)) == {"Lea Roux"}
    assert names(apply_filter(queue, parse_filter("decided:later"), TODAY)) == {"Bo Li"}
    assert names(apply_filter(queue, parse_filter("decided:any"), TODAY)) == {"Bo Li", "Ann Kerr"}
    assert names(apply_filter(queue, parse_filter("decided:accept no:note"), TODAY)) == {"Ann Kerr"}
    assert apply_filter(queue, parse_filter("   "), TODAY).height == queue.height


@pytest.mark.parametrize("text, hint", [
    ("has:photo", "has:note"), ("older:lots", "30d"), ("flag:weird", "known flags"),
    ("decided:maybe", "decided:"), ("falg:suspicious", "unknown filter"), ('"open', "quote"),
])
def test_bad_tokens_say_what_is_wrong(text: str, hint: str) -> None:
    with pytest.raises(FilterError) as info:
        parse_filter(text)
    assert hint in str(info.value)
    assert isinstance(info.value, ValueError)


def test_urls_and_times_are_plain_words() -> None:
    assert parse_filter("https://www.linkedin.com/in/kofi 10:30").words == (
        "https://www.linkedin.com/in/kofi", "10:30")


def test_filter_that_does_not_apply_to_a_list_is_an_error(queue) -> None:
    from tests.triage_frames import make_export as mk
    from tui.triage.queue_frames import sent_queue

    sent = sent_queue(mk([invitation("Zoe Ray", direction="OUTGOING")]), None, None, TODAY)
    with pytest.raises(FilterError, match="doesn't apply"):
        apply_filter(sent, parse_filter("flag:bridge"), TODAY)
    assert apply_filter(sent, parse_filter("flag:stale"), TODAY).height == 0


def test_view_counts_match_the_views(queue) -> None:
    counts = view_counts(queue, TODAY)
    assert list(counts) == list(VIEWS)
    assert counts == {"All": 4, "With note": 2, "No note": 2, "Suspicious": 1, "Later (due)": 1, "Decided": 1}
    within = view_counts(queue, TODAY, parse_filter("kofi"))
    assert within["All"] == 1 and within["Suspicious"] == 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_filter_never_raises_anything_but_filter_error(text: str) -> None:
    try:
        result = parse_filter(text)
    except FilterError as exc:
        assert str(exc)
    else:
        assert isinstance(result, Filter)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab:" ()*+?[]\\.$^|{}-')) , max_size=30))
def test_any_parsed_filter_runs_on_the_queue(text: str) -> None:
    export = make_export([invitation("A B", note="a:b (x) [y]")])
    queue = received_queue(export, None, None, TODAY)
    try:
        f = parse_filter(text)
    except FilterError:
        return
    assert apply_filter(queue, f, TODAY).height <= 1
