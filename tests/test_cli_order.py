"""The command line reads like every other: options anywhere, global options before or after
the subcommand, one clear line for what `report -o` wrote, completion scripts that complete."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE_DIR
from tui.cli.commands import split_command
from tui.cli.main import main, python_problem

SAMPLE_ZIP = str(SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip")


def test_home_before_the_subcommand_is_the_home(tmp_path: Path, capsys) -> None:
    home = tmp_path / "elsewhere"
    assert main(["--home", str(home), "paths", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["database"].startswith(str(home))


def test_home_after_the_subcommand_and_after_the_source(tmp_path: Path, capsys) -> None:
    home = tmp_path / "h"
    assert main(["stats", SAMPLE_ZIP, "--json", "--home", str(home)]) == 0
    assert json.loads(capsys.readouterr().out)["connections"] == 784


@pytest.mark.parametrize("argv", [
    ["stats", "--json", SAMPLE_ZIP],
    ["stats", SAMPLE_ZIP, "--json"],
    ["stats", "--qualify", "health", SAMPLE_ZIP, "--json"],
    ["stats", "--json", "--qualify", "health", SAMPLE_ZIP],
])
def test_options_and_the_source_in_any_order(argv: list[str], capsys) -> None:
    assert main(argv) == 0, capsys.readouterr().err
    out = json.loads(capsys.readouterr().out)
    assert out["source"] == SAMPLE_ZIP
    if "--qualify" in argv:
        assert out["qualified"]["count"] is not None


def test_report_output_before_the_source_says_what_it_wrote(tmp_path: Path, capsys) -> None:
    target = tmp_path / "network.md"
    assert main(["report", "-o", str(target), SAMPLE_ZIP]) == 0
    said = capsys.readouterr().out.strip()
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert said.startswith("wrote the network report") and said.endswith(str(target.resolve()))
    assert len(said.splitlines()) == 1


def test_a_source_named_like_nothing_still_opens_the_app_parser() -> None:
    assert split_command(["--home", "stats", "export.zip"]) == (None, ["--home", "stats", "export.zip"])
    assert split_command(["--home", "/h", "compose", "x", "--to", "y"]) == ("compose", ["--home", "/h", "x", "--to", "y"])


def test_an_unknown_option_names_the_subcommand(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["stats", "--no-such-flag"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.strip().startswith("passerelle stats: unrecognized arguments: --no-such-flag")


def test_an_old_python_is_refused_in_one_line() -> None:
    assert python_problem((3, 11, 0)) is None
    line = python_problem((3, 10, 13, "final", 0))
    assert line == "passerelle: needs Python 3.11 or newer (this is Python 3.10.13)"
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in text
    assert "Python 3.11" in (REPO / "README.md").read_text(encoding="utf-8")


def _bash_complete(script: str, words: list[str], home: Path) -> list[str]:
    """What bash offers after `words` (the last one being completed), with this script loaded."""
    line = " ".join(words)
    program = (
        f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _passerelle; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "PASSERELLE_HOME": str(home)}
    out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=env, cwd=REPO)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_bash_completion_offers_subcommands_options_and_template_names(tmp_path: Path, capsys) -> None:
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert shutil.which("bash")
    assert {"stats", "strategy"} <= set(_bash_complete(script, ["passerelle", "st"], tmp_path))
    assert _bash_complete(script, ["passerelle", "stats", "--q"], tmp_path) == ["--qualify"]
    assert _bash_complete(script, ["passerelle", "--home", "/h", "decisions", "--format", ""], tmp_path) == ["csv", "json", "sheet"]
    assert "keep-in-touch-en" in _bash_complete(script, ["passerelle", "compose", "keep"], tmp_path)


def test_template_names_for_completion_write_nothing(tmp_path: Path, capsys) -> None:
    home = tmp_path / "fresh"
    assert main(["completion", "--list-templates", "--home", str(home)]) == 0
    names = capsys.readouterr().out.split()
    assert "keep-in-touch-en" in names and "garder-le-contact-fr" in names
    assert not home.exists()


@pytest.mark.parametrize("shell, expected", [
    ("zsh", "bashcompinit"),
    ("fish", "complete -c passerelle -n '__fish_seen_subcommand_from stats' -l json"),
])
def test_zsh_and_fish_scripts_list_the_same_commands(shell: str, expected: str, capsys) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert expected in script
    for command in ("import", "stats", "report", "decisions", "compose", "completion"):
        assert command in script
