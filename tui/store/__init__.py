"""What Passerelle keeps: the SQLite store (decisions as an append-only log, notes, tags,
drafts, imports; opening and migrations), the triage tables written at import and the queues
the panes read from them (standard library only: the start path), the to-do list, and each
import's Parquet snapshot. Pure: imports tui.core, tui.export and tui.triage, never the
network, textual or rich."""
