"""Pilot: what a French-speaking user reads where the screens show data-layer text (the
band's meaning on Network, the strategy's suggestion and its reason on Received)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from tui import i18n
from tui.app import PasserelleApp
from tui.launch import build_context

NBSP, NNBSP = "\u00a0", "\u202f"


async def _band_line(export: Path, passerelle_home) -> str:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("3")
            await app.workers.wait_for_complete()
            await pilot.pause()
            return app.query_one("#network-band", Static).render().plain
    finally:
        context.store.close()


async def test_the_network_band_line_is_french_without_a_stray_colon(export: Path, passerelle_home) -> None:
    from tui.core import bands

    english = await _band_line(export, passerelle_home)
    i18n.set_language("fr")
    french = await _band_line(export, passerelle_home)
    band = next(b for b in ("starting", "selective", "generous") if english.startswith(b))
    i18n.set_language("en")
    assert english == f"{band} — {bands.usage(band)} {bands.advice(band)}"
    assert " connections" not in english.split(" — ", 1)[1][:20]
    i18n.set_language("fr")
    assert french == f"{bands.name(band)} — {bands.usage(band)} {bands.advice(band)}"
    assert french.split(" — ", 1)[1][0].islower() and f"{NBSP}:" not in french.split(" — ", 1)[1][:3]
    assert "use;" not in french and "LinkedIn shows" not in french


async def test_the_role_families_table_names_families_in_french(export: Path, passerelle_home) -> None:
    from tui.network.role_names import FAMILY_NAMES, family_name
    from tui.ui.widgets.frame_table import FrameTable

    i18n.set_language("fr")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("3")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("t")  # Top companies → Role families
            await pilot.pause()
            frame = app.query_one("#network-composition", FrameTable).frame
            labels, values = frame["label"].to_list(), frame["value"].to_list()
    finally:
        context.store.close()
    known = [v for v in values if v in FAMILY_NAMES and family_name(v) != v]
    assert known, values
    assert all(labels[values.index(v)] == family_name(v) for v in known)  # "RH/recrutement", not "HR/recruiting"
    assert set(values) & set(FAMILY_NAMES)  # the values stay the English ids the drill-down filters on


@pytest.mark.parametrize("code", ["en", "fr"])
async def test_the_composer_opens_on_a_note_in_the_readers_language(export: Path, passerelle_home, code: str) -> None:
    from tui.ui.panes.composer_pane import ComposerPane

    i18n.set_language(code)
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.pause()
            await pilot.press("4")
            await app.workers.wait_for_complete()
            await pilot.pause()
            template = app.query_one(ComposerPane).template
    finally:
        context.store.close()
    if code == "fr":
        assert template.language == "fr"
    else:  # English keeps the first template, as always
        assert template.name == "Ask for an introduction (en)"


async def test_the_history_section_of_a_detail_is_headed_in_french(export: Path, passerelle_home) -> None:
    i18n.set_language("fr")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    try:
        async with app.run_test(size=(120, 60), notifications=True) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("down")
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
    finally:
        context.store.close()
    assert "Historique" in screen and "History" not in screen
