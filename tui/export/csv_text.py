"""Decode and repair one CSV from an export, then hand Polars clean UTF-8.

Polars 2.1 fails silently on real re-saved files (UTF-16 → one garbage column, CR-only → 0
rows, ragged rows padded/truncated, no line numbers), so encoding, line endings, delimiter and
header row are found here, and Python's csv module cross-checks every record with its line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import polars as pl

from tui.export.csv_caps import REFUSE_AFTER, SET_ASIDE_LISTED, cap_cells
from tui.export.csv_decode import decode, decode_plain
from tui.core.errors import ExportError
from tui.export.csv_kinds import EXPECTED, WHAT_WE_LOOK_FOR, canonical, header_key, match_kind
from tui.core import phrasebook as said
from tui.i18n import _
from tui.i18n.formats import number

HEADER_SCAN_LINES = 30
DELIMITERS = (",", ";", "\t")
# What R, pandas and hand edits write in empty cells: read as empty in every column.
PLACEHOLDERS = ("NA", "N/A", "n/a", "na", "NULL", "null", "Null", "None", "none", "NaN", "nan",
                "#N/A", "-", '""')
_PLACEHOLDER_RE = "^\\s*(?:" + "|".join(re.escape(p) for p in PLACEHOLDERS) + ")\\s*$"

@dataclass(frozen=True)
class Table:
    """One decoded CSV: canonical String columns plus `line` (1-based line of each row)."""

    name: str
    kind: str
    encoding: str
    delimiter: str
    header_line: int
    columns: tuple[str, ...]  # canonical columns found in the header
    frame: pl.DataFrame
    rows: int  # non-empty records read, set-aside ones included
    set_aside: tuple[tuple[int, str], ...]
    repairs: tuple[str, ...]
    problems: tuple[str, ...]
    padded: int = 0  # rows kept though trailing columns we do not read were missing
    blanked: int = 0  # placeholder cells (NA, NULL, …) read as empty
    set_aside_more: int = 0  # set-aside rows beyond the SET_ASIDE_LISTED listed ones


def _line_start(data: bytes, index: int) -> int:
    """Byte offset of 0-based line `index` (len(data) when there are fewer lines)."""
    start = 0
    for _line in range(index):
        end = data.find(b"\n", start)
        if end < 0:
            return len(data)
        start = end + 1
    return start


def _first_lines(text: str, count: int) -> list[str]:
    """The first `count` lines, without copying the rest of a large text (as split would)."""
    lines, start = [], 0
    while len(lines) < count:
        end = text.find("\n", start)
        lines.append(text[start:] if end < 0 else text[start:end])
        if end < 0:
            break
        start = end + 1
    return lines


def find_header(name: str, text: str, kinds: tuple[str, ...]) -> tuple[int, str, str, list[str]]:
    """(0-based header line, kind, delimiter, header cells) by content in the first lines."""
    for index, line in enumerate(_first_lines(text, HEADER_SCAN_LINES)):
        if not line.strip():
            continue
        for delimiter in DELIMITERS:
            if delimiter not in line and delimiter != ",":
                continue
            cells = next(csv.reader([line], delimiter=delimiter), [])
            kind = match_kind(cells, kinds)
            if kind:
                return index, kind, delimiter, cells
    wanted = "; ".join(f"{k}: {WHAT_WE_LOOK_FOR[k]}" for k in kinds)
    raise ExportError(name, _("no known header in the first {count} lines (looked for {wanted})").format(count=HEADER_SCAN_LINES, wanted=wanted))


def _canonical_header(name: str, kind: str, cells: list[str]) -> list[str]:
    """Unique names for Polars: canonical where known, `_extra_N` otherwise."""
    seen: dict[str, int] = {}
    keys = [header_key(c) for c in cells]
    out = []
    for i, (cell, key, canon) in enumerate(zip(cells, keys, canonical(kind, keys))):
        if key and key in seen:
            raise ExportError(name, _("header has the column name '{cell}' twice (columns {first} and {second})").format(cell=cell.strip()[:40], first=seen[key] + 1, second=i + 1))
        if key:
            seen[key] = i
        out.append(canon if canon and canon not in out else f"_extra_{i}")
    return out


def read_table(name: str, data: bytes, kinds: tuple[str, ...], *, max_field: int) -> Table:
    """Decode, find the header, set ragged rows aside with their line, parse with Polars."""
    plain = decode_plain(name, data)
    body: str | None = None
    encoded: bytes | None = None
    if plain is not None:
        # Plain UTF-8: only the header lines become a str; the body stays bytes.
        encoded, repairs = plain
        encoding = "UTF-8"
        del plain, data
        head_end = _line_start(encoded, HEADER_SCAN_LINES)
        header_index, kind, delimiter, cells = find_header(name, encoded[:head_end].decode("utf-8"), kinds)
        if header_index:
            encoded = encoded[_line_start(encoded, header_index):]
    else:
        text, encoding, repairs = decode(name, data)
        del data
        header_index, kind, delimiter, cells = find_header(name, text, kinds)
        body = text.split("\n", header_index)[-1] if header_index else text
        del text  # a 12 MB file with emoji is a 48 MB str: keep only the bytes on the fast path
    columns = _canonical_header(name, kind, cells)
    if delimiter != ",":
        repairs.append((said.SEPARATED_SEMICOLON if delimiter == ";" else said.SEPARATED_TAB)())
    width = len(columns)

    csv.field_size_limit(max(max_field, 131072))
    if encoded is None:
        try:
            encoded = body.encode("utf-8")  # once, for both fast-path steps
            body = None
        except UnicodeEncodeError:  # lone surrogates: let the careful path decide
            encoded = None
    fast = _fast_lines(encoded, delimiter, width, header_index) if encoded is not None else None
    if fast is not None:
        frame = _polars_frame(encoded, delimiter, columns, len(fast))
        if frame is not None:
            return _table(name, kind, encoding, delimiter, header_index, columns, frame, fast, [], repairs, 0)
    if body is None:
        body = encoded.decode("utf-8")
    encoded = None
    needed = max((i + 1 for i, c in enumerate(columns) if not c.startswith("_extra_")), default=0)
    lines, set_aside, body, padded, more = _diagnose(name, body, delimiter, width, header_index, needed)
    frame = _polars_frame(body, delimiter, columns, len(lines))
    if frame is None:
        repairs.append(said.FALLBACK_READER())
        frame = _fallback_frame(body, delimiter, columns)
    if frame.height != len(lines):
        raise ExportError(name, _("row count mismatch ({parsed} parsed, {count} expected)").format(parsed=frame.height, count=len(lines)))
    if padded:
        repairs.append(said.ROWS_PADDED(count=padded))
    return _table(name, kind, encoding, delimiter, header_index, columns, frame, lines, set_aside, repairs, padded, more)


def _table(name, kind, encoding, delimiter, header_index, columns, frame, lines, set_aside, repairs, padded, more=0) -> Table:
    present = tuple(c for c in columns if not c.startswith("_extra_"))
    frame = frame.select(present)
    placeholder = [pl.col(c).str.contains(_PLACEHOLDER_RE).fill_null(False) for c in present]
    blanked = int(frame.select(pl.sum_horizontal(p.sum() for p in placeholder)).item() or 0) if present else 0
    if blanked:
        frame = frame.with_columns(pl.when(~p).then(pl.col(c)).alias(c) for p, c in zip(placeholder, present))
        repairs = [*repairs, said.PLACEHOLDERS_BLANKED(count=blanked)]
    frame = frame.with_columns(line=pl.Series(lines, dtype=pl.Int64))
    problems = [said.COLUMN_MISSING(column=c) for c in EXPECTED.get(kind, ()) if c not in present]
    frame, cut = cap_cells(frame, present)
    if cut:
        problems.append(cut)
    if more:
        problems.append(said.MORE_SET_ASIDE(count=f"{more:,}", listed=f"{SET_ASIDE_LISTED:,}"))
    return Table(name, kind, encoding, delimiter, header_index + 1, present, frame,
                 len(lines) + len(set_aside) + more, tuple(set_aside), tuple(repairs), tuple(problems),
                 padded, blanked, more)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _diagnose(name: str, body: str, delimiter: str, width: int, header_index: int, needed: int):
    """Every record with its first line; ragged rows set aside and cut out of `body`.

    A short row that still holds the first `needed` fields (the missing ones are trailing
    columns we do not read, such as a column the owner added) is kept and counted padded.

    The only per-row Python loop: it gives the line numbers Polars cannot.
    """
    # Lines taken lazily (as StringIO(newline="") splits them, without its 4-bytes-a-character
    # copy of the whole body): a file refused after 5,000 rows costs 5,000 rows.
    reader = csv.reader((m.group() for m in _LINE.finditer(body)), delimiter=delimiter, strict=True)
    lines: list[int] = []
    set_aside: list[tuple[int, str]] = []
    padded = 0
    drop: list[tuple[int, int]] = []  # body line spans (1-based, inclusive) to remove
    bad = 0  # set-aside rows, listed or not
    previous_end = 0  # csv line_num after the previous record (body lines, 1-based)
    try:
        next(reader, None)
        previous_end = reader.line_num
        for record in reader:
            first, last = previous_end + 1, reader.line_num
            previous_end = reader.line_num
            if not any(record):
                drop.append((first, last))
                continue
            if needed <= len(record) < width:
                padded += 1
            elif len(record) != width:
                bad += 1
                if len(set_aside) < SET_ASIDE_LISTED:
                    set_aside.append((first + header_index, said.FIELDS_EXPECTED(count=len(record), expected=width)))
                drop.append((first, last))
                read = bad + len(lines)
                if read >= REFUSE_AFTER and 2 * bad > read:
                    raise ExportError(name, _("most rows cannot be used ({bad} of the first {read} do not have the {width} fields of the header): not this kind of file, or damaged?").format(bad=number(bad), read=number(read), width=width))
                continue
            lines.append(first + header_index)
    except csv.Error as exc:
        line = previous_end + 1 + header_index
        reason = str(exc)
        if "unexpected end of data" in reason or "EOF" in reason:
            reason = _("unclosed quote: the file stops in the middle of a row")
        elif "field larger" in reason:
            reason = _("a field is larger than the size limit")
        else:
            reason = _("malformed CSV ({reason})").format(reason=reason)
        raise ExportError(name, reason, line=line) from None
    if drop:
        kept_lines: list[str | None] = list(body.split("\n"))
        for first, last in drop:
            for i in range(first - 1, min(last, len(kept_lines))):
                kept_lines[i] = None
        body = "\n".join(line for line in kept_lines if line is not None)
    return lines, set_aside, body, padded, bad - len(set_aside)


def _fast_lines(body: bytes, delimiter: str, width: int, header_index: int) -> list[int] | None:
    """Line numbers when every line is one whole record of `width` fields, else None.

    Counted in Polars (quoted fields removed, delimiters counted per line), so untouched
    LinkedIn files skip the slow csv-module pass. Anything unusual (blank lines, ragged rows,
    quoted line breaks, stray quotes) returns None, and so does Polars disagreeing later
    (rows of only delimiters): then `_diagnose` runs. Lines are split from the UTF-8 bytes
    in Polars, and a quoted field is removed at the start of a line, then after each
    delimiter, in two capture-free passes (both much cheaper than Python str work on a
    12 MB messages.csv).
    """
    # Checked in ~1 MB pieces cut after a line break: every line is checked on its own, so
    # the answer is the same as for the whole body, and Polars' working set (lines, two
    # rewritten copies) stays a few MB instead of ~90 MB for a 12 MB messages.csv.
    count, start, size = 0, 0, len(body)
    while True:
        cut = start + _FAST_CHUNK
        if cut >= size:
            end = size
        else:
            newline = body.find(b"\n", cut)
            end = size if newline < 0 else newline + 1
        piece = _piece_lines(body[start:end], delimiter, width)
        if piece is None:
            return None
        count += piece
        start = end
        if start >= size:
            break
    return list(range(header_index + 2, header_index + 1 + count))


_FAST_CHUNK = 1 << 20


def _piece_lines(piece: bytes, delimiter: str, width: int) -> int | None:
    """Lines in `piece` when each is one whole record of `width` fields, else None.

    One pass of one regex over the piece, counting the lines that are a record: a field is
    quoted (doubled quotes inside) or holds no quote, delimiter or line break. A quoted line
    break makes one match of two lines, so the counts differ; so do ragged rows and stray quotes.
    """
    d = f"\\x{{{ord(delimiter):x}}}"  # the delimiter as a regex escape (`;`, a tab…)
    field = f'(?:"(?:[^"]|"")*"|[^{d}"\\n]*)'
    record = f"(?m)^{field}(?:{d}{field}){{{width - 1}}}\\r?$"
    text = pl.Series([piece], dtype=pl.Binary).cast(pl.String)
    if piece.endswith(b"\n"):
        text = text.str.strip_suffix("\n")  # no empty last line: one column's `^$` would count it
    lines = piece.count(b"\n") + (0 if piece.endswith(b"\n") else 1)
    return lines if text.str.count_matches(record).item() == lines else None


def _not_blank(columns: list[str]) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).fill_null("").str.len_bytes() > 0 for c in columns)


def _polars_frame(body: str | bytes, delimiter: str, columns: list[str], expected: int) -> pl.DataFrame | None:
    """Fast path; None when Polars disagrees with the csv module (then the fallback runs)."""
    try:
        frame = pl.read_csv(
            io.BytesIO(body if isinstance(body, bytes) else body.encode("utf-8")), separator=delimiter, infer_schema=False,
            has_header=True, new_columns=columns, quote_char='"',
        )
    except Exception:  # Polars raises several error types on malformed text.
        return None
    if frame.width != len(columns):
        return None
    frame = frame.filter(_not_blank(columns))
    return frame if frame.height == expected else None


def _fallback_frame(body: str, delimiter: str, columns: list[str]) -> pl.DataFrame:
    width = len(columns)
    records = [r + [""] * (width - len(r)) for r in csv.reader(io.StringIO(body, newline=""), delimiter=delimiter) if any(r)]
    data = list(zip(*records[1:])) if len(records) > 1 else [() for _ in columns]
    frame = pl.DataFrame(
        {c: pl.Series(c, list(v), dtype=pl.String) for c, v in zip(columns, data)}
    )
    return frame.with_columns(pl.all().replace("", None))
