"""Hold Python's cyclic garbage collector while the app starts; let it go after the first frame.

A start allocates a few hundred thousand objects (Textual's classes and styles, the widgets,
the first rows) and none of them is garbage yet, but the collector walked them again and
again: about a seventh of the start's CPU time. So the start holds it; after the first frame
the objects alive are frozen (left out of every later collection, so a key press never waits
for the collector to walk them) and collection resumes.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Stop cyclic collection until `release` (no-op when something else turned it off)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what the start made and collect again (only if `hold` stopped it)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()
