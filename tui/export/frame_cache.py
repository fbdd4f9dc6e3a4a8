"""Reopen an export without parsing CSV again: its frames kept as Parquet, keyed by its
content hash (`tui.export.identity`), the identity its import is recorded under. The folder
is the data folder's `snapshots/`: an import's snapshot is its entry (`tui.store.snapshots`).

Layout: `cache_dir/<content hash>/{connections,hidden,invitations,messages,archive_*}.parquet`
+ `meta.json`, all 0600 and written atomically. Anything unreadable is ignored and re-parsed.
"""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import date
from pathlib import Path

import polars as pl

from tui import __version__
from tui.export.archive import FRAMES as ARCHIVE_SCHEMAS, Archive
from tui.export.reader import (
    CONNECTIONS_SCHEMA, HIDDEN_SCHEMA, INVITATIONS_SCHEMA, MESSAGES_SCHEMA, Export, ExportError, FileReport,
    ImportReport, Owner, load_export,
)
from tui.export.source import MAX_MEMBER_BYTES, MAX_TOTAL_BYTES, _mb
from tui.export.identity import read_content_hash
from tui.export.source import drop_kept
from tui.core.files import write_atomic, write_text_atomic
from tui.core.folders import make_private_dir
from tui.i18n import _

# Bump when the frames or the report change shape, so old caches are simply not found.
# 2: LZ4 pages (faster to read at start than zstd); 3: invitations' `matched_by`, the
# archive frames, the owner's industry and location, report figures.
CACHE_FORMAT = 3
FRAMES = {
    "connections": CONNECTIONS_SCHEMA, "hidden": HIDDEN_SCHEMA,
    "invitations": INVITATIONS_SCHEMA, "messages": MESSAGES_SCHEMA,
}
ARCHIVE_FRAMES = {f"archive_{name}": schema for name, schema in ARCHIVE_SCHEMAS.items()}


