"""A new export's first rows come before everything else the reader process does: the import
record, its snapshot, the frames' cache and the figures of `passerelle stats` wait until the
app has painted the rows, so the two processes never share the cores while the user waits."""

from __future__ import annotations

import io
import threading
import json
from datetime import date
from pathlib import Path

from textual.widgets import ProgressBar
from ui_export import ui_export

from tui import first_open, launch
from tui.app import PasserelleApp
from tui.paths import Paths
from tui.store.queues import query
from tui.store.store import Store
from tui.ui.widgets.frame_table import FrameTable


class Stops:
    """A stdin whose one line comes only when the test has looked at what was written so far."""

    def __init__(self, paths: Paths, out: io.StringIO) -> None:
        self.paths, self.out, self.seen = paths, out, None

    def readline(self) -> bytes:
        said = [json.loads(line) for line in self.out.getvalue().splitlines()]
        store = Store.open(self.paths.database)
        try:
            self.seen = {"said": [next(iter(m)) for m in said], "import": store.last_import(),
                         "rows": query(store, "SELECT count(*) FROM triage_rows")[0][0]}
        finally:
            store.close()
        self.seen["cache"] = any(self.paths.frames_cache.glob("*/meta.json"))
        self.seen["snapshots"] = self.paths.snapshots.exists() and any(self.paths.snapshots.iterdir())
        return b"shown\n"


def test_the_reader_records_the_import_only_once_the_app_has_shown_the_rows(tmp_path: Path,
                                                                             passerelle_home: Paths) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    out = io.StringIO()
    stops = Stops(passerelle_home, out)
    first_open.read(export, passerelle_home, date(2025, 11, 25), out, stops)
    assert stops.seen["said"] == ["checked", "step", "step", "step", "step", "rows"] and stops.seen["rows"] > 0
    assert stops.seen["import"] is None and not stops.seen["cache"] and not stops.seen["snapshots"]
    store = Store.open(passerelle_home.database)
    try:  # once told, the reader did all the rest
        assert store.last_import().source == str(export.absolute())
    finally:
        store.close()
    assert any(passerelle_home.frames_cache.glob("*/meta.json"))


class Watched(first_open.FirstOpen):
    """The real reader process; notes whether the first rows were painted when the app let it go on."""

    painted: list[bool] = []  # a table line of a row was painted (FrameTable.render_line, below)
    rows_painted_then: bool | None = None

    def rest(self) -> list[str]:
        self.rows_painted_then = bool(self.painted)
        return super().rest()


async def test_the_app_lets_the_reader_go_on_only_once_its_first_rows_are_shown(tmp_path: Path, passerelle_home: Paths,
                                                                                monkeypatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    readers: list[Watched] = []

    def new_reader(path, paths, today, store):
        readers.append(Watched(path, paths, today))
        return first_open.checked(readers[-1], store)

    draw = FrameTable.render_line

    def render_line(table, y):
        if y >= 1 and table.frame.height:
            Watched.painted.append(True)
        return draw(table, y)

    monkeypatch.setattr(FrameTable, "render_line", render_line)
    filled: list[tuple] = []
    update = ProgressBar.update

    def bar_update(bar, **kwargs):
        filled.append((bar.id, kwargs.get("progress"), kwargs.get("total")))
        return update(bar, **kwargs)

    monkeypatch.setattr(ProgressBar, "update", bar_update)
    monkeypatch.setattr(Watched, "painted", [])
    monkeypatch.setattr(launch, "_terminal", lambda: True)  # as in a terminal: the second process reads it
    context, path, reader = launch.start_context(export, passerelle_home, new_reader)
    assert reader is readers[0] and context.triage_set is None
    app = PasserelleApp(context, source=path)
    app.first_open = reader
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(5000):  # the reader is let go by a worker started once the rows are painted
                if any(w.group == "first-open" for w in app.workers):
                    break
                await pilot.pause()
            await app.workers.wait_for_complete()
            shown = app.query_one("#received").rows.height
    finally:
        reader.close()
        app.context.store.close()
    assert shown > 0 and reader.rows_painted_then
    assert ("received-reading-bar", 4, 5) in filled  # the reading bar filled as the reader read
    store = Store.open(passerelle_home.database)
    try:
        assert store.last_import().source == str(export.absolute())
    finally:
        store.close()


def test_the_reading_bar_fills_with_the_steps_the_reader_says(tmp_path: Path, passerelle_home: Paths) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    reader = first_open.FirstOpen(export, passerelle_home, date(2025, 11, 25))
    steps: list[tuple[int, int]] = []
    try:
        reader.checked()
        rows = reader.rows(on_step=lambda done, of: steps.append((done, of)))
    finally:
        reader.close()
    assert steps == [(1, 5), (2, 5), (3, 5), (4, 5)] and rows["exported_on"] == "2025-11-20"


class Held(first_open.FirstOpen):
    """The real reader process, whose rows the app gets only once the test lets it."""

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.go = threading.Event()

    def rows(self, on_step=None) -> dict:
        self.go.wait(30)
        return super().rows(on_step)


async def test_a_filter_typed_while_the_export_is_read_leaves_the_whole_queue_as_the_session(
        tmp_path: Path, passerelle_home: Paths, monkeypatch) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    readers: list[Held] = []

    def new_reader(path, paths, today, store):
        readers.append(Held(path, paths, today))
        return first_open.checked(readers[-1], store)

    monkeypatch.setattr(launch, "_terminal", lambda: True)
    context, path, reader = launch.start_context(export, passerelle_home, new_reader)
    app = PasserelleApp(context, source=path)
    app.first_open = reader
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("slash", *"lena", "enter")  # while the rows are still being read
            reader.go.set()
            pane = app.query_one("#received")
            for _ in range(5000):
                if pane.rows is not None and pane.rows.height and pane.session_keys:
                    break
                await pilot.pause()
            await pilot.pause()
            shown, label = pane.rows.height, str(app.query_one("#received-progress-label").render())
            typed = pane.filter_line()
            waiting = query(context.store, "SELECT count(*) FROM triage_rows WHERE direction = 'received'")[0][0]
    finally:
        reader.close()
        app.context.store.close()
    assert typed == "lena" and 0 < shown < waiting
    assert f"0 of {waiting} decided" in label  # the session: every invitation waiting, not the filtered few
