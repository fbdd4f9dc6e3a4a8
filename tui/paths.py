"""Where Passerelle keeps its files: the only caller of platformdirs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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
        """Create the folders as 0700, tightening ones that already exist."""
        for folder in (self.config, self.data, self.cache):
            make_private_dir(folder)


def make_private_dir(folder: Path) -> None:
    """mkdir -p where every folder created is 0700, and chmod 0700 if it was already there.

    Folders that already existed above `folder` (such as ~/.config) are left as they are.
    """
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for parent in reversed(missing):
        parent.mkdir(mode=0o700, exist_ok=True)
        os.chmod(parent, 0o700)
    os.chmod(folder, 0o700)
