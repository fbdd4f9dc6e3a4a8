"""Passive widgets the panes are built from: the virtual FrameTable, the filter bar, charts,
gauge, header lines, footer, type-ahead. They post messages and never write the store."""
