"""`passerelle stats` on an imported export answers from the store, with the very output the
frames give, and goes back to the frames as soon as anything the figures read has changed."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE_DIR, generated_export
from tui.outputs import stats_figures, stats_text
from tui.network.companies_file import companies_file
from tui.store.stats_answers import config_files
from tui.paths import Paths

SAMPLE = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"
NO_POLARS = "import runpy, sys; sys.argv = ['passerelle', *sys.argv[1:]]; from tui.cli.main import main; " \
            "code = main(); assert 'polars' not in sys.modules, 'polars imported'; sys.exit(code)"


def passerelle(*args: str, polars_free: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", NO_POLARS, *args] if polars_free else [sys.executable, "-m", "tui", *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=os.environ.copy())


def from_frames(source: Path, paths: Paths, as_json: bool = True) -> str:
    """What `stats` printed before it kept answers: the figures computed from the frames."""
    loaded = stats_figures.load(str(source), (), paths)
    return json.dumps(loaded.stats, indent=2) + "\n" if as_json else stats_text.summary(loaded.stats) + "\n"


def answers(paths: Paths) -> int:
    with sqlite3.connect(paths.database) as db:
        return db.execute("SELECT count(*) FROM stats_answers").fetchone()[0]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generated_export(tmp_path_factory.mktemp("generated"), 1500, 300, 2500, seed=11)


@pytest.mark.parametrize("which", ["sample", "generated"])
def test_stats_of_an_imported_export_come_from_the_store_and_print_what_the_frames_give(
        which: str, generated: Path, passerelle_home: Paths) -> None:
    source = SAMPLE if which == "sample" else generated
    assert passerelle("import", str(source)).returncode == 0
    assert answers(passerelle_home) == 1
    out = passerelle("stats", str(source), "--json", polars_free=True)  # from the store: no Polars
    assert out.returncode == 0, out.stderr
    assert out.stdout == from_frames(source, passerelle_home)
    text = passerelle("stats", str(source), polars_free=True)
    assert text.returncode == 0 and text.stdout == from_frames(source, passerelle_home, as_json=False)


def test_a_changed_strategy_or_a_new_import_is_read_from_the_frames_again(generated: Path, tmp_path: Path,
                                                                          passerelle_home: Paths) -> None:
    assert passerelle("import", str(generated)).returncode == 0
    assert passerelle("strategy", "--init").returncode == 0  # a strategy names target families
    missed = passerelle("stats", str(generated), "--json", polars_free=True)
    assert missed.returncode != 0 and "polars imported" in missed.stderr  # not from the store…
    out = passerelle("stats", str(generated), "--json")
    assert out.returncode == 0 and out.stdout == from_frames(generated, passerelle_home)  # …but right
    assert passerelle("import", str(SAMPLE)).returncode == 0  # another import: the records changed
    missed = passerelle("stats", str(generated), "--json", polars_free=True)
    assert missed.returncode != 0 and "polars imported" in missed.stderr


def test_qualify_is_answered_from_the_frames(passerelle_home: Paths) -> None:
    assert passerelle("import", str(SAMPLE)).returncode == 0
    out = passerelle("stats", str(SAMPLE), "--json", "--qualify", "HR/recruiting", polars_free=True)
    assert out.returncode != 0 and "polars imported" in out.stderr


def test_the_answer_key_reads_the_companies_file_the_figures_read(passerelle_home: Paths) -> None:
    assert companies_file(passerelle_home.config) in config_files(passerelle_home)


def test_a_copied_export_is_still_answered_from_the_store_by_its_content(tmp_path: Path, passerelle_home: Paths) -> None:
    """The store knows an imported file by its path, size and time; a copy elsewhere (same
    bytes, another time) is the same export by its content hash, so it is answered at once too."""
    assert passerelle("import", str(SAMPLE)).returncode == 0
    copy = tmp_path / SAMPLE.name
    copy.write_bytes(SAMPLE.read_bytes())
    out = passerelle("stats", str(copy), "--json", polars_free=True)  # from the store: no Polars
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["connections"] == json.loads(from_frames(SAMPLE, passerelle_home))["connections"]
