"""The command line's parsers (argparse): the app's, and one per subcommand.

Only built when there is something to parse: a bare `passerelle` opens the app without them.
"""

from __future__ import annotations

import argparse
import importlib

from tui import __version__
from tui.cli.argparse_text import translate_argparse, usage_prefix
from tui.cli.commands import COMMANDS
from tui.i18n import _
from tui.i18n.catalog import LANGUAGES
from tui.paths import HOME_ENV


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


def parse(name: str | None, rest: list[str]) -> argparse.Namespace:
    """The arguments of subcommand `name` (None: the app) from the other words of the line
    (`commands.split_command`); exits 2 with one line on a bad one."""
    translate_argparse()
    parser = app_parser() if name is None else command_parser(name)
    return parser.parse_intermixed_args(rest)
