"""The data layer in French: errors, the import report, signals, bands, counted words and
the strategy starter, and English kept where it is stored (cache, triage rows, --json)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from export_fixtures import connections_bytes
from ui_export import ui_export

from tui import i18n
from tui.core.errors import ExportError
from tui.core.phrasebook import describe
from tui.core.words import plural
from tui.export.reader import load_export
from tui.core import bands
from tui.store import queues
from tui.store.store import Store
from tui.store.triage_tables import write_triage
from tui.triage.signals import signals
from tui.triage.strategy import STARTER_STRATEGY, load_strategy, starter_strategy

TODAY = date(2025, 12, 1)


def test_an_unreadable_export_is_refused_in_french(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    path.write_bytes(b"PK\x03\x04 this is no zip")
    i18n.set_language("fr")
    with pytest.raises(ExportError) as raised:
        load_export(path)
    assert str(raised.value) == f"{path}\u00a0: ZIP non valide ou téléchargement incomplet"


def test_a_set_aside_row_is_kept_in_english_and_shown_in_french(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_bytes(connections_bytes() + b"\nOnly,two")
    i18n.set_language("fr")
    report = load_export(path).report.files[0]
    (line, reason), = report.set_aside
    assert reason == "has 2 fields, expected 7"  # what --json and the cache keep
    assert json.loads(json.dumps(report.to_dict()))["set_aside"][0]["reason"] == reason
    assert describe(reason) == "a 2 champs, 7 attendus"
    i18n.set_language("en")
    assert describe(reason) == reason


def test_report_lines_count_and_group_numbers_the_french_way() -> None:
    i18n.set_language("fr")
    assert describe("1 row padded (trailing columns not read were missing)") == \
        "1 ligne complétée (des colonnes finales non lues manquaient)"
    assert describe("12 rows padded (trailing columns not read were missing)") == \
        "12 lignes complétées (des colonnes finales non lues manquaient)"
    assert describe("1,204 more rows set aside (only the first 1,000 are listed)") == \
        "1\u202f204 autres lignes mises de côté (seules les 1\u202f000 premières sont listées)"
    assert describe("2023-07+ (URL column), re-saved by a spreadsheet") == \
        "depuis 2023-07 (colonne URL), réenregistré par un tableur"
    assert describe("Kofi wrote this himself") == "Kofi wrote this himself"  # not ours: as it is


def test_a_suspicious_sign_stored_in_english_reads_in_the_language_of_the_moment(tmp_path: Path) -> None:
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=[
        ("JOHN SMITH", "john-smith", "11/02/25, 9:00 AM", ""),
    ])
    i18n.set_language("fr")  # the import runs in French…
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, load_export(source), source)
        stored = queues.query(store, "SELECT suspicious_reasons FROM triage_rows WHERE set_id = ?", (rows.id,))
        assert json.loads(stored[0][0]) == ["name in capitals"]  # …and stores English, as older databases do
        row = queues.received_rows(store, rows.id, TODAY, None)[0]
    sign = next(s for s in signals(row, TODAY) if s.kind == "suspicious")
    assert (sign.label, sign.reason) == ("signes suspects", "nom en majuscules")
    i18n.set_language("en")  # switched live: the same row now reads in English
    sign = next(s for s in signals(row, TODAY) if s.kind == "suspicious")
    assert (sign.label, sign.reason) == ("suspicious signs", "name in capitals")


def test_signals_speak_french_with_the_band_and_counted_people() -> None:
    row = {"has_note": True, "note_length": 200, "company": "Hollowbrook", "position": "DRH",
           "company_count": 2, "connection_count": 250, "waited_days": 1}
    i18n.set_language("fr")
    said = {s.kind: s for s in signals(row, TODAY)}
    assert said["note"].label == "a écrit une longue note personnelle (200 caractères)"
    assert said["identity"].label == "DRH chez Hollowbrook"
    assert said["circle"].label == "vous y connaissez 2 personnes"
    assert said["band"].label == "sélectif (250 relations)"
    assert said["band"].reason == "Cette personne choisit qui elle accepte\u00a0: ajoutez une note."
    assert said["waited"].label == "en attente depuis 1 jour"


def test_bands_have_french_names_and_meanings() -> None:
    i18n.set_language("fr")
    assert [bands.name(b) for b in ("starting", "selective", "generous")] == ["démarrage", "sélectif", "généreux"]
    assert bands.meaning("starting") == "0 à 99 relations\u00a0: usage ponctuel ou tout début."
    i18n.set_language("en")
    assert bands.name("generous") == "generous"
    assert bands.advice("generous") == "A note is optional: they accept widely."


def test_counted_words_take_the_french_singular_for_zero_and_one() -> None:
    i18n.set_language("fr")
    assert [plural(n, "person") for n in (0, 1, 2)] == ["0 personne", "1 personne", "2 personnes"]
    assert plural(30000, "connection") == "30\u202f000 relations"
    i18n.set_language("en")
    assert [plural(n, "person") for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
    assert plural(30000, "connection") == "30,000 connections"


def _shape(strategy):
    """Everything a strategy decides by, without the words people read (names, reasons)."""
    return (strategy.targets, strategy.protected, strategy.refused,
            tuple((r.when, r.decide) for r in strategy.rules))


def test_the_french_starter_is_commented_in_french_and_decides_the_same(tmp_path: Path) -> None:
    english, french = tmp_path / "en.toml", tmp_path / "fr.toml"
    assert starter_strategy() == STARTER_STRATEGY  # English: the file `strategy --init` always wrote
    english.write_text(STARTER_STRATEGY, encoding="utf-8")
    i18n.set_language("fr")
    text = starter_strategy()
    french.write_text(text, encoding="utf-8")
    assert "# Toujours ignorer." in text and "[[rules]]" in text and 'decide = "suspicious"' in text
    assert "Always" not in text
    fr, en = load_strategy(french), load_strategy(english)
    assert _shape(fr) == _shape(en)
    assert [r.name for r in fr.rules][:2] == ["signes d'arnaque", "nous avons déjà échangé"]
    assert dataclasses.replace(fr, source="") != dataclasses.replace(en, source="")  # the words differ


def test_a_strategy_reason_is_stored_in_english_and_read_in_french() -> None:
    reason = "protected: company contains 'Hollowbrook'"
    i18n.set_language("fr")
    assert describe(reason) == "protégé\u00a0: company contient «\u00a0Hollowbrook\u00a0»"


def test_the_import_report_reads_french_and_its_json_stays_english(tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import REPO, SAMPLE_DIR

    sample = str(SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip")
    run = lambda *extra: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "tui", "import", sample, "--home", str(tmp_path), *extra],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    french = run("--lang", "fr")
    assert french.returncode == 0, french.stderr
    assert "Profile.csv: profil (avec le secteur et le lieu), UTF-8" in french.stdout
    assert "Company Follows.csv: entreprises que vous suivez" in french.stdout
    machine = json.loads(run("--lang", "fr", "--json").stdout)
    vintages = {f["name"]: f["vintage"] for f in machine["files"]}
    assert vintages["Profile.csv"] == "profile (with industry and location)"


def test_a_broken_strategy_is_explained_in_the_language_switched_to(tmp_path: Path) -> None:
    from tui.store.triage_tables import ensure_suggestions

    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    strategy = tmp_path / "strategy.toml"
    strategy.write_text("[[rules]]\ndecide = 'maybe'\n", encoding="utf-8")
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, load_export(source), source)
        _, _, english = ensure_suggestions(store, rows.id, strategy, TODAY)
        i18n.set_language("fr")
        _, _, french = ensure_suggestions(store, rows.id, strategy, TODAY)
    assert "rule 'rule 1': decide must be one of" in english
    assert "règle «\u00a0rule 1\u00a0»\u00a0: decide doit valoir accept, ignore" in french


def test_one_helper_shows_stored_sentences_and_marked_words() -> None:
    """The commands' words (a band's name) and the stored sentences go through one helper: a
    French reader sees both translated, an unknown text as it is."""
    from tui.outputs.human import band_word, shown

    i18n.set_language("fr")
    try:
        assert shown is describe
        assert band_word("starting") == describe("starting") == "démarrage"
        assert describe("has 2 fields, expected 7") == "a 2 champs, 7 attendus"
        assert describe("Kofi wrote this himself") == "Kofi wrote this himself"
        assert describe("") == describe(None) == ""
    finally:
        i18n.set_language("en")
