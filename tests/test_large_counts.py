"""A network of thousands: the counts the panes say in words are written as the header
writes them (`1,234`, `1 234` in French), at the 80×24 a user opens."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app_screen import screen_text
from conftest import generated_export
from tui import i18n
from tui.app import PasserelleApp
from tui.launch import build_context


@pytest.fixture(scope="module")
def thousands(tmp_path_factory) -> Path:
    """An export with thousands of sent and of received invitations."""
    return generated_export(tmp_path_factory.mktemp("thousands"), 600, 6000, 200, seed=5)


@pytest.mark.parametrize("code, thousand", [("en", ","), ("fr", "\u202f")])
async def test_sent_and_session_counts_of_thousands_read_as_the_header_writes_them(
        code: str, thousand: str, thousands: Path, passerelle_home) -> None:
    i18n.set_language(code)
    context = build_context(thousands, passerelle_home)
    try:
        app = PasserelleApp(context)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            received = screen_text(app)
            await pilot.press("2")
            await pilot.pause()
            sent = screen_text(app).split("\n")[2]
    finally:
        context.store.close()
    big = rf"\d{re.escape(thousand)}\d{{3}}"
    assert re.search(rf"{big} (people waiting|personnes attendent)", received), received
    assert re.search(rf"(of|sur) {big} (decided|décidées)", received), received  # the session line
    assert re.search(rf"{big} (waiting|en attente)", sent), sent
    assert not re.search(r"\d{4}", sent), sent
