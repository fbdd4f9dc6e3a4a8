"""Where Passerelle keeps its files: the only caller of platformdirs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from tui.core.errors import PasserelleError
from tui.core.files import sweep_stale_temp_files
from tui.core.folders import make_private_dir
from tui.i18n import _

APP_NAME = "passerelle"
# The bundled synthetic export (sample_data/generate.py), shown when there is no export of the user's yet.
SAMPLE_EXPORT = Path(__file__).resolve().parent.parent / "sample_data" / "Basic_LinkedInDataExport_11-20-2026.zip"
HOME_ENV = "PASSERELLE_HOME"


class Paths(NamedTuple):
    """The three folders the app owns, and the files it keeps in them."""

    config: Path
    data: Path
    cache: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> Paths:
        """Use `home` (or $PASSERELLE_HOME) for everything, else the platform folders."""
        home = home or os.environ.get(HOME_ENV) or None
        if home:
            try:
                root = Path(home).expanduser().absolute()
            except RuntimeError:  # "~name/…" for a user this machine does not have (a typo)
                raise PasserelleError(home, _("this machine has no user of the name after '~'")) from None
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
        """Where the frame cache keeps an export's frames: the snapshots, one copy for both."""
        return self.snapshots

    def ensure(self) -> None:
        """Create the folders as 0700 (tightening our own loose ones), then sweep the temp
        files a killed run left behind."""
        for folder in (self.config, self.data, self.cache):
            make_private_dir(folder)
        for folder in (self.config, self.templates_dir, self.data, self.snapshots, self.cache):
            sweep_stale_temp_files(folder)
        try:
            entries = list(os.scandir(self.snapshots))  # the frames of each export
        except OSError:
            entries = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                sweep_stale_temp_files(Path(entry.path))
        old = self.cache / "frames"  # where earlier versions kept a second copy of the frames
        if old.is_dir() and not old.is_symlink():
            import shutil

            shutil.rmtree(old, ignore_errors=True)
