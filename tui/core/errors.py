"""The app's own errors: each one is a single line a user can act on."""

from __future__ import annotations

from tui.core.unsafe_chars import strip_unsafe


class PasserelleError(Exception):
    """A problem with the user's input or files, shown as one line (exit code 2)."""

    def __init__(self, where: object, reason: str, line: int | None = None) -> None:
        self.where = str(where)
        self.reason = reason
        self.line = line
        at = f" (line {line})" if line is not None else ""
        # Names come from the export (ZIP members, folders): no escape sequence, no line
        # break may reach the terminal through an error line.
        super().__init__(strip_unsafe(f"{self.where}{at}: {reason}", replacement=" "))


class ExportError(PasserelleError):
    """The export (ZIP, folder or CSV) cannot be read."""


class StoreError(PasserelleError):
    """The state database cannot be opened or written safely."""


class ConfigError(PasserelleError):
    """A config, strategy or template file is invalid."""
