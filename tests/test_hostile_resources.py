"""Bounded work on hostile inputs: set-aside rows, huge cells, settings files that never end
(a FIFO, /dev/zero) and TOML nested thousands of levels deep. Real files, real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from ui_export import ui_export

from conftest import REPO
from export_fixtures import CONNECTIONS_HEADER, PREAMBLE, csv_line, invitations_bytes, sample_members
from tui.export.csv_caps import CELL_CAP, REFUSE_AFTER, SET_ASIDE_LISTED
from tui.core.errors import ExportError
from tui.export.reader import load_export
from tui.launch import build_context
from tui.text import DISPLAY_CAP, display_text, one_line

DEEP_TOML = "x = " + "[" * 5000 + "]" * 5000 + "\n"  # 10 KB


def passerelle(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _connections(rows: list[str]) -> bytes:
    return (PREAMBLE + csv_line(CONNECTIONS_HEADER) + "\n" + "".join(rows)).encode()


def _good(n: int) -> str:
    return csv_line([f"P{n}", "Q", f"https://www.linkedin.com/in/p{n}", "", "Acme", "Dev", "05 Nov 2025"]) + "\n"


def test_a_small_zip_of_two_field_rows_is_refused_after_a_few_thousand(tmp_path: Path) -> None:
    """A 31 KB ZIP with 30 MB of `a,b`: one line, exit 2, nothing written (was 47 s, 8.7 GB)."""
    source = tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("Connections.csv", _connections(["a,b\n"]) + b"a,b\n" * 7_500_000)
    assert source.stat().st_size < 40_000
    home = tmp_path / "home"
    result = passerelle("import", str(source), home=home)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "Connections.csv" in result.stderr and "most rows cannot be used" in result.stderr
    assert f"of the first {REFUSE_AFTER:,}" in result.stderr
    assert not home.exists()


def test_set_aside_rows_are_listed_up_to_the_cap_then_counted(tmp_path: Path, passerelle_home) -> None:
    bad = SET_ASIDE_LISTED + 1500
    rows = [_good(n) for n in range(REFUSE_AFTER)] + ["a,b\n"] * bad  # mostly good: read, not refused
    path = tmp_path / "Connections.csv"
    path.write_bytes(_connections(rows))
    report = load_export(path).report.files[0]
    assert len(report.set_aside) == SET_ASIDE_LISTED and report.set_aside_more == 1500
    assert report.set_aside[0] == (REFUSE_AFTER + 5, "has 2 fields, expected 7")  # line numbers kept
    assert report.rows == REFUSE_AFTER + bad and report.kept == REFUSE_AFTER
    assert "1,500 more rows set aside (only the first 1,000 are listed)" in report.problems
    source = tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("Connections.csv", path.read_bytes())
    result = passerelle("import", str(source), home=passerelle_home.config.parent)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("Connections.csv"))
    assert row.split()[-2] == str(bad)  # the table counts every set-aside row, not only the listed
    assert f"{bad - 10} more rows set aside" in result.stdout


def test_a_mostly_unusable_file_is_refused_even_after_good_rows(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(_connections([_good(n) for n in range(100)] + ["a,b\n"] * REFUSE_AFTER))
    with pytest.raises(ExportError, match="most rows cannot be used"):
        load_export(path)


def test_a_huge_note_is_kept_to_the_cell_cap_and_said_in_the_report(tmp_path: Path) -> None:
    note = "blah " * 5_000_000  # 25 MB
    members = sample_members()
    members["Invitations.csv"] = invitations_bytes([
        ["Kofi Mensah", "Ana Quist", "10/14/25, 11:47 PM", note, "INCOMING",
         "https://www.linkedin.com/in/kofi", "https://www.linkedin.com/in/ana-quist"],
    ])
    folder = tmp_path / "export"
    for name, data in members.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    export = load_export(folder)
    kept = export.invitations.get_column("message").item()
    assert len(kept) <= CELL_CAP and kept.startswith("blah blah")
    problems = next(f for f in export.report.files if f.name.endswith("Invitations.csv")).problems
    assert any("over 64 K characters, cut to that (line 2)" in p for p in problems), problems


def test_any_cell_shows_at_most_the_display_cap_with_what_is_left() -> None:
    shown = display_text("é" * 30_000).plain
    assert shown == "é" * DISPLAY_CAP + "… (28,000 more)"
    assert one_line("x\n" * 5_000).endswith("… (8,000 more)") and len(one_line("x\n" * 5_000)) < DISPLAY_CAP + 20
    assert display_text("short [b]note[/b]").plain == "short [b]note[/b]"


@pytest.mark.parametrize("which", ["settings", "strategy"])
@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_settings_file_that_never_ends_is_refused_at_once(which: str, kind: str, tmp_path: Path) -> None:
    """A FIFO hung `stats` and `strategy --check` forever; a link to /dev/zero ate the memory."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    path = home / "config" / ("config.toml" if which == "settings" else "strategy.toml")
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    args = ("stats", str(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"))) \
        if which == "settings" else ("strategy", "--check")
    result = passerelle(*args, home=home, timeout=30)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and path.name in result.stderr
    assert "not a regular file" in result.stderr


@pytest.mark.parametrize("which", ["config.toml", "strategy.toml", "templates/deep.toml"])
def test_toml_nested_thousands_deep_is_a_bad_file_with_its_name(which: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = home / "config" / which
    path.parent.mkdir(parents=True)
    path.write_text(DEEP_TOML)
    command = {"config.toml": ("stats", str(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"))),
               "strategy.toml": ("strategy", "--check"), "templates/deep.toml": ("templates",)}[which]
    result = passerelle(*command, home=home)
    assert "RecursionError" not in result.stderr and "unexpected" not in result.stderr
    assert Path(which).name in result.stderr and "nested too deeply" in result.stderr
    if which == "templates/deep.toml":  # one broken template is skipped, the others listed
        assert result.returncode == 0 and "skipped" in result.stderr
    else:
        assert result.returncode == 2 and result.stderr.count("\n") == 1


def test_the_app_starts_with_defaults_when_config_toml_is_nested_too_deeply(tmp_path: Path, passerelle_home) -> None:
    passerelle_home.settings_file.parent.mkdir(parents=True)
    passerelle_home.settings_file.write_text(DEEP_TOML)
    context = build_context(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"), passerelle_home)
    try:
        assert any("config.toml" in n and "nested too deeply" in n for n in context.notices), context.notices
    finally:
        context.store.close()
