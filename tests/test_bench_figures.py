"""The benchmark's verdicts on recorded screens: a figure the lead reads must mean what it says."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

SPEC = importlib.util.spec_from_file_location(
    "bench_figures", Path(__file__).resolve().parent.parent / "benchmarks" / "figures.py")
figures = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = figures  # dataclasses look their module up there
SPEC.loader.exec_module(figures)

ROW = re.compile(r"(?m)^ *(?P<name>\S.*?) +\d+d +")


def test_a_key_settles_at_the_last_change_of_text_not_at_a_cursor_blink() -> None:
    state = figures.Settle(start=10.0, text="row A\nrow B", quiet=0.25)
    for now, text in [(10.04, "row B"), (10.09, "row B\n✓ accepted A"),  # row removed, status
                      (10.20, "row B\n✓ accepted A"), (10.30, "row B\n✓ accepted A")]:  # blinks
        assert not state.done(now)
        state.feed(now, text)
    assert not state.done(10.33) and state.done(10.34)  # quiet 0.25 s after the last real change
    assert round(state.lag, 3) == 0.09
    late = figures.Settle(start=1.0, text="row A", quiet=0.25, patience=3.0)
    assert not late.done(1.9)  # a loaded machine answers late: still waiting, not "nothing"
    late.feed(2.0, "row B")
    assert late.done(2.3) and round(late.lag, 3) == 1.0
    untouched = figures.Settle(start=1.0, text="same", quiet=0.25, patience=3.0)
    untouched.feed(1.1, "same")
    assert not untouched.done(3.9) and untouched.done(4.0)
    assert untouched.lag is None  # a key that changed nothing is not a fast key


def test_ratio_verdicts_and_the_table_say_which_target_is_missed() -> None:
    slow = figures.Figure("1 decision key", 150.0, "ms", baseline=60.0, limit=1.2, target="≤ 1.2×")
    fine = figures.Figure("3 start", 0.25, baseline=0.22, limit=1.3, target="≤ 1.3×")
    absolute = figures.Figure("3 never seen", 1.6, limit=1.5, target="≤ 1.5 s")
    assert (slow.verdict, fine.verdict, absolute.verdict) == (False, True, False)
    assert figures.median([None, 3.0, 1.0, 2.0]) == 2.0
    lines = figures.table([slow, fine]).splitlines()
    assert lines[0].split() == ["figure", "measured", "baseline", "ratio", "target", "met?"]
    assert "2.50×" in lines[2] and lines[2].rstrip().endswith("NO")
    assert "1.14×" in lines[3] and lines[3].rstrip().endswith("yes")


def test_type_ahead_passes_only_when_the_filter_and_its_rows_are_on_screen() -> None:
    filtered = ("▊  anne                        ▎\n"
                "  Name            Waited Note\n"
                "  Anne Girard        12d Bonjour\n"
                "  Jeanne Moreau…     30d — no note\n")
    matching = {"Anne Girard", "Jeanne Moreau-Lefèvre", "Bob (note mentions Anne)"}
    assert figures.filtered_for(filtered, "anne", ROW, matching)[0]
    # the letters went to the table: no filter field, and the queue unfiltered
    decided = "  Name            Waited Note\n  Hugo Martin        12d Bonjour\n"
    ok, why = figures.filtered_for(decided, "anne", ROW, matching)
    assert not ok and "not on screen" in why
    # the filter field shows the word but the rows are still the whole queue
    stale = "▊  anne    ▎\n  Hugo Martin        12d Bonjour\n  Anne Girard        12d Salut\n"
    ok, why = figures.filtered_for(stale, "anne", ROW, matching)
    assert not ok and "hugo martin" in why
    # the word is in the field but no row came, though invitations match it
    empty = "▊  anne    ▎\n  Name            Waited Note\n"
    ok, why = figures.filtered_for(empty, "anne", ROW, matching)
    assert not ok and "no row shown" in why
    assert figures.filtered_for(empty, "anne", ROW, set())[0]  # nobody matches: nothing to show
