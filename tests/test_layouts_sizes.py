"""The lists at the sizes terminals open with: whole names first, the detail under the list when narrow."""

from __future__ import annotations

from pathlib import Path

import pytest

from app_screen import frames
from snapshot_apps import SAMPLE, settle, snapshot_app
from test_layouts import screen_text


def visible_names(table) -> list[str]:
    """The names of the rows the table shows on screen."""
    top = round(table.scroll_y)
    rows = range(top, min(table.row_count, top + table.size.height - 1))
    return [table.frame.row(i, named=True)["name"] or "" for i in rows]


@pytest.mark.parametrize("pane, keys", [("received", []), ("sent", ["2"])])
async def test_every_name_keeps_16_characters_at_80x24(tmp_path: Path, pane: str, keys: list[str]) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, keys)
        table = app.query_one(f"#{pane}-table")
        names = visible_names(table)
        assert len(names) >= 8  # the list keeps rows to choose from
        text = screen_text(app)
        for name in names:
            assert name.strip()[:16] in text, name


@pytest.mark.parametrize("pane, keys", [("received", []), ("sent", ["2"])])
async def test_the_detail_goes_under_the_list_below_100_columns(tmp_path: Path, pane: str, keys: list[str]) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, keys)
        table, detail = app.query_one(f"#{pane}-table"), app.query_one(f"#{pane}-detail")
        assert detail.region.y >= table.region.bottom and detail.region.height >= 4  # under, and readable
        assert table.region.width >= 78  # the list has the whole width: the note column takes what is left
        first = table.frame.row(0, named=True)
        assert first["name"] in screen_text(app)  # the detail names the highlighted person in full
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert detail.region.x >= table.region.right and detail.region.y == table.region.y  # beside it again


async def test_the_first_frame_at_80_columns_has_the_detail_under_the_list(tmp_path: Path) -> None:
    """No frame is drawn with the detail beside the list and then redrawn under it."""
    app = snapshot_app(SAMPLE, tmp_path / "home")
    beside = frames(app, lambda screen: d.first().region.x > 0 if (d := screen.query("#received-detail")) else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, [])
    assert beside and not any(beside)


@pytest.mark.parametrize("size, variants", [((80, 24), {"sent": {"-narrow"}, "network": {"-narrow", "-short"},
                                                      "composer": {"-narrow", "-tight", "-short"}}),
                                          ((160, 50), {"sent": set(), "network": set(), "composer": set()})])
@pytest.mark.parametrize("pane, key", [("sent", "2"), ("network", "3"), ("composer", "4")])
async def test_a_pane_shown_the_first_time_is_drawn_in_its_layout_for_the_terminal(
        tmp_path: Path, size: tuple[int, int], variants: dict, pane: str, key: str) -> None:
    """Panes are mounted hidden after the first rows: no frame shows one in the layout of
    another width (the wide one at 80 columns) before it is drawn again in its own."""
    app = snapshot_app(SAMPLE, tmp_path / "home")

    def variants_drawn(screen) -> set[str] | None:
        shown = screen.query(f"#{pane}")
        if shown and shown.first().display:
            return {c for c in shown.first().classes if c in ("-narrow", "-tight", "-short")}
        return None

    drawn = frames(app, variants_drawn)
    async with app.run_test(size=size) as pilot:
        await settle(pilot, [key])
    assert drawn and all(classes == variants[pane] for classes in drawn), drawn


async def test_signal_words_are_whole_when_the_list_has_room(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, [])
        text = screen_text(app)
        assert "⚠ suspicious " in text and "✎ note ✉ talked" in text


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("pane, keys", [("received", []), ("sent", ["2"]), ("network", ["3"]), ("growth", ["3", "g"]),
                                        ("composer", ["4"]), ("todo", ["5"])])
async def test_the_footer_keeps_five_keys_and_help_at_80_columns(tmp_path: Path, language: str, pane: str,
                                                                 keys: list[str]) -> None:
    from tui import i18n

    i18n.set_language(language)
    try:
        app = snapshot_app(SAMPLE, tmp_path / "home")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, keys)
            shown = list(app.query("RankedFooter FooterKey"))
            assert all(k.region.right <= 80 and k.region.width > 0 for k in shown)  # every one on screen
            pane_keys = [k for k in shown if k.key_display not in ("?", "^p")]
            assert len(pane_keys) >= 5, [k.key_display for k in shown]
            assert all(k.description.strip(" …") for k in pane_keys)  # each with a word, even shortened
            helps = [k.key_display for k in shown]
            assert ("esc" in helps) if pane == "composer" else ("?" in helps)  # in a text field esc leads to ?
            if pane == "received":
                assert "/" in helps and "v" in helps
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("pane, keys", [("received", []), ("sent", ["2"])])
async def test_on_a_wide_screen_the_note_takes_what_is_left(tmp_path: Path, pane: str, keys: list[str]) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(250, 70)) as pilot:
        await settle(pilot, keys)
        table = app.query_one(f"#{pane}-table")
        widths = dict(zip((c.key for c in table.columns), table._column_widths(table.scrollable_content_region.width)))
        assert 17 <= widths["name"] <= 32 and widths["note"] == max(widths.values()) and widths["note"] >= 70
        first = table.frame.row(0, named=True)
        assert first["note"].strip()[:60] in screen_text(app)  # most of a note reads in the list


