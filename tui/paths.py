"""Where Passerelle keeps its files: the only caller of platformdirs."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import StoreError

APP_NAME = "passerelle"
HOME_ENV = "PASSERELLE_HOME"


@dataclass(frozen=True)
class Paths:
    """The three folders the app owns, and the files it keeps in them."""

    config: Path
    data: Path
    cache: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> Paths:
        """Use `home` (or $PASSERELLE_HOME) for everything, else the platform folders."""
        home = home or os.environ.get(HOME_ENV) or None
        if home:
            root = Path(home).expanduser().absolute()
            return cls(root / "config", root / "data", root / "cache")
        import platformdirs

        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database(self) -> Path:
        return self.data / "passerelle.db"

    @property
    def snapshots(self) -> Path:
        return self.data / "snapshots"

    @property
    def settings_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def strategy_file(self) -> Path:
        return self.config / "strategy.toml"

    @property
    def templates_dir(self) -> Path:
        return self.config / "templates"

    @property
    def frames_cache(self) -> Path:
        return self.cache / "frames"

    def ensure(self) -> None:
        """Create the folders as 0700 (tightening our own loose ones), then sweep the temp
        files a killed run left behind."""
        for folder in (self.config, self.data, self.cache):
            make_private_dir(folder)
        from tui.core.files import sweep_stale_temp_files

        for folder in (self.config, self.templates_dir, self.data, self.snapshots, self.cache):
            sweep_stale_temp_files(folder)
        try:
            entries = list(os.scandir(self.frames_cache))
        except OSError:
            entries = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                sweep_stale_temp_files(Path(entry.path))


class FolderError(StoreError, OSError):
    """A folder Passerelle needs cannot be made or used (read-only disk, a link, no room).

    Also an OSError, so callers that shrug off a failed cache write still do.
    """

    def __init__(self, where: object, reason: str, errno_: int | None = None) -> None:
        super().__init__(where, reason)
        self.errno = errno_


def make_private_dir(folder: Path) -> None:
    """mkdir -p where every folder created is 0700; an existing folder is tightened to 0700
    only when it is safely ours.

    Never through a symbolic link, never a shared folder (sticky or writable by others, such
    as /tmp or a 1777 team folder) and never one owned by someone else: Passerelle did not
    make those. Folders above `folder` (such as ~/.config) are left as they are. Raises
    PasserelleError (one line, exit 2) when the disk is read-only or full.
    """
    folder = Path(folder)
    try:
        missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
        for parent in reversed(missing):
            parent.mkdir(mode=0o700, exist_ok=True)
            os.chmod(parent, 0o700)  # mkdir's mode is cut by the umask
        info = os.lstat(folder)
        if stat.S_ISLNK(info.st_mode):
            if not folder.is_dir():
                raise FolderError(folder, "is a symbolic link that leads to no folder; Passerelle does not follow it")
            return  # someone else's folder: used, never chmodded
        if not stat.S_ISDIR(info.st_mode):
            raise FolderError(folder, "is not a folder")
        shared = info.st_mode & (stat.S_ISVTX | stat.S_IWOTH)
        ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if stat.S_IMODE(info.st_mode) != 0o700 and ours and not shared:
            os.chmod(folder, 0o700)
    except FolderError:
        raise
    except OSError as exc:
        raise FolderError(folder, folder_problem(exc), exc.errno) from None


def folder_problem(exc: OSError) -> str:
    """What a failed write in the app's folders means to the user."""
    if exc.errno == errno.EROFS:
        return "the folder is on a read-only file system; nothing can be saved there"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "disk full: nothing could be saved (free some space and try again)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "the folder is read-only for you; nothing can be saved there"
    return f"cannot be used ({exc.strerror or type(exc).__name__})"
