"""Read a LinkedIn export (ZIP, folder or one CSV) into typed Polars frames and a report."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable

import polars as pl

from tui.export.archive import Archive, read_archive
from tui.export.csv_text import Table, read_table, WHAT_WE_LOOK_FOR
from tui.core.errors import ExportError
from tui.export.frames import (
    CONNECTED_ON_FORMATS, CONNECTIONS_SCHEMA, D, DT, EMAIL_RE, HIDDEN_SCHEMA, INVITATIONS_SCHEMA,
    LEGACY_DATE, LINKEDIN_DATE, MESSAGE_DATE_FORMATS, MESSAGES_SCHEMA, S, FileReport,
    blank_to_null as _blank_to_null, parse_dates as _parse_dates, report as _report,
    with_columns as _with_columns,
)
from tui.export.identity import source_hash
from tui.export.invitations import read_invitations
from tui.export.source import (
    KNOWN, MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_TOTAL_BYTES, exported_on_from_name, read_source,
)
from tui.export.person_keys import add_profile_key, profile_key
from tui.core import phrasebook as said
from tui.i18n import _

OUTLOOK = said.OUTLOOK()
CORE = ("profile", "connections", "invitations", "messages")


@dataclass(frozen=True)
class Owner:
    first_name: str | None
    last_name: str | None
    full_name: str | None
    url: str | None
    key: str | None
    headline: str | None
    industry: str | None = None
    geo_location: str | None = None


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
    # The rest of the archive (endorsements, recommendations, positions, follows).
    archive: Archive = field(default_factory=Archive)


def _connections(table: Table) -> tuple[pl.DataFrame, pl.DataFrame, FileReport]:
    cols = ["first_name", "middle_name", "last_name", "url", "email", "company", "position", "connected_on"]
    raw = _with_columns(table.frame, cols).with_columns(_blank_to_null(cols))
    # Only what looks like an address is an email (real files hold `urn:li:member:…` there).
    not_email = pl.col("email").is_not_null() & ~pl.col("email").str.contains(EMAIL_RE)
    dropped = raw.select(not_email.sum()).item()
    frame = raw.with_columns(
        email=pl.when(not_email).then(None).otherwise("email"),
        full_name=pl.concat_str("first_name", "middle_name", "last_name", separator=" ", ignore_nulls=True)
        .str.strip_chars().replace("", None),
    )
    frame, failures, styles = _parse_dates(frame, "connected_on", CONNECTED_ON_FORMATS, D, "connected_date")
    blank = pl.all_horizontal(pl.col(c).is_null() for c in cols[:-1])
    hidden = frame.filter(blank).select(connected_on="connected_date")
    people = add_profile_key(frame.filter(~blank), "url", "full_name").with_columns(
        connected_on="connected_date",
        search=pl.concat_str("full_name", "company", "position", separator=" ", ignore_nulls=True)
        .str.to_lowercase(),
    ).select(CONNECTIONS_SCHEMA.names()).cast(dict(CONNECTIONS_SCHEMA))
    newest = frame.get_column("connected_date").max()
    vintage = connections_vintage(table, styles, newest)
    extra = (said.EMAILS_LEFT_EMPTY(count=dropped),) if dropped else ()
    rep = _report(table, vintage, people.height + hidden.height, failures, extra, figures={"emails_not_addresses": dropped})
    return people, hidden.cast(dict(HIDDEN_SCHEMA)), rep


def connections_vintage(table: Table, styles: tuple[str, ...], newest: date | None) -> str:
    """Which export a Connections file comes from, from all the evidence: the columns, the
    `Notes:` preamble, the date style and the newest date."""
    if "middle_name" in table.columns and "connected_on" not in table.columns:
        return OUTLOOK
    preamble = table.header_line > 1
    spreadsheet_dates = any(s not in (LINKEDIN_DATE, LEGACY_DATE) for s in styles)
    if "url" in table.columns:
        vintage = "2023-07+ (URL column)" if preamble else "2023-07+ (URL column, preamble removed)"
    elif LEGACY_DATE in styles and not preamble:
        vintage = "≤2018 (no preamble, month/day/year dates)"
    elif preamble:
        vintage = "2019–2023 (no URL column)"
    elif newest is not None and newest >= date(2023, 7, 1):
        vintage = "2023-07+ (URL column and preamble removed)"
    elif newest is not None and newest >= date(2019, 1, 1):
        vintage = "2019–2023 (no URL column, preamble removed)"
    else:
        vintage = "≤2018 (no preamble)"
    if (table.delimiter != "," or not table.encoding.startswith("UTF-8") or spreadsheet_dates
            or any("CR" in r for r in table.repairs)):
        vintage = said.RESAVED(vintage=vintage)
    return vintage


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
    first = last = headline = industry = geo = None
    if profile is not None and profile.frame.height:
        row = profile.frame.row(0, named=True)
        first, last, headline, industry, geo = (
            (row.get(c) or "").strip() or None
            for c in ("first_name", "last_name", "headline", "industry", "geo_location")
        )
        name = " ".join(p for p in (first, last) if p) or name
    if not (url or name):
        return None
    return Owner(first, last, name, url, profile_key(url, name), headline, industry, geo)


MESSAGE_COLUMNS = ["conversation_id", "conversation_title", "from_name", "sender_url", "to_names",
                   "recipient_urls", "date", "subject", "content", "folder", "is_draft", "direction"]
# What says who talked with whom, and when: all the triage rows need of messages.csv.
MESSAGE_KEY_COLUMNS = ["from_name", "sender_url", "to_names", "recipient_urls", "date", "is_draft"]


def message_keys(table: Table) -> tuple[pl.DataFrame, int]:
    """The key columns of messages.csv, cleaned, with `sender_key`, `to_key`,
    `recipient_keys`, `sent_at` and `is_draft` (a bool); and the dates that did not parse."""
    cols = MESSAGE_KEY_COLUMNS
    raw = _with_columns(table.frame.select([c for c in cols if c in table.frame.columns]), cols)
    raw = raw.with_columns(_blank_to_null(cols))
    frame = add_profile_key(raw, "sender_url", "from_name", "sender_key")
    frame, failures, _ = _parse_dates(frame, "date", MESSAGE_DATE_FORMATS, DT, "sent_at")
    frame = frame.join(_recipient_keys(raw), on="recipient_urls", how="left", maintain_order="left")
    recipients = pl.col("__keys")
    # Without recipient URLs (exports before 2023-04), the key of the recipient's name. Only
    # then: on a newer 50,000-row file the names' keys and one-key lists cost 10-15 ms, unused.
    if frame.get_column("recipient_urls").null_count():
        frame = add_profile_key(frame, None, "to_names", "to_key")
        recipients = pl.when(pl.col("recipient_urls").is_not_null()).then(recipients).otherwise(
            pl.concat_list("to_key").list.drop_nulls())
    frame = frame.with_columns(
        is_draft=pl.col("is_draft").str.to_lowercase().is_in(["yes", "true"]).fill_null(False),
        recipient_keys=recipients,
    ).drop("__keys", "to_key", strict=False)
    return frame, failures


def _recipient_keys(raw: pl.DataFrame) -> pl.DataFrame:
    """(recipient_urls, __keys): the keys of each distinct recipient list, in its order.

    Once per distinct list (a conversation's messages share one), not once per message."""
    split = pl.col("recipient_urls").str.split(",").list.eval(pl.element().str.strip_chars())
    lists = raw.select(pl.col("recipient_urls").drop_nulls().unique(maintain_order=True))
    urls = add_profile_key(lists.with_columns(u=split).explode("u"), "u", None)
    return urls.group_by("recipient_urls", maintain_order=True).agg(__keys=pl.col("key").drop_nulls())


def _messages(table: Table, owner: Owner | None,
              keyed: tuple[pl.DataFrame, int] | None = None) -> tuple[pl.DataFrame, FileReport]:
    """The messages frame; `keyed`: `message_keys(table)` when already computed."""
    frame, failures = keyed or message_keys(table)
    others = [c for c in MESSAGE_COLUMNS if c not in MESSAGE_KEY_COLUMNS]
    # The largest file: the parsed text is let go as soon as it is cleaned (the caller pops the
    # table), so the raw and the cleaned message texts are not both held to the end.
    text, table = table.frame, replace(table, frame=pl.DataFrame())
    rest = _with_columns(text.select([c for c in others if c in text.columns]), others)
    del text
    frame = pl.concat([frame, rest.with_columns(_blank_to_null(others))], how="horizontal")
    del rest
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
    return load_export_in_two(source, max_bytes=max_bytes, max_total=max_total, max_members=max_members,
                              later=False)[1]()


def load_export_in_two(source: Path, *, max_bytes: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES,
                       max_members: int = MAX_MEMBERS, later: bool = True,
                       tables_read: Callable[[], None] | None = None) -> tuple[Export, Callable[[], Export]]:
    """(the export with only the key columns of its messages, a function giving the whole Export).

    The first is what the triage rows need, read first on a first open; the second cleans the
    message texts, after the rows are shown. Every file is read and checked before either
    returns: a bad one raises ExportError here. `later=False`: both are the whole export.
    `tables_read`: called once every file is parsed (a first open's progress bar).
    """
    path = Path(source)
    raw = read_source(path, max_bytes=max_bytes, max_total=max_total, max_members=max_members)
    identity = source_hash(raw)
    # Each file's bytes are let go once parsed: they would otherwise add to the peak below.
    members, single, notes = dict(raw.members), raw.single, raw.notes
    raw = data = None
    tables: dict[str, Table] = {}
    messages_read: Callable[[], tuple[Table, tuple[pl.DataFrame, int]] | None] = lambda: None
    if single:
        name, data = members.pop("")
        table = read_table(name, data, CORE, max_field=max_bytes)
        del data
        lowered = name.lower()
        if table.kind == "messages" and lowered.endswith("_messages.csv"):
            raise ExportError(path, _("holds conversations with a LinkedIn AI assistant, not messages with people"))
        tables[table.kind] = table
    else:
        if not members:
            wanted = ", ".join(n for n in ("Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv"))
            raise ExportError(path, _("no LinkedIn export files found (looked for {wanted})").format(wanted=wanted))
        tables, messages_read = _read_tables(members, max_bytes)

    try:  # while messages.csv is still read on the other thread
        files, problems, connections, hidden, invitations, profile, archive = _the_others(tables, notes)
    except ExportError:
        messages_read()  # its read error comes first, as when the files are read one after the other
        raise
    keyed: tuple[pl.DataFrame, int] | None = None
    if (read := messages_read()) is not None:
        tables["messages"], keyed = read
    if tables_read is not None:
        tables_read()
    owner = _owner(profile, invitations)
    table = tables.get("messages")  # popped by `whole`, so its texts go as soon as they are cleaned
    if keyed is None and table is not None:
        keyed = message_keys(table)
    del table
    messages = keyed[0] if keyed is not None else MESSAGES_SCHEMA.to_frame()
    exported_on = exported_on_from_name(path) or _newest(connections, hidden, invitations, messages)
    first = Export(str(source), identity, connections, hidden, invitations, messages,
                   owner, ImportReport(tuple(files), tuple(problems)), exported_on, archive)

    done: list[Export] = []

    def whole() -> Export:
        if "messages" not in tables:
            return done[0] if done else first
        frame, rep = _messages(tables.pop("messages"), owner, keyed)
        done.append(replace(first, messages=frame, report=ImportReport((*files, rep), tuple(problems))))
        return done[0]

    if not later:
        first = whole()
        return first, lambda: first
    return first, whole


def _the_others(tables: dict[str, Table], notes) -> tuple:
    """Everything but the messages: connections, invitations, profile and the rest of the archive."""
    files, problems = [], list(dict.fromkeys(notes))
    if "connections" in tables:
        connections, hidden, rep = _connections(tables["connections"])
        files.append(rep)
    else:
        connections, hidden = CONNECTIONS_SCHEMA.to_frame(), HIDDEN_SCHEMA.to_frame()
        problems.append(said.NO_CONNECTIONS_FILE())
    if "invitations" in tables:
        invitations, rep = read_invitations(tables["invitations"], connections)
        files.append(rep)
    else:
        invitations = INVITATIONS_SCHEMA.to_frame()
        problems.append(said.NO_INVITATIONS_FILE())
    profile = tables.get("profile")
    if profile is not None:
        extra = [label for col, label in (("industry", "industry"), ("geo_location", "location"))
                 if col in profile.columns]
        files.append(_report(profile, "profile" + (f" (with {' and '.join(extra)})" if extra else ""),
                             profile.frame.height, 0))
    archive, reports = read_archive({k: tables.pop(k) for k in list(tables) if k not in CORE}, connections)
    return files + reports, problems, connections, hidden, invitations, profile, archive


def _read_tables(members: dict[str, tuple[str, bytes]], max_bytes: int) -> tuple[
        dict[str, Table], Callable[[], tuple[Table, tuple[pl.DataFrame, int]] | None]]:
    """Every member's table but messages.csv, and a function that waits for messages.csv's table
    and key columns (None: read with the others). messages.csv (the largest file) is read on a
    second thread while the others are read, and made into frames, on this one (Polars lets go
    of the interpreter lock), so a 2-core laptop reads the export in about half the time. A bad
    file raises the error the files read one after the other would have: the first in order
    (the function raises messages.csv's, when it comes first)."""
    from concurrent.futures import ThreadPoolExecutor

    order = list(members)
    if "messages" not in members or len(members) == 1:
        tables = {}
        for kind in order:
            name, data = members.pop(kind)
            tables[kind] = read_table(name, data, (kind,), max_field=max_bytes)
            del data
        return tables, lambda: None

    def read_messages(held: list) -> tuple[Table, tuple[pl.DataFrame, int]]:
        name, data = held.pop()  # the bytes go once parsed, not when the thread is done
        table = read_table(name, data, ("messages",), max_field=max_bytes)
        del data
        return table, message_keys(table)

    pool = ThreadPoolExecutor(1, thread_name_prefix="messages")
    reading = pool.submit(read_messages, [members.pop("messages")])
    pool.shutdown(wait=False)  # the thread ends with its one task
    tables, failed = {}, None
    for kind in [k for k in order if k != "messages"]:
        name, data = members.pop(kind)
        try:
            tables[kind] = read_table(name, data, (kind,), max_field=max_bytes)
        except ExportError as exc:
            failed = (order.index(kind), exc)
            break
        finally:
            del data

    def messages() -> tuple[Table, tuple[pl.DataFrame, int]]:
        try:
            read = reading.result()
        except ExportError:
            if failed is None or order.index("messages") < failed[0]:
                raise
        if failed is not None:
            raise failed[1]
        return read

    if failed is not None:
        messages()  # raises the first error in order
    return tables, messages


def _newest(connections, hidden, invitations, messages) -> date | None:
    seen = [connections.get_column("connected_on").max(), hidden.get_column("connected_on").max(),
            invitations.get_column("sent_at").dt.date().max(), messages.get_column("sent_at").dt.date().max()]
    seen = [d for d in seen if d is not None]
    return max(seen) if seen else None


__all__ = [
    "CONNECTIONS_SCHEMA", "HIDDEN_SCHEMA", "INVITATIONS_SCHEMA", "MESSAGES_SCHEMA", "Export",
    "ExportError", "FileReport", "ImportReport", "Owner", "load_export", "KNOWN", "WHAT_WE_LOOK_FOR",
]
