"""The command line: `main` (the one line plus exit 2 for bad input), `parsers` (argparse) and one
module per headless command, wired by `tui.cli.commands.COMMANDS`. Imports the pure packages;
only `passerelle` without a command (through tui.run) and `serve` start Textual."""
