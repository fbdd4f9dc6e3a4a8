"""An export's one identity, its content hash: what import records, triage rows, the frames
kept on disk and the `stats` answers are all keyed by.

It hashes the files the reader reads (after unzipping), not the ZIP's bytes, so the ZIP and
its unpacked folder are one export. The core files come first, as they always did, so an
export without other files keeps the hash its import was recorded under.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Mapping

from tui.export.source import CORE, MAX_MEMBER_BYTES, MAX_MEMBERS, MAX_TOTAL_BYTES, Source, read_source


def content_hash(members: Mapping[str, tuple[str, bytes]]) -> str:
    """sha256 over each member file's name (lower-cased, without folders), length and bytes:
    the core files in kind order, then the rest of the archive (and a lone CSV) in kind order."""
    digest = hashlib.sha256()
    core = sorted(k for k in members if k in CORE)
    rest = sorted(k for k in members if k not in CORE)
    for kind in (*core, *rest):
        name, data = members[kind]
        digest.update(f"{name.rsplit('/', 1)[-1].lower()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def source_hash(raw: Source) -> str:
    """`content_hash` of one read's files, computed once for it: a first open hashes the files
    it keeps while Polars is imported (hashlib lets go of the interpreter lock)."""
    if raw.digest is None:
        raw.digest = content_hash(raw.members)
    return raw.digest


def read_content_hash(source: Path, *, max_bytes: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES,
                      max_members: int = MAX_MEMBERS) -> str:
    """The content hash of the export at `source`, reading (not parsing) its files within the
    reader's limits; the bytes are kept for a parse that follows. ExportError as the reader gives.

    It costs an unzip: a caller that knows the file unchanged (the store's path, size and
    modification time, `tui.store.queues.find_set`) passes the hash it found instead."""
    return source_hash(read_source(Path(source), max_bytes=max_bytes, max_total=max_total,
                                   max_members=max_members, keep=True))
