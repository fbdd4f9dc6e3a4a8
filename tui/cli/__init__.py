"""The command line: `main` (argparse, and the one line plus exit 2 for bad input) and one
module per headless command, wired by `tui.cli.main.COMMANDS`. Imports the pure packages;
only `passerelle` without a command (through tui.run) and `serve` start Textual."""
