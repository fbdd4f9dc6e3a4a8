"""Real exports as people have them, continued: the Outlook file, added columns, renamed and
duplicated files, workbooks, the vintage label and the export's age."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from tests.export_fixtures import PREAMBLE, make_folder, make_zip, zip_bytes
from tests.test_export_quirks import CONN_HEADER, file_report, run_json, run_text
from tui.cli.main import main
from tui.core.errors import ExportError
from tui.export.reader import OUTLOOK, load_export


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
    assert "Undated export imported as import #1: 3 connections" in out  # the Outlook file holds no date
    assert "Export non daté déjà importé" in run_text(capsys, "--lang", "fr", "import", str(path))


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
    connected = {" ".join(r[:2]) for r in csv.reader(io.StringIO(SMALL_CONNECTIONS.decode()[len(PREAMBLE):]))}
    sent = list(csv.DictReader(io.StringIO(SMALL_INVITATIONS.decode())))
    assert stats["connections"] == len(connected) - 1  # the header row
    assert stats["invitations"]["outgoing"]["connected"] == sum(r["To"] in connected for r in sent) == 1


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
    text = data.decode()
    rows = list(csv.DictReader(io.StringIO(text[text.index("First Name,"):])))
    assert run_json(capsys, "stats", str(path))["connections"] == len(rows) == 1


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


async def test_every_start_on_an_imported_old_export_says_how_old_it_is(tmp_path: Path, passerelle_home, capsys) -> None:
    """After `passerelle import`, a start shows the stored rows without reading the export: it says its age too."""
    from tui.run import open_app

    folder = make_folder(tmp_path / "Basic_LinkedInDataExport_03-01-2024", {
        "Connections.csv": SMALL_CONNECTIONS, "Invitations.csv": SMALL_INVITATIONS})
    assert main(["import", str(folder), "--yes"]) == 0
    app = open_app(None, passerelle_home)
    assert app.context.export is None  # the stored rows, the export itself not read
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any(m.startswith("This export is from") and "answered since" in m for m in said)
        await pilot.press("3")  # the network pane reads the export: its age is not said twice
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.context.export is not None
        said = [n.message for n in app._notifications]
        assert sum(m.startswith("This export is from") for m in said) == 1
    app.context.store.close()


def test_an_old_exports_next_band_date_is_said_as_past(tmp_path: Path, capsys) -> None:
    """Ninety connections in the export's last 90 days: 100 came ten days after it, long ago."""
    start = dt.date(2023, 12, 2)
    rows = b"\n".join(f"P{i},Q,,,,,{(start + dt.timedelta(days=i)):%d %b %Y}".encode() for i in range(90))
    folder = make_folder(tmp_path / "Basic_LinkedInDataExport_03-01-2024", {"Connections.csv": PREAMBLE.encode() + CONN_HEADER + rows})
    stats = run_json(capsys, "stats", str(folder))
    assert dt.date.fromisoformat(stats["next_threshold"]["eta"]) < dt.date.today()
    out = run_text(capsys, "stats", str(folder))
    assert "a date now past, a newer export will tell" in out and "at this pace by" not in out


def test_the_network_pane_says_an_old_exports_next_band_date_is_past() -> None:
    from tui.ui.panes.network_words import next_line

    figures = {"next_threshold": {"band": "selective", "at": 100, "missing": 10, "eta": "2024-03-11"},
               "pace": {"days": 90, "connections": 90, "per_week": 7.0}}
    assert "a date now past" in next_line(figures)
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    assert "a date now past" not in next_line({**figures, "next_threshold": {**figures["next_threshold"], "eta": soon}})
