"""Write the README's screenshots (docs/*.svg, and *.png with rsvg-convert) with the snapshot tests' code.

Run from the repository: `python docs/screenshots.py`. Same apps, same fixed day and the
same screenshot function as tests/test_snapshots.py, so the pictures match what is tested.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "tests"))

from snapshot_apps import PANE_KEYS, SAMPLE, settle, snapshot_app  # noqa: E402
from textual._doc import take_svg_screenshot  # noqa: E402  (what pytest-textual-snapshot calls)

SHOTS = [  # (file name, pane, size, a PNG too: the ones the README shows)
    ("received", "received", (100, 30), True),
    ("received-80x24", "received", (80, 24), False),
    ("sent", "sent", (100, 30), False),
    ("network", "network", (100, 30), True),
    ("growth", "growth", (120, 50), True),
    ("composer", "composer", (100, 30), False),
    ("composer-80x24", "composer", (80, 24), True),
]


def main() -> int:
    converter = shutil.which("rsvg-convert")
    for name, pane, size, png in SHOTS:
        with tempfile.TemporaryDirectory() as home:
            app = snapshot_app(SAMPLE, Path(home))
            svg = take_svg_screenshot(app=app, terminal_size=size,
                                      run_before=lambda pilot, keys=PANE_KEYS[pane]: settle(pilot, keys))
        path = DOCS / f"{name}.svg"
        path.write_text(svg, encoding="utf-8")
        if converter and png:  # rsvg-convert collapses runs of &#160;: spaces kept as written render right
            flat = svg.replace("&#160;", " ").replace("<svg ", '<svg xml:space="preserve" ', 1)
            subprocess.run([converter, "-o", str(path.with_suffix(".png"))], input=flat.encode(), check=True)
        print(path.relative_to(DOCS.parent))
    if not converter:
        print("rsvg-convert not found (Debian: librsvg2-bin): SVG only", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
