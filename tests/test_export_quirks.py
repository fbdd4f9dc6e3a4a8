"""Real exports as people have them: each quirk written byte for byte, checked where the user
sees it (the import report, `stats --json` against a count made with the csv module, the
Sent pane's data)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import pytest

from tests.export_fixtures import PREAMBLE, make_folder, make_zip, zip_bytes
from tui.__main__ import main
from tui.data.errors import ExportError
from tui.data.export import OUTLOOK, load_export
from tui.data.triage import received_queue, sent_queue

TODAY = dt.date(2024, 1, 10)
CONN_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def run_json(capsys, *argv: str) -> dict:
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def run_text(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def file_report(payload: dict, kind: str) -> dict:
    return next(f for f in payload["files"] if f["kind"] == kind)


# --- 1. invitations without a usable profile URL are matched by name ---------------------

URN_CONNECTIONS = PREAMBLE.encode() + CONN_HEADER + (
    "Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,,Atelier Nord,Designer,03 Jul 2023\n"
    "Léa,Martin,https://www.linkedin.com/in/lea-martin-a,,Banque Sud,Analyste,01 Jul 2023\n"
    "Léa,Martin,https://www.linkedin.com/in/lea-martin-b,,Hôpital Est,Infirmière,28 Jun 2023\n"
    "Zoé,Blanc,https://www.linkedin.com/in/zoe-blanc,,Atelier Nord,Chef de projet,20 Jun 2023\n"
    "Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah-77,,Nimbus Freight,CTO,02 Jun 2023"
).encode()
# July 2023: URN columns; names with double spaces, another case, decomposed accents.
URN_INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrn,inviteeProfileUrn\n"
    'Ana Quist,Marie  Dupont,"6/30/23, 9:02 AM",,OUTGOING,urn:li:member:610150649,urn:li:member:610150650\n'
    'Ana Quist,LÉA MARTIN,"6/29/23, 5:19 PM",,OUTGOING,urn:li:member:610150649,urn:li:member:610150651\n'
    'Ana Quist,Zoe\u0301 Blanc,"6/18/23, 11:47 PM",,OUTGOING,urn:li:member:610150649,urn:li:member:610150652\n'
    'Ana Quist,Nadia Ferreira,"6/15/23, 8:00 AM",,OUTGOING,urn:li:member:610150649,urn:li:member:610150653\n'
    'Kofi  Mensah,Ana Quist,"6/1/23, 7:30 AM",Hello Ana,INCOMING,urn:li:member:610150654,urn:li:member:610150649\n'
).encode()
BARE_INVITATIONS = URN_INVITATIONS.replace(b"inviterProfileUrn,inviteeProfileUrn", b"inviterProfileUrl,inviteeProfileUrl")
BARE_INVITATIONS = b"\n".join(
    line if i == 0 else b",".join(line.split(b",")[:-2] + [b"https://www.linkedin.com/in"] * 2) if line else line
    for i, line in enumerate(BARE_INVITATIONS.split(b"\n"))
)


def _csv_connected_count(connections: bytes, invitations: bytes, direction: str) -> int:
    """Invitations whose counterpart's name is a connection's name, counted with csv."""
    def norm(name: str) -> str:
        return " ".join(unicodedata.normalize("NFC", name).casefold().split())
    text = connections.decode()
    rows = list(csv.DictReader(io.StringIO(text[text.index("First Name,"):])))
    names = {norm(f"{r['First Name']} {r['Last Name']}") for r in rows}
    inv = [r for r in csv.DictReader(io.StringIO(invitations.decode())) if r["Direction"] == direction]
    other = "To" if direction == "OUTGOING" else "From"
    return sum(norm(r[other]) in names for r in inv)


@pytest.mark.parametrize("invitations", [URN_INVITATIONS, BARE_INVITATIONS], ids=["urn-2023-07", "bare-url-2023-12"])
def test_invitations_without_profile_urls_are_matched_by_name(tmp_path: Path, capsys, invitations: bytes) -> None:
    folder = make_folder(tmp_path / "Basic_LinkedInDataExport_07-04-2023", {
        "Connections.csv": URN_CONNECTIONS, "Invitations.csv": invitations})
    export = load_export(folder)
    inv = export.invitations
    assert inv.get_column("connected").to_list() == [True, True, True, False, True]
    assert inv.get_column("matched_by").to_list() == ["name", "name, ambiguous", "name", None, "name"]
    report = next(f for f in export.report.files if f.kind == "invitations")
    assert "4 invitations matched to connections by name (no profile URL to match on)" in report.repairs
    assert any(p.startswith("1 invitation matches a name that two or more connections share") for p in report.problems)
    # The Sent pane's data: three of four sent invitations were accepted.
    sent = sent_queue(export, None, None, TODAY)
    assert sorted(sent.filter("accepted").get_column("name").to_list()) == ["LÉA MARTIN", "Marie  Dupont", "Zoe\u0301 Blanc"]
    assert sent.filter(~sent["accepted"]).get_column("name").to_list() == ["Nadia Ferreira"]
    # A received invitation from an existing connection is no longer open.
    assert received_queue(export, None, None, TODAY).height == 0

    stats = run_json(capsys, "stats", str(folder))
    want_out = _csv_connected_count(URN_CONNECTIONS, invitations, "OUTGOING")
    want_in = _csv_connected_count(URN_CONNECTIONS, invitations, "INCOMING")
    assert stats["invitations"]["outgoing"] == {"total": 4, "connected": want_out, "open": 4 - want_out}
    assert stats["invitations"]["incoming"] == {"total": 1, "connected": want_in, "open": 1 - want_in}
    out = run_text(capsys, "import", str(folder))
    assert "Invitations.csv: 4 invitations matched to connections by name" in out
    assert "Invitations.csv: 1 invitation matches a name that two or more connections share" in out
    payload = run_json(capsys, "import", str(folder), "--yes")
    assert file_report(payload, "invitations")["figures"] == {"matched_by_name": 4, "ambiguous_names": 1}


async def test_sent_pane_shows_accepted_invitations_of_a_urn_export(tmp_path: Path, passerelle_home) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = make_folder(tmp_path / "Basic_LinkedInDataExport_07-04-2023", {
        "Connections.csv": URN_CONNECTIONS, "Invitations.csv": URN_INVITATIONS})
    context = build_context(folder, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        summary = str(app.query_one("#sent-summary").render())
        assert "3 accepted" in summary and "1 waiting" in summary
        # The export is months old: the start says so.
        assert any("answered since" in n.message for n in app._notifications)
    context.store.close()


# --- 2. placeholder cells (an R/pandas re-save) ---------------------------------------------

NA_CONNECTIONS = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,NA,NA,Designer,03 Jul 2023\n"
    b"Paul,Roux,https://www.linkedin.com/in/paul-roux,NA,Atelier Nord,NA,02 Jul 2023\n"
    b"Ines,Costa,https://www.linkedin.com/in/ines-costa,N/A,NULL,-,01 Jul 2023\n"
    b'Omar,Haddad,https://www.linkedin.com/in/omar-haddad,None,"""""",n/a,30 Jun 2023\n'
    b"Lina,Berg,https://www.linkedin.com/in/lina-berg,lina@example.org,Atelier Nord,CTO,29 Jun 2023\n"
)
NA_INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b'Ana Quist,Marie Dupont,"6/30/23, 9:02 AM",NA,OUTGOING,https://www.linkedin.com/in/ana-quist,https://www.linkedin.com/in/marie-dupont-1\n'
    b'Ana Quist,Paul Roux,"6/29/23, 9:02 AM",NA,OUTGOING,https://www.linkedin.com/in/ana-quist,NA\n'
    b'Ana Quist,Nadia Ferreira,"6/15/23, 8:00 AM",NA,OUTGOING,https://www.linkedin.com/in/ana-quist,NA\n'
)


def test_placeholder_cells_are_empty_in_every_column(tmp_path: Path, capsys) -> None:
    folder = make_folder(tmp_path / "export", {"Connections.csv": NA_CONNECTIONS, "Invitations.csv": NA_INVITATIONS})
    export = load_export(folder)
    conn = export.connections
    assert conn.get_column("email").to_list() == [None, None, None, None, "lina@example.org"]
    assert conn.get_column("company").to_list() == [None, "Atelier Nord", None, None, "Atelier Nord"]
    assert conn.get_column("position").to_list() == ["Designer", None, None, None, "CTO"]
    assert export.invitations.get_column("message").null_count() == 3
    placeholders = {"NA", "N/A", "n/a", "NULL", "None", "-", '""'}
    cells = sum(c in placeholders for r in csv.reader(io.StringIO(NA_CONNECTIONS.decode())) for c in r)
    report = export.report.files[0]
    assert f"{cells} placeholder cells (NA, N/A, NULL, None, -) read as empty" in report.repairs
    stats = run_json(capsys, "stats", str(folder))
    rows = list(csv.DictReader(io.StringIO(NA_CONNECTIONS.decode())))
    real = [r["Company"] for r in rows if r["Company"] not in ("NA", "NULL", '""')]
    assert stats["top_companies"] == [{"company": "Atelier Nord", "count": real.count("Atelier Nord"), "share": 0.4}]
    emails = sum("@" in r["Email Address"] for r in rows)
    assert stats["email_available"]["count"] == emails == 1
    # Paul was matched by name (his URL is NA): two of three sent invitations accepted.
    sent = sent_queue(export, None, None, TODAY)
    assert sent.get_column("accepted").sum() == 2
    payload = run_json(capsys, "import", str(folder))
    assert file_report(payload, "connections")["figures"]["placeholders_blanked"] == cells == 10


async def test_sent_pane_shows_accepted_invitations_of_an_na_resave(tmp_path: Path, passerelle_home) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = make_folder(tmp_path / "export", {"Connections.csv": NA_CONNECTIONS, "Invitations.csv": NA_INVITATIONS})
    context = build_context(folder, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        summary = str(app.query_one("#sent-summary").render())
        assert "2 accepted" in summary and "1 waiting" in summary
    context.store.close()


# --- 3. email cells that are not addresses --------------------------------------------------

def test_email_cells_that_are_not_addresses_are_not_emails(tmp_path: Path, capsys) -> None:
    data = PREAMBLE.encode() + CONN_HEADER + (
        b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,urn:li:member:610150650,,,03 Jul 2024\n"
        b"Paul,Roux,https://www.linkedin.com/in/paul-roux,paul.roux@example.fr,,,02 Jul 2024\n"
        b"Ines,Costa,https://www.linkedin.com/in/ines-costa,urn:li:member:610150651,,,01 Jul 2024"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    export = load_export(path)
    assert export.connections.get_column("email").to_list() == [None, "paul.roux@example.fr", None]
    assert "2 email cells that are not addresses left empty" in export.report.files[0].problems
    stats = run_json(capsys, "stats", str(path))
    text = data.decode()
    rows = list(csv.DictReader(io.StringIO(text[text.index("First Name,"):])))
    assert stats["email_available"]["count"] == sum(r["Email Address"].count("@") == 1 for r in rows) == 1


# --- 4. headers with the spaces removed --------------------------------------------------------

@pytest.mark.parametrize("header", [
    b"FirstName,LastName,EmailAddress,Company,Position,ConnectedOn",
    b"first_name,last_name,email_address,company,position,connected_on",
    b"FIRST-NAME,LAST-NAME,E-MAIL ADDRESS,COMPANY,POSITION,CONNECTED ON",
])
def test_headers_match_whatever_their_case_spaces_and_separators(tmp_path: Path, capsys, header: bytes) -> None:
    data = header + b"\r\n" + (
        b"Marie,Dupont,marie@example.org,Atelier Nord,Designer,03 Jul 2022\r\n"
        b"Paul,Roux,,Banque Sud,Analyste,02 Jun 2021\r\n"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    export = load_export(path)
    assert export.connections.get_column("connected_on").to_list() == [dt.date(2022, 7, 3), dt.date(2021, 6, 2)]
    assert export.connections.get_column("email").to_list() == ["marie@example.org", None]
    assert not [p for p in export.report.files[0].problems if "column missing" in p]
    stats = run_json(capsys, "stats", str(path))
    rows = list(csv.reader(io.StringIO(data.decode())))[1:]
    years = sorted({r[5][-4:] for r in rows})
    assert [str(y["year"]) for y in stats["per_year"]] == years
    assert stats["email_available"]["count"] == sum(bool(r[2]) for r in rows)


# --- 5. mixed encodings in one file --------------------------------------------------------------

def test_mixed_utf8_and_cp1252_lines_are_each_decoded_right(tmp_path: Path, capsys) -> None:
    header = b"First Name;Last Name;Email Address;Company;Position;Connected On\r\n"
    data = header + (
        "Søren;Bæk;;Grøn Energi;Udvikler;16.09.2021\r\n".encode("cp1252")
        + "Zoltán;Kovács;;Fényes Kft;Mérnök;15.09.2021\r\n".encode("utf-8")
        + "Åse;Dæhlin;;Ørsted;Chef – Salg;14.09.2021\r\n".encode("cp1252")
        + "Ana;Lind;;Acme;CTO;13.09.2021\r\n".encode("ascii")
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    export = load_export(path)
    names = export.connections.get_column("full_name").to_list()
    assert names == ["Søren Bæk", "Zoltán Kovács", "Åse Dæhlin", "Ana Lind"]
    report = export.report.files[0]
    assert report.encoding == "Windows-1252 and UTF-8"
    assert "mixed encodings: 1 line read as UTF-8, 2 as Windows-1252" in report.repairs
    stats = run_json(capsys, "stats", str(path))
    assert stats["connections"] == data.count(b"\r\n") - 1
    lines = data.split(b"\r\n")
    utf8 = sum(1 for line in lines if not line.isascii() and _decodes(line))
    legacy = sum(1 for line in lines if not _decodes(line))
    figures = file_report(run_json(capsys, "import", str(path)), "connections")["figures"]
    assert (figures["lines_utf8"], figures["lines_legacy"]) == (utf8, legacy) == (1, 2)


def _decodes(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# --- 6. LinkedIn's pre-2017 Outlook export -------------------------------------------------------

OUTLOOK_HEADER = (
    '"Title","First Name","Middle Name","Last Name","Suffix","E-mail Address","E-mail 2 Address",'
    '"E-mail 3 Address","Business Street","Business City","Business State","Business Postal Code",'
    '"Business Country","Company","Department","Job Title","Business Phone","Notes"'
)


def test_pre_2017_outlook_export_in_mac_roman(tmp_path: Path, capsys) -> None:
    rows = [
        '"","François","Marie","Lefèvre","","francois@example.fr","","","","","","","","Société Générale","","Directeur Général","",""',
        '"","Renée","","Çelik","","","","","","","","","","Café Noir","","Gérante","",""',
        '"","Jürgen","","Müller","","","","","","","","","","","","Ingénieur","",""',
    ]
    data = (OUTLOOK_HEADER + "\r" + "\r".join(rows) + "\r").encode("mac_roman")
    path = tmp_path / "LinkedIn Connections.csv"
    path.write_bytes(data)
    export = load_export(path)
    conn = export.connections
    assert conn.get_column("full_name").to_list() == ["François Marie Lefèvre", "Renée Çelik", "Jürgen Müller"]
    assert conn.get_column("position").to_list() == ["Directeur Général", "Gérante", "Ingénieur"]
    report = export.report.files[0]
    assert (report.vintage, report.encoding) == (OUTLOOK, "Mac Roman")
    stats = run_json(capsys, "stats", str(path))
    parsed = list(csv.DictReader(io.StringIO(data.decode("mac_roman"), newline="")))
    assert stats["connections"] == len(parsed) == 3
    assert stats["top_companies"][0]["company"] in {r["Company"] for r in parsed}
    out = run_text(capsys, "import", str(path))
    assert "LinkedIn Connections.csv: Outlook export (before 2017), Mac Roman" in out


# --- 7. an owner-added trailing column --------------------------------------------------------------

def test_rows_missing_an_owner_added_trailing_cell_are_kept_as_padded(tmp_path: Path, capsys) -> None:
    data = PREAMBLE.encode() + (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On,Location\n"
        b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,,Atelier Nord,Designer,03 Jul 2024,Lyon\n"
        b"Paul,Roux,https://www.linkedin.com/in/paul-roux,,Banque Sud,Analyste,02 Jul 2024\n"
        b"Ines,Costa,https://www.linkedin.com/in/ines-costa,,Banque Sud,CFO,01 Jul 2024\n"
        b"Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,Banque Sud,CTO\n"
    )
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    export = load_export(path)
    assert export.connections.height == 3
    report = export.report.files[0]
    assert [reason for _, reason in report.set_aside] == ["has 6 fields, expected 8"]
    assert "2 rows padded (trailing columns not read were missing)" in report.repairs
    stats = run_json(capsys, "stats", str(path))
    records = list(csv.reader(io.StringIO(data.decode())))[4:]
    assert stats["connections"] == sum(len(r) >= 7 for r in records) == 3
    payload = run_json(capsys, "import", str(path))
    assert file_report(payload, "connections")["figures"]["padded"] == 2


# --- 8. files recognised by their header, not their name ------------------------------------------

SMALL_CONNECTIONS = PREAMBLE.encode() + CONN_HEADER + b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,,,,03 Jul 2024"
SMALL_INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b'Ana Quist,Marie Dupont,"6/30/24, 9:02 AM",,OUTGOING,https://www.linkedin.com/in/ana-quist,https://www.linkedin.com/in/marie-dupont-1\n'
)


@pytest.mark.parametrize("names", [("connection.csv", "prova.csv"), ("Connections copy.csv", "Invitations (1).csv")])
def test_renamed_files_are_recognised_by_their_header(tmp_path: Path, names, capsys) -> None:
    folder = make_folder(tmp_path / "export", {
        names[0]: SMALL_CONNECTIONS, names[1]: SMALL_INVITATIONS,
        "Messaages.csv": b"CONVERSATION ID,FROM,DATE,CONTENT\n2-AA,Marie Dupont,2024-07-01 10:00:00 UTC,Hi\n",
        "notes.csv": b"whatever,this,is\n1,2,3\n",
    })
    export = load_export(folder)
    assert export.connections.height == 1 and export.messages.height == 1
    assert export.invitations.get_column("connected").to_list() == [True]
    stats = run_json(capsys, "stats", str(folder))
    assert stats["invitations"]["outgoing"]["connected"] == 1


def test_renamed_files_in_a_zip_are_recognised_and_other_linkedin_files_are_not(tmp_path: Path) -> None:
    contacts = b"Source,FirstName,LastName,Companies,Title,Emails,PhoneNumbers,CreatedAt\nGoogle,Ada,Byron,,,,,\"3/1/17, 5:25 AM\"\n"
    archive = make_zip(tmp_path / "Basic_LinkedInDataExport_07-04-2024.zip", {
        "Basic/connessioni.csv": SMALL_CONNECTIONS, "Basic/Contacts.csv": contacts,
        "Basic/address book.csv": contacts, "Basic/coach_messages.csv": b"FROM,DATE,CONTENT\nCoach,2024-07-01 10:00:00 UTC,Hi\n",
    })
    export = load_export(archive)
    assert export.connections.get_column("full_name").to_list() == ["Marie Dupont"]
    assert export.messages.height == 0
    assert [f.name for f in export.report.files] == ["Basic/connessioni.csv"]


def test_two_files_of_one_kind_stop_with_one_line_naming_both(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "export", {"Connections.csv": SMALL_CONNECTIONS, "Connections copy.csv": SMALL_CONNECTIONS})
    with pytest.raises(ExportError) as raised:
        load_export(folder)
    message = str(raised.value)
    assert "\n" not in message and "Connections.csv" in message and "Connections copy.csv" in message
    archive = make_zip(tmp_path / "export.zip", {"Connections.csv": SMALL_CONNECTIONS, "old/connection.csv": SMALL_CONNECTIONS})
    with pytest.raises(ExportError, match="Connections.csv and old/connection.csv"):
        load_export(archive)


def test_a_workbook_where_a_csv_is_expected_says_save_it_as_csv(tmp_path: Path, capsys) -> None:
    folder = make_folder(tmp_path / "export", {"Connections.xlsx": b"PK\x03\x04workbook", "Invitations.csv": SMALL_INVITATIONS})
    assert main(["stats", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Connections.xlsx" in err and "save it as CSV first" in err
    workbook = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    for name in ("Connections.xlsx", "Connections.csv"):  # a workbook given as the export
        with pytest.raises(ExportError, match="save it as CSV first"):
            load_export(make_zip(tmp_path / name, workbook))
    archive = make_zip(tmp_path / "Basic_LinkedInDataExport_07-04-2024.zip", {"Connections.xlsx": zip_bytes(workbook)})
    with pytest.raises(ExportError, match="Connections.xlsx: is an Excel workbook"):
        load_export(archive)


# --- 9. the vintage label from all the evidence ----------------------------------------------------

@pytest.mark.parametrize(("data", "label"), [
    (b"First Name,Last Name,Email Address,Company,Position,Connected On\nMarie,Dupont,,,,03 Mar 2021", "2019–2023 (no URL column, preamble removed)"),
    (PREAMBLE.encode() + b"First Name,Last Name,Email Address,Company,Position,Connected On\nMarie,Dupont,,,,03 Mar 2021", "2019–2023 (no URL column)"),
    (b'First Name,Last Name,Email Address,Company,Position,Connected On\nMarie,Dupont,m@example.org,,,"1/8/18, 6:14 PM"', "≤2018 (no preamble, month/day/year dates)"),
    (b"First Name,Last Name,Email Address,Company,Position,Connected On\r\nMarie,Dupont,,,,9-Sep-22\r\n", "2019–2023 (no URL column, preamble removed), re-saved by a spreadsheet"),
    (b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nMarie,Dupont,https://www.linkedin.com/in/md,,,,03 Mar 2025", "2023-07+ (URL column, preamble removed)"),
])
def test_vintage_label_uses_columns_preamble_date_style_and_newest_date(tmp_path: Path, capsys, data: bytes, label: str) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(data)
    assert load_export(path).report.files[0].vintage == label
    assert file_report(run_json(capsys, "import", str(path)), "connections")["vintage"] == label


# --- 10. the export's age --------------------------------------------------------------------------------

def test_stats_says_how_old_the_export_is(tmp_path: Path, capsys) -> None:
    folder = make_folder(tmp_path / "Basic_LinkedInDataExport_03-01-2024", {"Connections.csv": SMALL_CONNECTIONS})
    stats = run_json(capsys, "stats", str(folder))
    days = (dt.date.today() - dt.date(2024, 3, 1)).days
    assert stats["export_age"]["days"] == days and stats["export_age"]["old"] is True
    out = run_text(capsys, "stats", str(folder))
    assert "Export of 2024-03-01:" in out and "invitations may have been answered since" in out


def test_a_damaged_file_passerelle_does_not_read_does_not_stop_the_import(tmp_path: Path) -> None:
    import zipfile

    path = make_zip(tmp_path / "export.zip", {"Connections.csv": SMALL_CONNECTIONS, "prova.csv": b"a,b,c\n" * 2000})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("prova.csv")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode())
    data[start + 10:start + 30] = b"\xff" * 20  # the deflate stream no longer decodes
    path.write_bytes(bytes(data))
    assert load_export(path).connections.height == 1


def test_old_files_without_urls_flag_names_two_connections_share(tmp_path: Path) -> None:
    connections = PREAMBLE.encode() + (
        b"First Name,Last Name,Email Address,Company,Position,Connected On\n"
        b"Sam,Lee,,Acme,CTO,03 Mar 2021\nSam,Lee,,Globex,CFO,02 Mar 2021\nAna,Lind,,Acme,CEO,01 Mar 2021"
    )
    invitations = (
        b"From,To,Sent At,Message,Direction\n"
        b'Ana Quist,Sam Lee,"2/1/21, 9:02 AM",,OUTGOING\n'
        b'Ana Quist,Ana  Lind,"2/1/21, 9:05 AM",,OUTGOING\n'
    )
    export = load_export(make_folder(tmp_path / "export", {"Connections.csv": connections, "Invitations.csv": invitations}))
    assert export.invitations.get_column("matched_by").to_list() == ["name, ambiguous", "name"]
    assert export.invitations.get_column("connected").to_list() == [True, True]
