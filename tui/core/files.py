"""File-system helpers: private atomic writes (0600, never half-written), bounded reads of
small user files, no symbolic links where Passerelle keeps its own files, where data may live."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from tui.core.errors import ConfigError, StoreError
from tui.core.folders import FolderError, folder_problem
from tui.i18n import _

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def refuse_link(path: Path) -> None:
    """StoreError when `path` is a symbolic link (dangling or not): a link at one of our own
    files would send the database, a cache or a snapshot somewhere the user did not choose."""
    if os.path.islink(path):
        raise StoreError(path, _("is a symbolic link; Passerelle does not follow links for its own files (remove it)"))


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (SQLite then inherits it).

    O_NOFOLLOW: a link planted at `path` is refused, never followed nor chmodded.
    """
    refuse_link(path)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | _NOFOLLOW, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise StoreError(path, _("is not a regular file"))
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def read_small_file(path: Path, max_bytes: int, where: object | None = None) -> bytes:
    """The bytes of a small user file (settings, strategy, template), checked first.

    A FIFO would block forever and /dev/zero never ends, so: opened without blocking, then
    it must be a regular file of at most `max_bytes`, and no more than that is read even if
    it grows meanwhile. Raises ConfigError naming `where` (default: the path);
    FileNotFoundError passes through for callers that treat a missing file as "defaults".
    """
    where = path if where is None else where
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ConfigError(where, _("cannot be read ({value})").format(value=exc.strerror or type(exc).__name__)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(where, _("cannot be read: not a regular file (a folder, a pipe or a device?)"))
        if info.st_size > max_bytes:
            raise ConfigError(where, _("file too large (over {max_bytes} kB)").format(max_bytes=max_bytes // 1000))
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise ConfigError(where, _("cannot be read ({value})").format(value=exc.strerror or type(exc).__name__)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise ConfigError(where, _("file too large (over {max_bytes} kB)").format(max_bytes=max_bytes // 1000))
    return data


def read_text_or_empty(path: Path, max_bytes: int = 1_000_000) -> str:
    """A settings file's text before Passerelle rewrites it ("" when missing), read as
    `read_small_file` reads: a FIFO or /dev/zero raises ConfigError, never blocks or fills memory."""
    try:
        data = read_small_file(path, max_bytes)
    except FileNotFoundError:
        return ""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, _("not UTF-8 text (save it as UTF-8)")) from None


def digest_input(path: Path, max_bytes: int = 1_000_000) -> bytes:
    """What a cache key takes of a user file: its bytes, or why they cannot be read.

    Read as `read_small_file` reads, so a FIFO or a link to /dev/zero makes a key (the reader
    of that file then says what is wrong) instead of hanging or filling memory.
    """
    try:
        return read_small_file(path, max_bytes)
    except FileNotFoundError:
        return b"\0missing"
    except (ConfigError, OSError) as exc:
        return b"\0unreadable\0" + str(getattr(exc, "reason", exc)).encode("utf-8", "replace")


# mkstemp names of our atomic writes: ".<target name>.<8 random characters>.tmp".
_OUR_TEMP = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
STALE_AFTER = 15 * 60  # seconds: an import still writing its temp file is never swept


def sweep_stale_temp_files(folder: Path, *, now: float | None = None) -> list[Path]:
    """Delete temp files of our own naming that a killed run left in `folder`; the swept paths.

    Only regular files (never links), only that naming, only when untouched for
    `STALE_AFTER`: another Passerelle may be writing one right now.
    """
    now = time.time() if now is None else now
    swept = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return swept
    for entry in entries:
        if not _OUR_TEMP.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                swept.append(Path(entry.path))
        except OSError:
            continue  # read-only or already gone: next start tries again
    return swept


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file, fsync and rename: all or nothing.

    A failure raises FolderError (an OSError too) saying "read-only" or "disk full" in the
    user's words, so an uncaught one is still one line and exit 2.
    """
    try:
        _write_atomic(path, data)
    except FolderError:
        raise
    except OSError as exc:
        raise FolderError(path, folder_problem(exc), exc.errno) from None


def _write_atomic(path: Path, data: bytes) -> None:
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
            return _("{folder} looks like a sync folder ({name}); keep the Passerelle data folder on a local disk").format(
                folder=resolved.parent, name=name)
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
        return _("{folder} is on a network file system ({fstype}); keep the Passerelle data folder on a local disk").format(
            folder=resolved.parent, fstype=fstype)
    return None
