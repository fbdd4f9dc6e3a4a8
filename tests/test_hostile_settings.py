"""Every settings file Passerelle reads, not only the ones it parses first: a FIFO at
strategy.toml or companies.toml, or config.toml when the app rewrites it, must never hang a
command or the app, nor /dev/zero fill the memory. Real FIFOs, real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from export_fixtures import make_zip, sample_members
from tui.core.errors import ConfigError
from tui.core.files import digest_input, read_text_or_empty
from tui.triage.saved_views import save_view


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    # A regression hangs on the FIFO: the timeout turns it into a failure, not a stuck suite.
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def _imported_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    source = make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip", sample_members())
    assert passerelle("import", str(source), home=home).returncode == 0
    return home


@pytest.mark.parametrize("name", ["strategy.toml", "companies.toml"])
def test_stats_never_hangs_on_a_fifo_among_the_files_its_figures_depend_on(name: str, tmp_path: Path) -> None:
    """`stats` hashed strategy.toml and companies.toml with a plain read: a FIFO hung it forever."""
    home = _imported_home(tmp_path)
    os.mkfifo(home / "config" / name)
    result = passerelle("stats", home=home)
    if name == "strategy.toml":  # the figures do not read the strategy: they are printed
        assert result.returncode == 0 and "Connections: 3" in result.stdout, result.stderr
    else:  # the company rules are read: one line naming the file
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert name in result.stderr and "not a regular file" in result.stderr


APP_WITH_FIFO = r"""
import asyncio, sys
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.paths import Paths

async def main() -> None:
    app = PasserelleApp(build_context(None, Paths.resolve(sys.argv[1])))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("rows", app.query_one("#received-table").row_count, flush=True)

asyncio.run(main())
"""


def test_the_app_starts_with_a_fifo_at_strategy_toml(tmp_path: Path) -> None:
    """The Received pane hashed strategy.toml with a plain read: a blank screen, forever."""
    home = _imported_home(tmp_path)
    os.mkfifo(home / "config" / "strategy.toml")
    result = subprocess.run([sys.executable, "-c", APP_WITH_FIFO, str(home)], cwd=REPO, capture_output=True,
                            text=True, timeout=90, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "rows 1" in result.stdout  # the one invitation still waiting in the sample members


REWRITE_FIFO = r"""
import sys
from pathlib import Path
from tui.triage.saved_views import save_view
from tui.ui.language_switch import save_language

for save in (lambda p: save_language(p, "fr"), lambda p: save_view(p, "Mine", "note")):
    try:
        save(Path(sys.argv[1]))
        print("saved")
    except ValueError as exc:
        print("refused:", exc)
"""


def test_switching_language_or_saving_a_view_never_blocks_on_a_fifo_config(tmp_path: Path) -> None:
    """The app starts on defaults when config.toml is a FIFO; rewriting it then read the FIFO."""
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-c", REWRITE_FIFO, str(fifo)], cwd=REPO, capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("refused: config.toml could not be updated safely") for line in lines)
    assert 'set language = "fr" by hand' in lines[0] and "add the view by hand" in lines[1]
    assert fifo.is_fifo()  # the user's file is left as it was, never replaced


def test_a_link_to_dev_zero_is_read_no_further_than_the_cap(tmp_path: Path) -> None:
    link = tmp_path / "strategy.toml"
    link.symlink_to("/dev/zero")
    assert digest_input(link).startswith(b"\0unreadable\0")  # a key, not all of memory
    with pytest.raises(ConfigError, match="not a regular file"):
        read_text_or_empty(link)
    assert read_text_or_empty(tmp_path / "missing.toml") == ""


def test_saving_a_view_into_a_config_nested_too_deeply_is_refused_not_a_crash(tmp_path: Path) -> None:
    """The app starts on defaults then; saving a view checked the result with a bare
    tomllib.loads, and its RecursionError crashed the app."""
    config = tmp_path / "config.toml"
    deep = "x = " + "[" * 5000 + "]" * 5000 + "\n"
    config.write_text(deep)
    with pytest.raises(ValueError, match="could not be updated safely .*nested too deeply"):
        save_view(config, "Mine", "note")
    assert config.read_text() == deep  # never rewritten
