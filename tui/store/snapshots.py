"""Each import's snapshot, so later imports can be compared with it: the import's frames as
the frame cache keeps them (`tui.export.frame_cache`), one folder per content hash in the data
folder's `snapshots/`. One Parquet copy serves both: reopening the export and comparing.
Polars is imported by the reads and writes only: `stats` answered from the store names
snapshots without it.

Snapshots written before were one file (connections columns as `c.<name>`, invitations as
`i.<name>`, stacked); they are still read.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import StoreError
from tui.core.files import refuse_link
from tui.i18n import _

if TYPE_CHECKING:
    import polars as pl

    from tui.export.reader import Export

_TABLE = "_table"
TABLES = ("connections", "invitations")  # what a comparison reads of a snapshot


def snapshot_name(export: Export) -> str:
    """The snapshot's folder name: the export's content hash (one content, one snapshot)."""
    return export.content_hash


def write_snapshot(export: Export, folder: Path) -> Path:
    """The frames of `export` in folder/<content hash>/ (kept when already complete); its path.
    StoreError saying why (disk full, read-only) when it cannot be written."""
    import polars as pl

    from tui.export.frame_cache import has_frames, write_frames

    folder = Path(folder)
    target = folder / snapshot_name(export)
    refuse_link(folder)  # a linked snapshots/ would write the user's network somewhere else
    refuse_link(target)
    try:
        if not has_frames(target):
            write_frames(target, export)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise StoreError(folder, _("could not write the import snapshot ({why})").format(why=write_problem(exc))) from exc
    return target


def write_problem(exc: BaseException) -> str:
    """Why a write failed, in the user's words: a full disk says so, never "damaged"."""
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) \
            or "No space left" in text or "File too large" in text:
        return _("disk full")
    if isinstance(exc, OSError) and exc.errno == errno.EROFS or "Read-only file system" in text:
        return _("read-only file system")
    return getattr(exc, "strerror", None) or type(exc).__name__


def snapshot_files(path: Path) -> tuple[Path, ...]:
    """The Parquet files a comparison reads of the snapshot at `path`."""
    path = Path(path)
    return tuple(path / f"{t}.parquet" for t in TABLES) if path.is_dir() else (path,)


def has_snapshot(path: Path | None) -> bool:
    """Whether a snapshot is at `path` (its files there, regular files), so it can be read."""
    return path is not None and all(f.is_file() for f in snapshot_files(path))


def read_snapshot(path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(connections, invitations) as they were written."""
    import polars as pl

    path = Path(path)
    refuse_link(path)
    refuse_link(path.parent)
    if path.is_dir():
        for file in snapshot_files(path):
            refuse_link(file)
        connections, invitations = (_read(file) for file in snapshot_files(path))
        return connections, invitations
    frame = _read(path)

    def part(table: str, prefix: str) -> pl.DataFrame:
        columns = [c for c in frame.columns if c.startswith(prefix)]
        return (
            frame.filter(pl.col(_TABLE) == table)
            .select(columns)
            .rename({c: c[len(prefix):] for c in columns})
        )

    if _TABLE not in frame.columns:
        raise StoreError(path, _("not a Passerelle snapshot"))
    return part("connections", "c."), part("invitations", "i.")


def _read(file: Path) -> pl.DataFrame:
    import polars as pl

    try:
        return pl.read_parquet(file)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise StoreError(file, _("cannot read the import snapshot ({why})").format(why=type(exc).__name__)) from exc
