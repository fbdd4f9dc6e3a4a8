"""Tags and "how we met": stored per person, edited from the command line, filtered, used by rules."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from ui_export import ui_export

from tui.cli.main import main
from tui.store.people_tags import TagError, met_by_key, parse_edits, set_met, set_tags, split_tags, tag_counts, tags_by_key
from tui.store.store import Store
from tui.triage.tag_filter import split_terms, tag_expr, with_marks
from tui.triage.strategy import load_strategy, suggest


def test_tags_are_cleaned_counted_and_replaced_as_a_set(passerelle_home) -> None:
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    assert split_tags(" Salon  RH, client,, salon rh ") == ["salon rh", "client"]
    set_tags(store, "in:a", ["salon rh", "client"])
    set_tags(store, "in:b", ["client"])
    assert set_tags(store, "in:a", ["client", "lyon"]) == ("client", "lyon")
    assert tag_counts(store) == [("client", 2), ("lyon", 1)]
    assert set_met(store, "in:a", "Salon RH\nLyon ") == "Salon RH Lyon"
    store.close()
    store = Store.open(passerelle_home.database)  # kept by profile key, whatever export comes next
    assert tags_by_key(store)["in:a"] == ("client", "lyon") and met_by_key(store) == {"in:a": "Salon RH Lyon"}
    set_met(store, "in:a", "  ")
    assert met_by_key(store) == {}
    store.close()
    assert parse_edits(["+VIP", "-old"]) == (["vip"], ["old"])
    with pytest.raises(TagError):
        parse_edits(["vip"])


def test_tag_command_edits_a_person_of_the_export(tmp_path: Path, passerelle_home, capsys) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    assert main(["tag", "Lena Brandt", "+Salon RH", "+client", "--source", str(export)]) == 0
    assert main(["tag", "https://www.linkedin.com/in/lena-brandt", "-client", "--source", str(export)]) == 0
    assert "Lena Brandt: salon rh" in capsys.readouterr().out
    assert main(["tags", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"tags": [{"tag": "salon rh", "count": 1}]}
    assert main(["tag", "Lena Brandt", "client", "--source", str(export)]) == 2
    assert "+tag" in capsys.readouterr().err


def test_filter_words_on_tags_and_how_we_met() -> None:
    rest, terms = split_terms('has:note tag:client -tag:"salon rh" met:Lyon lisbon')
    assert rest == "has:note lisbon"
    assert (terms.tags, terms.not_tags, terms.met) == (("client",), ("salon rh",), ("lyon",))
    frame = pl.DataFrame({"key": ["a", "b", "c"]})
    marked = with_marks(frame, {"a": ("client",), "b": ("client", "salon rh")}, {"a": "Salon RH Lyon 2026"})
    assert marked.filter(tag_expr(terms))["key"].to_list() == ["a"]
    assert marked.filter(tag_expr(split_terms("-tag:client")[1]))["key"].to_list() == ["c"]


def test_strategy_rule_on_a_tag(tmp_path: Path) -> None:
    path = tmp_path / "strategy.toml"
    path.write_text('[[rules]]\nname = "clients"\nwhen = { tag = "Client" }\ndecide = "accept"\n', encoding="utf-8")
    strategy = load_strategy(path)
    frame = with_marks(pl.DataFrame({"key": ["a", "b"], "name": ["A", "B"]}), {"a": ("client",)}, {})
    assert suggest(frame, strategy)["suggestion"].to_list() == ["accept", None]
    path.write_text('[[rules]]\nname = "x"\nwhen = { tag = "" }\ndecide = "accept"\n', encoding="utf-8")
    with pytest.raises(Exception, match="tag must be a non-empty text"):
        load_strategy(path)


def test_met_fills_the_composer_placeholder_with_a_fallback(tmp_path: Path, passerelle_home, capsys) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    assert main(["compose", "Where we met (en)", "--to", "Lena Brandt", "--source", str(export)]) == 0
    assert "good to have met you (recently)" in capsys.readouterr().out
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    set_met(store, "in:lena-brandt", "Salon RH Lyon")
    store.close()
    assert main(["compose", "Where we met (en)", "--to", "Lena Brandt", "--source", str(export)]) == 0
    assert "good to have met you (Salon RH Lyon)" in capsys.readouterr().out


def test_saved_views_round_trip_and_a_bad_line_is_named_and_skipped(passerelle_home) -> None:
    from tui.config import load_settings
    from tui.triage.saved_views import load_views, save_view

    path = passerelle_home.settings_file
    passerelle_home.ensure()
    path.write_text('my_name = "Ana"\n\n[views]\n"Broken" = "flag:nope"\n\n[keys]\n', encoding="utf-8")
    save_view(path, "Salon clients", 'tag:client met:salon has:note')
    save_view(path, "Salon clients", "tag:client")  # saving again replaces
    settings = load_settings(path)
    assert settings.my_name == "Ana"
    views, problems = load_views(path, settings.views)
    assert [(v.name, v.line) for v in views] == [("Salon clients", "tag:client")]
    assert len(problems) == 1 and problems[0].startswith(f"{path.name} line 4: view 'Broken' skipped: ")
    with pytest.raises(ValueError):
        save_view(path, "bad", "older:soon")


def test_the_filter_line_takes_tag_terms_and_the_store_answers_them_in_sql(passerelle_home) -> None:
    from tui.triage.filters import FilterError, apply_filter, parse_filter
    from tui.triage.tag_filter import terms_sql

    f = parse_filter('has:note tag:client -tag:"salon rh" met:lyon')
    assert f.has_note is True and f.marks.tags == ("client",)
    frame = with_marks(pl.DataFrame({"key": ["a", "b"], "has_note": [True, True]}),
                       {"a": ("client",), "b": ("client", "salon rh")}, {"a": "Lyon 2026", "b": "Lyon"})
    assert apply_filter(frame, f)["key"].to_list() == ["a"]
    with pytest.raises(FilterError, match="doesn't apply"):
        apply_filter(pl.DataFrame({"key": ["a"]}), parse_filter("tag:client"))
    assert parse_filter("tag:client").marks is not None and parse_filter("client").marks is None
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    set_tags(store, "a", ["client"])
    set_tags(store, "b", ["client", "salon rh"])
    set_met(store, "a", "Salon RH Lyon")
    where, params = terms_sql(f.marks)
    rows = store._read(f"SELECT key FROM (SELECT 'a' AS key UNION SELECT 'b' UNION SELECT NULL) WHERE {where}", params)
    assert rows == [("a",)]
    store.close()


def test_tag_edits_parse_with_intermixed_arguments_too() -> None:
    import argparse

    from tui.cli.tag import add_arguments

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    for parse in (parser.parse_args, parser.parse_intermixed_args):
        args = parse(["Lena Brandt", "+vip", "-old", "--source", "x.zip"])
        assert (args.person, args.edits, args.source) == ("Lena Brandt", ["+vip", "-old"], "x.zip")
        args = parse(["--source", "x.zip", "Lena Brandt", "-old"])
        assert (args.person, args.edits, args.source) == ("Lena Brandt", ["-old"], "x.zip")
