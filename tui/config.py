"""User settings from config.toml, as a frozen dataclass with clear errors."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from tui.core.errors import ConfigError


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
    theme: str = ""  # a Textual theme name ("textual-light", "nord"…); empty: Textual's default
    views: dict[str, object] = field(default_factory=dict)  # name → filter line; checked in data/saved_views.py
    language: str = ""  # "fr" or "en"; empty: the locale variables decide (tui/i18n)

    @property
    def note_limit(self) -> int:
        """LinkedIn's invitation note limit: 300 characters with Premium, else 200."""
        return 300 if self.premium else 200


_TYPES = {f.name: f.type for f in fields(Settings)}


MAX_SETTINGS_BYTES = 1_000_000  # a settings file is a few lines; more is a mistake (or /dev/zero)


def load_settings(path: Path) -> Settings:
    """Read `path` (missing file → defaults); raise ConfigError naming the problem."""
    if not os.path.lexists(path):
        return Settings()
    import tomllib  # here: most starts have no settings file, and every millisecond of the start counts

    from tui.core.files import parse_toml, read_small_file

    try:
        data = read_small_file(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:  # a dangling link, or gone since the check
        raise ConfigError(path, "cannot be read (no such file)") from None
    try:
        raw = parse_toml(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8 text") from None
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
    if name == "language":
        from tui.i18n.catalog import LANGUAGES

        if value not in LANGUAGES:
            raise ConfigError(path, f"'language' must be one of {', '.join(repr(c) for c in LANGUAGES)}")
    if name == "views" and not isinstance(value, dict):
        raise ConfigError(path, "'views' must be a table: [views] then name = \"filter\" lines")
    return value


def key_collisions(
    scopes: dict[str, list[tuple[str, str]]], keys: dict[str, str], where: object = "config.toml"
) -> tuple[dict[str, str], list[str]]:
    """The `[keys]` remaps that can be kept, and one line (naming `where`) per refused one.

    `scopes`: for each place whose keys are read together (a pane, with the app's own
    keys), its bindings as (id, default keys, comma-separated). A remap is refused when its
    key is already another binding's there: both bindings keep their defaults, because a
    key that silently does one of two things is worse than a remap not applied, and a
    preference is no reason to keep someone from their work (the app still starts).
    """
    refused: dict[str, str | None] = {}
    for scope, bindings in scopes.items():
        effective: dict[str, set[str]] = {}
        for binding_id, default in bindings:
            for key in keys.get(binding_id, default).split(","):
                effective.setdefault(key.strip(), set()).add(binding_id)
        for key, ids in effective.items():
            remapped = sorted(i for i in ids if i in keys)
            if len(ids) < 2 or not remapped or any(i in refused for i in remapped):
                continue
            first, others = remapped[0], ", ".join(sorted(ids - {remapped[0]}))
            refused[first] = (
                f'{where}: [keys] {first} = "{keys[first]}" not applied: {key} is already '
                f"{others} in {scope}; both keep their default keys"
            )
            refused.update({i: None for i in remapped[1:]})  # the same clash: one line says it
    kept = {i: k for i, k in keys.items() if i not in refused}
    return kept, [line for line in refused.values() if line]
