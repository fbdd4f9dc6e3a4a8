"""The subcommands, and which word of a command line names one (no argparse here: a bare
`passerelle` never builds a parser)."""

from __future__ import annotations

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
