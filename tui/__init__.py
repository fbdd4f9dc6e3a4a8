"""Passerelle: triage your LinkedIn network from the data export, offline."""

import os

__version__ = "0.1.0"

# Polars' allocator (jemalloc) keeps freed pages for seconds, so parsing a full export
# peaked near 340 MB RSS; purging them in a background thread after 1 ms keeps it near 250 MB
# at no measurable cost in speed. Set before Polars loads; a value the user set wins.
os.environ.setdefault("_RJEM_MALLOC_CONF", "background_thread:true,dirty_decay_ms:1,muzzy_decay_ms:0")
