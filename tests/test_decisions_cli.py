"""`passerelle decisions`: a safe action sheet from the real store."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from tui.cli.main import main
from tui.outputs.decisions_sheet import spreadsheet_cell
from tui.store.store import Person, Store


def _decide(paths, people, decision, reason="", until=None) -> None:
    store = Store.open(paths.database)
    try:
        store.decide(people, decision, reason, until)
    finally:
        store.close()


def test_no_store_prints_header_or_empty_list_and_creates_nothing(passerelle_home, capsys) -> None:
    assert main(["decisions"]) == 0
    assert capsys.readouterr().out.strip() == '"name","profile_url","decision","decided_at","reason","until"'
    assert main(["decisions", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert not passerelle_home.database.exists() and not passerelle_home.data.exists()


def test_csv_neutralises_formulas_and_strips_controls(passerelle_home, capsys) -> None:
    hostile = [
        Person("in:a", "=HYPERLINK(\"http://evil\",\"x\")", "https://www.linkedin.com/in/a"),
        Person("in:b", "+44 Sales", None),
        Person("in:c", "-Ana-", None),
        Person("in:d", "@home", None),
        Person("in:e", "\tTab=1", None),
        Person("in:f", "Eve\x1b[2J\u202eMoss\r\nx", None),
        Person("in:g", "  =1+1", None),
    ]
    _decide(passerelle_home, hostile, "ignore", reason="=cmd|' /C calc'!A0")
    assert main(["decisions", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["name", "profile_url", "decision"]
    names = {r[0] for r in body}
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in names
    assert {"'+44 Sales", "'-Ana-", "'@home", "'  =1+1"} <= names
    assert "'Tab=1" in names or "' Tab=1" in names
    assert "Eve[2JMoss x" in names, "ESC and bidi removed, text kept"
    assert all(r[4] == "'=cmd|' /C calc'!A0" and r[2] == "ignore" for r in body)
    assert all(not any(ch in cell for ch in "\x1b\u202e\r\n\t") for r in body for cell in r)
    assert "https://www.linkedin.com/in/a" in {r[1] for r in body}


def test_every_field_is_quoted(passerelle_home, capsys) -> None:
    _decide(passerelle_home, [Person("in:k", "Kofi Mensah", "https://www.linkedin.com/in/kofi")], "later",
            until=date(2026, 3, 8))
    main(["decisions"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith('"Kofi Mensah","https://www.linkedin.com/in/kofi","later","20')
    assert lines[1].endswith('"2026-03-08"')


def test_json_keeps_exact_values_and_all_shows_undone(passerelle_home, capsys) -> None:
    _decide(passerelle_home, [Person("in:c", "-Ana-", "https://www.linkedin.com/in/c")], "accept", reason="met at PyData")
    _decide(passerelle_home, [Person("in:z", "Zed", None)], "suspicious")
    store = Store.open(passerelle_home.database)
    store.undo()
    store.close()
    assert main(["decisions", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["name"] for d in data] == ["-Ana-"], "undone decisions leave the sheet"
    assert data[0]["decision"] == "accept" and data[0]["reason"] == "met at PyData"
    assert data[0]["profile_url"] == "https://www.linkedin.com/in/c" and data[0]["decided_at"]
    assert main(["decisions", "--format", "json", "--all"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert {e["event"] for e in events} == {"decide", "undo"}
    assert any(e["name"] == "Zed" and e["in_effect"] is False for e in events)


def test_cell_helper() -> None:
    assert spreadsheet_cell(None) == ""
    assert spreadsheet_cell("\r=1") == "' =1" or spreadsheet_cell("\r=1") == "'=1"
    assert spreadsheet_cell("Ana") == "Ana"
    assert spreadsheet_cell(-5) == "'-5"
