"""`passerelle templates` and `passerelle compose`: text, length, limit, warnings; exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from export_fixtures import connections_folder
from tui.paths import Paths

PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
ROWS = (
    "Ana,Silva,https://www.linkedin.com/in/ana-silva,,Acme [EMEA],Head of Sales,18 Nov 2026\n"
    "Ana,Silva,https://www.linkedin.com/in/ana-silva-2,,Other,CTO,01 Nov 2026\n"
    '"Zoé {first_name}",Ber[b]nard[/b],https://www.linkedin.com/in/zoe-b,,"Ev\x1b[2Jil",,02 Nov 2026\n'
    "Bo,Chen,https://www.linkedin.com/in/bo-chen,,,,03 Nov 2026\n"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return connections_folder(tmp_path, PREAMBLE + HEADER + ROWS)


def cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args, "--home", str(home)], capture_output=True, text=True
    )


def write_template(paths: Paths, name: str, text: str) -> None:
    paths.templates_dir.mkdir(parents=True, exist_ok=True)
    (paths.templates_dir / f"{name}.toml").write_text(
        f'name = "{name}"\nlanguage = "en"\ntext = """\n{text}"""\n', encoding="utf-8"
    )


def test_templates_lists_starters_and_problems(passerelle_home: Paths) -> None:
    write_template(passerelle_home, "hostile", "Hi {first_name.__class__}")
    (passerelle_home.templates_dir / "broken.toml").write_text('name = "x"\ntext = \n', encoding="utf-8")
    out = cli("templates", "--json", home=passerelle_home.config.parent)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    names = {t["name"]: t for t in data["templates"]}
    assert "Keep in touch (en)" in names and "Garder le contact (fr)" in names
    assert names["Ask for an introduction (en)"]["placeholders"] == ["first_name", "relay_name", "company", "my_first_name"]
    (problem,) = names["hostile"]["problems"]
    assert problem["column"] == 4 and "did you mean {first_name}" in problem["message"]
    broken = passerelle_home.templates_dir / "broken.toml"
    assert data["errors"] == [f"{broken} (line 2): invalid TOML: Invalid value"]
    assert f"skipped {broken} (line 2)" in out.stderr
    assert not passerelle_home.database.exists()
    text = cli("templates", home=passerelle_home.config.parent)
    assert "Keep in touch (en) [en]" in text.stdout


def test_compose_by_name_and_url(passerelle_home: Paths, export: Path) -> None:
    home = passerelle_home.config.parent
    out = cli("compose", "Keep in touch (en)", "--to", "BO  chen", "--source", str(export), "--json", home=home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"template", "text", "length", "limit", "warnings"}
    assert data["text"].startswith("Hello Bo, our paths crossed")
    assert data["text"].endswith("{my_first_name}")  # no my_name in settings: stays visible
    assert data["limit"] == 200 and data["length"] == len(data["text"])
    assert any("my_first_name" in w for w in data["warnings"])
    passerelle_home.settings_file.write_text('premium = true\nmy_name = "Alex Durand"\n', encoding="utf-8")
    out = cli("compose", "introduce-yourself-en", "--to", "https://www.linkedin.com/in/zoe-b/",
              "--source", str(export), home=home)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert first.startswith("Hello Zoé {first_name}, I'm Alex Durand. I follow the work of Ev[2Jil closely")
    assert "\x1b" not in out.stdout
    assert "/300" in out.stdout
    assert not passerelle_home.database.exists()


@pytest.mark.parametrize(
    ("template", "person", "message"),
    [
        ("No such template", "Bo Chen", "no such template"),
        ("Keep in touch (en)", "Nobody", "no connection or invitation matches"),
        ("Keep in touch (en)", "ana silva", "2 people have this name"),
        ("hostile", "Bo Chen", "hostile.toml (line 4): unknown placeholder {0}"),
        ("broken", "Bo Chen", "broken.toml (line 2): invalid TOML"),
    ],
)
def test_compose_errors_exit_2(passerelle_home: Paths, export: Path, template: str, person: str, message: str) -> None:
    write_template(passerelle_home, "hostile", "Hi {0}")
    (passerelle_home.templates_dir / "broken.toml").write_text('name = "broken"\ntext = \n', encoding="utf-8")
    out = cli("compose", template, "--to", person, "--source", str(export), home=passerelle_home.config.parent)
    assert out.returncode == 2
    assert out.stdout == ""
    (line,) = out.stderr.splitlines()
    assert line.startswith("passerelle: ") and message in line, line


def test_compose_over_limit_warns(passerelle_home: Paths, export: Path) -> None:
    write_template(passerelle_home, "long", "Hi {first_name} " + "é" * 250)
    out = cli("compose", "long", "--to", "Bo Chen", "--source", str(export), "--json", home=passerelle_home.config.parent)
    data = json.loads(out.stdout)
    assert data["length"] == 256 and "56 characters over the 200 limit" in data["warnings"]
