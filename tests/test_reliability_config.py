"""A broken config.toml: the app still starts with defaults and says what is wrong and where;
the headless commands refuse with one line. The file itself is never rewritten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from ui_export import ui_export

from conftest import REPO
from tui.app import PasserelleApp
from tui.config import Settings
from tui.launch import build_context

BROKEN = {
    "syntax": ('premium = tru\n', ["invalid TOML", "line 1"]),
    "wrong type": ('later_days = "seven"\n', ["later_days", "whole number"]),
    "unknown key with markup": ('"[@click=app.quit]x[/]" = 1\n', ["unknown setting '[@click=app.quit]x[/]'"]),
    "not UTF-8": (b"my_name = \"Jos\xe9\"\n", ["not UTF-8"]),
    "truncated mid-table": ('[role_families]\nsales = ["sales", "account\n', ["invalid TOML", "line 2"]),
}


@pytest.mark.parametrize("case", list(BROKEN))
async def test_app_starts_with_defaults_and_shows_the_problem(case: str, tmp_path: Path, passerelle_home) -> None:
    text, words = BROKEN[case]
    config = passerelle_home.settings_file
    config.parent.mkdir(parents=True)
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    before = config.read_bytes()
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(source, passerelle_home)
    assert context.settings == Settings()
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        shown = [m for m in messages if "config.toml" in m]
        assert len(shown) == 1, messages
        assert "using the defaults" in shown[0]
        for word in words:
            assert word in shown[0], shown[0]
        await pilot.press("a")  # the app works on defaults: a decision is saved
        await pilot.pause()
        assert app.is_running
        assert context.store.decisions().height == 1
    context.store.close()
    assert config.read_bytes() == before  # kept as the user wrote it, never "repaired"


def test_config_that_is_a_folder_is_a_config_error(tmp_path: Path, passerelle_home) -> None:
    passerelle_home.settings_file.mkdir(parents=True)
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(source, passerelle_home)
    try:
        assert context.settings == Settings()
        assert any("config.toml" in n and "cannot be read" in n for n in context.notices)
    finally:
        context.store.close()


def test_headless_commands_refuse_a_broken_config_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text("premium = tru\n", encoding="utf-8")
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    result = subprocess.run([sys.executable, "-m", "tui", "stats", str(source), "--home", str(home)],
                            cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "config.toml" in result.stderr and "line 1" in result.stderr
    assert "Traceback" not in result.stderr
