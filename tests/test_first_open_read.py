"""A first open checks the export before the app and reads it in the app's worker: the
file is unzipped once, and a file changed in between is read as it is now."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ui_export import ui_export

from tui.export import source as export_source
from tui.export.reader import load_export
from tui.export.source import drop_kept, read_source

NEW = [("Zoé Lambert", "zoe-lambert", "11/12/25, 9:00 AM", "Bonjour, nous nous sommes vus à Lille.")]


@pytest.fixture(autouse=True)
def nothing_kept():
    drop_kept()
    yield
    drop_kept()


def test_the_read_after_the_check_takes_the_checked_bytes_instead_of_unzipping_again(tmp_path: Path, monkeypatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    read_source(export, keep=True)

    def unzip_again(*_a):
        raise AssertionError("the export was unzipped a second time")

    monkeypatch.setattr(export_source, "_read_zip", unzip_again)
    frames = load_export(export)
    assert "Lena Brandt" in frames.invitations["counterpart_name"].to_list()
    with pytest.raises(AssertionError, match="second time"):  # taken once: a later read reads the file
        read_source(export)


def test_an_export_replaced_after_the_check_is_read_as_it_is_now(tmp_path: Path) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    read_source(export, keep=True)
    (tmp_path / "other").mkdir()
    other = ui_export(tmp_path / "other" / export.name, incoming=NEW)
    os.replace(other, export)  # a new download saved over the old one
    names = load_export(export).invitations["counterpart_name"].to_list()
    assert "Zoé Lambert" in names and "Lena Brandt" not in names
