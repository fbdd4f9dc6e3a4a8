"""The content fingerprint of an export source: what the frame cache is keyed by."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def source_fingerprint(source: Path, salt: str) -> str | None:
    """sha256 of `salt` and the source's bytes (file) or its known members (folder); None if unusual."""
    digest = hashlib.sha256(f"{salt}\0".encode())
    try:
        info = os.stat(source)
        if stat.S_ISREG(info.st_mode):
            digest.update(f"{info.st_size}\0".encode())
            with open(source, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        elif stat.S_ISDIR(info.st_mode):
            from tui.export.source import read_source  # folders only: spares the start zipfile & co.

            for kind, (name, data) in sorted(read_source(source).members.items()):
                digest.update(f"{kind}\0{name}\0{len(data)}\0".encode())
                digest.update(data)
        else:
            return None
    except Exception:  # any trouble: let load_export report it properly
        return None
    return digest.hexdigest()
