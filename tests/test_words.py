"""Words a user reads: plurals right, each key once in help, `R` without a strategy file
says how to make one."""

from __future__ import annotations

import re

from app_screen import SIZE
from tui.app import PasserelleApp
from tui.core.words import plural
from tui.ui.widgets.header_lines import title_line


def test_plural_and_the_header() -> None:
    assert [plural(n, "person") for n in (0, 1, 2, 1204)] == ["0 people", "1 person", "2 people", "1,204 people"]
    assert plural(1, "problem") == "1 problem" and plural(3, "invitation") == "3 invitations"
    line = title_line("export.zip", 1, 1, None).plain
    assert re.search(r"\b1 connection\b", line) and "1 person waiting" in line


def test_templates_and_strategy_preview_count_in_words(capsys, passerelle_home) -> None:
    from tui.cli.main import main

    assert main(["templates"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("18 templates in ")  # 9 starters in French and English


async def test_help_lists_each_key_once_per_pane(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("1", "question_mark")
        await pilot.pause()
        for area, rows in app.screen.sections():
            keys = [key for key, _text in rows]
            assert len(keys) == len(set(keys)), area


async def test_R_without_a_strategy_file_says_how_to_make_one(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert any("no strategy file yet" in m and "passerelle strategy --init" in m for m in said)
        assert any(str(context.paths.strategy_file) in m for m in said)
        assert type(app.screen).__name__ != "StrategyPreviewModal"
