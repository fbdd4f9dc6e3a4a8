"""Every layout picture belongs to a test that compares against it.

Syrupy fails a run that leaves a picture no test uses, but not when the suite runs on several
cores (pytest-xdist): this test keeps that check whatever runs it. A renamed or removed
snapshot test leaves its old picture behind, which would show in the report as if it counted.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

SNAPSHOTS = REPO / "tests" / "__snapshots__"


def test_each_picture_is_some_test_s_and_each_test_has_its_picture() -> None:
    modules = sorted(folder.name for folder in SNAPSHOTS.iterdir() if folder.is_dir())
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0", "-p", "no:cacheprovider",
         *[f"tests/{name}.py" for name in modules]],
        cwd=REPO, capture_output=True, text=True, check=True).stdout
    tests = {tuple(line.split("::")) for line in listed.splitlines() if "::" in line}
    expected = {f"{module.removeprefix('tests/').removesuffix('.py')}/{name}.svg" for module, name in tests}
    pictures = {f"{p.parent.name}/{p.name}" for p in SNAPSHOTS.glob("*/*.svg")}
    assert pictures - expected == set(), "pictures no test takes (remove them)"
    assert expected - pictures == set(), "tests without a picture (run --snapshot-update)"
    assert expected, listed  # the collection found the snapshot tests
