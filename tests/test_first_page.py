"""The first page saved at exit: trusted only while nothing it was computed from changed,
shown at once on the next start, then replaced by the live queue on the same row."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from ui_export import ui_export

from tui.app import FIRST_PAGE_ID, PasserelleApp
from tui.data.errors import ExportError
from tui.data.first_page import COUNTED, FORMAT, PAGE_ROWS, ROW_FIELDS, page_keys, read_page
from tui.data.received import first_pages, received_rows
from tui.data.store import Person
from tui.data.triage import view_expr
from tui import launch
from tui.launch import build_context, open_app, save_first_page
from tui.panes.received_layout import COLUMNS
from tui.widgets.frame_table import FrameTable, RowList

SIZE = (140, 40)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")


def leave(context, source: Path) -> None:
    """What `passerelle` does on the way out."""
    save_first_page(context, source)
    context.store.close()


def screen_text(app: PasserelleApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def test_the_page_holds_what_the_live_pane_shows_first(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    page, = first_pages(context.export, context.store, export, [context.today],
                        passerelle_home.strategy_file, passerelle_home.settings_file)
    live = received_rows(context.export, context.store.decisions(), context.store.info(), context.today, None)
    shown = live.filter(view_expr("All"))
    assert page.rows == shown.head(PAGE_ROWS).select(ROW_FIELDS).to_dicts()
    assert page.pending == shown.height and page.counts["All"] == shown.height
    assert page.connections == context.export.connections.height
    assert {column.key for column in COLUMNS} <= set(ROW_FIELDS)
    assert set(page.counts) == COUNTED  # the views the page moves when a row is decided
    context.store.close()


def test_any_change_to_what_the_page_is_made_of_changes_its_key(export: Path, passerelle_home, tmp_path: Path) -> None:
    paths = passerelle_home
    paths.ensure()
    today = date(2026, 11, 23)

    def key(source: Path = export, revision: int = 3, day: date = today) -> str:
        return page_keys(source, revision, [day], paths.strategy_file, paths.settings_file)[0]

    first = key()
    assert key() == first
    assert key(revision=4) != first
    assert key(day=today + timedelta(days=1)) != first  # waited days and due "later"s move daily
    copy = tmp_path / "copy.zip"
    copy.write_bytes(export.read_bytes())
    assert key(copy) != first  # the name is on screen
    paths.strategy_file.write_text('[[rule]]\nwhen = "flag:suspicious"\nthen = "ignore"\n')
    assert key() != first
    second = key()
    paths.settings_file.write_text("later_days = 3\n")
    assert key() != second
    export.write_bytes(export.read_bytes() + b"\0")
    assert key() not in (first, second)


def test_a_page_from_another_source_or_an_edited_file_is_not_read(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    leave(context, export)
    page_file = passerelle_home.first_page
    stamp = export.stat()
    assert read_page(page_file, export, lambda: read_page_key(passerelle_home, export)) is not None
    os.utime(export, ns=(0, 0))  # touched: not hashed at all, just not trusted
    assert read_page(page_file, export, lambda: pytest.fail("hashed")) is None
    os.utime(export, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    saved = json.loads(page_file.read_text())
    saved["pages"][0]["rows"][0].pop("key")  # damaged, though its key still matches
    page_file.write_text(json.dumps(saved))
    assert read_page(page_file, export, lambda: read_page_key(passerelle_home, export)) is None
    for damaged in ("{not json", "[]", json.dumps({"format": FORMAT, "pages": [1]})):
        page_file.write_text(damaged)
        assert read_page(page_file, export, lambda: pytest.fail("hashed")) is None


def read_page_key(paths, source: Path) -> str:
    from tui.data.store import Store

    with Store.open(paths.database) as store:
        return page_keys(source, store.revision(), [date.today()], paths.strategy_file, paths.settings_file)[0]


async def test_a_second_start_shows_the_saved_page_then_the_live_queue_on_the_same_row(export: Path, passerelle_home) -> None:
    leave(build_context(export, passerelle_home), export)
    app = open_app(export, passerelle_home)
    assert app.context.export is None  # nothing read yet: the page is enough to paint
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(f"#{FIRST_PAGE_ID} FrameTable", FrameTable)
        assert isinstance(table.frame, RowList)
        first_rows = [row["name"] for row in table.frame.rows]
        await pilot.press("down", "down")
        await app.workers.wait_for_complete()
        await pilot.pause()
        live = app.query_one("#received #received-table", FrameTable)
        assert not app.query(f"#{FIRST_PAGE_ID}")
        assert live.frame["name"].to_list()[: len(first_rows)] == first_rows
        assert live.cursor_row == 2 and live.scroll_y == 0 and app.focused is live
        assert "Loading the details" not in screen_text(app)
        row = live.current_row()
        await pilot.press("a")  # the live pane takes keys
        assert app.context.store.decisions()["key"].to_list() == [row["key"]]
    leave(app.context, export)


async def test_triage_keys_work_on_the_page_before_the_export_is_read(
        export: Path, passerelle_home, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding needs the store, not the frames: saved at the key press, then the live pane
    carries on with the same session; keys that need the frames say they were not taken."""
    leave(build_context(export, passerelle_home), export)
    reading = threading.Event()
    real_load = launch.load
    monkeypatch.setattr(launch, "load", lambda *args: reading.wait(10) and real_load(*args))  # hold the read
    app = open_app(export, passerelle_home)
    async with app.run_test(size=SIZE) as pilot:
        page = app.query_one(f"#{FIRST_PAGE_ID}")
        table = page.query_one(FrameTable)
        await pilot.press("down")
        chosen = table.current_row()
        await pilot.press("a")
        assert decided(app) == {chosen["key"]: "accept"}  # durable before anything is read
        assert chosen["key"] not in [row["key"] for row in table.frame.rows]
        assert "saved accept" in screen_text(app) and "7 people waiting" in screen_text(app)
        assert "All 7" in screen_text(app) and "Decided 1" in screen_text(app)
        await pilot.press("u")
        assert decided(app) == {}
        assert table.current_row()["key"] == chosen["key"]  # back, under the cursor
        await pilot.press("a", "slash")
        assert "was not taken" in screen_text(app)  # the filter needs the frames
        assert "received: accept" in [command.title for command in app.get_system_commands(app.screen)]
        page_views = app.query_one(f"#{FIRST_PAGE_ID} ViewTabs").counts
        page_detail = detail_text(app)
        assert "Signals" in page_detail and table.current_row()["name"] in page_detail
        await pilot.press("question_mark")
        assert "Take suggestion" in screen_text(app)  # help lists the page's keys
        reading.set()  # the live pane comes in behind the help screen
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape")
        assert not app.query(f"#{FIRST_PAGE_ID}")
        live = app.query_one("#received-table", FrameTable)
        assert app.focused is live
        assert chosen["key"] not in live.frame["key"].to_list()
        assert app.query_one("#received-views").counts == page_views
        assert "This session: 1 of 8 decided" in screen_text(app)
        assert "saved accept" in screen_text(app)  # what the page last said carries over
        assert detail_text(app) == page_detail  # the page's detail was the live one
        assert decided(app) == {chosen["key"]: "accept"}
    leave(app.context, export)


