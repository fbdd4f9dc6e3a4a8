"""argparse's own sentences ("usage:", "the following arguments are required") in the
active language.

argparse translates through the module-level `gettext` functions it imported; pointing
them at the catalogue of the "argparse" domain (`tui/locale/<lang>/LC_MESSAGES/argparse.po`,
compiled like Passerelle's own) makes its messages follow `--lang` and config.toml rather
than only the locale variables. A language without that catalogue keeps argparse's English.
"""

from __future__ import annotations

import argparse
import gettext
import io

from tui.i18n import language
from tui.i18n.catalog import LOCALE_DIR, compile_po

DOMAIN = "argparse"
_loaded: dict[str, gettext.NullTranslations] = {}


def catalogue(code: str) -> gettext.NullTranslations:
    """The argparse messages of `code` (cached): the compiled `.mo`, else the `.po` compiled
    in memory when it is newer (a translator at work), else none (English)."""
    if code not in _loaded:
        po = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        mo = po.with_suffix(".mo")
        if not po.is_file():
            _loaded[code] = gettext.NullTranslations()
        elif mo.is_file() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
            with mo.open("rb") as source:
                _loaded[code] = gettext.GNUTranslations(source)
        else:
            _loaded[code] = gettext.GNUTranslations(io.BytesIO(compile_po(po)))
    return _loaded[code]


def _gettext(message: str) -> str:
    return catalogue(language()).gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return catalogue(language()).ngettext(singular, plural, n)


def usage_prefix() -> str:
    """argparse's "usage: " in the active language."""
    return _gettext("usage: ")


def translate_argparse() -> None:
    """Make argparse speak the active language from now on (it looks its `_` up at each call)."""
    argparse._ = _gettext  # type: ignore[attr-defined]  # noqa: SLF001
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
