"""Passerelle's two languages: the active catalogue, and how a start chooses it.

Every sentence a person reads goes through `_` (or `ngettext` when it counts something),
with named placeholders (`_("{n} left").format(n=…)`) so a translator can reorder them.
Text fixed at import time (bindings, tables of labels) is marked with `N_` and translated
where it is shown, so switching the language live reaches it. Catalogues are
`tui/locale/<lang>/LC_MESSAGES/passerelle.po`; adding a language is adding one.
Pure: the standard library only (Babel, for numbers and dates, lives in `formats`).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping

from tui.i18n.catalog import LANGUAGES, load

DEFAULT = "en"
# The locale variables in the order POSIX gives them precedence.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_active: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT


def _(message: str) -> str:
    """`message` in the active language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted sentence for `n` in the active language (French: 0 and 1 are singular)."""
    return _active.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the active language where the same English word reads otherwise by its
    `context` (gettext's msgctxt: "sent" on a chart axis, a draft "sent")."""
    return _active.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet (translated where shown)."""
    return message


def language() -> str:
    """The active language code ("en", "fr")."""
    return _language


def set_language(code: str) -> None:
    """Make `code` the active language; an unknown code falls back to English."""
    global _active, _language
    code = code if code in LANGUAGES else DEFAULT
    _active, _language = load(code), code


def from_environment(environ: Mapping[str, str] = os.environ) -> str | None:
    """The language the locale variables ask for (`fr_FR.UTF-8` → "fr"), if we have it."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if value:  # the first one set decides, even when it names a language we lack
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose(option: str | None = None, setting: str = "", environ: Mapping[str, str] = os.environ) -> str:
    """`--lang`, else `language` in config.toml, else the locale variables, else English."""
    for code in (option, setting or None, from_environment(environ)):
        if code:
            return code
    return DEFAULT
