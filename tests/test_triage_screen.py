"""Pilot: the received pane from the store — screen and store agree after every key, keys
typed at the earliest moment of a start go where they were aimed, the table at 80×24."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from ui_export import ui_export

from app_screen import decided, screen_text
from conftest import REPO
from tui.app import PasserelleApp
from tui.store import queues as queue
from tui.launch import build_context
from tui.run import open_app
from tui.ui.widgets.frame_table import FrameTable

INCOMING = [
    ("Anne Dupont", "anne-dupont", "10/01/25, 8:30 AM", "We met at PyData, great talk on pipelines!"),
    ("Inès Moreau", "ines-moreau", "11/02/25, 9:00 AM", "Bonjour, je travaille en logistique à Lyon."),
    ("Crypto Wealth Ltd", "crypto-wealth", "11/07/25, 7:00 AM", "Kindly contact me on WhatsApp for investment"),
    *[(f"Marie-Alexandrine {surname}", f"person-{n}", f"11/{n + 1:02d}/25, 9:00 AM", "")
      for n, surname in enumerate(("Vandenberghe", "Oudenaarde", "Lefebvre", "Castellanos", "Brandstetter",
                                   "Kowalczyk", "Nakamura", "Oyelaran", "Fitzgerald", "Dubreuil"))],
]


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=INCOMING)


def burst(app: PasserelleApp, text: str) -> None:
    """Keys as a terminal delivers a fast typist's burst: all queued before any is handled."""
    for ch in text:
        app.post_message(events.Key({"/": "slash", "\r": "enter", "\x7f": "backspace", "\x1b": "escape"}.get(ch, ch), ch))


def assert_screen_is_store(app: PasserelleApp) -> None:
    """The rows shown are what a fresh query of the store returns, in order."""
    pane, ctx = app.query_one("#received"), app.context
    fresh = queue.received_ids(ctx.store, ctx.triage_set.id, ctx.today, pane.digest, pane.view, pane.filter)
    assert pane.rows.keys == [k for _, k in fresh]
    assert pane.counts == queue.view_counts(ctx.store, ctx.triage_set.id, ctx.today, pane.digest, pane.filter)
    row = pane.table.current_row()
    if row is not None:
        assert row["name"][:12] in screen_text(app)


