"""Command line: `passerelle [SOURCE]` opens the app; subcommands work headless."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from tui import __version__
from tui.data.errors import PasserelleError
from tui.paths import HOME_ENV, Paths

# name → module in tui.commands; each module has HELP, add_arguments(p) and run(args, paths).
COMMANDS = {
    "import": "import_export",
    "stats": "stats",
    "report": "report",
    "decisions": "decisions",
    "strategy": "strategy",
    "templates": "templates",
    "compose": "compose",
    "paths": "paths",
    "todo": "todo",
    "tags": "tags",
    "tag": "tag",
}


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as every other bad input does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"passerelle: {message} (see passerelle --help)\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"keep config, data and cache under DIR (also ${HOME_ENV})",
    )


def build_parser(argv: list[str]) -> tuple[argparse.ArgumentParser, str | None]:
    """The app parser, or the parser of the subcommand named first in argv."""
    name = next((a for a in argv if not a.startswith("-")), None)
    if name in COMMANDS:
        module = importlib.import_module(f"tui.commands.{COMMANDS[name]}")
        parser = _Parser(prog=f"passerelle {name}", description=module.HELP)
        parser.add_argument("command", choices=[name], help=argparse.SUPPRESS)
        _common(parser)
        module.add_arguments(parser)
        return parser, name
    parser = _Parser(
        prog="passerelle",
        description="Triage your LinkedIn invitations and network from the data export, offline.",
        epilog="commands: " + ", ".join(COMMANDS) + " (passerelle COMMAND --help)",
    )
    parser.add_argument("source", nargs="?", help="export ZIP, folder or CSV (default: last import, else the sample)")
    parser.add_argument("--version", action="version", version=f"passerelle {__version__}")
    _common(parser)
    return parser, None


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 2 bad input, 1 unexpected)."""
    argv = sys.argv[1:] if argv is None else argv
    parser, name = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        paths = Paths.resolve(args.home)
        if name is None:
            from tui.launch import run_app

            return run_app(args.source, paths)
        module = importlib.import_module(f"tui.commands.{COMMANDS[name]}")
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
