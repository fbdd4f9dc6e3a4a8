"""Search the way French and English users type: no accents, no capitals, `oe` for `œ`,
word starts, and typos (`taylr`) — in the composer, who-at, the palette and `compose --to`."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl
import pytest
from hypothesis import given, settings, strategies as st

from tests.test_composer_data import connections, invitations
from tests.test_network import make_export, people
from tui.network import breakdown as comp
from tui.composer.recipients import find_people, find_person, people_frame
from tui.core.errors import ConfigError
from tui.core.search import fold, fold_expr, highlight_spans, matches, query_words


def test_fold_drops_case_accents_and_spells_out_ligatures() -> None:
    assert fold("Amélie ÉLODIE Œuvre Médical") == "amelie elodie oeuvre medical"
    assert fold("Straße Ærø Łódź ﬁne") == "strasse aero lodz fine"
    assert query_words("  Jean-Pierre  L’Oréal ") == ["jean", "pierre", "l", "oreal"]


latin = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x052F, blacklist_categories=("Cs", "Cc")) | st.sampled_from("œŒæÆßẞﬁﬂ’ς"), max_size=24)


@settings(max_examples=200, deadline=None)
@given(st.lists(latin, min_size=1, max_size=8))
def test_the_polars_fold_is_the_python_fold(texts: list[str]) -> None:
    assert pl.Series(texts).to_frame("t").select(fold_expr(pl.col("t")))["t"].to_list() == [fold(t) for t in texts]


def test_query_words_match_word_starts_only() -> None:
    assert matches("amel dur", "Amélie Durand") and matches("dur amel", "Amélie Durand")
    assert not matches("lie", "Amélie Durand")


def _people() -> pl.DataFrame:
    conns = connections(
        ("in:amelie", "Amélie Durand", "Delta Médical", date(2026, 1, 1)),
        ("in:oeuvre", "Cœur Lebrun", "Œuvre d'Orient", date(2026, 1, 1)),
        ("in:taylor", "Zofia Taylor", "Acme", date(2026, 1, 1)),
        ("in:tay2", "Tayla Young", "Acme", date(2026, 1, 1)),
        ("in:bo", "Bo Chen", "Beta", date(2026, 1, 1)),
    )
    inv = invitations(("INCOMING", "in:elodie", "Élodie Martin", "Bonjour", datetime(2026, 11, 1)))
    return people_frame(conns, inv)


@pytest.mark.parametrize("query, who", [
    ("amelie", "Amélie Durand"), ("AMÉLIE", "Amélie Durand"), ("medical", "Amélie Durand"),
    ("oe", "Cœur Lebrun"), ("oeuvre", "Cœur Lebrun"), ("elodie", "Élodie Martin"),
    ("dur ame", "Amélie Durand"),
])
def test_recipient_search_folds_accents_case_and_ligatures(query: str, who: str) -> None:
    assert find_people(_people(), query)["full_name"].to_list()[:1] == [who]


def test_recipient_search_forgives_typos_best_first() -> None:
    found = find_people(_people(), "taylr")["full_name"].to_list()
    assert found[0] == "Zofia Taylor"
    assert "Bo Chen" not in found


def test_recipient_search_shows_at_most_twenty() -> None:
    many = connections(*[(f"in:p{i}", f"Paul Number{i}", "Acme", date(2026, 1, 1)) for i in range(30)])
    assert find_people(people_frame(many, invitations()), "paul").height == 20


def test_highlight_marks_the_letters_of_the_text_itself() -> None:
    text = "Amélie Durand — Delta Médical · connection"
    spans = [(s.start, s.end) for s in highlight_spans("amel medi", text)]
    assert [text[a:b] for a, b in spans] == ["Amél", "Médi"]
    typo = "Zofia Taylor — Acme"
    assert "".join(typo[s.start:s.end] for s in highlight_spans("taylr", typo)) == "Taylr"


def test_compose_to_folds_the_name_and_lists_three_nearest() -> None:
    assert find_person(_people(), "amelie durand")["key"] == "in:amelie"
    with pytest.raises(ConfigError) as error:
        find_person(_people(), "Zofia Tailor")
    message = str(error.value)
    assert 'nearest: "Zofia Taylor"' in message and message.count('"') == 6


def test_who_at_folds_accents_and_matches_word_starts() -> None:
    export = make_export(people([
        ("Ada Lovelace", "Delta Médical", "Engineer", date(2026, 11, 1)),
        ("Bob Martin", "Œuvre Santé", "Nurse", date(2026, 10, 1)),
        ("Cy Roe", "Paramedical Inc", "CEO", date(2026, 10, 1)),
    ]))
    assert comp.who_at(export, "medical").connections["full_name"].to_list() == ["Ada Lovelace"]
    assert comp.who_at(export, "oeuvre sante").connections["full_name"].to_list() == ["Bob Martin"]
    info = pl.DataFrame({"key": ["in:x"], "company": ["Médical"], "position": [None], "connection_count": [None]})
    assert comp.who_at(export, "MEDICAL", info).connections.height == 1


def test_compose_to_with_no_such_person_exits_2_naming_three_nearest(capsys) -> None:
    from tests.test_cli_order import SAMPLE_ZIP
    from tui.cli.main import main

    assert main(["compose", "keep-in-touch-en", "--to", "zofia tailor", "--source", SAMPLE_ZIP]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.count('"') == 6
    assert 'nearest: "Zofia Taylor"' in err
    assert main(["compose", "keep-in-touch-en", "--to", "ZOFIA TAYLOR", "--source", SAMPLE_ZIP]) == 0
    assert capsys.readouterr().out.startswith("Hello Zofia,")
