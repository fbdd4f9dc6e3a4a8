"""Reading the user's LinkedIn export (ZIP, folder or one CSV) into typed Polars frames and a
report: finding the known CSVs (source), decoding and repairing them (csv_*), person keys,
the rest of the archive, the export's one identity (identity: its content hash) and the
frame cache keyed by it. Pure: imports tui.core and tui.paths, never textual or rich, and
nothing that reads the store."""
