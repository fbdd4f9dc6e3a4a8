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

from tui.core.errors import ConfigError
from tui.core.toml_files import parse_toml
from tui.i18n import _
from tui.core.company_names import DEFAULT_EXCLUSIONS, CompanyRules

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
        raise ConfigError(path, _("cannot be read ({value})").format(value=exc.strerror or type(exc).__name__)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(path, _("not a regular file"))
    if info.st_size > max_bytes:
        raise ConfigError(path, _("file too large (over {max_bytes} kB)").format(max_bytes=max_bytes // 1000))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ConfigError(path, _("cannot be read ({value})").format(value=exc.strerror or type(exc).__name__)) from None
    if len(data) > max_bytes:
        raise ConfigError(path, _("file too large (over {max_bytes} kB)").format(max_bytes=max_bytes // 1000))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(path, _("not UTF-8 text")) from None


def _names(path: Path, text: str, key: str, value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(path, _("{what} must be a list of company names").format(what=what), line=_line_of(text, key))
    if any(len(v) > MAX_NAME for v in value):
        raise ConfigError(path, _("{what}: a name longer than {max_name} characters").format(what=what, max_name=MAX_NAME), line=_line_of(text, key))
    return tuple(v.strip() for v in value if v.strip())


def load_company_rules(path: Path) -> CompanyRules:
    """The rules in `path`, or the defaults when it does not exist."""
    text = read_text_bounded(path)
    if text is None:
        return CompanyRules()
    raw, _text = parse_toml(path, text)
    aliases: dict[str, tuple[str, ...]] = {}
    extra: tuple[str, ...] = ()
    table = raw.pop("aliases", {})
    if not isinstance(table, dict):
        raise ConfigError(path, _('\'aliases\' must be a table: [aliases] then "Name" = ["variant", …]'),
                          line=_line_of(text, "aliases"))
    for key, value in raw.items():
        if key == "exclude":
            extra = _names(path, text, key, value, "'exclude'")
        elif isinstance(value, list):
            aliases[key.strip()] = _names(path, text, key, value, f"alias '{key}'")
        else:
            raise ConfigError(path, _('unknown entry \'{key}\' (expected exclude = […] or "Name" = […] aliases)').format(key=key),
                              line=_line_of(text, key))
    for key, value in table.items():
        aliases[key.strip()] = _names(path, text, key, value, f"alias '{key}'")
    if any(not name for name in aliases):
        raise ConfigError(path, _("an alias with an empty name"), line=_line_of(text, '""'))
    return CompanyRules(aliases=aliases, exclusions=(*DEFAULT_EXCLUSIONS, *extra))


def rules_or_defaults(config_dir: Path) -> tuple[CompanyRules, str]:
    """The user's rules, or the defaults and one line saying why (the app still starts)."""
    try:
        return load_company_rules(companies_file(config_dir)), ""
    except ConfigError as exc:
        return CompanyRules(), _("companies.toml not used: {problem}").format(problem=exc)
