"""Pure helpers every package shares: the app's errors (one line a user can act on), private
folders and atomic file writes, the one TOML reader, counted words, search folding and the
table of characters unsafe on a terminal. Imports the standard library, Polars and rapidfuzz
only, and nothing else of Passerelle: every other package may import it."""
