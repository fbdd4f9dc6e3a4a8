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

from tests.export_fixtures import PREAMBLE, make_folder
from tui.cli.main import main
from tui.export.reader import load_export
from tui.triage.queue_frames import received_queue, sent_queue

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
    path.write_bytes(data.replace(b"urn:li:member:610150651", b"ines@example.pt"))
    assert "1 email cell that is not an address left empty" in run_text(capsys, "import", str(path))


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
    # A note for the person on the UTF-8 line: found without accents, named with them.
    note = run_json(capsys, "compose", "Keep in touch (en)", "--to", "zoltan kovacs", "--source", str(path))
    assert note["text"].startswith("Hello Zoltán,")


def _decodes(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
