"""The CLI's contract: version, paths, usage errors as one line with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True)


def test_version() -> None:
    out = run_cli("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("passerelle ")


def test_paths_honour_home(tmp_path: Path) -> None:
    out = run_cli("paths", "--json", "--home", str(tmp_path / "h"))
    assert out.returncode == 0
    paths = json.loads(out.stdout)
    assert paths["database"].startswith(str(tmp_path / "h"))
    assert not (tmp_path / "h").exists(), "paths must not create anything"


def test_a_home_under_an_unknown_user_is_one_line_exit_2() -> None:
    out = run_cli("paths", "--home", "~no-such-user-here/passerelle")  # "~name" typed wrong
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "passerelle: ~no-such-user-here/passerelle: this machine has no user of the name after '~'"]


def test_usage_error_is_one_line_exit_2() -> None:
    out = run_cli("paths", "--no-such-flag")
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