def check_size(source: Path, *, max_bytes: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES) -> None:
    """ExportError, as the reader gives, for a file over the caps: checked before hashing it.

    A ZIP (by its magic bytes) may be up to `max_total`, any other file up to `max_bytes`.
    Folders are checked member by member by the reader itself.
    """
    try:
        info = os.stat(source)
        if not stat.S_ISREG(info.st_mode):
            return
        with open(source, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return  # the reader reports it properly
    where = str(source)
    if head.startswith(b"PK"):
        if info.st_size > max_total:
            raise ExportError(where, _("file is larger than the {max_total} size limit: not a LinkedIn export file?").format(max_total=_mb(max_total)))
    elif info.st_size > max_bytes and not Path(source).name.lower().endswith(".zip"):
        raise ExportError(where, _("file is larger than the {max_bytes} size limit: not a LinkedIn export file?").format(max_bytes=_mb(max_bytes)))


def load_export_cached(source: Path, cache_dir: Path, *, write: bool = True,
                       columns: dict[str, tuple[str, ...]] | None = None, content_hash: str | None = None,
                       **kwargs) -> Export:
    """`load_export`, but frames come from the Parquet cache when the source is unchanged.

    `write=False` only reads the cache (for read-only commands such as `stats`). `columns`
    reads only those columns of the named frames from the cache (a parse keeps them all).
    `content_hash`: the source's hash when the caller knows the file unchanged (the store's
    size and modification time), which spares reading it to hash it.
    """
    limits = {k: kwargs[k] for k in ("max_bytes", "max_total", "max_members") if k in kwargs}
    check_size(Path(source), **{k: v for k, v in limits.items() if k != "max_members"})
    key = content_hash or read_content_hash(Path(source), **limits)  # bad input: the reader's ExportError
    folder = Path(cache_dir) / key
    cached = _read_cache(folder, str(source), columns or {})
    if cached is not None:
        drop_kept()  # the bytes read for the hash: no parse takes them
        return cached
    export = load_export(source, **kwargs)  # takes the bytes read for the hash
    if not write or export.content_hash != key:  # a stale hash from the caller: never file under it
        return export
    try:
        _write_cache(folder, export)
    except OSError:
        pass  # a cache we cannot write only costs speed next time
    return export


def save_frames(source: Path, cache_dir: Path, export: Export) -> None:
    """Write the Parquet cache of `export` (filed under its own content hash), if missing.

    The app calls this after the first rows are shown: the cache only speeds up the next
    open, so the user does not wait for it on a first open."""
    folder = Path(cache_dir) / export.content_hash
    if has_frames(folder):
        return
    try:
        _write_cache(folder, export)
    except OSError:
        pass  # a cache we cannot write only costs speed next time


def has_frames(folder: Path) -> bool:
    """Whether `folder` holds a complete entry of this version."""
    return _read_meta(folder) is not None


def _write_cache(folder: Path, export: Export) -> None:
    if os.path.islink(folder.parent) or os.path.islink(folder):
        return  # never write the user's network through a link planted in the cache
    write_frames(folder, export)


def write_frames(folder: Path, export: Export) -> None:
    """Every frame to `folder`, each file atomic (fsynced, 0600), meta.json last; OSError (a
    FolderError saying why) when it cannot. Rewriting an entry replaces each file with one of
    the same content, so an import snapshot read meanwhile is whole either way."""
    make_private_dir(folder.parent)
    make_private_dir(folder)
    (folder / "meta.json").unlink(missing_ok=True)  # an entry of another version: incomplete until rewritten
    archive = getattr(export, "archive", None) or Archive()
    for name in (*FRAMES, *ARCHIVE_FRAMES):
        frame = getattr(archive, name.removeprefix("archive_")) if name in ARCHIVE_FRAMES else getattr(export, name)
        buffer = io.BytesIO()
        frame.write_parquet(buffer, compression="lz4")
        write_atomic(folder / f"{name}.parquet", buffer.getvalue())
    owner = export.owner
    meta = {
        "format": CACHE_FORMAT, "version": __version__,
        "content_hash": export.content_hash,
        "exported_on": export.exported_on.isoformat() if export.exported_on else None,
        "owner": None if owner is None else owner.__dict__,
        "report": export.report.to_dict(),
    }
    # meta.json last: its presence marks a complete entry.
    write_text_atomic(folder / "meta.json", json.dumps(meta))


def _read_cache(folder: Path, source: str, columns: dict[str, tuple[str, ...]] | None = None) -> Export | None:
    try:
        if os.path.islink(folder):  # a link would read someone else's frames as ours
            return None
        meta = _read_meta(folder)
        if meta is None:
            return None
        frames = {}
        for name, schema in {**FRAMES, **ARCHIVE_FRAMES}.items():
            wanted = (columns or {}).get(name)
            if wanted is not None:
                schema = pl.Schema({c: schema[c] for c in wanted})
            if os.path.islink(folder / f"{name}.parquet"):
                return None
            frame = pl.read_parquet(folder / f"{name}.parquet", columns=list(schema.names()))
            if frame.schema != schema:
                return None
            frames[name] = frame
        owner = Owner(**meta["owner"]) if meta["owner"] else None
        report = _report_from_dict(meta["report"])
        exported_on = date.fromisoformat(meta["exported_on"]) if meta["exported_on"] else None
        archive = Archive(**{n.removeprefix("archive_"): frames[n] for n in ARCHIVE_FRAMES})
        return Export(source, str(meta["content_hash"]), frames["connections"], frames["hidden"],
                      frames["invitations"], frames["messages"], owner, report, exported_on, archive)
    except Exception:  # corrupt or partial cache: parse the source again
        return None


def _read_meta(folder: Path) -> dict | None:
    """The entry's meta.json when complete and of this version, else None."""
    try:
        return _valid_meta(json.loads(_small_file(folder / "meta.json")))
    except (OSError, ValueError):
        return None


MAX_META_BYTES = 4 * 1024 * 1024  # the report lists at most 1,000 set-aside rows per file


def _small_file(path: Path) -> str:
    """meta.json's text: a regular file (not a link, FIFO or device) of sane size, else OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_META_BYTES:
            raise OSError("not a cache file")
        return handle.read(MAX_META_BYTES + 1).decode("utf-8")


def _is(value: object, *types: type) -> bool:
    """isinstance, where a bool is not an int (JSON true is not a count)."""
    return isinstance(value, types) and not (isinstance(value, bool) and bool not in types)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_FILE_TYPES = {"name": (str,), "kind": (str,), "vintage": (str,), "encoding": (str,), "rows": (int,),
               "kept": (int,), "date_failures": (int,)}


def _valid_meta(meta: object) -> dict | None:
    """`meta` when every value has the type the reader writes, else None (the cache is
    ignored): right keys with wrong types (a number for a name) must not reach the screen."""
    if not isinstance(meta, dict) or meta.get("format") != CACHE_FORMAT or meta.get("version") != __version__:
        return None
    if not _is(meta.get("content_hash"), str) or not (meta.get("exported_on") is None or _is(meta["exported_on"], str)):
        return None
    owner = meta.get("owner")
    if owner is not None and not (isinstance(owner, dict) and set(owner) == set(Owner.__dataclass_fields__)
                                  and all(v is None or isinstance(v, str) for v in owner.values())):
        return None
    report = meta.get("report")
    if not isinstance(report, dict) or not _texts(report.get("problems", [])) or not isinstance(report.get("files"), list):
        return None
    for f in report["files"]:
        if not isinstance(f, dict) or not all(_is(f.get(k), *t) for k, t in _FILE_TYPES.items()):
            return None
        if not (_texts(f.get("problems")) and _texts(f.get("repairs")) and _is(f.get("set_aside_more", 0), int)):
            return None
        aside = f.get("set_aside")
        if not isinstance(aside, list) or not all(
            isinstance(s, dict) and _is(s.get("line"), int) and _is(s.get("reason"), str) for s in aside
        ):
            return None
    return meta


def _report_from_dict(data: dict) -> ImportReport:
    files = tuple(
        FileReport(
            name=f["name"], kind=f["kind"], vintage=f["vintage"], encoding=f["encoding"],
            rows=int(f["rows"]), kept=int(f["kept"]),
            set_aside=tuple((int(s["line"]), str(s["reason"])) for s in f["set_aside"]),
            date_failures=int(f["date_failures"]), repairs=tuple(f["repairs"]),
            problems=tuple(f["problems"]), set_aside_more=int(f.get("set_aside_more", 0)),
            figures=tuple((str(k), int(v)) for k, v in f.get("figures", {}).items()),
        )
        for f in data["files"]
    )
    return ImportReport(files, tuple(data.get("problems", ())))
