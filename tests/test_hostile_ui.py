"""Names and notes are data, never markup: hostile text shows literally in every pane."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ui_export import ui_export

from app_screen import screen_text
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
HOSTILE = [
    ("[/]", "slash-tag", "11/01/25, 9:00 AM", "Acme [/] Corp and Sales [/ Marketing"),
    ("Head of Sales [EMEA]", "head-emea", "11/02/25, 9:00 AM", "Jane [CEO] · VP [Eng] · Alex [he/him] · [$accent]x"),
    ("[@click=app.quit]x[/]", "clicker", "11/03/25, 9:00 AM", "[@click=app.screenshot('pwn.svg','.')]Accept[/]"),
    ("Osc Fifty-Two", "osc", "11/04/25, 9:00 AM", f"copy this {OSC52} and \x1b[2J clear"),
    ("evil\u202egnp.exe", "bidi", "11/05/25, 9:00 AM", "zero\u200bwidth"),
    ("Long Note", "long-note", "11/06/25, 9:00 AM", "word " * 2000),
]


async def test_every_pane_renders_hostile_text_literally(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=HOSTILE)
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        seen = ""
        for _ in HOSTILE:
            seen += screen_text(app)
            await pilot.press("j")
        for literal in ("[/]", "Head of Sales [EMEA]", "[@click=app.quit]x[/]", "Jane [CEO]", "Alex [he/him]",
                        "[$accent]x", "Acme [/] Corp", "Sales [/ Marketing"):
            assert literal in seen, literal
        assert "␛]52;c;cHduZWQ=␇" in seen and "␛[2J" in seen  # visible, inert
        assert "\x1b" not in seen and "\u202e" not in seen and "\u200b" not in seen
        assert "evil⇆gnp.exe" in seen
        # a 10,000-char note: the first 2,000 characters and how many more, and the layout holds
        await pilot.press("home")
        while table.current_row()["name"] != "Long Note":
            await pilot.press("j")
        await pilot.pause()
        body = str(app.query_one("#received-detail #detail-body").render())
        assert body.count("word") == 400 and "word … (7,999 more)" in body  # the reader strips the last space
        # clicking the planted action does nothing
        await pilot.press("home")
        while table.current_row()["name"] != "[@click=app.quit]x[/]":
            await pilot.press("j")
        await pilot.click("#received-table", offset=(3, table.cursor_row + 1))
        await pilot.click("#received-detail", offset=(2, 0))
        await pilot.pause()
        assert app.is_running
        assert not (Path.cwd() / "pwn.svg").exists()
        # a decision on a hostile name shows the name literally in the status line
        await pilot.press("a")
        assert "[@click=app.quit]x[/]" in screen_text(app)
        for key in ("2", "3", "escape", "4", "escape", "question_mark", "escape", "1"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        svg = app.export_screenshot()
        svg_text = html.unescape("".join(re.findall(r">([^<]*)</text>", svg))).replace("\xa0", " ")
        assert "Head of Sales [EMEA]" in svg_text and "[@click=app.quit]x[/]" in svg_text
    context.store.close()


async def test_hostile_notification_text_does_not_crash(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=HOSTILE[:3])
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("y")  # copies the URL and notifies
        await pilot.pause()
        app.query_one("#received").status("Acme [/] Corp")
        await pilot.pause()
        assert app.is_running and app.clipboard.startswith("https://")
    context.store.close()
