"""Triage: the queues as Polars frames (at import), the signals behind each row, the `/` filter
language, saved views and the contact strategy (rules → suggestion + reason). Pure: imports
tui.core only, never the store, the network, textual or rich (the store builds on it);
`vocabulary` (decision names, word lists) is stdlib only."""
