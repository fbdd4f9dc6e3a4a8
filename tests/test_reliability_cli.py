"""Every bad input of the foundation issue, through the real commands a user types.

For `import`, `stats` and the app entry `passerelle SOURCE` (stdin/stdout not a terminal, so a
UI that started by mistake would hang and time out instead of passing): exit 2, exactly one
line on stderr naming the file and the problem, never a traceback, nothing under --home.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from export_fixtures import (
    CONNECTIONS_HEADER, PREAMBLE, connections_bytes, make_zip, sample_members, zip_bytes,
)
from conftest import REPO

SECRET = "Qwxzmarker"  # planted in rows; must never reach stderr


def _zip_bomb(path: Path) -> Path:
    """Overlapping central-directory entries (the "quoted-overlap" zip bomb)."""
    members = {"Connections.csv": connections_bytes(), "Invitations.csv": connections_bytes()}
    make_zip(path, members)
    data = bytearray(path.read_bytes())
    second = data.find(b"PK\x01\x02", data.find(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 42, 0)
    path.write_bytes(bytes(data))
    return path


def _expanding_member(path: Path) -> Path:
    """A real 130 MB member of zeros, deflated to ~130 kB: expands past the 128 MB cap."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Connections.csv", "w", force_zip64=True) as member:
            member.write(PREAMBLE.encode() + ",".join(CONNECTIONS_HEADER).encode() + b"\n")
            chunk = b"\x00" * (1 << 20)
            for _ in range(130):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    return path


def _sparse_csv(path: Path) -> Path:
    """200 MB on paper, a few kB on disk: a real header, then a hole."""
    with open(path, "wb") as handle:
        handle.write(connections_bytes([[SECRET, "x", "", "", "", "", "05 Nov 2025"]]))
        handle.truncate(200 * 2**20)
    return path


def _build(folder: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, words the one-line error must hold)."""
    cases: dict[str, tuple[Path, str]] = {}

    def add(name: str, path: Path, words: str) -> None:
        cases[name] = (path, words)

    empty = folder / "Connections.csv"
    empty.write_bytes(b"")
    add("empty file", empty, "empty")
    binary = folder / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 40)
    add("binary", binary, "binary")
    unknown = folder / "Reactions.csv"
    unknown.write_bytes(f"Date,Type,Link\n2025-09-11,LIKE,https://example.org/{SECRET}\n".encode())
    add("unknown CSV", unknown, "no known header")
    whole = zip_bytes(sample_members())
    truncated = folder / "Basic_LinkedInDataExport_05-12-2026.zip"
    truncated.write_bytes(whole[: len(whole) // 2])
    add("truncated ZIP", truncated, "not a valid zip")
    corrupt = bytearray(zip_bytes({"Connections.csv": connections_bytes() * 20}))
    for i in range(60, 400):
        corrupt[i] ^= 0x5A
    (folder / "corrupt.zip").write_bytes(bytes(corrupt))
    add("corrupt ZIP", folder / "corrupt.zip", "zip")
    add("zip bomb", _zip_bomb(folder / "overlap.zip"), "zip bomb")
    dotdot = make_zip(folder / "dotdot.zip", {"../../Connections.csv": connections_bytes(),
                                              "../Invitations.csv": b"From,To\n"})
    add(".. members only", dotdot, "no LinkedIn export files")
    fifo = folder / "fifo.csv"
    os.mkfifo(fifo)
    add("FIFO", fifo, "not a regular file")
    add("missing path", folder / "nope.zip", "no such file")
    empty_dir = folder / "Complete_LinkedInDataExport_01-02-2024"
    empty_dir.mkdir()
    (empty_dir / "Reactions.csv").write_bytes(b"Date,Type,Link\n")
    add("folder without known files", empty_dir, "no LinkedIn export files")
    many = folder / "many.zip"
    with zipfile.ZipFile(many, "w") as archive:
        archive.writestr("Connections.csv", connections_bytes())
        for i in range(10_000):
            archive.writestr(f"junk/{i}.txt", b"")
    add("10,000 members", many, "entries")
    add("member past the cap", _expanding_member(folder / "expands.zip"), "128 MB")
    (folder / "big").mkdir()
    add("200 MB CSV", _sparse_csv(folder / "big" / "Connections.csv"), "128 MB")
    return cases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return _build(tmp_path_factory.mktemp("bad-inputs"))


COMMANDS = {"import": ["import"], "stats": ["stats", "--json"], "app": []}
CASES = [
    "empty file", "binary", "unknown CSV", "truncated ZIP", "corrupt ZIP", "zip bomb",
    ".. members only", "FIFO", "missing path", "folder without known files", "10,000 members",
    "member past the cap", "200 MB CSV",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(case: str, corpus, tmp_path: Path) -> None:
    path, words = corpus[case]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("PASSERELLE_HOME", None)
    procs = {}
    for label, args in COMMANDS.items():
        home = tmp_path / f"home-{label}"
        argv = [sys.executable, "-m", "tui", *args[:1], str(path), *args[1:], "--home", str(home)]
        procs[label] = (home, subprocess.Popen(argv, cwd=REPO, env=env, stdin=subprocess.DEVNULL,
                                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for label, (home, proc) in procs.items():
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            pytest.fail(f"{label}: still running after 60 s (did the UI start on a bad input?)")
        assert proc.returncode == 2, f"{label}: exit {proc.returncode}, stderr {err!r}"
        assert "Traceback" not in err and err.count("\n") == 1, f"{label}: {err!r}"
        assert err.startswith("passerelle: "), f"{label}: {err!r}"
        assert path.name in err, f"{label}: the message does not name the file: {err!r}"
        assert words.lower() in err.lower(), f"{label}: {err!r}"
        assert SECRET not in err and SECRET not in out
        assert not home.exists(), f"{label}: wrote {sorted(p.name for p in home.rglob('*'))}"
        if label == "app":
            assert "\x1b[" not in out, "the UI started instead of refusing the input"
    assert not (REPO / "pwn.svg").exists()


def test_sparse_200_mb_csv_is_refused_without_reading_it(corpus) -> None:
    """The cap is checked on the size before reading: load_export never reads the hole."""
    from tui.core.errors import ExportError
    from tui.export.reader import load_export
    from tui.export.source import MAX_MEMBER_BYTES, MAX_TOTAL_BYTES

    assert MAX_MEMBER_BYTES == 128 * 2**20 and MAX_TOTAL_BYTES == 512 * 2**20
    path, _ = corpus["200 MB CSV"]
    with pytest.raises(ExportError, match="larger than the 128 MB size limit"):
        load_export(path)
