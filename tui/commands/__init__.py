"""Headless subcommands: one module each, wired by `tui.__main__.COMMANDS`."""
