"""The export reader on every real-world quirk, with files the tests write byte-exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from export_fixtures import (
    CONNECTIONS_HEADER, IN, INVITATIONS_HEADER_5, INVITATIONS_HEADER_URN, MESSAGES_HEADER, PREAMBLE,
    SAMPLE_CONNECTIONS, connections_bytes, csv_text, invitations_bytes, make_folder,
    make_zip, messages_bytes, sample_members, write_connections, write_invitations,
    write_sample_export,
)
from tui.export.reader import (
    CONNECTIONS_SCHEMA, INVITATIONS_SCHEMA, MESSAGES_SCHEMA, load_export,
)


def names(frame: pl.DataFrame) -> list[str]:
    return frame.get_column("full_name").to_list()


def test_current_zip_reads_people_hidden_rows_and_report(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "Basic_LinkedInDataExport_11-24-2025.zip.zip"))
    assert names(export.connections) == ["Mira Okonkwo-Vale", "Tomás Ferreira", 'Priya "PJ" Halvorsen 🚀']
    assert export.connections.schema == CONNECTIONS_SCHEMA
    assert export.connections.get_column("company").to_list()[:2] == ["Hollowbrook Analytics", "Quillon Labs, Inc."]
    assert export.hidden.get_column("connected_on").to_list() == [dt.date(2025, 9, 14)]
    assert export.exported_on == dt.date(2025, 11, 24)
    report = export.report.to_dict()
    conn = next(f for f in report["files"] if f["kind"] == "connections")
    assert (conn["rows"], conn["kept"], conn["set_aside"], conn["date_failures"]) == (4, 4, [], 0)
    assert conn["vintage"].startswith("2023-07+")
    assert {f["kind"] for f in report["files"]} == {"connections", "invitations", "messages", "profile"}


def test_percent_encoded_slug_matches_raw_unicode_invitation(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "export.zip"))
    inv = export.invitations
    assert inv.schema == INVITATIONS_SCHEMA
    row = inv.filter(pl.col("counterpart_name") == "Tomás Ferreira").row(0, named=True)
    assert row["connected"] is True and row["connected_on"] == dt.date(2025, 10, 28)
    open_rows = inv.filter(~pl.col("connected")).get_column("counterpart_name").to_list()
    assert open_rows == ["Leo Marchetti", "Kofi Mensah"]
    assert inv.get_column("line").to_list() == [2, 3, 4, 5]
    assert inv.get_column("sent_at").to_list()[0] == dt.datetime(2025, 11, 21, 17, 19)


def test_owner_comes_from_profile_and_sets_message_direction(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "export.zip"))
    assert export.owner is not None
    assert (export.owner.full_name, export.owner.key, export.owner.headline) == (
        "Ana Quist", "in:ana-quist", "Data person | Lisbon")
    msgs = export.messages
    assert msgs.schema == MESSAGES_SCHEMA
    assert msgs.get_column("direction").to_list() == ["INCOMING", "OUTGOING", "INCOMING", "OUTGOING"]
    assert msgs.get_column("is_draft").to_list() == [False, False, False, True]
    group = msgs.row(1, named=True)
    assert group["to_names"] == "Kofi Mensah,Mira Okonkwo-Vale"
    assert group["recipient_keys"] == ["in:kofi-mensah-77", "in:mira-okonkwo-vale-0a1b2c3"]
    assert msgs.row(2, named=True)["content"].startswith('<p class="spinmail')


def test_owner_without_profile_comes_from_outgoing_invitations(tmp_path: Path) -> None:
    export = load_export(make_zip(tmp_path / "e.zip", sample_members(profile=False)))
    assert export.owner is not None and export.owner.url == IN + "ana-quist"
    assert export.owner.full_name == "Ana Quist"


def test_coach_messages_are_not_merged_into_messages(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "e.zip"))
    assert "AI reply" not in export.messages.get_column("content").to_list()
    assert export.messages.height == 4


def test_ai_messages_file_alone_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coach_messages.csv"
    path.write_bytes(sample_members()["coach_messages.csv"])
    with pytest.raises(Exception, match="AI assistant"):
        load_export(path)


def test_2018_variant_without_preamble_url_and_with_legacy_dates(tmp_path: Path) -> None:
    rows = [["Mira", "Okonkwo-Vale", "", "mira@example.org", "Hollowbrook Analytics", "Data Engineer", "1/8/18, 6:14 PM"]]
    path = write_connections(tmp_path / "Connections.csv", rows, preamble=False, url=False)
    export = load_export(path)
    row = export.connections.row(0, named=True)
    assert (row["connected_on"], row["url"], row["key"]) == (dt.date(2018, 1, 8), None, "name:mira okonkwo-vale")
    assert export.report.files[0].vintage.startswith("≤2018")


def test_excel_resave_semicolons_cp1252_and_european_dates(tmp_path: Path) -> None:
    header = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected on"]
    rows = [["José", "Müller", "", "Fabrik €", "Chef – Vertrieb", "16.09.2021"],
            ["Ana", "Lind", "", "A; B", "CTO", "9-Sep-22"]]
    path = tmp_path / "Connections.csv"
    path.write_bytes(csv_text(header, rows, delimiter=";").replace("\n", "\r\n").encode("cp1252"))
    export = load_export(path)
    assert names(export.connections) == ["José Müller", "Ana Lind"]
    assert export.connections.get_column("company").to_list() == ["Fabrik €", "A; B"]
    assert export.connections.get_column("connected_on").to_list() == [dt.date(2021, 9, 16), dt.date(2022, 9, 9)]
    report = export.report.files[0]
    assert report.encoding == "Windows-1252"
    assert any("Windows-1252" in r for r in report.repairs)
    assert any("semicolon" in r for r in report.repairs)


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\xef\xbb\xbf" + connections_bytes())
    export = load_export(path)
    assert export.connections.height == 3
    assert export.report.files[0].encoding == "UTF-8 with BOM"


def test_utf16_tab_separated_excel_unicode_text(tmp_path: Path) -> None:
    text = csv_text(CONNECTIONS_HEADER, SAMPLE_CONNECTIONS, delimiter="\t").replace("\n", "\r\n")
    path = tmp_path / "Connections.csv"
    path.write_bytes(text.encode("utf-16"))  # BOM FF FE + UTF-16 LE
    export = load_export(path)
    assert names(export.connections)[1] == "Tomás Ferreira"
    assert export.hidden.height == 1
    assert export.report.files[0].encoding == "UTF-16"


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_line_endings_give_the_same_rows(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes().replace(b"\n", ending.encode()))
    export = load_export(path)
    assert names(export.connections) == ["Mira Okonkwo-Vale", "Tomás Ferreira", 'Priya "PJ" Halvorsen 🚀']
    assert export.hidden.height == 1
    if ending == "\r":
        assert any("CR line endings" in r for r in export.report.files[0].repairs)


def test_trailing_newline_and_blank_line_at_end_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes(trailing_newline=True) + b"\n")
    assert load_export(path).connections.height == 3


@pytest.mark.parametrize("preamble_lines", [0, 2, 3, 5])
def test_header_found_after_any_preamble(tmp_path: Path, preamble_lines: int) -> None:
    preamble = "".join(f"Notes line {i},,,,,\n" for i in range(preamble_lines))
    path = tmp_path / "Connections.csv"
    path.write_bytes(preamble.encode() + connections_bytes(preamble=False))
    assert load_export(path).connections.height == 3


@pytest.mark.parametrize(
    ("header", "inviter", "expected_vintage"),
    [
        (INVITATIONS_HEADER_5, None, "≤2022"),
        (INVITATIONS_HEADER_URN, "urn:li:member:123456789", "≈2023-07"),
        (None, "https://www.linkedin.com/in", "≈2023-12"),
    ],
)
def test_invitation_variants_fall_back_to_names(tmp_path: Path, header, inviter, expected_vintage) -> None:
    rows = [["Ana Quist", "Tomás Ferreira", "11/3/25, 9:02 AM", "", "OUTGOING", inviter, inviter],
            ["Kofi Mensah", "Ana Quist", "10/14/25, 11:47 PM", "Hi, Ana", "INCOMING", inviter, inviter]]
    folder = make_folder(tmp_path / "Complete_LinkedInDataExport_01-02-2024.zip", {
        "Connections.csv": connections_bytes(url=False),
        "Invitations.csv": invitations_bytes(rows, header=header),
    })
    export = load_export(folder)
    inv = export.invitations
    assert inv.get_column("inviter_url").null_count() == 2
    assert inv.get_column("connected").to_list() == [True, False]
    assert inv.get_column("key").to_list() == ["name:tomás ferreira", "name:kofi mensah"]
    assert export.report.files[1].vintage.startswith(expected_vintage)
    assert export.exported_on == dt.date(2024, 1, 2)
    assert inv.get_column("search").to_list()[1] == "kofi mensah hi, ana"


def test_members_found_anywhere_case_insensitive_and_shallowest_wins(tmp_path: Path) -> None:
    members = {
        "__MACOSX/._Connections.csv": b"\x00\x05\x16\x07binary",
        "Export/CONNECTIONS.CSV": connections_bytes(),
        "Export/old/Connections.csv": connections_bytes([["X", "Y", "", "", "", "", "01 Jan 2020"]]),
        "Export/._Invitations.csv": b"\x00\x05\x16\x07",
    }
    export = load_export(make_zip(tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip (1).zip", members))
    assert export.connections.height == 3
    assert export.invitations.height == 0 and export.invitations.schema == INVITATIONS_SCHEMA
    assert any("Invitations" in p for p in export.report.problems)


def test_single_invitations_csv_is_detected_by_header(tmp_path: Path) -> None:
    export = load_export(write_invitations(tmp_path / "whatever.txt"))
    assert export.invitations.height == 4 and export.connections.height == 0
    assert export.invitations.get_column("connected").to_list() == [False] * 4


def test_dates_that_do_not_parse_are_counted_not_fatal(tmp_path: Path) -> None:
    rows = [["A", "B", IN + "ab", "", "", "", "someday"], ["C", "D", IN + "cd", "", "", "", "05 Nov 2025"]]
    export = load_export(write_connections(tmp_path / "Connections.csv", rows))
    assert export.connections.get_column("connected_on").to_list() == [None, dt.date(2025, 11, 5)]
    assert export.report.files[0].date_failures == 1


def test_ragged_rows_are_set_aside_with_line_numbers(tmp_path: Path) -> None:
    text = (PREAMBLE + ",".join(CONNECTIONS_HEADER) + "\n"
            + "Mira,Vale,,,Acme,Dev,05 Nov 2025\n"
            + "Too,Few,fields\n"
            + "Too,Many,,,,,,05 Nov 2025,extra\n"
            + "Tom,Fer,,,Acme,PM,04 Nov 2025")
    path = tmp_path / "Connections.csv"
    path.write_text(text, encoding="utf-8")
    export = load_export(path)
    assert names(export.connections) == ["Mira Vale", "Tom Fer"]
    report = export.report.files[0]
    assert report.set_aside == ((6, "has 3 fields, expected 7"), (7, "has 9 fields, expected 7"))
    assert (report.rows, report.kept) == (4, 2)
    assert "Too" not in str(export.report.to_dict())


def test_quoted_newlines_in_messages_keep_line_numbers_right(tmp_path: Path) -> None:
    rows = [["2-a", "", "Leo", IN + "leo", "Ana Quist", IN + "ana-quist", "2025-11-22 09:14:03 UTC", "", "line one\nline two", "INBOX", "", "No"],
            ["2-b", "", "Leo", IN + "leo", "Ana Quist", IN + "ana-quist", "2025-11-23 09:14:03 UTC", "", "hi", "INBOX", "", "No"]]
    path = tmp_path / "messages.csv"
    path.write_bytes(messages_bytes(rows))
    export = load_export(path)
    assert export.messages.get_column("content").to_list() == ["line one\nline two", "hi"]
    assert export.owner is None and export.messages.get_column("direction").to_list() == ["INCOMING"] * 2


def test_content_hash_is_stable_and_changes_with_content(tmp_path: Path) -> None:
    a = load_export(write_sample_export(tmp_path / "a.zip"))
    folder = make_folder(tmp_path / "unpacked", sample_members())
    b = load_export(folder)
    assert a.content_hash == b.content_hash
    members = sample_members()
    members["Connections.csv"] = connections_bytes(SAMPLE_CONNECTIONS[:2])
    c = load_export(make_zip(tmp_path / "c.zip", members))
    assert c.content_hash != a.content_hash


def test_exported_on_falls_back_to_newest_date(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "export.zip"))
    assert export.exported_on == dt.date(2025, 11, 23)


def test_spanish_excel_dates_and_bare_quotes_inside_fields(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
                     b'Dwayne,Do "The Rock" J,,Gym,Coach,12-may-12')
    export = load_export(path)
    row = export.connections.row(0, named=True)
    assert row["connected_on"] == dt.date(2012, 5, 12)
    assert row["last_name"] == 'Do "The Rock" J'


def test_rows_of_only_commas_are_skipped_not_counted(tmp_path: Path) -> None:
    rows = [["A", "B", IN + "ab", "", "", "", "05 Nov 2025"], ["", "", "", "", "", "", ""],
            ["C", "D", IN + "cd", "", "", "", "04 Nov 2025"]]
    export = load_export(write_connections(tmp_path / "Connections.csv", rows))
    assert names(export.connections) == ["A B", "C D"]
    assert export.hidden.height == 0
    assert export.connections.height == 2


def test_recipients_without_profile_urls_are_keyed_by_name(tmp_path: Path) -> None:
    """Exports before 2023-04 have no RECIPIENT PROFILE URLS: who was written to comes from TO
    (the "messaged before" signal); in a newer file, a row whose URLs are blank does the same."""
    old_header = [c for c in MESSAGES_HEADER if c not in ("RECIPIENT PROFILE URLS", "ATTACHMENTS", "IS MESSAGE DRAFT")]
    old = messages_bytes([["2-a", "", "Ana Quist", IN + "ana-quist", "Kofi  Mensah", "2022-03-01 10:00:00 UTC",
                           "", "Hello", "INBOX"]], header=old_header)
    export = load_export(make_zip(tmp_path / "old.zip", sample_members() | {"messages.csv": old}))
    assert export.messages.get_column("recipient_keys").to_list() == [["name:kofi mensah"]]
    mixed = messages_bytes([
        ["2-b", "", "Ana Quist", IN + "ana-quist", "Kofi Mensah", IN + "kofi-mensah-77", "2025-11-01 10:00:00 UTC",
         "", "Hi", "INBOX", "", "No"],
        ["2-c", "", "Ana Quist", IN + "ana-quist", "Léa Roux", "", "2025-11-02 10:00:00 UTC", "", "Hi", "INBOX", "", "No"],
        ["2-d", "", "Ana Quist", IN + "ana-quist", "", "", "2025-11-03 10:00:00 UTC", "", "Hi", "INBOX", "", "No"],
    ])
    export = load_export(make_zip(tmp_path / "mixed.zip", sample_members() | {"messages.csv": mixed}))
    assert export.messages.get_column("recipient_keys").to_list() == [["in:kofi-mensah-77"], ["name:léa roux"], []]
    assert export.messages.schema == MESSAGES_SCHEMA
