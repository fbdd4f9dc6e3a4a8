"""The start holds Python's cyclic collector for speed, and lets it go after the first frame:
a session that never collected again would grow for as long as it stays open."""

from __future__ import annotations

import gc
from pathlib import Path

from ui_export import ui_export

from tui.core import start_gc
from tui.launch import build_context
from tui.run import open_app


async def test_the_collector_runs_again_once_the_first_rows_are_shown(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    build_context(export, passerelle_home).store.close()  # imported once: the start reads the store
    frozen = gc.get_freeze_count()
    start_gc.hold()  # as `passerelle` does before it imports Textual
    try:
        assert not gc.isenabled()
        app = open_app(export, passerelle_home)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert app.query_one("#received").rows.keys  # the first rows are there
            assert gc.isenabled()
            assert gc.get_freeze_count() > frozen  # what the start made is left out of later collections
        app.context.store.close()
    finally:
        start_gc.release()
        gc.unfreeze()
    assert gc.isenabled()


def test_release_leaves_a_collector_turned_off_elsewhere_alone() -> None:
    gc.disable()
    try:
        start_gc.hold()
        start_gc.release()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_start_that_ends_before_its_first_frame_lets_the_collector_go(monkeypatch, capsys) -> None:
    from tui.cli.main import main

    monkeypatch.setenv("PASSERELLE_HOME", "~no-such-user-here/passerelle")  # a typo: no such user
    assert main([]) == 2  # bare `passerelle` holds the collector first thing, then cannot find its home
    assert "~no-such-user-here/passerelle" in capsys.readouterr().err
    assert gc.isenabled()
