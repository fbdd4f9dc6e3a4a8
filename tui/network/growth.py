"""Growth chart data: connections per month, cumulative size, invitations, jobs, a year × month map."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence

import polars as pl
from tui.i18n import _
from tui.i18n.formats import day as local_day, number

from tui.export.archive import owner_positions
from tui.core.bands import GENEROUS_AT, SELECTIVE_AT
from tui.network.figures import monthly

Job = tuple[str, str, "date | None", "date | None"]  # company, title, start, end (None: still there)


@dataclass(frozen=True)
class JobBand:
    """One of the owner's jobs, as month indexes into `Growth.months` (clipped to the chart)."""

    company: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Growth:
    """Everything the growth chart draws; `sentence` says why there is no shape to draw."""

    months: tuple[date, ...] = ()
    per_month: tuple[int, ...] = ()
    cumulative: tuple[int, ...] = ()
    sent: tuple[int, ...] | None = None  # invitations per month, when the export dates them
    received: tuple[int, ...] | None = None
    accepted: tuple[int, ...] | None = None  # of `sent`, those whose invitee is now a connection
    jobs: tuple[JobBand, ...] = ()
    heat: tuple[tuple[int, tuple[int, ...]], ...] = ()  # (year, 12 counts)
    sentence: str = ""
    bands: tuple[int, ...] = field(default=(SELECTIVE_AT, GENEROUS_AT))


def _month(d: date) -> date:
    return date(d.year, d.month, 1)


def _index(months: Sequence[date], d: date) -> int:
    first = months[0]
    return (d.year - first.year) * 12 + d.month - first.month


def _month_range(first: date, last: date) -> tuple[date, ...]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def _per_month(dates: pl.Series, months: Sequence[date]) -> tuple[int, ...]:
    counts = [0] * len(months)
    frame = pl.DataFrame({"d": dates}).drop_nulls()
    if frame.height:
        grouped = frame.group_by(m=pl.col("d").dt.truncate("1mo")).agg(n=pl.len())
        for month, n in grouped.iter_rows():
            i = _index(months, _month(month))
            if 0 <= i < len(months):
                counts[i] += n
    return tuple(counts)


def _as_dates(series: pl.Series) -> pl.Series:
    return series.dt.date() if series.dtype == pl.Datetime or isinstance(series.dtype, pl.Datetime) else series


def growth_data(connected_on: pl.Series, invitations: pl.DataFrame | None = None,
                jobs: Iterable[Job] = (), bands: tuple[int, ...] = (SELECTIVE_AT, GENEROUS_AT)) -> Growth:
    """Month by month from the first dated connection to the last; a sentence instead when
    there are no dates or they all fall on one day (a shape there would mean nothing)."""
    dates = _as_dates(connected_on).drop_nulls()
    if dates.len() == 0:
        return Growth(sentence=_("No connection dates in this export, so there is no growth to draw."), bands=bands)
    first, last = dates.min(), dates.max()
    if first == last:
        return Growth(sentence=_("All {count} dated connections are from {day}: one day draws no growth.").format(
            count=number(dates.len()), day=local_day(first)), bands=bands)
    months = _month_range(_month(first), _month(last))
    per_month = _per_month(dates, months)
    cumulative, total = [], 0
    for n in per_month:
        total += n
        cumulative.append(total)
    sent = received = accepted = None
    if invitations is not None and invitations.height and "sent_at" in invitations.columns:
        dated = invitations.filter(pl.col("sent_at").is_not_null())
        if dated.height:
            outgoing = dated.filter(pl.col("direction") == "OUTGOING")
            sent = _per_month(_as_dates(outgoing["sent_at"]), months)
            received = _per_month(_as_dates(dated.filter(pl.col("direction") == "INCOMING")["sent_at"]), months)
            if "connected" in outgoing.columns:
                accepted = _per_month(_as_dates(outgoing.filter(pl.col("connected"))["sent_at"]), months)
    return Growth(months, per_month, tuple(cumulative), sent, received, accepted, _bands(jobs, months),
                  _heat(months, per_month), bands=bands)


def _bands(jobs: Iterable[Job], months: Sequence[date]) -> tuple[JobBand, ...]:
    """Jobs that overlap the chart's months, oldest first; a job without an end runs to the end."""
    out = []
    for company, title, start, end in jobs:
        if start is None:
            continue
        a = max(0, _index(months, _month(start)))
        b = min(len(months) - 1, _index(months, _month(end)) if end else len(months) - 1)
        if a <= b:
            out.append(JobBand(company or "", title or "", a, b))
    return tuple(sorted(out, key=lambda j: (j.start, j.end)))


def _heat(months: Sequence[date], per_month: Sequence[int]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    years: dict[int, list[int]] = {}
    for month, n in zip(months, per_month):
        years.setdefault(month.year, [0] * 12)[month.month - 1] += n
    return tuple((year, tuple(counts)) for year, counts in sorted(years.items()))


def jobs_from(positions: object) -> list[Job]:
    """The owner's jobs from a Positions frame (company, title, started/finished) or a list of tuples."""
    if positions is None:
        return []
    if isinstance(positions, pl.DataFrame):
        def pick(*names: str) -> str | None:
            return next((n for n in names if n in positions.columns), None)

        cols = [pick("company", "company_name"), pick("title", "position"),
                pick("started_on", "start", "started"), pick("finished_on", "end", "finished")]
        if cols[0] is None or cols[2] is None:
            return []
        rows = positions.select([pl.col(c) if c else pl.lit(None) for c in cols]).iter_rows()
        return [(c or "", t or "", s, e) for c, t, s, e in rows if isinstance(s, date)]
    return [tuple(job) for job in positions]  # type: ignore[misc]


def growth_of(export) -> Growth:
    """The growth chart of an export: every dated connection (hidden ones too), its
    invitations and the owner's jobs from Positions.csv."""
    dates = pl.concat([export.connections.select("connected_on"), export.hidden.select("connected_on")])
    return growth_data(dates["connected_on"], export.invitations, jobs_from(owner_positions(export)))


def growth_with_positions(export) -> pl.DataFrame:
    """Connections per month (as `figures.monthly`) with the `company` and `title` of the
    position the owner held that month (the latest one started; null between jobs)."""
    months = monthly(export)
    jobs = owner_positions(export).filter(pl.col("started_on").is_not_null()).sort("started_on")
    joined = months.sort("month").join_asof(
        jobs.select("started_on", "finished_on", "company", "title"),
        left_on="month", right_on="started_on", strategy="backward",
    )
    ended = pl.col("finished_on").is_not_null() & (pl.col("finished_on") < pl.col("month"))
    return joined.select(
        "month", "count",
        company=pl.when(~ended).then("company"), title=pl.when(~ended).then("title"),
    )
