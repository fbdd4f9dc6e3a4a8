"""Passerelle: triage your LinkedIn network from the data export, offline."""

__version__ = "0.1.0"
