"""Passive widgets the panes are built from."""
