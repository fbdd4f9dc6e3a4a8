"""The app's own errors: each one is a single line a user can act on."""

from __future__ import annotations


class PasserelleError(Exception):
    """A problem with the user's input or files, shown as one line (exit code 2)."""

    def __init__(self, where: object, reason: str, line: int | None = None) -> None:
        self.where = str(where)
        self.reason = reason
        self.line = line
        at = f" (line {line})" if line is not None else ""
        super().__init__(f"{self.where}{at}: {reason}")


class ExportError(PasserelleError):
    """The export (ZIP, folder or CSV) cannot be read."""


class StoreError(PasserelleError):
    """The state database cannot be opened or written safely."""


class ConfigError(PasserelleError):
    """A config, strategy or template file is invalid."""
