"""The language: how a start chooses it, counted sentences, numbers and dates per language."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import REPO
from tui import i18n
from tui.i18n import formats
from tui.i18n.catalog import LANGUAGES, compile_po, po_path


def test_the_option_beats_the_config_which_beats_the_locale() -> None:
    french = {"LANG": "fr_FR.UTF-8"}
    assert i18n.choose("en", "fr", french) == "en"
    assert i18n.choose(None, "en", french) == "en"
    assert i18n.choose(None, "", french) == "fr"
    assert i18n.choose(None, "", {}) == "en"


def test_the_first_locale_variable_set_decides() -> None:
    assert i18n.from_environment({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}) == "fr"
    assert i18n.from_environment({"LC_MESSAGES": "de_DE", "LANG": "fr_FR"}) is None  # German: not ours
    assert i18n.from_environment({"LANG": "fr_FR.UTF-8@euro"}) == "fr"
    assert i18n.from_environment({"LANG": "C.UTF-8"}) is None


def test_french_counts_zero_and_one_in_the_singular() -> None:
    i18n.set_language("fr")
    forms = [i18n.ngettext("{count} invitation", "{count} invitations", n).format(count=n) for n in (0, 1, 2)]
    assert forms == ["0 invitation", "1 invitation", "2 invitations"]
    i18n.set_language("en")
    assert i18n.ngettext("{count} invitation", "{count} invitations", 0).format(count=0) == "0 invitations"


def test_an_unknown_language_falls_back_to_english() -> None:
    i18n.set_language("xx")
    assert i18n.language() == "en"


def test_numbers_and_dates_follow_the_language() -> None:
    i18n.set_language("fr")
    assert formats.number(30000) == "30\u202f000"
    assert formats.percent(0.12) == "12\xa0%"
    assert formats.percent(0.125, 1) == "12,5\xa0%"
    assert formats.day(date(2026, 11, 20)) == "20 nov. 2026"
    assert formats.ago(timedelta(days=183)) == "il y a 6 mois"
    i18n.set_language("en")
    assert (formats.number(30000), formats.percent(0.12), formats.day(date(2026, 11, 20))) == (
        "30,000", "12%", "2026-11-20")
    assert formats.ago(timedelta(days=183)) == "6 months ago"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_catalogue_compiles_with_its_plural_rule(code: str) -> None:
    import gettext
    import io

    catalogue = gettext.GNUTranslations(io.BytesIO(compile_po(po_path(code))))
    rule = {"en": "plural=(n != 1)", "fr": "plural=(n > 1)"}[code]
    assert rule in catalogue.info()["plural-forms"]


def test_lang_on_the_command_line_reaches_the_help(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "tui", "stats", "--lang", "xx", "--home", str(tmp_path)],
                         cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "invalid choice: 'xx'" in run.stderr


def test_french_numbers_and_days_written_without_babel_are_babels() -> None:
    """The first screen formats French numbers and days without importing Babel: the same text."""
    from babel.dates import format_date
    from babel.numbers import format_decimal

    i18n.set_language("fr")
    try:
        for value, decimals in [(0, 0), (999, 0), (1000, 0), (30000, 0), (1234567, 0), (-1234, 0),
                                (3.5, 1), (1234.56, 2), (-0.5, 1), (2.5, 0), (10**9, 0)]:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            assert formats.number(value, decimals) == format_decimal(value, format=pattern, locale="fr")
        for month in range(1, 13):
            for one in (date(2026, month, 1), date(1999, month, 28)):
                assert formats.day(one) == format_date(one, format="medium", locale="fr")
    finally:
        i18n.set_language("en")