async def test_screen_and_store_agree_after_every_key(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    expected: dict[str, str] = {}
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        for key, decision in [("a", "accept"), ("j", None), ("i", "ignore"), ("l", "later"), ("u", "undo"),
                              ("U", "redo"), ("u", "undo"), ("f", "follow"), ("v", None), ("s", "suspicious")]:
            row = table.current_row()
            await pilot.press(key)
            await pilot.pause()
            if decision == "undo":
                expected.pop(last, None)
            elif decision == "redo":
                expected[last] = "later"
            elif decision is not None:
                expected[row["key"]] = decision
                last = row["key"]
            assert decided(context) == expected, key
            assert_screen_is_store(app)
    context.store.close()


async def test_a_bulk_decision_leaves_the_cursor_on_the_next_undecided_row(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        keys = list(app.query_one("#received").rows.keys)
        await pilot.press("j", "j", "space", "j", "space")  # marks rows 2 and 4 (0-based)
        await pilot.press("i")
        assert decided(context) == {keys[2]: "ignore", keys[4]: "ignore"}
        assert table.current_key() == keys[3]  # the first undecided row at or after row 2
        assert_screen_is_store(app)
    context.store.close()


async def test_the_table_at_80_by_24(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        labels = [c.label for c in table.columns]
        assert "Suggests" not in labels  # no strategy: the column would be empty
        assert table._column_widths(table.scrollable_content_region.width)[0] >= 17
        assert "Marie-Alexandrin" in screen_text(app)  # at least 16 characters of the name
        pane = app.query_one("#received")
        index = pane.rows.keys.index("in:crypto-wealth")
        assert "⚠ suspicious" in " ".join(c.plain for c in table._cells_for(index))  # said in words, not colour alone
        y = index - round(table.scroll_y) + 1
        if 0 < y < table.size.height:
            strip = table.render_line(y)
            alert = table.get_component_rich_style("frame-table--alert")
            assert any(seg.style and seg.style.color == alert.color for seg in strip)
        assert "✎ note" in " ".join(c.plain for c in table._cells_for(pane.rows.keys.index("in:anne-dupont")))
        await pilot.press("a")
        for _ in range(5):
            await pilot.press("v")  # … to the Decided view
        assert pane.view == "Decided"
        assert [c.label for c in table.columns][3] == "Decision"
    context.store.close()


async def test_keys_typed_at_the_earliest_moment_filter_on_a_start_from_the_store(export: Path, passerelle_home) -> None:
    build_context(export, passerelle_home).store.close()  # imported once
    app = open_app(export, passerelle_home)
    assert app.context.triage_set is not None and app.context.export is None
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        # Before the first frame is even painted; the typo and its backspace (a binding of the
        # filter field, read as the key bubbles back up) each count once.
        burst(app, "/annx\x7fe")
        await pilot.pause()
        await pilot.pause()
        pane = app.query_one("#received")
        assert app.query_one("#filter-input").value == "anne"
        assert pane.rows.keys == ["in:anne-dupont"]
        burst(app, "\ra")  # enter, then a decision key at once: it decides the filtered row
        await pilot.pause()
        await pilot.pause()
        assert decided(app.context) == {"in:anne-dupont": "accept"}
        assert "not taken" not in screen_text(app)
    app.context.store.close()


async def test_a_key_typed_after_a_burst_that_closes_and_reopens_the_filter_goes_into_it(
        export: Path, passerelle_home) -> None:
    """`1/zz`, escape, `/jo` typed while the table has focus, then `n` read a moment later:
    the keys before `n` go to the filter, back to the table (escape) and to the filter again,
    while `n` comes back up from the table on its own. It must land behind them, in the new
    filter, whatever the moment it is read (it was dropped when it came back between them)."""
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        field = app.query_one("#filter-input")
        for moment in range(0, 30, 2):  # event-loop turns between the burst and the `n`
            burst(app, "2")  # from another pane: `1` moves focus back to the table first
            await pilot.pause()
            burst(app, "1/zz\x1b/jo")
            for _ in range(moment):
                await asyncio.sleep(0)
            burst(app, "n")
            for _ in range(5):
                await pilot.pause()
            assert field.value == "jon", moment
            burst(app, "\x1b")
            await pilot.pause()
    context.store.close()


@pytest.mark.parametrize("key, pane", [("2", "sent"), ("5", "todo"), ("3", "network"), ("4", "composer")])
async def test_a_pane_key_at_the_earliest_moment_of_a_start_from_the_store_shows_that_pane(
        export: Path, passerelle_home, key: str, pane: str) -> None:
    build_context(export, passerelle_home).store.close()  # imported once
    app = open_app(export, passerelle_home)
    assert app.context.export is None  # the frames are not read: sent and to do need only the store
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        burst(app, key)  # before the first frame is even painted
        for _ in range(40):  # network and composer wait for the export's frames (a worker)
            await pilot.pause()
            await app.workers.wait_for_complete()
            if app.query_one("ContentSwitcher").current == pane:
                break
        assert app.query_one("ContentSwitcher").current == pane
        assert app.return_code is None  # still running: no crash on the way
    app.context.store.close()


async def test_a_first_start_reads_the_export_visibly_and_keeps_the_keys_typed_meanwhile(
        export: Path, passerelle_home) -> None:
    app = open_app(export, passerelle_home)
    assert app.context.store is None and not passerelle_home.database.exists()  # nothing written yet
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        burst(app, "/anne")
        await pilot.pause()
        pane = app.query_one("#received")
        if app.context.triage_set is None:  # still reading: the pane says so
            assert pane.has_class("reading") and "Reading the export" in screen_text(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not pane.has_class("reading")
        assert app.query_one("#filter-input").value == "anne"
        assert pane.rows.keys == ["in:anne-dupont"]
        assert decided(app.context) == {}
        assert app.query("RankedFooter"), "the footer is there once the rows are"
    app.context.store.close()


def test_a_start_from_the_store_paints_its_rows_before_polars_is_imported(export: Path, passerelle_home) -> None:
    home = passerelle_home.config.parent
    subprocess.run([sys.executable, "-m", "tui", "import", "--home", str(home), str(export)],
                   cwd=REPO, check=True, capture_output=True)
    code = f"""
import asyncio, sys
from pathlib import Path
from tui.run import open_app
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

seen = []
draw = FrameTable.render_line
def render_line(self, y):
    if y >= 1 and self.frame.height and not seen:
        seen.append('polars' in sys.modules)
    return draw(self, y)
FrameTable.render_line = render_line

async def main():
    app = open_app(None, Paths.resolve(Path({str(home)!r})))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        print(seen, app.query_one('#received').rows.height)
    app.context.store.close()
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[False]", str(len(INCOMING))]


async def test_a_first_open_in_a_terminal_saves_the_frames_for_the_next_open_after_its_rows(
        export: Path, passerelle_home, monkeypatch) -> None:
    import tui.launch as launch
    from tui.export import frame_cache as export_cache
    from tui.export.source import read_source

    # As in a terminal: the export is only checked before the app, read in the app's worker.
    monkeypatch.setattr(launch, "_check_readable", lambda path, paths, store, reader=None: read_source(path, keep=True) and None)
    app = open_app(export, passerelle_home)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(50):  # the frames are saved by a worker started after the rows show
            if any(w.group == "cache" for w in app.workers) or any(passerelle_home.frames_cache.glob("*/meta.json")):
                break
            await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.query_one("#received").rows.height == len(INCOMING)
    app.context.store.close()

    def parse(*_a, **_k):
        raise AssertionError("parsed the CSV again: the frames were not saved")

    monkeypatch.setattr(export_cache, "load_export", parse)
    again = export_cache.load_export_cached(export, passerelle_home.frames_cache, write=False)
    assert again.invitations.height == app.context.export.invitations.height
