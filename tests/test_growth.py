"""The growth chart's data (pure) and its drawing: axes with years, sentences instead of shapes."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest

from tui.network.growth import growth_data, jobs_from
from tui.ui.widgets.growth_chart import bars_block, chart_lines, heat_map, year_axis
from tui.ui.widgets.network_gauge import LABELS, _spans, label_line, marker_line

DATES = [date(2019, 11, 3), date(2019, 11, 20), date(2020, 1, 5), date(2020, 3, 1), date(2021, 2, 14)]


def series(dates) -> pl.Series:
    return pl.Series("connected_on", dates, dtype=pl.Date)


def test_counts_per_month_from_first_to_last_with_the_running_total() -> None:
    g = growth_data(series(DATES))
    assert g.months[0] == date(2019, 11, 1) and g.months[-1] == date(2021, 2, 1)
    assert len(g.months) == 16  # Nov 2019 … Feb 2021, empty months included
    assert g.per_month[:5] == (2, 0, 1, 0, 1)
    assert g.cumulative[-1] == 5 and list(g.cumulative) == sorted(g.cumulative)
    assert dict(g.heat)[2020][0] == 1 and dict(g.heat)[2019][10] == 2 and sum(dict(g.heat)[2021]) == 1


@pytest.mark.parametrize("dates, words", [
    ([], "No connection dates"),
    ([None, None], "No connection dates"),
    ([date(2026, 1, 2)] * 3, "All 3 dated connections are from 2026-01-02"),
])
def test_no_dates_or_one_day_give_a_sentence_not_a_shape(dates, words) -> None:
    g = growth_data(series(dates))
    assert words in g.sentence and g.months == ()
    assert [line.plain for line in chart_lines(g, 80, 20)] == [g.sentence]


def test_invitations_per_month_by_direction() -> None:
    inv = pl.DataFrame({
        "sent_at": [datetime(2020, 1, 9, 10), datetime(2020, 1, 10, 9), datetime(2021, 2, 1, 8), None],
        "direction": ["OUTGOING", "INCOMING", "INCOMING", "OUTGOING"],
    })
    g = growth_data(series(DATES), inv)
    assert sum(g.sent) == 1 and sum(g.received) == 2
    assert g.received[-1] == 1 and g.sent[2] == 1  # January 2020 is the third month
    assert growth_data(series(DATES), inv.head(0)).sent is None  # nothing to draw, no row for it


def test_acceptance_over_time_is_the_share_of_sent_invitations_now_connected() -> None:
    inv = pl.DataFrame({
        "sent_at": [datetime(2020, 1, 9), datetime(2020, 1, 20), datetime(2021, 2, 1), datetime(2021, 2, 3)],
        "direction": ["OUTGOING", "OUTGOING", "OUTGOING", "INCOMING"],
        "connected": [True, False, False, True],
    })
    g = growth_data(series(DATES), inv)
    assert g.accepted[2] == 1 and g.sent[2] == 2 and sum(g.accepted) == 1  # a received one is not counted
    lines = [line.plain for line in chart_lines(g, 60, 40)]
    acc = next(line for line in lines if line.lstrip().startswith("acc "))
    assert "▄" in acc  # January 2020: one of two accepted, half a cell
    assert any("33% overall" in line for line in lines)
    no_flag = growth_data(series(DATES), inv.drop("connected"))
    assert no_flag.accepted is None and not any(line.lstrip().startswith("acc ") for line in
                                                 (x.plain for x in chart_lines(no_flag, 60, 40)))


def test_jobs_become_bands_clipped_to_the_chart() -> None:
    jobs = [("Norvane", "Recruiter", date(2015, 1, 1), date(2020, 1, 31)),
            ("Hexalis", "Head of talent", date(2020, 2, 1), None),
            ("Never dated", "", None, None)]
    g = growth_data(series(DATES), jobs=jobs)
    assert [(j.company, j.start, j.end) for j in g.jobs] == [("Norvane", 0, 2), ("Hexalis", 3, 15)]
    lines = [line.plain for line in chart_lines(g, 60, 40)]
    jobs_line = next(line for line in lines if line.startswith("jobs"))
    assert "Norvane" in jobs_line or "Hexalis" in jobs_line


def test_jobs_from_a_positions_frame() -> None:
    frame = pl.DataFrame({"company": ["Norvane"], "title": ["Recruiter"],
                          "started_on": [date(2018, 3, 1)], "finished_on": [None]},
                         schema_overrides={"finished_on": pl.Date})
    assert jobs_from(frame) == [("Norvane", "Recruiter", date(2018, 3, 1), None)]
    assert jobs_from(None) == []


def test_the_chart_has_a_count_axis_and_years_under_the_bars() -> None:
    g = growth_data(series([date(2012, 3, 1)] * 4 + [date(2026, 11, 19)] * 40))
    lines = [line.plain for line in bars_block("per month", g.per_month, g.months, 62, 5)]
    assert lines[1].lstrip().startswith("50")  # the top of the count axis, a round number above 40
    years = lines[-1]
    for year in ("2012", "2014", "2026"):
        assert year in years
    assert lines[-2].lstrip().startswith("0└")


def test_year_labels_never_run_into_each_other() -> None:
    months = growth_data(series([date(2000, 1, 1), date(2026, 12, 1)])).months
    for columns in (20, 40, 80, 200):
        _line, labels = year_axis(months, -(-len(months) // columns), columns)
        words = labels.split()
        assert all(len(w) == 4 and w.isdigit() for w in words)
        assert words == sorted(words) and len(set(words)) == len(words)


def test_size_chart_draws_the_band_lines_with_their_numbers() -> None:
    g = growth_data(series([date(2020, 1, 1)] * 50 + [date(2022, 6, 1)] * 600))
    text = "\n".join(line.plain for line in chart_lines(g, 70, 40))
    assert "500┤" in text and "100┤" in text and "┄" in text


def test_heat_map_has_a_row_per_year_and_a_legend_of_symbols() -> None:
    g = growth_data(series(DATES))
    lines = [line.plain for line in heat_map(g)]
    assert [line[:4] for line in lines[2:5]] == ["2019", "2020", "2021"]
    assert lines[-1].startswith("· none") and "░" in lines[-1]


@pytest.mark.parametrize("width", range(12, 201, 7))
def test_gauge_labels_stay_inside_their_band(width: int) -> None:
    line = label_line(width)
    assert len(line) == width
    for band, start, end in _spans(width):
        cell = line[start:end]
        words = cell.strip()
        assert words in LABELS[band] or words == ""
        assert cell.startswith(words) and (cell.endswith(" ") or not words)  # a space before the next band
    assert len(marker_line(784, width)) <= width and "▲" in marker_line(784, width)
