"""Headless subcommands: one module each, wired by `tui.cli.main.COMMANDS`."""
