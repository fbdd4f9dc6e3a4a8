"""Parquet snapshots of each import, so later versions can diff one export against the next.

One file holds both tables: connections columns are stored as `c.<name>`, invitations as
`i.<name>`, stacked diagonally (each row belongs to one table), so both schemas survive even
when a table is empty.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from tui.core.errors import StoreError
from tui.core.files import refuse_link
from tui.paths import make_private_dir

if TYPE_CHECKING:
    from tui.export.reader import Export

_TABLE = "_table"


def snapshot_name(export: Export) -> str:
    """`snapshot-<exported_on>-<hash prefix>.parquet`: the same content gives the same name."""
    day = export.exported_on.isoformat() if export.exported_on else "undated"
    return f"snapshot-{day}-{export.content_hash[:16]}.parquet"


def write_snapshot(export: Export, folder: Path) -> Path:
    """Write connections + invitations to folder/<name>.parquet atomically, mode 0600."""
    folder = Path(folder)
    target = folder / snapshot_name(export)
    frame = pl.concat(
        [
            export.connections.select(pl.all().name.prefix("c.")).with_columns(pl.lit("connections").alias(_TABLE)),
            export.invitations.select(pl.all().name.prefix("i.")).with_columns(pl.lit("invitations").alias(_TABLE)),
        ],
        how="diagonal",
    )
    tmp: str | None = None
    refuse_link(folder)  # a linked snapshots/ would write the user's network somewhere else
    try:
        make_private_dir(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")  # 0600
        os.close(fd)
        frame.write_parquet(tmp)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        tmp = None
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except StoreError:
        raise
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise StoreError(folder, f"could not write the import snapshot ({write_problem(exc)})") from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return target


def write_problem(exc: BaseException) -> str:
    """Why a write failed, in the user's words: a full disk says so, never "damaged"."""
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) \
            or "No space left" in text or "File too large" in text:
        return "disk full"
    if isinstance(exc, OSError) and exc.errno == errno.EROFS or "Read-only file system" in text:
        return "read-only file system"
    return getattr(exc, "strerror", None) or type(exc).__name__


def read_snapshot(path: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(connections, invitations) as they were written."""
    refuse_link(path)
    refuse_link(Path(path).parent)
    try:
        frame = pl.read_parquet(path)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise StoreError(path, f"cannot read the import snapshot ({type(exc).__name__})") from exc

    def part(table: str, prefix: str) -> pl.DataFrame:
        columns = [c for c in frame.columns if c.startswith(prefix)]
        return (
            frame.filter(pl.col(_TABLE) == table)
            .select(columns)
            .rename({c: c[len(prefix):] for c in columns})
        )

    if _TABLE not in frame.columns:
        raise StoreError(path, "not a Passerelle snapshot")
    return part("connections", "c."), part("invitations", "i.")
