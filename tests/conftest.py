"""Shared fixtures: every test gets its own Passerelle home, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.paths import Paths

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "sample_data"
# The suite asserts English unless a test asks for French: a French machine's locale must not
# change what the app and the commands (run as subprocesses too) say.
for _variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def passerelle_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    """Point PASSERELLE_HOME (and XDG folders) at a temp folder for each test."""
    home = tmp_path / "home"
    monkeypatch.setenv("PASSERELLE_HOME", str(home))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    return Paths.resolve(home)
