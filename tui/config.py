"""User settings from config.toml, as a frozen dataclass with clear errors."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

from tui.data.errors import ConfigError


@dataclass(frozen=True)
class Settings:
    """Everything the user can tune; every field has a sensible default."""

    premium: bool = False
    notes_per_month: int = 5
    invitations_per_week: int = 100
    later_days: int = 7
    stale_days: int = 21
    follow_up_days: int = 7
    active_share: float = 0.2
    my_name: str = ""
    role_families: dict[str, list[str]] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    views: dict[str, object] = field(default_factory=dict)  # name → filter line; checked in data/saved_views.py

    @property
    def note_limit(self) -> int:
        """LinkedIn's invitation note limit: 300 characters with Premium, else 200."""
        return 300 if self.premium else 200


_TYPES = {f.name: f.type for f in fields(Settings)}


def load_settings(path: Path) -> Settings:
    """Read `path` (missing file → defaults); raise ConfigError naming the problem."""
    if not path.exists():
        return Settings()
    import tomllib  # here: most starts have no settings file, and every millisecond of the start counts

    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8 text") from None
    except OSError as exc:  # a folder in its place, no permission, a disk error
        raise ConfigError(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"invalid TOML: {exc}") from None
    values = {}
    for name, value in raw.items():
        if name not in _TYPES:
            raise ConfigError(path, f"unknown setting '{name}' (known: {', '.join(sorted(_TYPES))})")
        values[name] = _checked(path, name, value)
    return Settings(**values)


def _checked(path: Path, name: str, value: object) -> object:
    expected = _TYPES[name]
    if expected == "bool" and not isinstance(value, bool):
        raise ConfigError(path, f"'{name}' must be true or false")
    if expected == "int" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ConfigError(path, f"'{name}' must be a whole number ≥ 0")
    if expected == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise ConfigError(path, f"'{name}' must be a number between 0 and 1")
        return float(value)
    if expected == "str" and not isinstance(value, str):
        raise ConfigError(path, f"'{name}' must be text")
    if name == "role_families":
        if not isinstance(value, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()
        ):
            raise ConfigError(path, "'role_families' must map a family name to a list of keywords")
    if name == "keys":
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ConfigError(path, "'keys' must map a binding id to a key")
    if name == "views" and not isinstance(value, dict):
        raise ConfigError(path, "'views' must be a table: [views] then name = \"filter\" lines")
    return value
