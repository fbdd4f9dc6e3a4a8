"""File-system helpers: private atomic writes (0600, never half-written), where data may live."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (SQLite then inherits it)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file, fsync and rename: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def write_text_atomic(path: Path, text: str) -> None:
    """`write_atomic` for UTF-8 text."""
    write_atomic(path, text.encode("utf-8"))


_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "9p", "davfs", "fuse.rclone", "ceph", "glusterfs"}
_SYNC_DIRS = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "mobile documents", "nextcloud", "syncthing")


def warn_if_network_fs(path: Path) -> str | None:
    """A warning when `path` sits on a network or sync folder (WAL needs local shared memory)."""
    resolved = Path(path).expanduser().absolute()
    lowered = str(resolved).lower()
    for name in _SYNC_DIRS:
        if f"/{name}" in lowered:
            return f"{resolved.parent} looks like a sync folder ({name}); keep the Passerelle data folder on a local disk"
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (lowered == point.lower() or str(resolved).startswith(point.rstrip("/") + "/")) and len(point) > len(best):
            best, fstype = point, parts[2]
    if fstype in _NETWORK_FS:
        return f"{resolved.parent} is on a network file system ({fstype}); keep the Passerelle data folder on a local disk"
    return None
