"""Read a LinkedIn export (ZIP, folder or one CSV) into typed Polars frames and a report."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import polars as pl

from tui.data.csv_text import Table, read_table, WHAT_WE_LOOK_FOR
from tui.data.errors import ExportError
from tui.data.export_source import (
    KNOWN, MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_TOTAL_BYTES, exported_on_from_name, read_source,
)
from tui.data.keys import add_profile_key, profile_key, slug_expr

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
})
MESSAGES_SCHEMA = pl.Schema({
    "conversation_id": S, "conversation_title": S, "from_name": S, "sender_url": S,
    "to_names": S, "recipient_urls": S, "sent_at": DT, "subject": S, "content": S,
    "folder": S, "is_draft": B, "direction": S, "sender_key": S, "recipient_keys": pl.List(S),
})
CONNECTED_ON_FORMATS = ("%d %b %Y", "%m/%d/%y, %I:%M %p", "%d-%b-%y", "%d.%m.%Y")
SENT_AT_FORMATS = ("%m/%d/%y, %I:%M %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
MESSAGE_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%dT%H:%M:%S", "%m/%d/%y, %I:%M %p",
                        "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Owner:
    first_name: str | None
    last_name: str | None
    full_name: str | None
    url: str | None
    key: str | None
    headline: str | None


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
    set_aside_more: int = 0  # set-aside rows counted beyond the listed ones

    def to_dict(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "vintage": self.vintage,
            "encoding": self.encoding, "rows": self.rows, "kept": self.kept,
            "set_aside": [{"line": line, "reason": reason} for line, reason in self.set_aside],
            "problems": list(self.problems), "repairs": list(self.repairs),
            "date_failures": self.date_failures, "set_aside_more": self.set_aside_more,
        }


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...] = ()
    problems: tuple[str, ...] = ()
    set_aside_more: int = 0  # set-aside rows counted beyond the listed ones

    def to_dict(self) -> dict:
        return {"files": [f.to_dict() for f in self.files], "problems": list(self.problems)}


@dataclass(frozen=True, eq=False)
class Export:
    source: str
    content_hash: str
    connections: pl.DataFrame
    hidden: pl.DataFrame
    invitations: pl.DataFrame
    messages: pl.DataFrame
    owner: Owner | None
    report: ImportReport
    exported_on: date | None = field(default=None)


def _blank_to_null(columns: list[str]) -> list[pl.Expr]:
    """Strip and turn empty strings into null (Polars keeps quoted "" as "")."""
    return [pl.col(columns).str.strip_chars().replace("", None)] if columns else []


def _with_columns(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    missing = [pl.lit(None, dtype=S).alias(c) for c in columns if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def _parse_dates(frame: pl.DataFrame, col: str, formats: tuple[str, ...], dtype: pl.DataType,
                 out: str) -> tuple[pl.DataFrame, int]:
    """`frame` plus `out` parsed from `col` (first format that fits wins) and the failure count.

    A file uses one format, so the next format is tried only while some value is left
    unparsed, and only on those values: most files cost one strptime pass.
    """
    raw = pl.col(col)
    frame = frame.with_columns(raw.str.strptime(DT, formats[0], strict=False).alias(out))
    missing = raw.is_not_null() & pl.col(out).is_null()
    failures = frame.select(missing.sum()).item()
    for fmt in formats[1:]:
        if not failures:
            break
        retry = frame.filter(missing).select(raw).unique()
        found = retry.with_columns(__d=raw.str.strptime(DT, fmt, strict=False)).drop_nulls("__d")
        if found.height:
            frame = frame.join(found, on=col, how="left", maintain_order="left").with_columns(
                pl.coalesce(out, "__d").alias(out)).drop("__d")
            failures = frame.select(missing.sum()).item()
    if dtype == D:
        frame = frame.with_columns(pl.col(out).dt.date())
    return frame, failures


def _connections(table: Table) -> tuple[pl.DataFrame, pl.DataFrame, FileReport]:
    cols = ["first_name", "last_name", "url", "email", "company", "position", "connected_on"]
    raw = _with_columns(table.frame, cols).with_columns(_blank_to_null(cols))
    frame = raw.with_columns(
        full_name=pl.concat_str("first_name", "last_name", separator=" ", ignore_nulls=True)
        .str.strip_chars().replace("", None),
    )
    frame, failures = _parse_dates(frame, "connected_on", CONNECTED_ON_FORMATS, D, "connected_date")
    blank = pl.all_horizontal(pl.col(c).is_null() for c in cols[:-1])
    hidden = frame.filter(blank).select(connected_on="connected_date")
    people = add_profile_key(frame.filter(~blank), "url", "full_name").with_columns(
        connected_on="connected_date",
        search=pl.concat_str("full_name", "company", "position", separator=" ", ignore_nulls=True)
        .str.to_lowercase(),
    ).select(CONNECTIONS_SCHEMA.names()).cast(dict(CONNECTIONS_SCHEMA))
    if "url" in table.columns:
        vintage = "2023-07+ (URL column)" if table.header_line > 1 else "re-saved (URL column, no preamble)"
    else:
        vintage = "2019–2023 (no URL column)" if table.header_line > 1 else "≤2018 (no preamble)"
    if table.delimiter != "," or table.encoding != "UTF-8" or any("CR" in r for r in table.repairs):
        vintage += ", re-saved by a spreadsheet"
    report = _report(table, vintage, people.height + hidden.height, failures)
    return people, hidden.cast(dict(HIDDEN_SCHEMA)), report


def _report(table: Table, vintage: str, kept: int, failures: int, extra: tuple[str, ...] = ()) -> FileReport:
    return FileReport(table.name, table.kind, vintage, table.encoding, table.rows, kept,
                      table.set_aside, failures, table.repairs, table.problems + extra, table.set_aside_more)


def _profile_url(col: str) -> pl.Expr:
    """Keep a URL only when it names a profile (bare `…/in` and URNs mean unknown)."""
    return pl.when(slug_expr(pl.col(col)).is_not_null()).then(pl.col(col)).otherwise(None)


def _invitations(table: Table, connections: pl.DataFrame, has_conn_urls: bool) -> tuple[pl.DataFrame, FileReport]:
    cols = ["from_name", "to_name", "sent_at", "message", "direction", "inviter_url", "invitee_url"]
    raw = _with_columns(table.frame, cols).with_columns(_blank_to_null(cols))
    outgoing = pl.col("direction") == "OUTGOING"
    raw, failures = _parse_dates(raw, "sent_at", SENT_AT_FORMATS, DT, "sent_parsed")
    frame = raw.with_columns(
        direction=pl.col("direction").str.to_uppercase(),
        inviter_url=_profile_url("inviter_url"),
        invitee_url=_profile_url("invitee_url"),
    ).with_columns(
        counterpart_name=pl.when(outgoing).then("to_name").otherwise("from_name"),
        counterpart_url=pl.when(outgoing).then("invitee_url").otherwise("inviter_url"),
    )
    frame = add_profile_key(add_profile_key(frame, "counterpart_url", "counterpart_name"),
                            None, "counterpart_name", "name_key")
    conn = add_profile_key(connections.select("key", "connected_on", "url", "full_name"),
                           None, "full_name", "name_key")
    by_key = conn.filter(pl.col("key").is_not_null()).unique("key", keep="first", maintain_order=True)
    # Name fallback only where one side has no URL (older Connections, bare Invitations).
    names = conn.filter(pl.col("url").is_null() | pl.lit(not has_conn_urls))
    by_name = names.filter(pl.col("name_key").is_not_null()).unique("name_key", keep="first", maintain_order=True)
    frame = frame.join(
        by_key.select("key", on_key="connected_on", hit_key=pl.lit(True)), on="key", how="left",
    ).join(
        by_name.select("name_key", on_name="connected_on", hit_name=pl.lit(True)),
        on="name_key", how="left",
    )
    use_name = pl.col("hit_key").is_null() & (
        pl.col("counterpart_url").is_null() | pl.lit(not has_conn_urls)
    ) & pl.col("hit_name").fill_null(False)
    out = frame.with_columns(
        sent_at="sent_parsed",
        connected=pl.col("hit_key").fill_null(False) | use_name,
        connected_on=pl.when(pl.col("hit_key")).then("on_key").when(use_name).then("on_name"),
        search=pl.concat_str(
            pl.col("counterpart_name").fill_null(""), pl.col("message").fill_null(""), separator=" "
        ).str.to_lowercase(),
    ).select(INVITATIONS_SCHEMA.names()).cast(dict(INVITATIONS_SCHEMA))
    if "inviter_urn" in table.columns:
        vintage = "≈2023-07 (URN columns)"
    elif "inviter_url" in table.columns:
        named = out.select(pl.col("inviter_url").is_not_null().any() | pl.col("invitee_url").is_not_null().any()).item()
        vintage = "2024-03+ (profile URLs)" if named else "≈2023-12 (bare profile URLs)"
    else:
        vintage = "≤2022 (5 columns)"
    odd = out.filter(~pl.col("direction").is_in(["INCOMING", "OUTGOING"]) | pl.col("direction").is_null()).height
    extra = (f"{odd} rows with an unknown direction",) if odd else ()
    return out, _report(table, vintage, out.height, failures, extra)


def _owner(profile: Table | None, invitations: pl.DataFrame) -> Owner | None:
    out = invitations.filter(pl.col("direction") == "OUTGOING")
    inc = invitations.filter(pl.col("direction") == "INCOMING")
    url = name = None
    for frame, name_col, url_col in ((out, "from_name", "inviter_url"), (inc, "to_name", "invitee_url")):
        if frame.height:
            urls = frame.get_column(url_col).drop_nulls().mode().sort()
            names = frame.get_column(name_col).drop_nulls().mode().sort()
            url = url or (urls[0] if len(urls) else None)
            name = name or (names[0] if len(names) else None)
    first = last = headline = None
    if profile is not None and profile.frame.height:
        row = profile.frame.row(0, named=True)
        first, last, headline = (
            (row.get(c) or "").strip() or None for c in ("first_name", "last_name", "headline")
        )
        name = " ".join(p for p in (first, last) if p) or name
    if not (url or name):
        return None
    return Owner(first, last, name, url, profile_key(url, name), headline)


def _messages(table: Table, owner: Owner | None) -> tuple[pl.DataFrame, FileReport]:
    cols = ["conversation_id", "conversation_title", "from_name", "sender_url", "to_names",
            "recipient_urls", "date", "subject", "content", "folder", "is_draft", "direction"]
    # The largest file: the parsed text is let go as soon as it is cleaned (the caller pops the
    # table), so the raw and the cleaned message texts are not both held to the end.
    frame, table = table.frame, replace(table, frame=pl.DataFrame())
    raw = _with_columns(frame, cols).with_columns(_blank_to_null(cols))
    del frame
    split = pl.col("recipient_urls").str.split(",").list.eval(pl.element().str.strip_chars())
    urls = raw.select(u=split.explode()).unique().drop_nulls()
    url_keys = add_profile_key(urls, "u", None)
    frame = add_profile_key(add_profile_key(raw, "sender_url", "from_name", "sender_key"),
                            None, "to_names", "to_key")
    frame, failures = _parse_dates(frame, "date", MESSAGE_DATE_FORMATS, DT, "sent_at")
    frame = frame.with_columns(
        is_draft=pl.col("is_draft").str.to_lowercase().is_in(["yes", "true"]).fill_null(False),
        recipient_keys=pl.when(pl.col("recipient_urls").is_not_null())
        .then(split.list.eval(pl.element().replace_strict(
            url_keys.get_column("u"), url_keys.get_column("key"), default=None, return_dtype=S,
        )).list.drop_nulls())
        .otherwise(pl.concat_list("to_key").list.drop_nulls()),
    )
    legacy = pl.col("direction").str.to_uppercase()
    if owner is not None and owner.key:
        name_key = profile_key(None, owner.full_name)
        # Without a sender URL, sender_key already is the key of from_name.
        mine = (pl.col("sender_key") == owner.key) | (
            pl.col("sender_url").is_null() & (pl.col("sender_key") == name_key)
        )
        direction = pl.when(mine.fill_null(False)).then(pl.lit("OUTGOING")).otherwise(pl.lit("INCOMING"))
    else:
        direction = pl.when(legacy == "OUTGOING").then(pl.lit("OUTGOING")).otherwise(pl.lit("INCOMING"))
    out = frame.with_columns(direction=direction).select(MESSAGES_SCHEMA.names()).cast(dict(MESSAGES_SCHEMA))
    if "conversation_id" not in table.columns:
        vintage = "≤2020 (no conversation IDs)"
    elif "attachments" in table.columns:
        vintage = "2026+ (attachments)"
    elif "is_draft" in table.columns:
        vintage = "2024-12+ (draft flags)"
    elif "recipient_urls" in table.columns:
        vintage = "2023-04+ (recipient URLs)"
    else:
        vintage = "2021–2022"
    return out, _report(table, vintage, out.height, failures)


def load_export(source: Path, *, max_bytes: int = MAX_MEMBER_BYTES,
                max_total: int = MAX_TOTAL_BYTES, max_members: int = MAX_MEMBERS) -> Export:
    """Read `source` (ZIP, folder or one CSV) → Export; any bad input raises ExportError."""
    path = Path(source)
    raw = read_source(path, max_bytes=max_bytes, max_total=max_total, max_members=max_members)
    digest = hashlib.sha256()
    for kind in sorted(raw.members):
        name, data = raw.members[kind]
        digest.update(f"{name.rsplit('/', 1)[-1].lower()}\0{len(data)}\0".encode())
        digest.update(data)
    # Each file's bytes are let go once parsed: they would otherwise add to the peak below.
    members, single, notes = dict(raw.members), raw.single, raw.notes
    raw = data = None
    tables: dict[str, Table] = {}
    if single:
        name, data = members.pop("")
        table = read_table(name, data, ("profile", "connections", "invitations", "messages"), max_field=max_bytes)
        del data
        lowered = name.lower()
        if table.kind == "messages" and lowered.endswith("_messages.csv"):
            raise ExportError(path, "holds conversations with a LinkedIn AI assistant, not messages with people")
        tables[table.kind] = table
    else:
        if not members:
            wanted = ", ".join(n for n in ("Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv"))
            raise ExportError(path, f"no LinkedIn export files found (looked for {wanted})")
        for kind in list(members):
            name, data = members.pop(kind)
            tables[kind] = read_table(name, data, (kind,), max_field=max_bytes)
            del data

    files, problems = [], list(dict.fromkeys(notes))
    if "connections" in tables:
        connections, hidden, rep = _connections(tables["connections"])
        files.append(rep)
        has_urls = "url" in tables["connections"].columns
    else:
        connections, hidden, has_urls = CONNECTIONS_SCHEMA.to_frame(), HIDDEN_SCHEMA.to_frame(), True
        problems.append("no Connections.csv: everyone counts as not connected")
    if "invitations" in tables:
        invitations, rep = _invitations(tables["invitations"], connections, has_urls)
        files.append(rep)
    else:
        invitations = INVITATIONS_SCHEMA.to_frame()
        problems.append("no Invitations.csv: the received and sent queues are empty")
    profile = tables.get("profile")
    if profile is not None:
        files.append(_report(profile, "profile", profile.frame.height, 0))
    owner = _owner(profile, invitations)
    if "messages" in tables:
        messages, rep = _messages(tables.pop("messages"), owner)
        files.append(rep)
    else:
        messages = MESSAGES_SCHEMA.to_frame()
    exported_on = exported_on_from_name(path) or _newest(connections, hidden, invitations, messages)
    return Export(str(source), digest.hexdigest(), connections, hidden, invitations, messages,
                  owner, ImportReport(tuple(files), tuple(problems)), exported_on)


def _newest(connections, hidden, invitations, messages) -> date | None:
    seen = [connections.get_column("connected_on").max(), hidden.get_column("connected_on").max(),
            invitations.get_column("sent_at").dt.date().max(), messages.get_column("sent_at").dt.date().max()]
    seen = [d for d in seen if d is not None]
    return max(seen) if seen else None


__all__ = [
    "CONNECTIONS_SCHEMA", "HIDDEN_SCHEMA", "INVITATIONS_SCHEMA", "MESSAGES_SCHEMA", "Export",
    "ExportError", "FileReport", "ImportReport", "Owner", "load_export", "KNOWN", "WHAT_WE_LOOK_FOR",
]
