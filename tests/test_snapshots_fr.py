"""The panes in French at 80×24 and 160×50, as pictures: French runs longer, the layouts must hold.

English pictures are tests/test_snapshots.py's, unchanged. After a change, look at the new
French pictures (rsvg-convert the SVG), then `python -m pytest --snapshot-update tests/test_snapshots_fr.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_apps import PANE_KEYS, SAMPLE, empty_export, settle, snapshot_app
from tui import i18n

SIZES = [(80, 24), (160, 50)]
FRENCH_PANES = {**PANE_KEYS, "todo": ["5"]}


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pane", list(FRENCH_PANES))
def test_pane_looks_right_in_french(snap_compare, tmp_path: Path, pane: str, size: tuple[int, int]) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    assert snap_compare(app, terminal_size=size, run_before=lambda pilot: settle(pilot, FRENCH_PANES[pane]))


@pytest.mark.parametrize("pane", ["received", "sent", "network"])
def test_empty_export_in_french(snap_compare, tmp_path: Path, pane: str) -> None:
    app = snapshot_app(empty_export(tmp_path), tmp_path / "home")
    assert snap_compare(app, terminal_size=(80, 24), run_before=lambda pilot: settle(pilot, FRENCH_PANES[pane]))
