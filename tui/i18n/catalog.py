"""Find and load a language's catalogue.

Installs carry compiled `.mo` files (built from the `.po` sources by `hatch_build.py`); a
checkout whose `.po` is newer than its `.mo` (a translator at work) is compiled in memory
with Babel instead, so an edit shows at the next start without a reinstall.
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

DOMAIN = "passerelle"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = tuple(sorted(p.name for p in LOCALE_DIR.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()))

_loaded: dict[str, gettext.NullTranslations] = {}


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_po(po: Path) -> bytes:
    """The `.mo` bytes of one `.po` file (Babel: the same compiler the build uses)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def load(code: str) -> gettext.NullTranslations:
    """The translations of `code` (cached); English needs none but plural forms."""
    if code not in _loaded:
        po = po_path(code)
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            with mo.open("rb") as source:
                _loaded[code] = gettext.GNUTranslations(source)
        else:
            _loaded[code] = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return _loaded[code]
