"""Command line: `passerelle [SOURCE]` opens the app; subcommands work headless.

Global options (`--home`) go before or after the subcommand, and options and positionals
come in any order (`parse_intermixed_args`), as every other command line.
"""

from __future__ import annotations

import importlib
import os
import sys
from types import SimpleNamespace

from tui.cli.commands import COMMANDS, split_command
from tui.core import start_gc
from tui.core.errors import PasserelleError
from tui.i18n import _, choose, set_language
from tui.i18n.catalog import LANGUAGES
from tui.paths import Paths

MIN_PYTHON = (3, 11)  # as pyproject's requires-python


def python_problem(version: tuple[int, ...]) -> str | None:
    """One line when this Python is too old (pip refuses the install, but a checkout runs as is)."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return None
    return _("passerelle: needs Python {needed} or newer (this is Python {running})").format(
        needed=".".join(map(str, MIN_PYTHON)), running=".".join(map(str, version[:3])))


def _peek(argv: list[str], option: str) -> str | None:
    """The value of a global option before argparse runs (`--lang fr` or `--lang=fr`)."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == option and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
    return None


def choose_language(argv: list[str]) -> None:
    """Set the language before any help or message is built: `--lang`, config.toml, $LANG."""
    setting = ""
    try:
        from tui.config import load_settings

        setting = load_settings(Paths.resolve(_peek(argv, "--home")).settings_file).language
    except PasserelleError:
        pass  # a broken config.toml is reported, in the language chosen without it, where it is read
    option = _peek(argv, "--lang")
    set_language(choose(option if option in LANGUAGES else None, setting))


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 2 bad input, 1 unexpected)."""
    problem = python_problem(tuple(sys.version_info))
    if problem:
        print(problem, file=sys.stderr)
        return 2
    argv = sys.argv[1:] if argv is None else argv
    name, rest = split_command(argv)
    if name is None:  # `passerelle [SOURCE]`: the app's start, the collector held to its first frame
        start_gc.hold()
    try:
        return _run(argv, name, rest)
    finally:
        start_gc.release()  # the app lets it go at its first frame; this, however the start ended before


def _run(argv: list[str], name: str | None, rest: list[str]) -> int:
    choose_language(argv)
    if argv:
        from tui.cli.parsers import parse

        args = parse(name, rest)
    else:  # bare `passerelle`, the usual start: nothing to parse, so no argparse (a hundredth of the start)
        args = SimpleNamespace(source=None, home=None)
    try:
        paths = Paths.resolve(args.home)
        if name is None:
            from tui.run import run_app

            return run_app(args.source, paths)
        module = importlib.import_module(f"tui.cli.{COMMANDS[name]}")
        return module.run(args, paths)
    except PasserelleError as exc:
        print(_("passerelle: {error}").format(error=exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(_("passerelle: unexpected error: {kind}: {error}").format(kind=type(exc).__name__, error=exc),
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
