"""Numbers and dates the way each language writes them (Babel): `30 000`, `12 %`,
`20 nov. 2026`, `il y a 6 mois` in French; the forms Passerelle always printed in English.

English keeps plain Python formatting (the same text, and no Babel import on the start
path); French numbers and days are written here too (Babel's text, checked by a test), so
Babel is imported only for what the first screen does not show (percentages, "ago").
Machine outputs (CSV, JSON) never come here: they keep ISO dates and plain numbers.
"""

from __future__ import annotations

from datetime import date, timedelta

from tui.i18n import language


def number(value: int | float, decimals: int = 0) -> str:
    """`30,000` / `30 000` (a narrow no-break space, as French typography wants)."""
    if language() == "en":
        return f"{value:,.{decimals}f}"
    if language() == "fr":  # see FRENCH_MONTHS
        return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language())


def percent(share: float, decimals: int = 0) -> str:
    """A share of 1 as a percentage: `12%` / `12 %` (a no-break space)."""
    if language() == "en":
        return f"{share * 100:.{decimals}f}%"
    from babel.core import Locale
    from babel.numbers import format_percent

    pattern = Locale.parse(language()).percent_formats[None].pattern  # "#,##0\xa0%" in French
    if decimals:  # the pattern has one 0: the units digit
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return format_percent(share, format=pattern, locale=language())


# French's medium dates ("d MMM y") and numbers are written here, not asked of Babel: both are
# on the first screen (the header's count, the detail's dates), and importing Babel costs about
# a tenth of a start. tests/test_i18n.py checks every month and number form against Babel.
FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def day(value: date) -> str:
    """A calendar day: `2026-11-20` in English (as always), `20 nov. 2026` in French."""
    if language() == "en":
        return value.isoformat()
    if language() == "fr":
        return f"{value.day} {FRENCH_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, format="medium", locale=language())


def ago(delta: timedelta) -> str:
    """How long ago, in words: `6 months ago` / `il y a 6 mois`."""
    from babel.dates import format_timedelta

    return format_timedelta(-delta, add_direction=True, locale=language())
