"""The stock-Textual baselines Passerelle is compared with, each doing the least its job needs.

    python benchmarks/baseline_app.py empty
    python benchmarks/baseline_app.py triage EXPORT.zip DATABASE

`empty` is an App with one Static ("hello"): what any Textual start costs. `triage` shows
the export's invitations (5,000 at full size) in a DataTable, rows like Passerelle's
(name, waited, note); `a` saves a decision durably (SQLite, WAL, synchronous=FULL, one
commit), removes the row and updates a status line; `/` shows and focuses a stock Input
whose every keystroke refills the table (substring of name and note, lower case).
Standard library and Textual only.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
import time
import zipfile
from datetime import date, datetime

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Input, Static


class Empty(App):
    def compose(self) -> ComposeResult:
        yield Static("hello")


def read_invitations(source: str) -> list[tuple[str, str, str, str]]:
    """(key, name, waited, note) for each invitation of the export's Invitations.csv."""
    with zipfile.ZipFile(source) as archive:
        member = next(n for n in archive.namelist() if n.endswith("Invitations.csv"))
        text = archive.read(member).decode("utf-8-sig")
    today, rows = date.today(), []
    for i, row in enumerate(csv.DictReader(io.StringIO(text))):
        name = row["From"] if row["Direction"] == "INCOMING" else row["To"]
        sent = datetime.strptime(row["Sent At"], "%m/%d/%y, %I:%M %p").date()
        rows.append((str(i), name, f"{(today - sent).days}d", row["Message"].strip()))
    return rows


class Triage(App):
    CSS = "#filter { display: none; } #filter.open { display: block; }"
    BINDINGS = [("a", "decide", "Accept"), ("slash", "filter", "Filter")]

    def __init__(self, source: str, database: str) -> None:
        super().__init__()
        self.rows = read_invitations(source)
        self.words = {key: f"{name} {note}".lower() for key, name, _, note in self.rows}
        self.decided: set[str] = set()
        self.db = sqlite3.connect(database)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE IF NOT EXISTS decisions (key TEXT, decision TEXT, at REAL)")

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter", id="filter")
        yield DataTable(cursor_type="row", id="table")
        yield Static("Decide with a · / filters", id="status", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Waited", "Note")
        self.show("")
        table.focus()

    def show(self, text: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for key, name, waited, note in self.rows:  # Text: names from the export are not markup
            if key not in self.decided and text in self.words[key]:
                table.add_row(Text(name), waited, Text(note[:30]), key=key)

    def action_decide(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        name = table.get_row(row_key)[0].plain
        with self.db:  # one durable commit before the screen says saved
            self.db.execute("INSERT INTO decisions VALUES (?, 'accept', ?)", (row_key.value, time.time()))
        self.decided.add(row_key.value)
        table.remove_row(row_key)
        self.query_one("#status", Static).update(f"✓ accepted {name} — {table.row_count} left")

    def action_filter(self) -> None:
        field = self.query_one(Input)
        field.add_class("open")  # shown when asked for, as a filter bar is
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value.lower())


if __name__ == "__main__":
    if sys.argv[1] == "empty":
        Empty().run()
    else:
        Triage(sys.argv[2], sys.argv[3]).run()
