"""The quirks of real exports, seen where the user looks: the Network pane's tables and people,
the Sent pane's summary (the fixtures are the byte-for-byte ones of the quirk tests)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.export_fixtures import PREAMBLE, make_folder
from tests.test_export_quirks import CONN_HEADER
from tests.test_export_vintages import OUTLOOK_HEADER, SMALL_CONNECTIONS, SMALL_INVITATIONS
from tui.ui.widgets.frame_table import FrameTable

EMAIL_URNS = PREAMBLE.encode() + CONN_HEADER + (
    b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,urn:li:member:610150650,Atelier Nord,Designer,03 Jul 2024\n"
    b"Paul,Roux,https://www.linkedin.com/in/paul-roux,paul.roux@example.fr,Atelier Nord,CTO,02 Jul 2024\n"
    b"Ines,Costa,https://www.linkedin.com/in/ines-costa,urn:li:member:610150651,Banque Sud,CFO,01 Jul 2024"
)
NO_SPACES = (b"FirstName,LastName,EmailAddress,Company,Position,ConnectedOn\r\n"
             b"Marie,Dupont,marie@example.org,Atelier Nord,Designer,03 Jul 2022\r\n"
             b"Paul,Roux,,Banque Sud,Analyste,02 Jun 2021\r\n")
MIXED = (b"First Name;Last Name;Email Address;Company;Position;Connected On\r\n"
         + "Søren;Bæk;;Grøn Energi;Udvikler;16.09.2021\r\n".encode("cp1252")
         + "Zoltán;Kovács;;Fényes Kft;Mérnök;15.09.2021\r\n".encode("utf-8"))
OUTLOOK = (OUTLOOK_HEADER + "\r" + '"","François","Marie","Lefèvre","","","","","","","","","","Société Générale","","Directeur Général","",""' + "\r").encode("mac_roman")
TRAILING = PREAMBLE.encode() + (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On,Location\n"
    b"Marie,Dupont,https://www.linkedin.com/in/marie-dupont-1,,Atelier Nord,Designer,03 Jul 2024,Lyon\n"
    b"Paul,Roux,https://www.linkedin.com/in/paul-roux,,Banque Sud,Analyste,02 Jul 2024\n"
)


async def _network(app, pilot, title: str) -> FrameTable:
    """The Network pane with the table called `title` shown (t cycles the tables)."""
    await pilot.press("3")
    await app.workers.wait_for_complete()
    await pilot.pause()
    for _ in range(12):
        if str(app.query_one("#network-table-title").content).startswith(title):
            break
        await pilot.press("t")
    assert str(app.query_one("#network-table-title").content).startswith(title)
    return app.query_one("#network-composition", FrameTable)


async def _people(app, pilot, table: FrameTable, label: str) -> list[dict]:
    """The people table after enter on the row labelled `label`."""
    table.focus()
    labels = table.frame["label"].to_list()
    for _ in range(labels.index(label)):
        await pilot.press("down")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.query_one("#network-people", FrameTable).frame.to_dicts()


@pytest.mark.parametrize(("name", "data", "table", "label", "want"), [
    # 3. urn:li:member in email cells: only the real address counts on "Email available".
    ("Connections.csv", EMAIL_URNS, "Email available", "with email", ["Paul Roux"]),
    # 4. headers without spaces: the dates are read, so "Year connected" has both years.
    ("Connections.csv", NO_SPACES, "Year connected", "2021", ["Paul Roux"]),
    # 5. a UTF-8 line in a Windows-1252 file: the name reads right.
    ("Connections.csv", MIXED, "Year connected", "2021", ["Søren Bæk", "Zoltán Kovács"]),
    # 6. the Outlook file: Job Title is the position, Middle Name is in the name.
    ("LinkedIn Connections.csv", OUTLOOK, "Top companies", "Société Générale", ["François Marie Lefèvre"]),
    # 7. a row short of an owner-added trailing column is kept.
    ("Connections.csv", TRAILING, "Top companies", "Banque Sud", ["Paul Roux"]),
], ids=["email-urns", "no-spaces", "mixed-encodings", "outlook", "trailing-column"])
async def test_each_quirk_reads_right_in_the_network_pane(tmp_path: Path, passerelle_home, name, data, table, label, want) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = make_folder(tmp_path / "export", {name: data})
    context = build_context(folder, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 50)) as pilot:
        shown = await _network(app, pilot, table)
        people = await _people(app, pilot, shown, label)
        assert [p["full_name"] for p in people] == want
        if name.startswith("LinkedIn"):
            assert people[0]["position"] == "Directeur Général"
        text = data.decode("mac_roman" if name.startswith("LinkedIn") else "utf-8", errors="replace")
        records = [r for r in csv.reader(io.StringIO(text.replace(";", ","), newline="")) if len(r) > 2]
        status = str(app.query_one("#network-status").content)
        assert f"{len(records) - 1} connection" in status  # the header row
    context.store.close()


async def test_renamed_files_fill_the_sent_pane(tmp_path: Path, passerelle_home) -> None:
    """8. `connection.csv` and `prova.csv`: recognised by their header, the sent invitation is accepted."""
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = make_folder(tmp_path / "export", {"connection.csv": SMALL_CONNECTIONS, "prova.csv": SMALL_INVITATIONS})
    context = build_context(folder, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        summary = str(app.query_one("#sent-summary").render())
        assert "1 accepted" in summary and "0 waiting" in summary
    context.store.close()
