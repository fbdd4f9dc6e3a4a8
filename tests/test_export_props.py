"""Property: whatever bytes arrive, load_export returns an Export or raises ExportError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export_fixtures import (
    connections_bytes, invitations_bytes, messages_bytes, profile_bytes, sample_members, zip_bytes,
)
from tui.core.errors import ExportError
from tui.export.reader import CONNECTIONS_SCHEMA, INVITATIONS_SCHEMA, MESSAGES_SCHEMA, Export, load_export

VALID = [connections_bytes(), connections_bytes(preamble=False, url=False), invitations_bytes(),
         messages_bytes(), profile_bytes()]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: bytes, name: str = "Connections.csv") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            export = load_export(path, max_bytes=1 << 20)
        except ExportError as exc:
            assert "\n" not in str(exc) and "\x1b" not in str(exc) and "\x9b" not in str(exc)
            return
        assert isinstance(export, Export)
        assert export.connections.schema == CONNECTIONS_SCHEMA
        assert export.invitations.schema == INVITATIONS_SCHEMA
        assert export.messages.schema == MESSAGES_SCHEMA


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, delete, insert in edits:
        at = position % (len(out) + 1)
        out[at : at + delete] = insert
    return bytes(out)


edit = st.tuples(
    st.integers(0, 10_000), st.integers(0, 4),
    st.sampled_from([b"", b'"', b",", b";", b"\n", b"\r", b"\x00", b"\xff", b"\xc3", b"%", b"\t",
                     b'""', b"\xef\xbb\xbf", b"PK\x03\x04", b"First Name,Last Name\n", b"\xe2\x80\xae",
                     # control, C1 (CSI/OSC without ESC), isolate and zero-width characters
                     b"\x1b]52;c;eA==\x07", b"\x1b[2J", b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x81\xa6", b"\xe2\x80\x8b"]),
)


@SETTINGS
@given(base=st.sampled_from(VALID), edits=st.lists(edit, max_size=6))
def test_mutated_csv_never_raises_anything_else(base: bytes, edits) -> None:
    check(mutate(base, edits))


@SETTINGS
@given(data=st.binary(max_size=600))
def test_random_bytes_never_raise_anything_else(data: bytes) -> None:
    check(data, "export.csv")


@SETTINGS
@given(
    text=st.lists(st.sampled_from(list('ab ,;"\n\r\t%é') + ["First Name", "Last Name", "From", "To", "Sent At"]), max_size=60).map("".join),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]),
)
def test_random_text_in_any_encoding(text: str, encoding: str) -> None:
    check(text.encode(encoding, errors="replace"))


ZIP = zip_bytes(sample_members())


@SETTINGS
@given(edits=st.lists(edit, min_size=1, max_size=4))
def test_mutated_zip_never_raises_anything_else(edits) -> None:
    check(mutate(ZIP, edits), "Basic_LinkedInDataExport_05-12-2026.zip.zip")


@SETTINGS
@given(member=st.sampled_from(["Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv"]),
       edits=st.lists(edit, max_size=5))
def test_zip_with_mutated_member(member: str, edits) -> None:
    members = sample_members()
    members[member] = mutate(members[member], edits)
    check(zip_bytes(members), "export.zip")


_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


@st.composite
def respelled(draw, header: str) -> str:
    """`header` as a spreadsheet or a hand edit may spell it: any case, any word separator."""
    words = header.split(" ")
    separator = draw(st.sampled_from(["", " ", "_", "-", "  ", " _"]))
    case = draw(st.sampled_from([str.lower, str.upper, str.title, str]))
    return draw(st.sampled_from(["", " "])) + case(separator.join(words)) + draw(st.sampled_from(["", " "]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(*(respelled(h) for h in _HEADER)))
def test_every_column_is_found_whatever_the_header_spelling(header: tuple[str, ...]) -> None:
    data = (",".join(header) + "\n" + "Mira,Okonkwo,https://www.linkedin.com/in/mira-o,mira@example.org,"
            "Hollowbrook,Data Engineer,05 Nov 2025\n").encode()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Connections.csv"
        path.write_bytes(data)
        export = load_export(path)
    row = export.connections.row(0, named=True)
    assert (row["url"], row["email"], row["company"], row["position"], str(row["connected_on"])) == (
        "https://www.linkedin.com/in/mira-o", "mira@example.org", "Hollowbrook", "Data Engineer", "2025-11-05")
    assert not export.report.files[0].problems