def detail_text(app: PasserelleApp) -> str:
    return app.query_one("#detail-body").content.plain


def decided(app: PasserelleApp) -> dict[str, str]:
    frame = app.context.store.decisions()
    return dict(zip(frame["key"].to_list(), frame["decision"].to_list()))


def test_the_page_saved_yesterday_for_today_is_used(export: Path, passerelle_home) -> None:
    """Pages are saved for the day and the next: the first start of a day is quick too."""
    for days_ago, used in ((1, True), (2, False)):
        context = build_context(export, passerelle_home)
        live = received_rows(context.export, context.store.decisions(), context.store.info(), context.today, None)
        context.today -= timedelta(days=days_ago)  # as if left then
        leave(context, export)
        app = open_app(export, passerelle_home)
        assert (app.first_page is not None) == used
        if used:  # waited days as of today, not as of the day it was saved
            assert app.first_page.rows[0]["waited_days"] == live.filter(view_expr("All"))["waited_days"][0]
        app.context.store.close()


def test_a_decision_made_elsewhere_means_the_ordinary_start(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    leave(context, export)
    app = open_app(export, passerelle_home)
    assert app.first_page is not None
    app.context.store.decide([Person("x", "X")], "accept")  # e.g. `passerelle` in another window
    app.context.store.close()
    again = open_app(export, passerelle_home)
    assert again.first_page is None and again.context.export is not None
    again.context.store.close()


async def test_an_export_gone_after_the_page_was_shown_exits_with_its_error(export: Path, passerelle_home) -> None:
    leave(build_context(export, passerelle_home), export)
    app = open_app(export, passerelle_home)
    export.unlink()  # removed while the saved page was being shown
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert isinstance(app.startup_error, ExportError) and export.name in str(app.startup_error)
    app.context.store.close()


def test_opening_on_the_saved_page_does_not_import_polars(export: Path, passerelle_home) -> None:
    """The point of the page: everything up to the first paint runs without Polars."""
    leave(build_context(export, passerelle_home), export)
    code = (
        "import sys\nfrom pathlib import Path\nfrom tui.launch import open_app\nfrom tui.paths import Paths\n"
        f"app = open_app(Path({str(export)!r}), Paths.resolve({str(passerelle_home.config.parent)!r}))\n"
        "print(app.first_page is not None, 'polars' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


async def test_quitting_while_the_other_panes_mount_is_clean(export: Path, passerelle_home) -> None:
    """`q` just as the live queue appears: the panes being mounted then must not crash the exit."""
    app = PasserelleApp(build_context(export, passerelle_home))
    async with app.run_test(size=SIZE):
        app._mount_other_panes()  # what follows the first frame…
        app.exit()  # …and the user leaving at that very moment
    assert app.return_code in (0, None)
    app.context.store.close()
