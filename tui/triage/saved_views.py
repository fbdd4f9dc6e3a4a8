"""Saved views: named filter lines kept in config.toml under [views], editable by hand.

A view whose line can't be understood is reported with its line in the file and skipped;
the others still load. Saving rewrites only the [views] table's lines, atomically.
"""

from __future__ import annotations
from tui.i18n import _

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

MAX_NAME = 40
_HEADER = re.compile(r"^\s*\[\s*views\s*\]\s*(#.*)?$")
_TABLE = re.compile(r"^\s*\[")


class SavedView(NamedTuple):
    name: str
    line: str


def check_line(line: str) -> str | None:
    """Why a filter line can't be used (triage filter words plus tag:/-tag:/met:), or None."""
    from tui.triage.filters import FilterError, parse_filter
    from tui.triage.tag_filter import split_terms

    rest, _terms = split_terms(line)
    try:
        parse_filter(rest)
    except FilterError as exc:
        return str(exc)
    return None


def _line_of(text: str, name: str) -> int | None:
    """The line (1-based) where `name = …` sits inside [views]."""
    inside = False
    pattern = re.compile(r'^\s*(?:"' + re.escape(json.dumps(name)[1:-1]) + r'"|' + re.escape(name) + r")\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if _TABLE.match(line):
            inside = bool(_HEADER.match(line))
        elif inside and pattern.match(line):
            return number
    return None


def load_views(path: Path, views: dict[str, object],
               check: Callable[[str, str], str | None] | None = None) -> tuple[list[SavedView], list[str]]:
    """The usable views in file order, and one line per view skipped (with its line number);
    `check(name, line)` adds what a list needs (why not, or None)."""
    from tui.core.errors import ConfigError
    from tui.core.files import read_text_or_empty

    try:
        text = read_text_or_empty(path)  # only for line numbers: the views themselves are parsed
    except ConfigError:
        text = ""
    good: list[SavedView] = []
    problems: list[str] = []
    for name, value in views.items():
        number = _line_of(text, name)
        where = _("{file} line {line}").format(file=path.name, line=number) if number else path.name
        why = _("the filter must be text in quotes") if not isinstance(value, str) else check_line(value)
        if not why and check is not None:
            why = check(name, value)  # type: ignore[arg-type]
        if why:
            problems.append(_("{where}: view '{name}' skipped: {why}").format(where=where, name=name[:MAX_NAME], why=why))
        else:
            good.append(SavedView(name, value))  # type: ignore[arg-type]
    return good, problems


def with_view(text: str, name: str, line: str) -> str:
    """config.toml text with `name = "line"` set in [views] (added, or replacing the old one)."""
    entry = f"{json.dumps(name, ensure_ascii=False)} = {json.dumps(line, ensure_ascii=False)}"
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if _HEADER.match(ln)), None)
    if start is None:
        body = text.rstrip("\n")
        return (body + "\n\n" if body else "") + f"[views]\n{entry}\n"
    end = next((i for i in range(start + 1, len(lines)) if _TABLE.match(lines[i])), len(lines))
    old = _line_of("\n".join(lines[: end]), name)
    if old is not None and old - 1 > start:
        lines[old - 1] = entry
    else:
        insert = end
        while insert > start + 1 and not lines[insert - 1].strip():
            insert -= 1  # keep the blank lines before the next table
        lines.insert(insert, entry)
    return "\n".join(lines) + "\n"


def save_view(path: Path, name: str, line: str) -> SavedView:
    """Write the view into config.toml (created if needed); ValueError when it can't be used."""
    from tui.core.errors import ConfigError
    from tui.core.files import read_text_or_empty, write_text_atomic
    from tui.core.toml_files import parse_toml

    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME:
        raise ValueError(_("a view name is 1 to {count} characters").format(count=MAX_NAME))
    if why := check_line(line):
        raise ValueError(why)
    try:
        text = read_text_or_empty(path)  # a FIFO or /dev/zero must not freeze the app
    except ConfigError as exc:
        raise ValueError(_("{file} could not be updated safely ({why}); add the view by hand").format(
            file=path.name, why=exc.reason)) from None
    new = with_view(text, name, line)
    try:  # never write a file the next start can't read (nested too deeply included)
        parse_toml(path, new)
    except ConfigError as exc:
        raise ValueError(_("{file} could not be updated safely ({why}); add the view by hand").format(
            file=path.name, why=exc.reason)) from None
    write_text_atomic(path, new)
    return SavedView(name, line)
