"""GrowthChart: bars per month with a count axis and a year axis, size with the band lines,
invitations, the owner's jobs under the axis and a year × month map (drawn with block cells)."""

from __future__ import annotations

import math
from typing import Sequence

from textual.content import Content

from tui.core.bands import GENEROUS_AT, SELECTIVE_AT
from tui.network.growth import Growth
from tui.i18n import N_, _, pgettext
from tui.i18n.formats import number, percent
from tui.text import sanitize
from tui.ui.widgets.translated import tr
from tui.ui.widgets.sized_drawing import SizedDrawing

EIGHTHS = " ▁▂▃▄▅▆▇█"
SHADES = "·░▒▓█"  # heat map: a symbol per level, so it reads without colour too
AXIS = 6  # columns for the count labels and the axis line
BAND_STYLE = {SELECTIVE_AT: "$primary", GENEROUS_AT: "$success"}  # the gauge's colours for selective and generous
MONTH_LETTERS = N_("JFMAMJJASOND")  # a letter per month, January first


def bucket(values: Sequence[int], columns: int) -> tuple[list[int], int]:
    """Sum runs of months so they fit `columns`; returns the sums and months per column."""
    per = max(1, math.ceil(len(values) / max(1, columns)))
    return [sum(values[i:i + per]) for i in range(0, len(values), per)], per


