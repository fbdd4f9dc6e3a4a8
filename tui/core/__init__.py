"""Pure helpers every package shares: the app's errors (one line a user can act on), private
folders and atomic file writes, the one TOML reader, counted words, search folding, the table
of characters unsafe on a terminal, the network-size bands (their thresholds live in `bands`
only) and company names and groups. Imports the standard library, Polars, rapidfuzz and
tui.i18n only: every other package may import it (tests/test_architecture.py: LAYERS)."""
