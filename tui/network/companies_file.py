"""companies.toml: the user's company aliases and exclusions, read as safely as the other
settings files (a regular file, bounded, UTF-8, errors naming the line).

    exclude = ["Between jobs"]          # added to the defaults (Freelance, Stealth…)
    [aliases]
    "KPMG" = ["KPMG France", "KPMG Audit"]

An alias also wins over an exclusion, so a real company called "Stealth" is kept with
`"Stealth" = []`. Alias lines may also sit at the top level, before any [table].
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from tui.network.companies import DEFAULT_EXCLUSIONS, CompanyRules
from tui.core.errors import ConfigError

FILE_NAME = "companies.toml"
MAX_BYTES = 1_000_000
MAX_NAME = 200


def companies_file(config_dir: Path) -> Path:
    """Where companies.toml lives: the config folder, beside config.toml."""
    return Path(config_dir) / FILE_NAME


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"""^\s*(?:"{re.escape(key)}"|'{re.escape(key)}'|{re.escape(key)})\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.search(line):
            return number
    return None


def read_text_bounded(path: Path, max_bytes: int = MAX_BYTES) -> str | None:
    """The file's UTF-8 text; None when missing. A folder, pipe or device, an oversized or
    undecodable file raises ConfigError (checked before reading)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(path, "not a regular file")
    if info.st_size > max_bytes:
        raise ConfigError(path, f"file too large (over {max_bytes // 1000} kB)")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ConfigError(path, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise ConfigError(path, f"file too large (over {max_bytes // 1000} kB)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8 text") from None


def parse_toml(path: Path, text: str) -> dict:
    """tomllib with the error's line number moved into the ConfigError."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(path, f"invalid TOML: {message}", line=int(found.group(1)) if found else None) from None


def _names(path: Path, text: str, key: str, value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, f"{what} must be a list of company names", line=_line_of(text, key))
    if any(len(v) > MAX_NAME for v in value):
        raise ConfigError(path, f"{what}: a name longer than {MAX_NAME} characters", line=_line_of(text, key))
    return tuple(v.strip() for v in value if v.strip())


def load_company_rules(path: Path) -> CompanyRules:
    """The rules in `path`, or the defaults when it does not exist."""
    text = read_text_bounded(path)
    if text is None:
        return CompanyRules()
    raw = parse_toml(path, text)
    aliases: dict[str, tuple[str, ...]] = {}
    extra: tuple[str, ...] = ()
    table = raw.pop("aliases", {})
    if not isinstance(table, dict):
        raise ConfigError(path, "'aliases' must be a table: [aliases] then \"Name\" = [\"variant\", …]",
                          line=_line_of(text, "aliases"))
    for key, value in raw.items():
        if key == "exclude":
            extra = _names(path, text, key, value, "'exclude'")
        elif isinstance(value, list):
            aliases[key.strip()] = _names(path, text, key, value, f"alias '{key}'")
        else:
            raise ConfigError(path, f"unknown entry '{key}' (expected exclude = […] or \"Name\" = […] aliases)",
                              line=_line_of(text, key))
    for key, value in table.items():
        aliases[key.strip()] = _names(path, text, key, value, f"alias '{key}'")
    if any(not name for name in aliases):
        raise ConfigError(path, "an alias with an empty name", line=_line_of(text, '""'))
    return CompanyRules(aliases=aliases, exclusions=(*DEFAULT_EXCLUSIONS, *extra))
