"""Bounds on what the reader keeps from a hostile CSV: set-aside rows listed, cell length.

A 31 KB ZIP can hold 30 MB of `a,b` rows, and a 25 MB note froze the screen: the reader
lists the first set-aside rows and counts the rest, refuses a file that is mostly unusable,
and keeps at most CELL_CAP characters of any field (said in the import report).
"""

from __future__ import annotations

import polars as pl

SET_ASIDE_LISTED = 1_000  # set-aside rows kept with their line; the rest are only counted
REFUSE_AFTER = 5_000  # records read before a file that is mostly set aside is refused
CELL_CAP = 65_536  # characters kept per cell: a LinkedIn note is 300, a name far less


def cap_cells(frame: pl.DataFrame, columns: tuple[str, ...]) -> tuple[pl.DataFrame, str | None]:
    """Cells cut to CELL_CAP characters, and the problem line saying where (None: none cut).

    Checked in bytes first (cheap): only a cell over CELL_CAP bytes can be over the cap.
    """
    if not columns or frame.height == 0:
        return frame, None
    over = [c for c in columns if (frame.get_column(c).str.len_bytes().max() or 0) > CELL_CAP]
    long = pl.any_horizontal(pl.col(c).str.len_chars() > CELL_CAP for c in over) if over else None
    if long is None or not frame.select(long.any()).item():
        return frame, None
    lines = frame.filter(long).get_column("line").to_list()
    frame = frame.with_columns(pl.col(c).str.head(CELL_CAP) for c in over)
    shown = ", ".join(str(n) for n in lines[:5]) + (f" and {len(lines) - 5:,} more" if len(lines) > 5 else "")
    rows = "1 row" if len(lines) == 1 else f"{len(lines):,} rows"
    return frame, f"{rows} had a field over {CELL_CAP // 1024} K characters, cut to that (line {shown})"
