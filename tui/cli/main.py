"""Command line: `passerelle [SOURCE]` opens the app; subcommands work headless.

Global options (`--home`) go before or after the subcommand, and options and positionals
come in any order (`parse_intermixed_args`), as every other command line.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from tui import __version__
from tui.core.errors import PasserelleError
from tui.i18n import choose, set_language
from tui.i18n.catalog import LANGUAGES
from tui.paths import HOME_ENV, Paths

# name → module in tui.cli; each module has HELP, add_arguments(p) and run(args, paths).
COMMANDS = {
    "import": "import_export",
    "stats": "stats",
    "report": "report",
    "decisions": "decisions",
    "strategy": "strategy",
    "templates": "templates",
    "compose": "compose",
    "paths": "paths",
    "completion": "completion",
    "serve": "serve",
    "companies": "companies",
    "intro": "intro",
    "history": "history",
    "todo": "todo",
    "tags": "tags",
    "tag": "tag",
}
# Global options that take a value: the word after them is never the subcommand's name.
GLOBAL_VALUE_OPTIONS = ("--home", "--lang")
MIN_PYTHON = (3, 11)  # as pyproject's requires-python


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as every other bad input does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options every command and the app accept, anywhere on the line."""
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"keep config, data and cache under DIR (also ${HOME_ENV})",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of every screen and message (also `language` in config.toml, else $LANG)",
    )


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (its own options plus the global ones)."""
    module = importlib.import_module(f"tui.cli.{COMMANDS[name]}")
    parser = _Parser(prog=f"passerelle {name}", description=module.HELP)
    add_global_options(parser)
    module.add_arguments(parser)
    return parser


def app_parser() -> argparse.ArgumentParser:
    """The parser of `passerelle [SOURCE]` (the app)."""
    parser = _Parser(
        prog="passerelle",
        description="Triage your LinkedIn invitations and network from the data export, offline.",
        epilog="commands: " + ", ".join(COMMANDS) + " (passerelle COMMAND --help)",
    )
    parser.add_argument("source", nargs="?", help="export ZIP, folder or CSV (default: last import, else the sample)")
    parser.add_argument("--version", action="version", version=f"passerelle {__version__}")
    add_global_options(parser)
    return parser


def split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """(subcommand, the other words) — the subcommand is the first word that is neither an
    option nor a global option's value; None when that word is not a subcommand (the app)."""
    skip = False
    for i, word in enumerate(argv):
        if skip:
            skip = False
            continue
        if word == "--":
            break
        if word in GLOBAL_VALUE_OPTIONS:
            skip = True
            continue
        if word.startswith("-"):
            continue
        if word in COMMANDS:
            return word, argv[:i] + argv[i + 1:]
        break
    return None, argv


def python_problem(version: tuple[int, ...]) -> str | None:
    """One line when this Python is too old (pip refuses the install, but a checkout runs as is)."""
    if tuple(version[:2]) >= MIN_PYTHON:
        return None
    return (f"passerelle: needs Python {'.'.join(map(str, MIN_PYTHON))} or newer "
            f"(this is Python {'.'.join(map(str, version[:3]))})")


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
    choose_language(argv)
    name, rest = split_command(argv)
    parser = app_parser() if name is None else command_parser(name)
    args = parser.parse_intermixed_args(rest)
    try:
        paths = Paths.resolve(args.home)
        if name is None:
            from tui.launch import run_app

            return run_app(args.source, paths)
        module = importlib.import_module(f"tui.cli.{COMMANDS[name]}")
        return module.run(args, paths)
    except PasserelleError as exc:
        print(f"passerelle: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 1
        print(f"passerelle: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
