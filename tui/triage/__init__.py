"""Triage: the queues as Polars frames (at import), the signals behind each row, the `/` filter
language, saved views, the contact strategy (rules → suggestion + reason) and the to-do
grouping. Pure: imports tui.core, tui.export, tui.store and the network's bands and company
names, never textual or rich; `vocabulary` (decision names, word lists) is stdlib only."""
