"""Small export-shaped frames for the triage tests (columns as in the shared contract)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import polars as pl

TODAY = date(2026, 3, 1)

INVITATIONS_SCHEMA = {
    "from_name": pl.Utf8, "to_name": pl.Utf8, "sent_at": pl.Datetime("us"), "message": pl.Utf8,
    "direction": pl.Utf8, "inviter_url": pl.Utf8, "invitee_url": pl.Utf8,
    "counterpart_name": pl.Utf8, "counterpart_url": pl.Utf8, "key": pl.Utf8,
    "connected": pl.Boolean, "connected_on": pl.Date, "line": pl.Int64, "search": pl.Utf8,
}
CONNECTIONS_SCHEMA = {
    "first_name": pl.Utf8, "last_name": pl.Utf8, "full_name": pl.Utf8, "url": pl.Utf8,
    "key": pl.Utf8, "email": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8,
    "connected_on": pl.Date, "search": pl.Utf8,
}
MESSAGES_SCHEMA = {
    "conversation_id": pl.Utf8, "conversation_title": pl.Utf8, "from_name": pl.Utf8,
    "sender_url": pl.Utf8, "to_names": pl.Utf8, "recipient_urls": pl.Utf8,
    "sent_at": pl.Datetime("us"), "subject": pl.Utf8, "content": pl.Utf8, "folder": pl.Utf8,
    "is_draft": pl.Boolean, "direction": pl.Utf8, "sender_key": pl.Utf8,
    "recipient_keys": pl.List(pl.Utf8),
}


@dataclass(frozen=True, eq=False)
class FakeExport:
    """The three frames of tui.export.reader.Export that the triage code reads."""

    connections: pl.DataFrame
    invitations: pl.DataFrame
    messages: pl.DataFrame


def invitation(name: str, *, note: str | None = None, direction: str = "INCOMING",
               sent: datetime = datetime(2026, 2, 20, 9, 0), connected: bool = False,
               connected_on: date | None = None, slug: str | None = None, line: int = 2) -> dict:
    slug = slug if slug is not None else name.lower().replace(" ", "-")
    url = f"https://www.linkedin.com/in/{slug}" if slug else None
    key = f"in:{slug}" if slug else (f"name:{name.lower()}" if name.strip() else None)
    me, meurl = "Ana Quist", "https://www.linkedin.com/in/ana-quist"
    incoming = direction == "INCOMING"
    return {
        "from_name": name if incoming else me, "to_name": me if incoming else name,
        "sent_at": sent, "message": note, "direction": direction,
        "inviter_url": url if incoming else meurl, "invitee_url": meurl if incoming else url,
        "counterpart_name": name, "counterpart_url": url, "key": key, "connected": connected,
        "connected_on": connected_on, "line": line,
        "search": f"{name} {note or ''}".lower(),
    }


def connection(name: str, company: str | None = None, position: str | None = None,
               on: date = date(2025, 1, 1)) -> dict:
    slug = name.lower().replace(" ", "-")
    first, _, last = name.partition(" ")
    return {
        "first_name": first, "last_name": last, "full_name": name,
        "url": f"https://www.linkedin.com/in/{slug}", "key": f"in:{slug}", "email": None,
        "company": company, "position": position, "connected_on": on,
        "search": f"{name} {company or ''} {position or ''}".lower(),
    }


def message(sender_key: str | None, recipient_keys: list[str], draft: bool = False) -> dict:
    return {
        "conversation_id": "c1", "conversation_title": None, "from_name": "x", "sender_url": None,
        "to_names": "y", "recipient_urls": None, "sent_at": datetime(2025, 12, 1), "subject": None,
        "content": "hello", "folder": "INBOX", "is_draft": draft, "direction": "INCOMING",
        "sender_key": sender_key, "recipient_keys": recipient_keys,
    }


def make_export(invitations: list[dict], connections: list[dict] = (),
                messages: list[dict] = ()) -> FakeExport:
    return FakeExport(
        connections=pl.DataFrame(list(connections), schema=CONNECTIONS_SCHEMA),
        invitations=pl.DataFrame(list(invitations), schema=INVITATIONS_SCHEMA),
        messages=pl.DataFrame(list(messages), schema=MESSAGES_SCHEMA),
    )


def decisions_frame(rows: list[tuple]) -> pl.DataFrame:
    """rows: (key, decision, until, decided_at, reason)."""
    return pl.DataFrame(
        [{"key": k, "name": k, "url": None, "decision": d, "reason": r, "until": u,
          "decided_at": at} for k, d, u, at, r in rows],
        schema={"key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8, "decision": pl.Utf8,
                "reason": pl.Utf8, "until": pl.Date, "decided_at": pl.Datetime("us")},
    )


def info_frame(rows: list[tuple]) -> pl.DataFrame:
    """rows: (key, company, position, connection_count)."""
    return pl.DataFrame(
        [{"key": k, "company": c, "position": p, "connection_count": n} for k, c, p, n in rows],
        schema={"key": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8,
                "connection_count": pl.Int64},
    )
