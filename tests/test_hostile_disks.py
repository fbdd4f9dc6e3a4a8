"""A read-only file system and a full disk, for real: each check runs in its own mount
namespace (`unshare -rm`, no root needed where user namespaces are allowed), with the home
bind-mounted read-only or copied onto a small tmpfs that is then filled. Nothing to clean up:
the mounts vanish with the process."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import REPO
from export_fixtures import IN, connections_bytes, make_zip, sample_members

READ_ONLY = 'mount --bind "$HOME_DIR" "$HOME_DIR" && mount -o remount,bind,ro "$HOME_DIR"'
FULL = ('mount -t tmpfs -o size=4m tmpfs "$HOME_DIR" && cp -a "$SEED"/. "$HOME_DIR"/ '
        '&& { dd if=/dev/zero of="$HOME_DIR/fill" bs=4k 2>/dev/null; true; }')
UNSHARE = shutil.which("unshare")


def passerelle(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args, "--home", str(home)], cwd=REPO,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def in_namespace(setup: str, home: Path, *args: str, seed: Path | None = None, free_kb: int = 0):
    """Run `passerelle ARGS --home HOME` after `setup` in a private mount namespace."""
    if free_kb:  # leave this much room after filling
        setup += f' && rm -f "$HOME_DIR/fill" && dd if=/dev/zero of="$HOME_DIR/fill" bs=1k count=$(( $(df -k --output=avail "$HOME_DIR" | tail -1) - {free_kb} )) 2>/dev/null'
    script = f'{setup} && exec "$PYTHON" -m tui "$@" --home "$HOME_DIR"'
    env = {"HOME_DIR": str(home), "SEED": str(seed or ""), "PYTHON": sys.executable, "PATH": "/usr/bin:/bin"}
    assert UNSHARE, "unshare (util-linux) is needed for the real read-only and full-disk checks"
    return subprocess.run([UNSHARE, "-rm", "sh", "-c", script, "sh", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL)


def _home_with_an_import(tmp_path: Path) -> tuple[Path, Path]:
    home = tmp_path / "home"
    source = make_zip(tmp_path / "Basic_LinkedInDataExport_11-20-2026.zip", sample_members())
    assert passerelle("import", str(source), home=home).returncode == 0
    raw = sqlite3.connect(home / "data" / "passerelle.db")
    raw.execute("PRAGMA journal_mode=WAL")  # as the app leaves it: reading needs a -shm file
    raw.close()
    return home, source


def _bigger_export(tmp_path: Path) -> Path:
    rows = [[f"Person{n}", f"Surname{n * 7919 % 10007}", f"{IN}p{n}-{n * 31337 % 99991}", "",
             f"Company {n * 13 % 997}", f"Role {n * 17 % 1009} of things", "05 Nov 2026"] for n in range(20_000)]
    members = {**sample_members(), "Connections.csv": connections_bytes(rows)}
    return make_zip(tmp_path / "Basic_LinkedInDataExport_11-28-2026.zip", members)


def test_read_only_commands_work_on_a_read_only_file_system(tmp_path: Path) -> None:
    home, _ = _home_with_an_import(tmp_path)
    for args in (("stats",), ("report",), ("decisions", "--format", "csv")):
        result = in_namespace(READ_ONLY, home, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "not a readable database" not in result.stderr
    stats = in_namespace(READ_ONLY, home, "stats")
    assert "Connections: 3" in stats.stdout


def test_an_old_database_on_a_read_only_file_system_says_it_needs_an_upgrade_first(tmp_path: Path) -> None:
    home, _ = _home_with_an_import(tmp_path)
    with sqlite3.connect(home / "data" / "passerelle.db") as raw:
        raw.execute("PRAGMA user_version=2")  # as left by the Passerelle before this one
    result = in_namespace(READ_ONLY, home, "stats")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "needs an upgrade first" in result.stderr and "read-only file system" in result.stderr


def test_writing_commands_say_the_folder_is_read_only(tmp_path: Path) -> None:
    home, source = _home_with_an_import(tmp_path)
    for args in (("import", str(_bigger_export(tmp_path))), ("strategy", "--init"), ("templates",)):
        result = in_namespace(READ_ONLY, home, *args)
        assert result.returncode == 2, (args, result.returncode, result.stderr)
        assert result.stderr.count("\n") == 1 and "read-only file system" in result.stderr, result.stderr
        assert "unexpected" not in result.stderr


def test_reading_works_on_a_full_disk(tmp_path: Path) -> None:
    seed, _ = _home_with_an_import(tmp_path)
    (tmp_path / "mnt").mkdir()
    for args in (("stats",), ("decisions", "--format", "csv")):
        result = in_namespace(FULL, tmp_path / "mnt", *args, seed=seed)
        assert result.returncode == 0, (args, result.stderr)


def test_a_write_on_a_full_disk_says_disk_full_and_changes_nothing(tmp_path: Path) -> None:
    seed, _ = _home_with_an_import(tmp_path)
    bigger = _bigger_export(tmp_path)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    for free_kb in (0, 64):  # nothing left; room for the database but not for the snapshot
        result = in_namespace(FULL, mnt, "import", str(bigger), seed=seed, free_kb=free_kb)
        assert result.returncode == 2, (free_kb, result.stderr)
        assert result.stderr.count("\n") == 1 and "disk full" in result.stderr, result.stderr
        assert "damaged" not in result.stderr and "not a readable database" not in result.stderr
    # the seed itself was never touched; a later import with room works
    assert passerelle("import", str(bigger), home=seed).returncode == 0
