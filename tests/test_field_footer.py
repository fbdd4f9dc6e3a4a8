"""Pilot at 80x24: while a text field has the focus, the footer names the way out of it, and
that key does what it says (the composer's templates key, Network's who-at field)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from tests.test_network_pane import _export
from app_screen import screen_text
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable


def _footer(app: PasserelleApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_composer_footer_names_the_templates_key_at_80_columns(tmp_path: Path, passerelle_home: Paths) -> None:
    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.focused, Input)
        footer = _footer(app)
        assert "esc Leave field, then 1–5" in footer and "^n Templates" in footer, footer
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused is app.query_one("#template-list", OptionList)


async def test_the_who_at_field_says_how_to_leave_it_and_escape_gives_the_keys_back(tmp_path: Path,
                                                                                   passerelle_home: Paths) -> None:
    app = PasserelleApp(build_context(_export(tmp_path), passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.focused is app.query_one("#network-who-at", Input)
        assert "esc Leave field, then 1–5" in _footer(app), _footer(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one("#network-composition", FrameTable)
        assert "Leave field" not in _footer(app) and "t Next table" in _footer(app)
        await pilot.press("t")  # the pane's keys work again: the next table
        await pilot.pause()
        assert "Role families" in screen_text(app)
