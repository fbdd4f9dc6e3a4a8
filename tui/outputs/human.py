"""Words and figures shared by the commands' human output (never their JSON or CSV)."""

from __future__ import annotations

from tui.core.phrasebook import describe
from tui.i18n import N_, language
from tui.i18n.formats import day, number

shown = describe  # marked or stored text in the active language: one helper, in the phrasebook

# The maturity bands as people read them; the JSON keeps the English identifiers.
BAND_WORDS = {"starting": N_("starting"), "selective": N_("selective"), "generous": N_("generous"),
              "unknown": N_("unknown")}
# How the qualified contacts were counted (`basis` in the JSON).
BASIS_WORDS = {"strategy": N_("strategy"), "role families": N_("role families"), "none": N_("none")}

# The decisions as the log names them (`decision` in the JSON and CSV): English keeps the
# identifiers, so the words read the same as before; other languages translate them.
DECISION_WORDS = {"accept": N_("accept"), "ignore": N_("ignore"), "later": N_("later"), "follow": N_("follow"),
                  "suspicious": N_("suspicious"), "followed_up": N_("followed_up"), "withdrawn": N_("withdrawn")}


def count(n: int | float) -> str:
    """A count inside a sentence: as the commands always printed it in English (`30000`), the
    local way in another language (`30 000`)."""
    return str(n) if language() == "en" else number(n)


def iso_day(text: str | None) -> str:
    """A day the figures hold as ISO text (`2026-11-20…`), as the language writes days; "" for none."""
    if not text:
        return ""
    from datetime import date

    return day(date.fromisoformat(text[:10]))


def band_word(band: str) -> str:
    return shown(BAND_WORDS.get(band, band))


def basis_word(basis: str) -> str:
    return shown(BASIS_WORDS.get(basis, basis))


def decision_word(decision: str | None) -> str:
    return shown(DECISION_WORDS.get(decision or "", decision))

