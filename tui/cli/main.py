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
from tui.cli.argparse_text import translate_argparse, usage_prefix
from tui.core.errors import PasserelleError
from tui.i18n import _, choose, set_language
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
        self.exit(2, _("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message) + "\n")

    def parse_known_intermixed_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def]
        # argparse keeps its usage line by cutting 7 characters, the length of the English
        # "usage: "; cut the prefix of the language in use instead.
        if self.usage is None:
            self.usage = self.format_usage()[len(usage_prefix()):]
        return super().parse_known_intermixed_args(args, namespace)


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options every command and the app accept, anywhere on the line."""
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=_("keep config, data and cache under DIR (also ${variable})").format(variable=HOME_ENV),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_("language of every screen and message (also `language` in config.toml, else $LANG)"),
    )


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one subcommand (its own options plus the global ones)."""
    module = importlib.import_module(f"tui.cli.{COMMANDS[name]}")
    parser = _Parser(prog=f"passerelle {name}", description=_(module.HELP))
    add_global_options(parser)
    module.add_arguments(parser)
    return parser


def app_parser() -> argparse.ArgumentParser:
    """The parser of `passerelle [SOURCE]` (the app)."""
    parser = _Parser(
        prog="passerelle",
        description=_("Triage your LinkedIn invitations and network from the data export, offline."),
        epilog=_("commands: {commands} (passerelle COMMAND --help)").format(commands=", ".join(COMMANDS)),
    )
    parser.add_argument("source", nargs="?", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument("--version", action="version", version=f"passerelle {__version__}",
                        help=_("show program's version number and exit"))
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
    choose_language(argv)
    translate_argparse()
    name, rest = split_command(argv)
    parser = app_parser() if name is None else command_parser(name)
    args = parser.parse_intermixed_args(rest)
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
