"""Each pane at 80×24 and 160×50, on the bundled sample and on an empty export, as pictures.

After a change to the layout, look at the new pictures, then update them with
`python -m pytest --snapshot-update tests/test_snapshots.py` (see the README's Development section).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_apps import PANE_KEYS, SAMPLE, empty_export, settle, snapshot_app

SIZES = [(80, 24), (160, 50)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pane", list(PANE_KEYS))
@pytest.mark.parametrize("export", ["sample", "empty"])
def test_pane_looks_right(snap_compare, tmp_path: Path, export: str, pane: str, size: tuple[int, int]) -> None:
    source = SAMPLE if export == "sample" else empty_export(tmp_path)
    app = snapshot_app(source, tmp_path / "home")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: settle(pilot, PANE_KEYS[pane]))


@pytest.mark.parametrize("pane", ["network", "growth"])
def test_light_theme_keeps_the_meaning_colours_readable(snap_compare, tmp_path: Path, pane: str) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    from tui.paths import Paths

    Paths.resolve(home).settings_file.write_text('theme = "textual-light"\n', encoding="utf-8")
    app = snapshot_app(SAMPLE, home)
    assert snap_compare(app, terminal_size=(100, 30), run_before=lambda pilot: settle(pilot, PANE_KEYS[pane]))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("export", ["sample", "empty"])
def test_todo_pane_looks_right(snap_compare, tmp_path: Path, export: str, size: tuple[int, int]) -> None:
    source = SAMPLE if export == "sample" else empty_export(tmp_path)
    app = snapshot_app(source, tmp_path / "home")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: settle(pilot, ["5"]))
