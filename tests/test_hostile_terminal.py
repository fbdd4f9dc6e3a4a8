"""Names from the export never reach the terminal raw, and the report never carries live
Markdown or HTML: real ZIPs with escape sequences in member and folder names, real commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from conftest import REPO
from export_fixtures import IN, connections_bytes, make_folder, make_zip, sample_members

# OSC 52 (clipboard write) ended by BEL, a screen clear, a line break and a bidi override.
EVIL = "x\x1b]52;c;cHduZWQ=\x07\x1b[2J\nFAKE LINE\u202e"
RAW = ("\x1b", "\x07", "\u202e")


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def _evil_zip(path: Path, connections: bytes) -> Path:
    members = {f"{EVIL}/{name}": data for name, data in sample_members().items()}
    members[f"{EVIL}/Connections.csv"] = connections
    return make_zip(path, members)


def test_an_error_naming_a_hostile_member_is_one_clean_line(tmp_path: Path) -> None:
    source = _evil_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip",
                       connections_bytes() + b'\n"unclosed,a,b,c,d,e,f\n')
    result = passerelle("import", str(source), home=tmp_path / "home")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr  # the newline in the name split it before
    assert not any(ch in result.stderr for ch in RAW), repr(result.stderr)
    assert "FAKE LINE" in result.stderr and "Connections.csv (line 9): unclosed quote" in result.stderr


def test_the_import_table_and_per_file_lines_clean_every_name(tmp_path: Path) -> None:
    source = _evil_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", connections_bytes() + b"\nToo,Few\n")
    result = passerelle("import", str(source), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in RAW), repr(result.stdout)
    lines = result.stdout.splitlines()
    assert not any(line.startswith("FAKE LINE") for line in lines)  # no line forged by a name
    assert any("Connections.csv line 9: set aside (has 2 fields, expected 7)" in line for line in lines)
    assert len([line for line in lines if "Connections.csv" in line]) == 3  # table row, vintage, set-aside line


def test_a_hostile_folder_name_in_an_error_is_one_clean_line(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / f"export{EVIL}", {"notes.txt": b"not an export"})  # the error names the folder
    result = passerelle("import", str(folder), home=tmp_path / "home")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert not any(ch in result.stderr for ch in RAW)


def test_the_report_escapes_markdown_and_html_in_every_cell(tmp_path: Path) -> None:
    image = "![x](https://evil.example/pixel.png)"
    tag = '<img src="https://evil.example/tag.png">'
    link = "[Acme](https://evil.example/login)"
    rows = [[f"P{n}", "Q", f"{IN}p{n}", "", company, "Dev", "05 Nov 2025"]
            for n, company in enumerate([image, image, tag, tag, link, "R&D *bold* `code` | pipe"])]
    source = make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip",
                      {**sample_members(), "Connections.csv": connections_bytes(rows)})
    result = passerelle("report", str(source), home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<img" not in html and "href=" not in html and "<em>" not in html and "<code>code" not in html
    # …and each name still reads as the person wrote it
    for text in (image, link, "R&amp;D *bold* `code` | pipe", "&lt;img src=&quot;https://evil.example/tag.png&quot;&gt;"):
        assert text in html, text


def test_the_templates_list_cleans_names_file_names_and_purposes(tmp_path: Path) -> None:
    """A template file shared by a colleague may carry escape sequences: `templates` printed
    its name, file name and purpose raw (a title set, the clipboard written, a forged line)."""
    home = tmp_path / "home"
    assert passerelle("templates", home=home).returncode == 0  # writes the starters
    folder = home / "config" / "templates"
    (folder / "ev\x1b]0;T\x07il.toml").write_text(
        'name = "Evil\\u001b]52;c;cHduZWQ=\\u0007"\npurpose = "see\\nFAKE LINE\\u202e"\ntext = "Hi {first_name}"\n')
    result = passerelle("templates", home=home)
    assert result.returncode == 0, result.stderr
    assert not any(ch in result.stdout for ch in RAW), repr(result.stdout)
    assert not any(line.startswith("FAKE LINE") for line in result.stdout.splitlines())
    assert any(line.startswith("- Evil ]52;c;cHduZWQ= ") and "(ev ]0;T il.toml): first_name" in line
               for line in result.stdout.splitlines()), result.stdout
