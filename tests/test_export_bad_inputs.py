"""Every broken input ends in one ExportError line naming the file and the problem."""

from __future__ import annotations

import os
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from export_fixtures import (
    CONNECTIONS_HEADER, PREAMBLE, connections_bytes, make_zip, sample_members,
    write_sample_export, zip_bytes,
)
from tui.core.errors import ExportError
from unprivileged import give_away, reachable_folder, run_unprivileged
from tui.export.reader import load_export

SECRET = "Zyxwvut"  # a name that must never appear in an error message


def refuse(path: Path, *words: str, **kwargs) -> str:
    with pytest.raises(ExportError) as info:
        load_export(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message or str(path) in message
    for word in words:
        assert word.lower() in message.lower(), message
    assert SECRET not in message
    return message


def test_missing_path(tmp_path: Path) -> None:
    refuse(tmp_path / "nope.zip", "no such file")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"")
    refuse(path, "empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"\n\r\n  \n")
    refuse(path, "empty")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 40)
    refuse(path, "binary")


def test_xlsx_renamed_to_csv(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    refuse(path, "zip")


def test_unknown_csv_lists_what_it_looked_for(tmp_path: Path) -> None:
    path = tmp_path / "Reactions.csv"
    path.write_bytes(b"Date,Type,Link\n2025-09-11 02:49:29,LIKE,https://example.org\n")
    refuse(path, "no known header", "First Name")


def test_folder_without_known_files(tmp_path: Path) -> None:
    folder = tmp_path / "Complete_LinkedInDataExport_01-02-2024"
    folder.mkdir()
    (folder / "Reactions.csv").write_bytes(b"Date,Type,Link\n")
    refuse(folder, "Connections.csv", "Invitations.csv")


def test_zip_without_known_files(tmp_path: Path) -> None:
    refuse(make_zip(tmp_path / "x.zip", {"Reactions.csv": b"Date,Type,Link\n"}), "no LinkedIn export files")


def test_empty_zip(tmp_path: Path) -> None:
    refuse(make_zip(tmp_path / "empty.zip", {}), "no LinkedIn export files")


def test_truncated_zip(tmp_path: Path) -> None:
    data = zip_bytes(sample_members())
    path = tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip.zip"
    path.write_bytes(data[: len(data) // 2])
    refuse(path, "not a valid zip or download incomplete")


def test_non_zip_named_zip(tmp_path: Path) -> None:
    path = tmp_path / "Basic_LinkedInDataExport_05-12-2026.zip"
    path.write_bytes(b"<html><body>Your download has expired</body></html>")
    refuse(path, "not a valid zip")


def test_overlapping_entries_zip_bomb(tmp_path: Path) -> None:
    """Two central-directory entries pointing at the same local file (quoted-overlap bomb)."""
    members = {"Connections.csv": connections_bytes(), "Invitations.csv": connections_bytes()}
    path = make_zip(tmp_path / "overlap.zip", members)
    data = bytearray(path.read_bytes())
    second = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 42, 0)  # local header offset → the first member
    path.write_bytes(bytes(data))
    refuse(path, "zip")


def test_corrupt_zip_data(tmp_path: Path) -> None:
    data = bytearray(zip_bytes({"Connections.csv": connections_bytes() * 20}))
    for i in range(60, 400):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.zip"
    path.write_bytes(bytes(data))
    refuse(path, "zip")


def test_zip_bomb_refused_before_reading(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bomb.zip", {"Connections.csv": b"\x00" * (3 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    refuse(path, "size limit", "zip bomb", max_bytes=1024 * 1024)


def test_lying_size_header_is_capped(tmp_path: Path) -> None:
    """Central directory claims 100 bytes, the stream holds 2 MB: reading stops at the cap."""
    payload = PREAMBLE.encode() + b",".join(c.encode() for c in CONNECTIONS_HEADER) + b"\n" + b"a,b,,,,,05 Nov 2025\n" * 100_000
    path = make_zip(tmp_path / "liar.zip", {"Connections.csv": payload})
    data = bytearray(path.read_bytes())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)  # uncompressed size in the central directory
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 100)
    path.write_bytes(bytes(data))
    refuse(path, "zip", max_bytes=1000)


def test_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Connections.csv", connections_bytes())
        for i in range(10_000):
            archive.writestr(f"junk/{i}.txt", b"")
    refuse(path, "10001 entries", "refused")


def test_path_traversal_members_are_ignored_never_used(tmp_path: Path) -> None:
    members = {"../../Connections.csv": connections_bytes(), "/etc/Invitations.csv": b"x"}
    path = make_zip(tmp_path / "evil.zip", members)
    refuse(path, "no LinkedIn export files")
    assert not (tmp_path.parent / "Connections.csv").exists()


def test_traversal_member_next_to_real_file_is_ignored(tmp_path: Path) -> None:
    members = sample_members()
    members["../Connections.csv"] = connections_bytes([["Evil", "Twin", "", "", "", "", "01 Jan 2020"]])
    export = load_export(make_zip(tmp_path / "e.zip", members))
    assert "Evil Twin" not in export.connections.get_column("full_name").to_list()
    assert any("unsafe path" in p for p in export.report.problems)


def test_duplicate_member_at_same_depth(tmp_path: Path) -> None:
    members = {"a/Connections.csv": connections_bytes(), "b/connections.csv": connections_bytes()}
    refuse(make_zip(tmp_path / "dup.zip", members), "twice")


def test_encrypted_member(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "enc.zip", {"Connections.csv": connections_bytes()})
    data = bytearray(path.read_bytes())
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(header)
        flags = struct.unpack_from("<H", data, at + offset)[0]
        struct.pack_into("<H", data, at + offset, flags | 0x1)
    path.write_bytes(bytes(data))
    refuse(path, "encrypted")


def test_unsupported_compression(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "lzma.zip", {"Connections.csv": connections_bytes()}, compression=zipfile.ZIP_STORED)
    data = bytearray(path.read_bytes())
    for header, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        struct.pack_into("<H", data, data.find(header) + offset, 99)  # AES / unknown method
    path.write_bytes(bytes(data))
    refuse(path, "unsupported")


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    os.mkfifo(path)
    refuse(path, "not a regular file")


def test_folder_where_a_csv_is_expected(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "Connections.csv").mkdir(parents=True)
    refuse(folder, "no LinkedIn export files")


def test_unreadable_file() -> None:
    """A file the user may not read: as root, checked in a child that dropped to nobody."""
    folder = reachable_folder()
    try:
        path = folder / "Connections.csv"
        path.write_bytes(connections_bytes())
        give_away(path)
        path.chmod(0)
        outcome, value = run_unprivileged(lambda: load_export(path))
        assert outcome == "raised", "the unreadable file was read"
        kind, message = value
        assert kind == "ExportError" and "\n" not in message
        assert str(path) in message and "permission denied" in message
        assert SECRET not in message
        assert sorted(p.name for p in folder.iterdir()) == ["Connections.csv"]  # nothing written
    finally:
        shutil.rmtree(folder)


def test_csv_stopping_mid_row_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes() + f'\n{SECRET},"Unclosed,,,,,05 Nov 2025'.encode())
    message = refuse(path, "unclosed quote")
    assert "(line 9)" in message


def test_duplicate_header_names(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(b"First Name,Last Name,Company,Company,Connected On\nA,B,C,D,05 Nov 2025\n")
    refuse(path, "twice", "Company")


def test_set_aside_rows_are_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes() + f"\n{SECRET},x".encode())
    export = load_export(path)
    assert export.report.files[0].set_aside == ((9, "has 2 fields, expected 7"),)
    assert SECRET not in str(export.report.to_dict())


def test_single_csv_over_the_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes() * 50)
    refuse(path, "larger than", max_bytes=2048)


def test_good_export_still_loads_with_default_caps(tmp_path: Path) -> None:
    export = load_export(write_sample_export(tmp_path / "ok.zip"))
    assert export.connections.height == 3
