"""One reader for every TOML file Passerelle reads (config, strategy, companies, templates):
the same errors everywhere, each naming the file, the line and the problem."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tui.core.errors import ConfigError
from tui.i18n import _

# tomllib puts the place at the end of its message: "(at line 3, column 7)" or "(at end of document)".
_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)")


def parse_toml(path: Path | str, data: bytes | str) -> tuple[dict[str, Any], str]:
    """(the table, the text) of a TOML file's bytes or text; ConfigError with the line otherwise."""
    import tomllib  # here: most starts read no TOML at all

    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ConfigError(path, _("not UTF-8 text (save it as UTF-8)"), line) from None
    else:
        text = data
    try:
        return tomllib.loads(text), text
    except RecursionError:  # tomllib recurses once per level: `x = [[[[…]]]]` must not crash
        raise ConfigError(path, _("invalid TOML: {reason}").format(reason=_("nested too deeply"))) from None
    except tomllib.TOMLDecodeError as exc:
        found = _AT.search(str(exc))
        line = None
        if found:
            line = int(found.group(1)) if found.group(1) else max(len(text.splitlines()), 1)
        reason = _AT.sub("", str(exc)) or _("syntax error")  # tomllib's own words stay English
        raise ConfigError(path, _("invalid TOML: {reason}").format(reason=reason), line) from None
