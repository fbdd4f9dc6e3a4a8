"""messages.csv (the largest file) is read on a second thread while the other files are read
(and made into frames):
the tables are the ones a read one file after the other gives, and of two bad files the one
named is the one that read would have named (the first in the archive)."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import (
    CONNECTIONS_HEADER, MESSAGES_HEADER, connections_bytes, invitations_bytes, make_zip, profile_bytes,
)

from conftest import SAMPLE_DIR
from tui.core.errors import ExportError
from tui.export.csv_text import read_table
from tui.export.reader import _read_tables, load_export, message_keys
from tui.export.source import read_source

SAMPLE = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"
BAD_CONNECTIONS = (",".join(CONNECTIONS_HEADER) + '\nAnne,"Dupont\n').encode()
BAD_MESSAGES = (",".join(MESSAGES_HEADER) + '\nconv-1,"Hello\n').encode()


def test_the_tables_read_on_two_threads_are_those_read_one_after_the_other() -> None:
    members = dict(read_source(SAMPLE).members)
    one_by_one = {kind: read_table(name, data, (kind,), max_field=50 << 20) for kind, (name, data) in members.items()}
    tables, messages = _read_tables(dict(members), 50 << 20)
    tables["messages"], keyed = messages()  # waits for the other thread
    assert sorted(tables) == sorted(one_by_one)
    for kind, table in one_by_one.items():
        assert tables[kind].frame.equals(table.frame) and tables[kind].rows == table.rows
    expected = message_keys(one_by_one["messages"])
    assert keyed[0].equals(expected[0]) and keyed[1] == expected[1]
    assert load_export(SAMPLE).messages.height == one_by_one["messages"].frame.height


@pytest.mark.parametrize("first", ["Connections.csv", "messages.csv"])
def test_of_two_bad_files_the_first_in_the_archive_is_named(tmp_path: Path, first: str) -> None:
    bad = {"Connections.csv": BAD_CONNECTIONS, "messages.csv": BAD_MESSAGES}
    members = {first: bad.pop(first), **bad, "Invitations.csv": invitations_bytes(), "Profile.csv": profile_bytes()}
    export = make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", members)
    with pytest.raises(ExportError) as raised:
        load_export(export)
    assert first in str(raised.value) and "\n" not in str(raised.value)


def test_a_bad_messages_file_alone_is_named(tmp_path: Path) -> None:
    export = make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip",
                      {"Connections.csv": connections_bytes(), "messages.csv": BAD_MESSAGES,
                       "Invitations.csv": invitations_bytes(), "Profile.csv": profile_bytes()})
    with pytest.raises(ExportError, match="messages.csv"):
        load_export(export)
