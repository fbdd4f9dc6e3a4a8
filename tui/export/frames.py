"""Frame shapes, the per-file report and the cleaning steps every export reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from tui.export.csv_text import Table

S, D, DT, B = pl.String, pl.Date, pl.Datetime("us"), pl.Boolean
CONNECTIONS_SCHEMA = pl.Schema({
    "first_name": S, "last_name": S, "full_name": S, "url": S, "key": S, "email": S,
    "company": S, "position": S, "connected_on": D, "search": S,
})
HIDDEN_SCHEMA = pl.Schema({"connected_on": D})
INVITATIONS_SCHEMA = pl.Schema({
    "from_name": S, "to_name": S, "sent_at": DT, "message": S, "direction": S,
    "inviter_url": S, "invitee_url": S, "counterpart_name": S, "counterpart_url": S, "key": S,
    "connected": B, "connected_on": D, "line": pl.Int64, "search": S,
    # "profile", "name" or "name, ambiguous" (two connections share the name): how
    # `connected` was decided; null when not connected.
    "matched_by": S,
})
MESSAGES_SCHEMA = pl.Schema({
    "conversation_id": S, "conversation_title": S, "from_name": S, "sender_url": S,
    "to_names": S, "recipient_urls": S, "sent_at": DT, "subject": S, "content": S,
    "folder": S, "is_draft": B, "direction": S, "sender_key": S, "recipient_keys": pl.List(S),
})
LINKEDIN_DATE = "%d %b %Y"
LEGACY_DATE = "%m/%d/%y, %I:%M %p"
CONNECTED_ON_FORMATS = (LINKEDIN_DATE, LEGACY_DATE, "%d-%b-%y", "%d.%m.%Y")
SENT_AT_FORMATS = ("%m/%d/%y, %I:%M %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
MESSAGE_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%dT%H:%M:%S", "%m/%d/%y, %I:%M %p",
                        "%Y-%m-%d %H:%M:%S")
# Something@something.tld: real exports sometimes hold `urn:li:member:…` in Email Address.
EMAIL_RE = r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$"
_EMAIL = re.compile(EMAIL_RE)
_MIXED = re.compile(r"mixed encodings: (\d+) lines? read as UTF-8, (\d+) as ")


@dataclass(frozen=True)
class FileReport:
    name: str
    kind: str
    vintage: str
    encoding: str
    rows: int
    kept: int
    set_aside: tuple[tuple[int, str], ...] = ()
    date_failures: int = 0
    repairs: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    # Named counts for `--json` (padded rows, blanked cells, invitations matched by name…).
    figures: tuple[tuple[str, int], ...] = ()
    set_aside_more: int = 0  # set-aside rows counted beyond the listed ones

    def to_dict(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "vintage": self.vintage,
            "encoding": self.encoding, "rows": self.rows, "kept": self.kept,
            "set_aside": [{"line": line, "reason": reason} for line, reason in self.set_aside],
            "problems": list(self.problems), "repairs": list(self.repairs),
            "date_failures": self.date_failures, "figures": dict(self.figures),
            "set_aside_more": self.set_aside_more,
        }


def blank_to_null(columns: list[str]) -> list[pl.Expr]:
    """Strip and turn empty strings into null (Polars keeps quoted "" as "")."""
    return [pl.col(columns).str.strip_chars().replace("", None)] if columns else []


def with_columns(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    missing = [pl.lit(None, dtype=S).alias(c) for c in columns if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def parse_dates(frame: pl.DataFrame, col: str, formats: tuple[str, ...], dtype: pl.DataType,
                out: str) -> tuple[pl.DataFrame, int, tuple[str, ...]]:
    """`frame` plus `out` parsed from `col` (first format that fits wins), the failure
    count and the formats that matched something (the file's date style).

    A file uses one format, so the next format is tried only while some value is left
    unparsed, and only on those values: most files cost one strptime pass.
    """
    raw = pl.col(col)
    frame = frame.with_columns(raw.str.strptime(DT, formats[0], strict=False).alias(out))
    used = (formats[0],) if frame.select(pl.col(out).is_not_null().any()).item() else ()
    missing = raw.is_not_null() & pl.col(out).is_null()
    failures = frame.select(missing.sum()).item()
    for fmt in formats[1:]:
        if not failures:
            break
        retry = frame.filter(missing).select(raw).unique()
        found = retry.with_columns(__d=raw.str.strptime(DT, fmt, strict=False)).drop_nulls("__d")
        if found.height:
            used += (fmt,)
            frame = frame.join(found, on=col, how="left", maintain_order="left").with_columns(
                pl.coalesce(out, "__d").alias(out)).drop("__d")
            failures = frame.select(missing.sum()).item()
    if dtype == D:
        frame = frame.with_columns(pl.col(out).dt.date())
    return frame, failures, used


def report(table: Table, vintage: str, kept: int, failures: int, extra: tuple[str, ...] = (),
           repairs: tuple[str, ...] = (), figures: dict[str, int] | None = None) -> FileReport:
    counts = {"padded": table.padded, "placeholders_blanked": table.blanked, **(figures or {})}
    for repair in table.repairs:  # the decoder's line counts, as it words them
        if mixed := _MIXED.match(repair):
            counts.update(lines_utf8=int(mixed[1]), lines_legacy=int(mixed[2]))
    return FileReport(table.name, table.kind, vintage, table.encoding, table.rows, kept,
                      table.set_aside, failures, table.repairs + repairs, table.problems + extra,
                      tuple((k, int(v)) for k, v in counts.items() if v), table.set_aside_more)


def looks_like_email(value: str | None) -> bool:
    return bool(value and _EMAIL.match(value.strip()))
