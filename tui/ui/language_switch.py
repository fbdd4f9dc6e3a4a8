"""Switching the language live (palette: "Language: Français"), and keeping the choice.

The choice goes into config.toml as `language = "fr"`, the rest of the file as the user wrote
it; then every widget says its text again (`retranslate`), the panes keep their rows,
cursor, filter and session: nothing is rebuilt.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.i18n import _, set_language

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}  # each language by its own name
# A top-level `language = …` line (before any [table]); a comment after the value is kept.
_LINE = re.compile(r"^\s*language\s*=\s*(\"[^\"]*\"|'[^']*')(\s*#.*)?$")
_TABLE = re.compile(r"^\s*\[")


def with_language(text: str, code: str) -> str:
    """config.toml `text` with `language = "code"` set at the top level (added or replaced)."""
    lines = text.splitlines()
    end = next((i for i, line in enumerate(lines) if _TABLE.match(line)), len(lines))
    entry = f'language = "{code}"'
    for i in range(end):
        found = _LINE.match(lines[i])
        if found:
            lines[i] = entry + (found.group(2) or "")
            return "\n".join(lines) + "\n"
    at = end
    while at > 0 and not lines[at - 1].strip():
        at -= 1  # before the blank lines that lead to the first table
    lines.insert(at, entry)
    return "\n".join(lines) + "\n"


def save_language(path: Path, code: str) -> None:
    """Write the choice into config.toml (created if needed); never a file the next start can't read.

    Raises ValueError (the file's other settings left as they were) when it can't be done safely.
    """
    from tui.core.errors import ConfigError
    from tui.core.files import read_text_or_empty, write_text_atomic
    from tui.core.toml_files import parse_toml

    try:
        text = read_text_or_empty(path)  # a FIFO or /dev/zero must not freeze the app
    except ConfigError as exc:
        raise ValueError(_("{file} could not be updated safely ({error}); set language = \"{code}\" by hand").format(
            file=path.name, error=exc.reason, code=code)) from None
    new = with_language(text, code)
    try:
        before, after = (parse_toml(path, text)[0] if text else {}), parse_toml(path, new)[0]
    except ConfigError as exc:
        raise ValueError(_("{file} could not be updated safely ({error}); set language = \"{code}\" by hand").format(
            file=path.name, error=getattr(exc, "reason", exc), code=code)) from None
    before["language"] = code
    if after != before:  # a `language` we could not see (in a table, say): don't guess
        raise ValueError(_("{file} could not be updated safely; set language = \"{code}\" by hand").format(
            file=path.name, code=code))
    write_text_atomic(path, new)


def switch_language(app, code: str) -> None:
    """Make `code` the language now, say it again everywhere, and keep it for the next start."""
    from dataclasses import replace

    from tui.ui.widgets.translated import retranslate

    set_language(code)
    settings = app.context.settings
    try:
        app.context.settings = replace(settings, language=code)
    except TypeError:  # settings without a language field (a test's stand-in)
        pass
    app.refresh_header()
    for screen in app.screen_stack:
        retranslate(screen)
    app.refresh_bindings()
    try:
        save_language(app.context.paths.settings_file, code)
    except (ValueError, OSError) as exc:
        app.notify(_("Language changed for this session only: {reason}").format(reason=exc),
                   severity="warning", timeout=10, markup=False)
        return
    app.notify(_("Language: {name} (saved in {file}).").format(
        name=LANGUAGE_NAMES.get(code, code), file=app.context.paths.settings_file.name),
        title="Passerelle", timeout=6, markup=False)