async def test_a_later_come_back_is_drawn_in_the_warning_colour_and_says_due(tmp_path: Path) -> None:
    from datetime import timedelta

    from snapshot_apps import TODAY
    from tui.store.store import Person

    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, [])
        pane, table = app.query_one("#received"), app.query_one("#received-table")
        key = table.frame.row(2, named=True)["key"]
        app.context.store.decide([Person(key)], "later", until=TODAY - timedelta(days=1))
        pane.reload(keep_key=key)
        await pilot.pause()
        index = pane.rows.keys.index(key)
        assert "↺ due" in " ".join(str(c) for c in table._cells_for(index))  # said in words too
        table.move_cursor(0 if index else 1)  # the cursor's colour would hide the row's
        table.scroll_to(y=max(0, index - 3), animate=False)
        await pilot.pause()
        warning = table.get_component_rich_style("frame-table--due").color
        strip = table.render_line(index - round(table.scroll_y) + 1)
        assert warning is not None and any(seg.style and seg.style.color == warning for seg in strip)
        others = table.render_line(1 if index - round(table.scroll_y) != 0 else 2)
        assert not any(seg.style and seg.style.color == warning for seg in others)


@pytest.mark.parametrize("keys, words", [
    ([], ["⚠ suspicious", "✎ note", "✉ talked"]),
    (["3"], ["▲ you: 784 (generous)", "starting 0–99", "selective 100–499", "generous 500+"]),
    (["3", "g"], ["┄ 100 and 500: the bands", "500┤", "100┤", "· none", "░ 1–2", "acc: share of the invitations"]),
])
async def test_with_no_color_every_meaning_is_still_said(tmp_path: Path, monkeypatch, keys, words) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot, keys)
        assert app.no_color  # the screen is monochrome: only the words and symbols carry meaning
        text = screen_text(app)
        if keys == ["3", "g"]:
            app.query_one("#network-growth-view").scroll_end(animate=False)
            await pilot.pause()
            text += screen_text(app)
        for word in words:
            assert word in text, word


SIZES = [(80, 24), (100, 30), (120, 40), (160, 50), (250, 70)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_composer_shows_editor_preview_and_count_at_every_size(tmp_path: Path, size) -> None:
    import re

    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=size) as pilot:
        await settle(pilot, ["4"])
        width, height = size
        for selector in ("#template-editor", "#preview", "#count"):
            region = app.query_one(selector).region
            assert region.height >= 1 and region.bottom <= height - 1 and region.right <= width, selector
            assert region.width >= 40, selector  # never the 14-column editor of old
        assert re.search(r"\b\d+/200 characters", screen_text(app))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_network_shows_the_gauge_and_five_companies_at_every_size(tmp_path: Path, size) -> None:
    import re

    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=size) as pilot:
        await settle(pilot, ["3"])
        text = screen_text(app)
        assert re.search(r"starting 0–99 +selective 100–499 +generous 500\+", text)  # never run together
        assert "▲ you: 784 (generous)" in text
        table = app.query_one("#network-composition")
        assert table.region.bottom <= size[1] - 1 and table.region.height >= 6  # the header and five rows
        top = app.query_one("NetworkPane").view.tables["company"]["label"].head(5).to_list()
        assert all(name[:14] in text for name in top), top


async def test_the_palette_switches_the_theme_and_the_gauge_follows(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, ["3"])
        gauge = app.query_one("#network-gauge")
        before = {seg.style.color for seg in gauge.render_lines(gauge.region.reset_offset)[0] if seg.style}
        themes = [c for c in app.get_system_commands(app.screen) if c.title == "Theme"]
        assert themes  # offered in the palette
        themes[0].callback()  # as choosing it there does: the list of themes opens
        await pilot.pause()
        await pilot.press(*"textual-light")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "textual-light"
        after = {seg.style.color for seg in gauge.render_lines(gauge.region.reset_offset)[0] if seg.style}
        assert len(after - {None}) >= 3 and after != before  # three band colours, the light theme's


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 50)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_people_behind_a_company_keep_their_names(tmp_path: Path, size) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=size) as pilot:
        await settle(pilot, ["3"])  # the tables are read
        await settle(pilot, ["enter"])  # then the people behind the first company
        people = app.query_one("#network-people")
        assert people.row_count >= 5  # Norvane Systems' people
        text = screen_text(app)
        for name in visible_names_of(people, "full_name"):
            assert name[:16] in text, name
        assert ("how the" in text) == (size[0] >= 110)  # the column that goes when narrow


def visible_names_of(table, key: str) -> list[str]:
    top = round(table.scroll_y)
    return [table.frame.row(i, named=True)[key] or "" for i in range(top, min(table.row_count, top + table.size.height - 1))]


def test_each_signal_has_a_symbol_and_a_word() -> None:
    from tui.ui.panes.received_columns import signals_cell

    row = {"suspicious": True, "later_due": True, "has_note": True, "bridge": True, "messaged_before": True}
    assert signals_cell(row) == "⚠ suspicious ↺ due ✎ note ⇄ bridge ✉ talked"
    assert signals_cell({"bridge": True}) == "⇄ bridge" and signals_cell({}) == ""


@pytest.mark.parametrize("word, names", [("amelie", {"Amélie Taylor"}), ("lea", {"Léa Tanaka", "Noor [@click=app.quit]x"})])
async def test_the_readme_filter_examples_work_on_the_bundled_sample(tmp_path: Path, word: str, names: set[str]) -> None:
    """README: on the sample a new user first opens, `amelie` finds Amélie, `lea` Léa (and a
    note about machine learning): typed at once, unaccented, at 80 columns."""
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["slash", *word])
        table = app.query_one("#received-table")
        assert set(visible_names(table)) == names
        text = screen_text(app)
        assert all(name[:16] in text for name in names)
