"""§7.2/§7.3 archive and CSV cases the other export tests leave out: symlink and drive-letter
members, the total and member-count caps, FIFOs and huge files inside a folder, duplicate
names, a 50 MB field, header-only files (empty state in the app), NULs, quoted line breaks."""

from __future__ import annotations

import os
import stat
import warnings
import zipfile
from pathlib import Path

from tui.export.csv_caps import CELL_CAP

import pytest

from export_fixtures import (
    CONNECTIONS_HEADER, INVITATIONS_HEADER_URL, IN, PREAMBLE, connections_bytes, invitations_bytes,
    make_folder, make_zip, messages_bytes, sample_members,
)
from tui.app import PasserelleApp
from tui.core.errors import ExportError
from tui.export.reader import load_export
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable


def refused(path: Path, *words: str, **caps) -> str:
    with pytest.raises(ExportError) as info:
        load_export(path, **caps)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word.lower() in message.lower(), message
    return message


def test_symlink_and_drive_letter_members_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "links.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("Export/Connections.csv")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
        archive.writestr("C:\\Users\\Connections.csv", connections_bytes([["Drive", "Letter", "", "", "", "", "01 Jan 2020"]]))
        archive.writestr("Export/Invitations.csv", invitations_bytes())
    export = load_export(path)
    assert export.connections.height == 0 and export.invitations.height == 4
    problems = " ".join(export.report.problems)
    assert "symbolic link" in problems and "unsafe path" in problems
    assert "passwd" not in problems


def test_only_a_symlink_member_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "link-only.zip"
    with zipfile.ZipFile(path, "w") as archive:
        link = zipfile.ZipInfo("Connections.csv")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "../../../../etc/passwd")
    refused(path, "no LinkedIn export files")


def test_total_declared_size_is_capped_before_reading(tmp_path: Path) -> None:
    members = sample_members()
    path = make_zip(tmp_path / "big.zip", members)
    total = sum(len(members[n]) for n in ("Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv"))
    refused(path, "size limit", "zip bomb", max_total=total - 1)
    assert load_export(path, max_total=total).connections.height == 3


def test_folder_with_too_many_files_is_refused(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "export", sample_members())
    for i in range(60):
        (folder / f"junk{i}.txt").write_bytes(b"")
    refused(folder, "more than 50 files", max_members=50)


def test_fifo_named_like_an_export_file_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    os.mkfifo(folder / "Connections.csv")
    message = refused(folder, "not a regular file")
    assert "Connections.csv" in message


def test_huge_file_inside_a_folder_names_the_file_and_the_limit(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "export", sample_members())
    with open(folder / "messages.csv", "r+b") as handle:
        handle.truncate(200 * 2**20)  # sparse: nothing is really written
    message = refused(folder, "messages.csv", "128 MB")
    assert "export" in message


def test_duplicate_names_in_a_folder_list_both(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "export", {"a/Connections.csv": connections_bytes(),
                                               "b/CONNECTIONS.csv": connections_bytes()})
    refused(folder, "twice", "a/Connections.csv", "b/CONNECTIONS.csv")


def test_the_same_member_name_twice_in_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "dup.zip"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we make on purpose
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("Connections.csv", connections_bytes())
            archive.writestr("Connections.csv", connections_bytes([["Other", "Copy", "", "", "", "", "01 Jan 2020"]]))
    refused(path, "twice")


def test_export_nested_one_folder_deep_in_a_folder(tmp_path: Path) -> None:
    outer = tmp_path / "Downloads"
    make_folder(outer / "Basic_LinkedInDataExport_05-12-2026", sample_members())
    make_folder(outer / "__MACOSX" / "Basic_LinkedInDataExport_05-12-2026",
                {"._Connections.csv": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X"})
    (outer / "Basic_LinkedInDataExport_05-12-2026" / "._Invitations.csv").write_bytes(b"\x00\x05\x16\x07")
    export = load_export(outer)
    assert export.connections.height == 3 and export.invitations.height == 4


def test_a_50_mb_field_is_read_and_cut_to_the_cell_cap(tmp_path: Path) -> None:
    big = "x" * (50 * 2**20)
    row = ["2-big", "", "Leo", IN + "leo", "Ana Quist", IN + "ana-quist", "2025-11-22 09:14:03 UTC", "",
           big, "INBOX", "", "No"]
    path = tmp_path / "messages.csv"
    path.write_bytes(messages_bytes([row]))
    export = load_export(path)
    assert export.messages.height == 1
    assert export.messages.get_column("content").str.len_chars().item() == CELL_CAP  # 64 K kept, not 50 MB
    problems = export.report.files[0].problems
    assert any("over 64 K characters, cut" in p and "line 2" in p for p in problems), problems


def test_quoted_line_breaks_and_commas_in_connections(tmp_path: Path) -> None:
    rows = [["Mira", "Vale", IN + "mira", "", "Hollowbrook, Analytics", "Data\nEngineer", "05 Nov 2025"],
            ["Too", "Few"],
            ["Tom", "Fer", IN + "tom", "", 'Quillon "Labs"', "PM", "04 Nov 2025"]]
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes(rows))
    export = load_export(path)
    assert export.connections.get_column("company").to_list() == ["Hollowbrook, Analytics", 'Quillon "Labs"']
    assert export.connections.get_column("position").to_list() == ["Data\nEngineer", "PM"]
    assert export.report.files[0].set_aside == ((7, "has 2 fields, expected 7"),)  # line count survives the break


def test_nul_bytes_inside_fields_are_removed_and_reported(tmp_path: Path) -> None:
    rows = [["Mi\x00ra", "Vale", IN + "mira", "", "Acme", "Dev", "05 Nov 2025"]]
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes(rows))
    export = load_export(path)
    assert export.connections.get_column("full_name").to_list() == ["Mira Vale"]
    assert any("NUL" in r for r in export.report.files[0].repairs)


def header_only(folder: Path) -> Path:
    return make_folder(folder, {
        "Connections.csv": (PREAMBLE + ",".join(CONNECTIONS_HEADER)).encode(),
        "Invitations.csv": (",".join(INVITATIONS_HEADER_URL) + "\n").encode(),
    })


def test_header_only_files_load_as_empty(tmp_path: Path) -> None:
    export = load_export(header_only(tmp_path / "export"))
    assert export.connections.height == 0 and export.invitations.height == 0
    assert [f.rows for f in export.report.files] == [0, 0]


async def test_header_only_export_shows_the_empty_state(tmp_path: Path, passerelle_home) -> None:
    context = build_context(header_only(tmp_path / "export"), passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        assert table.current_row() is None
        screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Nothing in this view" in screen and "0 connections" in screen
        await pilot.press("a", "i", "u", "space", "3", "2", "4", "escape", "1")  # keys on an empty queue do nothing harmful
        await pilot.pause()
        assert app.is_running
    assert context.store.decisions().height == 0
    context.store.close()
