"""Role family and seniority on real-looking titles in six languages, explained."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from tests.role_titles import TITLES
from tests.role_titles_holdout import HOLDOUT
from tests.test_network import people
from tui.network import breakdown as comp
from tui.network.roles import classify, family_of, role_families, seniority_of, unclassified_titles


def _classified(titles: list[str], families=None) -> dict[str, dict]:
    table = classify(pl.Series(titles, dtype=pl.Utf8), families)
    return {row["position"]: row for row in table.iter_rows(named=True)}


@pytest.mark.parametrize("language", sorted(TITLES))
def test_titles_get_their_family_and_seniority(language: str) -> None:
    rows = TITLES[language]
    assert len(rows) >= 40
    found = _classified([title for title, _, _ in rows])
    wrong = [(t, f, s, found[t]["why"]) for t, f, s in rows if (found[t]["family"], found[t]["seniority"]) != (f, s)]
    assert wrong == []
    other = sum(found[t]["family"] == "other" for t, _, _ in rows) / len(rows)
    assert other < 0.2


@pytest.mark.parametrize(("title", "why"), [
    ("Directeur commercial", "sales/business · matched 'commercial' — director/head · matched 'directeur'"),
    ("Sr. VP Sales", "sales/business · matched 'sales' — VP · matched 'senior vice president'"),
    ("DG", "executives/founders · matched 'directeur general' — C-level · matched 'directeur general'"),
    ("Gérant", "executives/founders · from the level — founder/owner · matched 'gerant'"),
    ("Comptable", "finance/legal · matched 'comptable' — individual contributor · no level word"),
    ("Open to work", "other · no family word — individual contributor · no level word"),
    ("", "other · no family word — no title"),
])
def test_every_classification_explains_itself(title: str, why: str) -> None:
    assert _classified([title])[title]["why"] == why


def test_words_not_substrings_and_accents_folded() -> None:
    found = _classified(["Internal Auditor", "INGÉNIEURE DATA", "Reste à l'écoute", "Chief of Staff"])
    assert found["Internal Auditor"]["seniority"] == "individual contributor"  # not "intern"
    assert found["INGÉNIEURE DATA"]["family"] == "engineering/data"
    assert found["Reste à l'écoute"]["family"] == "other"  # "rh" hides in no word here


def test_the_users_role_families_come_first_extend_and_remove() -> None:
    mine = role_families({"hospitality": ["barista", "sommelier*"], "+sales/business": ["chargé de compte"],
                          "health": []})
    assert list(mine)[0] == "hospitality" and "health" not in mine
    found = _classified(["Sommelière", "Chargé de compte", "Infirmière", "Barista & Consultant"], mine)
    assert found["Sommelière"]["family"] == "hospitality"
    assert found["Chargé de compte"]["family"] == "sales/business"
    assert found["Infirmière"]["family"] == "other"
    assert found["Barista & Consultant"]["family"] == "hospitality"  # the user's rule wins


def test_family_and_seniority_map_back_onto_rows() -> None:
    frame = people([("Ann A", "Acme", "Responsable RH", date(2026, 1, 1)),
                    ("Bo B", "Acme", "Responsable RH", date(2026, 1, 1)),
                    ("Cy C", "Acme", None, date(2026, 1, 1))])
    out = frame.select(family=family_of(frame, role_families(None)), level=seniority_of(frame))
    assert out.rows() == [("HR/recruiting", "manager/lead"), ("HR/recruiting", "manager/lead"), ("other", "unknown")]


def test_the_most_frequent_unclassified_titles() -> None:
    frame = people([(f"P {i}", "Acme", title, date(2026, 1, 1)) for i, title in enumerate(
        ["Bénévole", "Bénévole", "Bénévole", "Open to work", "Comptable", None])])
    table = unclassified_titles(frame, {})
    assert table.rows() == [("Bénévole", 3), ("Open to work", 1)]


def test_the_sample_other_share_dropped_under_a_fifth(tmp_path) -> None:
    from tests.conftest import SAMPLE_DIR
    from tui.export.reader import load_export

    conns = load_export(SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip").connections
    table = comp.families_table(conns.filter(pl.col("position").is_not_null()), {})
    other = table.filter(pl.col("label") == "other")["share"].item()
    assert other < 0.2


@pytest.mark.parametrize("language", sorted(HOLDOUT))
def test_other_stays_under_a_fifth_on_the_second_title_set(language: str) -> None:
    titles = HOLDOUT[language]
    assert len(titles) >= 40
    families = classify(pl.Series(titles, dtype=pl.Utf8))["family"]
    assert (families == "other").sum() / len(titles) < 0.2
