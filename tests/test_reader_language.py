"""The reader process of a new export speaks the app's language: `passerelle --lang fr EXPORT`
in a terminal said its errors and start notices in English, since the second process never
heard which language the user chose."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ui_export import ui_export

from tui import i18n
from tui.core.errors import ExportError
from tui.first_open import FirstOpen
from tui.paths import Paths


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_a_bad_zip_is_said_in_french_by_the_reader(tmp_path: Path, passerelle_home: Paths) -> None:
    bad = tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"
    bad.write_bytes(b"not a zip, a page saved from the browser\n")
    reader = FirstOpen(bad, passerelle_home, date(2025, 11, 25))
    with pytest.raises(ExportError) as raised:
        reader.checked()
    reader.close()
    assert "ZIP non valide ou téléchargement incomplet" in str(raised.value)


def test_an_old_export_notice_is_said_in_french_by_the_reader(tmp_path: Path, passerelle_home: Paths) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    reader = FirstOpen(export, passerelle_home, date(2026, 6, 1))  # six months later
    reader.checked()
    reader.rows()
    notices = reader.rest()
    reader.close()
    assert any(n.startswith("Cet export date du 20 nov. 2025, il y a environ 6 mois") for n in notices), notices
