"""Pilot at 160x50: who-at shows "(typed in)" after a company typed in with `e`; the people
columns cut "Delta Médical (typed in) · invitation incoming" to "Delta Médi…", so nobody saw
which companies were their own typing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_export import ui_export

from app_screen import current, screen_text
from tui.app import PasserelleApp
from tui.launch import build_context


async def test_who_at_shows_the_typed_in_mark_on_screen(tmp_path: Path, passerelle_home) -> None:
    context = build_context(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"), passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        name = current(app)["name"]
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#info-company", Input).value = "Delta Médical"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.press("w", *"medical", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if name[:6] in line and "Delta" in line)
        assert "Delta Médical (typed in)" in row, row
    context.store.close()
