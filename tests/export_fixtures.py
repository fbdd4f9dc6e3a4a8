"""Byte-faithful writers for small invented LinkedIn exports (no real person's data).

Defaults follow the real files: Connections has the 3-line `Notes:` preamble and no trailing
newline; Invitations and messages end with a newline. Rows are lists of raw field strings
(quoted by `csv_line` only when needed, as LinkedIn does).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
CONNECTIONS_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
CONNECTIONS_HEADER_NO_URL = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]
INVITATIONS_HEADER_5 = ["From", "To", "Sent At", "Message", "Direction"]
INVITATIONS_HEADER_URL = INVITATIONS_HEADER_5 + ["inviterProfileUrl", "inviteeProfileUrl"]
INVITATIONS_HEADER_URN = INVITATIONS_HEADER_5 + ["inviterProfileUrn", "inviteeProfileUrn"]
MESSAGES_HEADER = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT",
]
PROFILE_HEADER = [
    "First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
    "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers",
]
IN = "https://www.linkedin.com/in/"

# §10 of the format doc: trailing space, percent-encoded slug, blank identity, doubled quote.
SAMPLE_CONNECTIONS = [
    ["Mira", "Okonkwo-Vale", IN + "mira-okonkwo-vale-0a1b2c3", "", "Hollowbrook Analytics ", "Data Engineer", "05 Nov 2025"],
    ["Tomás", "Ferreira", IN + "tom%C3%A1s-ferreira-77", "", "Quillon Labs, Inc.", "Head of Product, EMEA", "28 Oct 2025"],
    ["", "", "", "", "", "", "14 Sep 2025"],
    ['Priya "PJ"', "Halvorsen 🚀", IN + "priya-halvorsen", "pj@example.org", "Nimbus Freight", "Founder | Logistics", "03 Jan 2019"],
]
SAMPLE_INVITATIONS = [
    ["Ana Quist", "Leo Marchetti", "11/21/25, 5:19 PM", "Hi Leo,  we met at the PyData meetup in Lisbon - would love to stay in touch.", "OUTGOING", IN + "ana-quist", IN + "leo-marchetti-4b2"],
    ["Ana Quist", "Tomás Ferreira", "11/3/25, 9:02 AM", "", "OUTGOING", IN + "ana-quist", IN + "tomás-ferreira-77"],
    ["Kofi Mensah", "Ana Quist", "10/14/25, 11:47 PM", "", "INCOMING", IN + "kofi-mensah-77", IN + "ana-quist"],
    ["Mira Okonkwo-Vale", "Ana Quist", "10/1/25, 8:00 AM", "Hello!", "INCOMING", IN + "mira-okonkwo-vale-0a1b2c3", IN + "ana-quist"],
]
SAMPLE_MESSAGES = [
    ["2-ZmFrZS1jb252ZXJzYXRpb24tMDE=", "", "Leo Marchetti", IN + "leo-marchetti-4b2", "Ana Quist", IN + "ana-quist", "2025-11-22 09:14:03 UTC", "", "Thanks Ana!  Great to reconnect, let's grab a coffee.", "INBOX", "", "No"],
    ["2-ZmFrZS1jb252ZXJzYXRpb24tMDI=", "Reading group", "Ana Quist", IN + "ana-quist", "Kofi Mensah,Mira Okonkwo-Vale", IN + "kofi-mensah-77," + IN + "mira-okonkwo-vale-0a1b2c3", "2025-10-02 18:40:55 UTC", "", "Next session is Thursday.", "ARCHIVE", "", "No"],
    ["2-ZmFrZS1jb252ZXJzYXRpb24tMDM=", "", "Northwind Recruiting", "", "Ana Quist", IN + "ana-quist", "2025-09-30 07:01:12 UTC", "Opportunity", '<p class="spinmail-quill-editor__spin-break">Hi Ana, we have a role…</p>', "INBOX", "", "No"],
    ["2-ZmFrZS1jb252ZXJzYXRpb24tMDQ=", "", "Ana Quist", IN + "ana-quist", "Leo Marchetti", IN + "leo-marchetti-4b2", "2025-11-23 10:00:00 UTC", "", "Draft reply", "INBOX", "", "Yes"],
]
SAMPLE_PROFILE = ["Ana", "Quist", "", "", "Mar 9", "Data person | Lisbon", "Builds pipelines.  Likes maps.", "Software Development", "", "Lisbon, Lisbon, Portugal", "", "[PORTFOLIO:https://example.org/ana]", ""]


def csv_field(value: str, delimiter: str = ",") -> str:
    """Quote like LinkedIn: only when the field holds the delimiter, a quote or a line break."""
    if any(ch in value for ch in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_line(fields: list[str], delimiter: str = ",") -> str:
    return delimiter.join(csv_field(f, delimiter) for f in fields)


def csv_text(header: list[str], rows: list[list[str]], *, delimiter: str = ",",
             trailing_newline: bool = True, preamble: str = "") -> str:
    lines = [csv_line(header, delimiter)] + [csv_line(r, delimiter) for r in rows]
    return preamble + "\n".join(lines) + ("\n" if trailing_newline else "")


def connections_bytes(rows: list[list[str]] | None = None, *, preamble: bool = True, url: bool = True,
                      trailing_newline: bool = False) -> bytes:
    rows = SAMPLE_CONNECTIONS if rows is None else rows
    header = CONNECTIONS_HEADER if url else CONNECTIONS_HEADER_NO_URL
    if not url:
        rows = [r[:2] + r[3:] if len(r) == 7 else r for r in rows]
    text = csv_text(header, rows, trailing_newline=trailing_newline, preamble=PREAMBLE if preamble else "")
    return text.encode("utf-8")


def write_connections(path: Path, rows: list[list[str]] | None = None, **kwargs) -> Path:
    path.write_bytes(connections_bytes(rows, **kwargs))
    return path


def invitations_bytes(rows: list[list[str]] | None = None, *, header: list[str] | None = None,
                      trailing_newline: bool = True) -> bytes:
    rows = SAMPLE_INVITATIONS if rows is None else rows
    header = header or INVITATIONS_HEADER_URL
    rows = [r[: len(header)] for r in rows]
    return csv_text(header, rows, trailing_newline=trailing_newline).encode("utf-8")


def write_invitations(path: Path, rows: list[list[str]] | None = None, **kwargs) -> Path:
    path.write_bytes(invitations_bytes(rows, **kwargs))
    return path


def messages_bytes(rows: list[list[str]] | None = None, *, header: list[str] | None = None) -> bytes:
    rows = SAMPLE_MESSAGES if rows is None else rows
    return csv_text(header or MESSAGES_HEADER, rows).encode("utf-8")


def write_messages(path: Path, rows: list[list[str]] | None = None, **kwargs) -> Path:
    path.write_bytes(messages_bytes(rows, **kwargs))
    return path


def profile_bytes(row: list[str] | None = None) -> bytes:
    return csv_text(PROFILE_HEADER, [row or SAMPLE_PROFILE]).encode("utf-8")


def sample_members(*, profile: bool = True) -> dict[str, bytes]:
    """The four known files of a small current export, plus an AI file that must be ignored."""
    members = {
        "Connections.csv": connections_bytes(),
        "Invitations.csv": invitations_bytes(),
        "messages.csv": messages_bytes(),
        "coach_messages.csv": messages_bytes([["2-Y29hY2g=", "", "LinkedIn Coach", "", "Ana Quist", "", "2025-11-01 10:00:00 UTC", "", "AI reply", "INBOX", "", "No"]]),
        "Jobs/Saved Jobs.csv": b"Saved Date,Job Url,Job Title,Company Name\n",
    }
    if profile:
        members["Profile.csv"] = profile_bytes()
    return members


def make_zip(path: Path, members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write a ZIP holding `members` (name → bytes), in the given order."""
    with zipfile.ZipFile(path, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_folder(path: Path, members: dict[str, bytes]) -> Path:
    for name, data in members.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return path


def connections_folder(parent: Path, text: str, name: str = "export") -> Path:
    """A folder export `parent/name` holding only Connections.csv, `text` written as is."""
    folder = parent / name
    folder.mkdir()
    (folder / "Connections.csv").write_text(text, encoding="utf-8")
    return folder


def write_sample_export(path: Path) -> Path:
    """A small current export as the ZIP LinkedIn sends (name carries the export date)."""
    return make_zip(path, sample_members())