def nice_top(value: int) -> int:
    """A round axis top at or above `value` (1, 2, 5 × 10^k)."""
    if value <= 1:
        return 1
    power = 10 ** int(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def bar_rows(values: Sequence[int], height: int, top: int) -> list[str]:
    """Bar chart rows, top row first; each cell shows eighths so small months stay visible."""
    rows = []
    for r in range(height - 1, -1, -1):
        row = []
        for v in values:
            level = round(v / top * height * 8) if top else 0
            level = max(level, 1) if v else 0
            cell = min(8, max(0, level - r * 8))
            row.append(EIGHTHS[cell])
        rows.append("".join(row))
    return rows


def year_axis(months: Sequence, per: int, columns: int) -> tuple[str, str]:
    """`└──┬──` with a tick where a year starts, and the years under their ticks (never overlapping)."""
    line, labels = ["─"] * columns, [" "] * (columns + 5)
    last_end = -1
    for col in range(columns):
        span = months[col * per:(col + 1) * per]
        starts = next((m for m in span if m.month == 1), None) or (months[0] if col == 0 else None)
        if starts is None:
            continue
        line[col] = "┬"
        text = str(starts.year)
        if col > last_end and col + len(text) <= columns + 4:
            labels[col:col + len(text)] = text
            last_end = col + len(text)
    return "└" + "".join(line), " " + "".join(labels).rstrip()


def _axis_label(value: int | str) -> str:
    return f"{value:>{AXIS - 1}}" if isinstance(value, str) else number(value).rjust(AXIS - 1)


def bars_block(title: str, values: Sequence[int], months: Sequence, width: int, height: int,
               bands: Sequence[int] = ()) -> list[Content]:
    """A titled bar chart with its count axis and year axis; `bands` draws dotted lines (the band thresholds)."""
    columns = max(4, width - AXIS - 1)
    sums, per = bucket(values, columns)
    if per > 1 and not bands:  # cumulative values are not summed: take each run's last value
        title += _(" (per {count} months)").format(count=per)
    if bands:
        sums = [values[min(len(values) - 1, i + per - 1)] for i in range(0, len(values), per)]
    top = nice_top(max(max(sums, default=0), *[b for b in bands if b <= max(sums, default=0) * 1.5], 1))
    rows = bar_rows(sums, height, top)
    band_rows = {}
    for band in bands:
        if band <= top:
            band_rows[min(height - 1, max(0, height - 1 - int(band / top * height)))] = band
    out = [Content.assemble((title, "bold"))]
    for r, row in enumerate(rows):
        label = _axis_label(top) if r == 0 else _axis_label(band_rows[r]) if r in band_rows else " " * (AXIS - 1)
        if r in band_rows:
            style = BAND_STYLE.get(band_rows[r], "$warning")
            cells = [(ch, "$primary") if ch != " " else ("┄", style) for ch in row]
            out.append(Content.assemble((label, style), ("┤", style), *cells))
        else:
            out.append(Content.assemble((label, "dim"), "│", (row, "$primary")))
    line, labels = year_axis(months, per, len(sums))
    out.append(Content.assemble((_axis_label(0), "dim"), line))
    out.append(Content.assemble(" " * (AXIS - 1), (labels, "dim")))
    return out


def spark_row(label: str, values: Sequence[int], width: int, style: str) -> tuple[Content, int]:
    """One row of eighths (0 shows as a dot), same columns as the charts above; and its top."""
    sums, _per = bucket(values, max(4, width - AXIS - 1))
    top = max(sums, default=0) or 1
    cells = "".join(EIGHTHS[max(1, round(v / top * 8))] if v else "·" for v in sums)
    return Content.assemble((f"{label:>{AXIS - 1}} ", "dim"), (cells, style)), top


def share_row(label: str, part: Sequence[int], whole: Sequence[int], width: int, style: str) -> Content:
    """One row of eighths: `part` as a share of `whole` per column (· where `whole` is 0)."""
    parts, _per = bucket(part, max(4, width - AXIS - 1))
    wholes, _per = bucket(whole, max(4, width - AXIS - 1))
    cells = "".join(EIGHTHS[max(1, round(p / w * 8)) if p else 0] if w else "·" for p, w in zip(parts, wholes))
    return Content.assemble((f"{label:>{AXIS - 1}} ", "dim"), (cells, style))


def job_rows(growth: Growth, width: int, most: int = 3) -> list[Content]:
    """The owner's jobs as bands under the year axis, packed on as few rows as they allow."""
    if not growth.jobs:
        return []
    per = bucket(growth.per_month, max(4, width - AXIS - 1))[1]
    columns = math.ceil(len(growth.months) / per)
    lanes: list[list[str]] = []
    for job in growth.jobs:
        a, b = job.start // per, job.end // per
        lane = next((lane for lane in lanes if all(c == " " for c in lane[a:b + 1])), None)
        if lane is None:
            if len(lanes) == most:
                continue
            lane = [" "] * columns
            lanes.append(lane)
        text = sanitize(job.company)[:40]
        cells = list(("├" + text + "─" * (b - a)).ljust(b - a + 1, "─")[: b - a + 1]) if b > a else ["▪"]
        lane[a:b + 1] = cells
    return [Content.assemble((_("jobs ")[:AXIS - 1].ljust(AXIS - 1) if i == 0 else "     ", "dim"), " ",
                             ("".join(lane), "$accent"))
            for i, lane in enumerate(lanes)]


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Four upper bounds splitting the non-empty months into quarters."""
    filled = sorted(c for c in counts if c)
    if not filled:
        return [1, 1, 1, 1]
    return [filled[min(len(filled) - 1, int(len(filled) * q))] for q in (0.25, 0.5, 0.75, 1.0)]


def heat_map(growth: Growth) -> list[Content]:
    """Years down, months across; each cell a shade symbol, with the legend under it."""
    levels = heat_levels([c for _y, counts in growth.heat for c in counts])
    out = [Content.assemble((_("New connections by month"), "bold")),
           Content("      " + " ".join(_(MONTH_LETTERS)))]
    for year, counts in growth.heat:
        cells = []
        for n in counts:
            level = 0 if n == 0 else 1 + next(i for i, top in enumerate(levels) if n <= top or i == 3)
            cells.append((SHADES[min(level, 4)], "$success" if level else "dim"))
            cells.append(" ")
        out.append(Content.assemble((f"{year}  ", "dim"), *cells, (" " + number(sum(counts)).rjust(5), "dim")))
    low = 1
    legend = [_("· none")]
    for i, top in enumerate(levels):
        if top >= low:
            legend.append(f"{SHADES[i + 1]} {low}–{top}" if top > low else f"{SHADES[i + 1]} {top}")
            low = top + 1
    out.append(Content.assemble(("  ".join(legend), "dim")))
    return out


def chart_lines(growth: Growth, width: int, height: int, full: bool = True) -> list[Content]:
    """The chart for a `width` × `height` box: compact (per month only) or full."""
    if growth.sentence:
        return [Content(tr(growth.sentence))]
    per_month = _("New connections per month")
    if not full:
        return bars_block(per_month, growth.per_month, growth.months, width, max(1, height - 3))
    lines = bars_block(per_month, growth.per_month, growth.months, width, 6)
    lines += job_rows(growth, width)
    lines.append(Content(""))
    lines += bars_block(_("Network size  (┄ {selective} and {generous}: the bands)").format(
        selective=SELECTIVE_AT, generous=GENEROUS_AT), growth.cumulative, growth.months, width, 6,
                        bands=growth.bands)
    if growth.sent is not None and growth.received is not None:
        lines.append(Content(""))
        sent, most_sent = spark_row(pgettext("chart axis", "sent"), growth.sent, width, "$warning")
        received, most_received = spark_row(pgettext("chart axis", "recv"), growth.received, width, "$primary")
        lines.append(Content.assemble((_("Invitations in the export, by month sent"), "bold"), (
            _("  (a full cell: sent {sent}, received {received})").format(
                sent=number(most_sent), received=number(most_received)), "dim")))
        lines += [sent, received]
        if growth.accepted is not None and sum(growth.sent):
            share = sum(growth.accepted) / sum(growth.sent)
            acc = pgettext("chart axis", "acc")
            lines.append(share_row(acc, growth.accepted, growth.sent, width, "$success"))
            lines.append(Content.assemble((f"{'':>{AXIS - 1}} " + _(
                "{acc}: share of the invitations you sent that month that are connections now "
                "(a full cell: all; {share} overall)").format(acc=acc, share=percent(share)), "dim")))
    lines.append(Content(""))
    lines += heat_map(growth)
    return lines


class GrowthChart(SizedDrawing):
    """Passive: call `show(growth)`; redrawn to the widget's size."""

    DEFAULT_CSS = "GrowthChart { height: auto; }"

    def __init__(self, full: bool = True, **kwargs) -> None:
        super().__init__(**kwargs)
        self.full = full

    def draw(self, growth: Growth) -> Content:
        return Content("\n").join(chart_lines(growth, self.size.width, self.size.height, self.full))
