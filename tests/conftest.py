"""Shared fixtures: every test gets its own Passerelle home, never the user's, and the UI
tests share one small invented export (`export`) and the context built on it (`context`).

The suite runs on every core (pytest-xdist, `-n auto` in pyproject's addopts): each test
keeps to its own `tmp_path` (home, XDG folders, exports) and asks the system for a free port,
so no two tests share a path or a port whichever worker runs them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.paths import Paths

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "sample_data"


def generated_export(out: Path, connections: int, invitations: int, messages: int, seed: int | None = None) -> Path:
    """The ZIP `sample_data/generate.py` writes into `out` for these counts (as a user runs it)."""
    import subprocess
    import sys

    seeded = ["--seed", str(seed)] if seed is not None else []
    subprocess.run([sys.executable, str(SAMPLE_DIR / "generate.py"), "--connections", str(connections),
                    "--invitations", str(invitations), "--messages", str(messages), *seeded,
                    "--out", str(out), "--zip"], check=True, capture_output=True)
    [source] = Path(out).glob("*.zip")
    return source
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


@pytest.fixture(autouse=True)
def english_after():
    """A test that switches the app to French leaves the next one in English."""
    yield
    from tui import i18n

    i18n.set_language("en")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """tests/ui_export.py's invented export, as the ZIP LinkedIn sends (a file may override it)."""
    from ui_export import ui_export

    return ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")


@pytest.fixture
def context(export: Path, passerelle_home: Paths):
    """The app's context on `export`, its store closed after the test."""
    from tui.launch import build_context

    ctx = build_context(export, passerelle_home)
    yield ctx
    ctx.store.close()
