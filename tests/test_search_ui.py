"""Pilot: the composer's recipient search and the palette fold accents and forgive typos,
and the matched letters show underlined, names never read as markup."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from export_fixtures import connections_folder
from tui.app import PasserelleApp
from tui.ui.palette import FoldingCommands
from tui.ui.panes.composer_pane import ComposerPane
from tui.ui.widgets.composer_recipient import MATCH_STYLE

CONNECTIONS = (
    "Notes:\n\"When exporting your connection data, you may notice that some of the email "
    "addresses are missing.\"\n\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Amélie,Durand,https://www.linkedin.com/in/amelie-d,,Delta Médical,Nurse,03 Nov 2026\n"
    "Zofia,Taylor,https://www.linkedin.com/in/zofia-t,,Acme [EMEA],Engineer,02 Nov 2026\n"
    "Bo,Chen,https://www.linkedin.com/in/bo-chen,,Beta,Engineer,01 Nov 2026\n"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """The app's `context` (tests/conftest.py) opens this folder."""
    return connections_folder(tmp_path, CONNECTIONS)


def prompts(pane: ComposerPane) -> list:
    option_list = pane.query_one("#recipient-list", OptionList)
    return [option_list.get_option_at_index(i).prompt for i in range(option_list.option_count)]


async def test_recipient_search_without_accents_and_with_a_typo(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("4")
        pane = app.query_one(ComposerPane)
        pane.query_one("#recipient-search", Input).focus()
        await pilot.press(*"amelie")
        await pilot.pause()
        first = prompts(pane)
        assert [p.plain.split(" — ")[0] for p in first] == ["Amélie Durand"]
        underlined = [first[0].plain[s.start:s.end] for s in first[0].spans if str(s.style) == MATCH_STYLE]
        assert underlined == ["Amélie"]
        search = pane.query_one("#recipient-search", Input)
        search.value = ""
        await pilot.press(*"taylr")
        await pilot.pause()
        found = prompts(pane)
        assert found[0].plain.startswith("Zofia Taylor — Acme [EMEA]")  # brackets shown, not markup
        await pilot.press("enter")
        await pilot.pause()
        assert pane.recipient is not None and pane.recipient.full_name == "Zofia Taylor"


async def test_palette_matches_without_accents_or_capitals(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        provider = FoldingCommands(app.screen)
        hits = [hit async for hit in provider.search("CÔMPOSÉR fïnd")]
        titles = [str(hit.text) for hit in sorted(hits, key=lambda h: -h.score)]
        assert titles and titles[0] == "composer: find recipient"
        assert any(str(hit.text) == "received: accept" for hit in [h async for h in provider.search("recéived accept")])
