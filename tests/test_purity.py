"""The data layer must stay free of terminal code, so it runs headless and fast."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.data


def test_data_layer_imports_no_textual_or_rich() -> None:
    modules = ["tui.paths", "tui.config", "tui.i18n", "tui.i18n.catalog", "tui.i18n.formats"] + [
        f"tui.data.{m.name}" for m in pkgutil.iter_modules(tui.data.__path__)
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"data layer pulled in: {out.stdout}"
    assert len(modules) >= 4


def test_the_start_path_imports_no_polars() -> None:
    """Everything a start needs to paint the first rows from the store; Polars (~0.2 s) comes in a worker."""
    modules = ["tui.launch", "tui.app", "tui.panes.received_pane", "tui.panes.sent_pane", "tui.data.store",
               "tui.data.store_queue", "tui.data.store_sent"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('polars' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
