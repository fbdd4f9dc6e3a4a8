"""The data layer must stay free of terminal code, so it runs headless and fast."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.composer
import tui.core
import tui.export
import tui.i18n
import tui.network
import tui.outputs
import tui.store
import tui.triage

PURE = (tui.core, tui.export, tui.store, tui.triage, tui.network, tui.composer, tui.i18n, tui.outputs)


def test_data_layer_imports_no_textual_or_rich() -> None:
    modules = ["tui.paths", "tui.config"] + [
        f"{package.__name__}.{m.name}" for package in PURE for m in pkgutil.iter_modules(package.__path__)
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
    modules = ["tui.launch", "tui.app", "tui.ui.panes.received_pane", "tui.ui.panes.sent_pane", "tui.store.store",
               "tui.store.queues", "tui.store.sent_queue"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('polars' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
