"""What a user sees at 80×24 on the sample: the keys they need, the note, the network tables."""

from __future__ import annotations

import re
from pathlib import Path

from snapshot_apps import SAMPLE, settle, snapshot_app


def screen_text(app) -> str:
    """The screen's text, read from the same SVG a screenshot writes."""
    svg = app.export_screenshot().split("</style>")[-1].replace("&#160;", " ")
    return re.sub(r"<[^>]+>", "", svg)


async def test_received_footer_keeps_filter_view_and_help_at_80_columns(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, [])
        footer = " ".join(k.key_display + " " + k.description for k in app.query("RankedFooter FooterKey"))
        assert "/ Filter" in footer and "v Next view" in footer and "? Help" in footer
        assert all(k.region.right <= 80 for k in app.query("RankedFooter FooterKey"))  # all on screen


async def test_composer_shows_editor_preview_and_count_at_80x24(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["4"])
        text = screen_text(app)
        assert "Hello {first_name|there}" in text  # the template in the editor
        assert "Hello there, could you" in text  # the preview, rendered
        assert re.search(r"\b\d+/200 characters", text)
        for selector in ("#template-editor", "#preview", "#count"):
            region = app.query_one(selector).region
            assert region.height >= 1 and region.bottom <= 23 and region.right <= 80, selector
        footer = [k.key_display for k in app.query("RankedFooter FooterKey")]
        assert "esc" in footer  # the way out of the text field to ? help


async def test_network_at_80x24_shows_the_gauge_and_five_company_rows(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["3"])
        text = screen_text(app)
        assert re.search(r"starting 0–99 +selective 100–499 +generous 500\+", text)
        pane = app.query_one("NetworkPane")
        top = pane.view.tables["company"]["label"].head(5).to_list()
        assert all(name[:14] in text for name in top), top  # long names end in "…"
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        assert "New connections per month" in text and "2012" in text and "2026" in text


async def test_theme_from_the_settings_and_a_word_for_an_unknown_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    from tui.paths import Paths

    Paths.resolve(home).settings_file.write_text('theme = "textual-light"\n', encoding="utf-8")
    app = snapshot_app(SAMPLE, home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, [])
        assert app.theme == "textual-light"
    Paths.resolve(home).settings_file.write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = snapshot_app(SAMPLE, home)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, [])
        assert app.theme == "textual-dark"
        assert any("theme 'no-such-theme' is not known" in n.message for n in app._notifications)


async def test_growth_view_goes_back_to_the_tables_with_g_or_a_table_key(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["3", "g"])
        pane = app.query_one("NetworkPane")
        assert pane.has_class("-growth") and app.focused.id == "network-growth-view"
        await pilot.press("g")
        assert not pane.has_class("-growth") and app.focused.id == "network-composition"
        await pilot.press("g", "t")
        assert not pane.has_class("-growth") and app.focused.id == "network-composition"
        assert "Role families" in screen_text(app)


async def test_f6_swaps_the_recipient_column_for_the_advice_column_at_80x24(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["4"])
        assert "Budgets" not in screen_text(app) and "Recipient" in screen_text(app)
        await pilot.press("f6")
        await pilot.pause()
        text = screen_text(app)
        assert "Budgets" in text and "Personalised notes" in text
        assert re.search(r"\b\d+/200 characters", text)  # the note column stays
