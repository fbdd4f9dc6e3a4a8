"""The sample-data generator: deterministic, byte-faithful, and the committed sample can't drift."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "sample_data"
SCRIPT = REPO / "sample_data" / "generate.py"
SAMPLE_NAME = "Basic_LinkedInDataExport_11-20-2026"
# The exact command documented in sample_data/README.md.
SAMPLE_COMMAND = ["--connections", "800", "--invitations", "150", "--messages", "2000",
                  "--seed", "7", "--out", "sample_data", "--zip", "--unpacked"]
PREAMBLE = (
    b'Notes:\n"When exporting your connection data, you may notice that some of the email '
    b"addresses are missing. You will only see email addresses for connections who have allowed "
    b"their connections to see or download their email address using this setting "
    b"https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    b'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
)
SENT_AT = re.compile(r'"(\d{1,2})/(\d{1,2})/(\d\d), (\d{1,2}):(\d\d) (AM|PM)"')
MONTHS = {m: i + 1 for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())}


def _load_generator():
    spec = importlib.util.spec_from_file_location("passerelle_sample_generate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def sample() -> dict[str, bytes]:
    return gen.build_export(**gen.SAMPLE_ARGS)


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _dicts(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _key(url: str, name: str) -> str | None:
    slug = url.split("/in/", 1)[1] if "/in/" in url else ""
    if slug:
        return "in:" + unicodedata.normalize("NFC", unquote(slug).lower())
    name = " ".join(name.lower().split())
    return "name:" + unicodedata.normalize("NFC", name) if name else None


def _connections(files: dict[str, bytes]) -> tuple[list[list[str]], list[list[str]]]:
    """(people rows, blank-identity rows), header and preamble skipped."""
    data = _rows(files["Connections.csv"])[4:]
    return [r for r in data if any(r[:6])], [r for r in data if not any(r[:6])]


def _day(text: str):
    from datetime import date
    d, m, y = text.split()
    return date(int(y), MONTHS[m], int(d))


def test_same_arguments_give_the_same_bytes_and_another_seed_does_not() -> None:
    first = gen.build_export(connections=300, invitations=60, messages=400, seed=3)
    again = gen.build_export(connections=300, invitations=60, messages=400, seed=3)
    assert first == again
    assert gen.zip_bytes(first) == gen.zip_bytes(again)
    other = gen.build_export(connections=300, invitations=60, messages=400, seed=4)
    assert other["Connections.csv"] != first["Connections.csv"]


def test_requested_counts_come_out_exactly() -> None:
    files = gen.build_export(connections=1234, invitations=321, messages=2345, seed=11)
    people, hidden = _connections(files)
    assert len(people) + len(hidden) == 1234
    assert len(_dicts(files["Invitations.csv"])) == 321
    assert len(_dicts(files["messages.csv"])) == 2345
    assert 0.01 <= len(hidden) / 1234 <= 0.03


def test_committed_sample_equals_a_fresh_run_of_the_documented_command(tmp_path: Path) -> None:
    (tmp_path / "sample_data").mkdir()
    subprocess.run([sys.executable, str(SCRIPT), *SAMPLE_COMMAND], cwd=tmp_path, check=True,
                   capture_output=True)
    fresh, committed = tmp_path / "sample_data", SAMPLE_DIR
    names = sorted(p.name for p in (fresh / SAMPLE_NAME).iterdir())
    assert names == sorted(p.name for p in (committed / SAMPLE_NAME).iterdir())
    for name in names:
        assert (fresh / SAMPLE_NAME / name).read_bytes() == (committed / SAMPLE_NAME / name).read_bytes(), name
    # Compare the archives member by member: deflate bytes may differ between zlib builds.
    with zipfile.ZipFile(fresh / f"{SAMPLE_NAME}.zip") as a, \
            zipfile.ZipFile(committed / f"{SAMPLE_NAME}.zip") as b:
        assert [(i.filename, i.date_time, i.compress_type) for i in a.infolist()] == \
            [(i.filename, i.date_time, i.compress_type) for i in b.infolist()]
        for info in a.infolist():
            assert "/" not in info.filename  # members at the archive root
            assert a.read(info) == b.read(info) == (committed / SAMPLE_NAME / info.filename).read_bytes()


def test_connections_bytes_match_the_real_format(sample: dict[str, bytes]) -> None:
    data = sample["Connections.csv"]
    assert data.startswith(PREAMBLE)
    assert not data.endswith(b"\n") and data[-1:].isdigit()  # no trailing newline
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    people, hidden = _connections(sample)
    assert all(len(r) == 7 for r in people + hidden)
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2} \d{4}", r[6]) for r in people + hidden)
    dates = [_day(r[6]) for r in _rows(data)[4:]]
    assert dates == sorted(dates, reverse=True)  # newest first
    blank_lines = [line for line in data.split(b"\n") if line.startswith(b",,,,,,")]
    assert len(blank_lines) == len(hidden) > 0
    urls = [r[2] for r in people]
    assert all(u.isascii() and u.startswith("https://www.linkedin.com/in/") for u in urls)
    encoded = [u for u in urls if "%" in u]
    assert encoded and all(re.fullmatch(r"[^%]*(%[0-9A-F]{2}[^%]*)+", u) for u in encoded)
    assert 0.01 <= sum(1 for r in people if r[3]) / len(people) <= 0.05
    assert all(r[3].endswith("@example.org") for r in people if r[3])
    assert any(r[4].endswith(" ") for r in people) and any("," in r[4] for r in people)


def test_invitations_bytes_and_notes(sample: dict[str, bytes]) -> None:
    data = sample["Invitations.csv"]
    assert data.endswith(b"\n") and not data.endswith(b"\n\n") and b"\r" not in data
    lines = data.decode("utf-8").split("\n")[1:-1]
    assert all(len(SENT_AT.findall(line)) == 1 for line in lines)  # Sent At is always quoted
    rows = _dicts(data)
    assert len(rows) == len(lines)
    assert {r["Direction"] for r in rows} == {"INCOMING", "OUTGOING"}
    urls = [r["inviterProfileUrl"] for r in rows] + [r["inviteeProfileUrl"] for r in rows]
    assert not any("%" in u for u in urls) and any(not u.isascii() for u in urls)  # raw Unicode
    notes = [r["Message"] for r in rows if r["Message"]]
    assert notes and max(len(n) for n in notes) <= 300
    assert not any("\n" in n for n in notes) and any("  " in n for n in notes)


def test_sample_exercises_the_product(sample: dict[str, bytes]) -> None:
    people, hidden = _connections(sample)
    assert len(people) >= 500  # the owner's network is in the "generous" band
    by_key = {_key(r[2], f"{r[0]} {r[1]}"): r for r in people}
    rows = _dicts(sample["Invitations.csv"])
    open_in, counts = [], {}
    for r in rows:
        incoming = r["Direction"] == "INCOMING"
        url, name = (r["inviterProfileUrl"], r["From"]) if incoming else (r["inviteeProfileUrl"], r["To"])
        match = by_key.get(_key(url, name))
        counts[r["Direction"], match is not None] = counts.get((r["Direction"], match is not None), 0) + 1
        if match is None:
            open_in += [r] if incoming else []
            continue
        sent = SENT_AT.fullmatch(f'"{r["Sent At"]}"')
        month, day, year = int(sent[1]), int(sent[2]), 2000 + int(sent[3])
        gap = (_day(match[6]) - _day(f"{day:02d} {list(MONTHS)[month - 1]} {year}")).days
        assert 0 <= gap <= 7  # accepted a few days after it was sent
    assert 40 <= len(open_in) <= 60  # the received queue
    assert min(counts.values()) >= 20 and len(counts) == 4  # accepted and open, both ways
    with_note = [r for r in open_in if r["Message"]]
    assert 10 <= len(with_note) <= len(open_in) - 10
    scam = re.compile(r"\b(kindly|crypto|whatsapp|investment|forex)\b", re.IGNORECASE)
    assert sum(1 for r in open_in if scam.search(r["Message"])) >= 2
    assert any(r["From"] == "" for r in open_in)
    senders = {_key(m["SENDER PROFILE URL"], m["FROM"]) for m in _dicts(sample["messages.csv"])}
    assert any(_key(r["inviterProfileUrl"], r["From"]) in senders for r in open_in)


def test_messages_cover_groups_inmail_folders_and_drafts(sample: dict[str, bytes]) -> None:
    data = sample["messages.csv"]
    header = data.split(b"\n", 1)[0].decode()
    assert header == ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
                      "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT")
    rows = _dicts(data)
    assert data.count(b"\n") == len(rows) + 1  # no field holds a newline
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r["DATE"]) for r in rows)
    groups = [r for r in rows if "," in r["RECIPIENT PROFILE URLS"]]
    assert groups and all(r["CONVERSATION TITLE"] for r in groups)
    inmail = [r for r in rows if r["CONTENT"].startswith("<p") and not r["SENDER PROFILE URL"]]
    assert inmail and all(r["SUBJECT"] for r in inmail)
    assert {r["FOLDER"] for r in rows} == {"INBOX", "ARCHIVE", "SPAM"}
    assert {r["IS MESSAGE DRAFT"] for r in rows} == {"Yes", "No"}
    owner = _dicts(sample["Profile.csv"])[0]
    owner_name = f"{owner['First Name']} {owner['Last Name']}"
    invitations = _dicts(sample["Invitations.csv"])
    owner_urls = {_key(r["inviterProfileUrl"], "") for r in invitations if r["Direction"] == "OUTGOING"}
    assert owner_urls == {_key(r["SENDER PROFILE URL"], "") for r in rows if r["FROM"] == owner_name}


def test_files_the_reader_must_ignore(sample: dict[str, bytes]) -> None:
    coach = sample["coach_messages.csv"]
    assert coach.split(b"\n", 1)[0] == sample["messages.csv"].split(b"\n", 1)[0]
    follows = sample["Company Follows.csv"]
    assert not follows.endswith(b"\n")
    assert all(re.fullmatch(r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}", r[1])
               for r in _rows(follows)[1:])


def test_hostile_and_unusual_strings_are_there_literally(sample: dict[str, bytes]) -> None:
    connections, invitations = sample["Connections.csv"], sample["Invitations.csv"]
    assert b",Acme [/] Corp," in connections and b",Head of Sales [EMEA]," in connections
    assert b'"Priya ""PJ""",' in connections and "🚀".encode() in connections
    assert b"[bold]Eve[/bold]" in invitations and b"[@click=app.quit]x" in invitations
    assert b"example.org" in connections and b"@" not in connections.replace(b"@example.org", b"")
