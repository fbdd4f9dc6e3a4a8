"""One name per company: folding, legal forms at the end only, aliases, exclusions, suggestions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import polars as pl
import pytest

from tests.conftest import REPO, SAMPLE_DIR
from tests.test_network import people
from tui.network import breakdown as comp
from tui.core.companies import CompanyRules, groups, normalise, suggestions
from tui.network.companies_file import load_company_rules
from tui.core.errors import ConfigError
from tui.export.reader import load_export
from tui.network.figures import network_stats
from tui.config import Settings

D = date(2026, 1, 5)


def crowd(*companies: str) -> pl.DataFrame:
    return people([(f"Person {i}", company, "Consultant", D) for i, company in enumerate(companies)])


@pytest.mark.parametrize(("name", "key"), [
    ("Plan A", "plan a"),
    ("SAS Institute", "sas institute"),
    ("SAS Institute Inc.", "sas institute"),
    ("SAS", "sas"),
    ("AB InBev", "ab inbev"),
    ("L'Oréal SA", "loreal"),
    ("L’ORÉAL", "loreal"),
    ("Capgemini SE", "capgemini"),
    ("  CAPGEMINI ", "capgemini"),
    ("Fiat S.p.A.", "fiat"),
    ("ASML B.V.", "asml"),
    ("Nokia Oyj", "nokia"),
    ("Siemens Aktiengesellschaft", "siemens aktiengesellschaft"),
    ("Bosch GmbH & Co. KG", "bosch"),
    ("Maersk A/S", "maersk"),
    ("Tramontane Industries 🚀", "tramontane industries"),
    ("Inc. Magazine", "inc magazine"),
])
def test_legal_forms_go_only_from_the_end_and_never_inside(name: str, key: str) -> None:
    assert normalise(name) == key


def test_spellings_of_one_company_group_under_the_commonest_one() -> None:
    frame = crowd("Capgemini", "Capgemini", "Capgemini SE", "CAPGEMINI", "Capgemini France",
                  "Plan A", "Plan A SAS", "SAS Institute", "SAS", "AB InBev", "L'Oréal SA", "L'Oréal", "L'Oréal")
    table = comp.companies(frame)
    found = {label: count for label, count in table.select("label", "count").iter_rows()}
    assert found == {"Capgemini": 4, "Capgemini France": 1, "Plan A": 2, "SAS Institute": 1, "SAS": 1,
                     "AB InBev": 1, "L'Oréal": 3}
    assert table["label"][0] == "Capgemini"  # the commonest spelling, not "CAPGEMINI"


def test_default_exclusions_count_as_no_company_and_an_alias_wins() -> None:
    frame = crowd("Freelance", "Self-employed", "self employed", "Confidential", "Stealth Startup", "Acme")
    assert comp.companies(frame)["label"].to_list() == ["Acme"]
    assert comp.people_for(SimpleNamespace(connections=frame), "company", comp.NO_COMPANY).height == 5
    kept = CompanyRules(aliases={"Stealth Startup": ()})
    assert sorted(comp.companies(frame, rules=kept)["label"].to_list()) == ["Acme", "Stealth Startup"]


def test_aliases_from_companies_toml_merge_and_show_the_alias_name(tmp_path: Path) -> None:
    path = tmp_path / "companies.toml"
    path.write_text('exclude = ["Between jobs"]\n[aliases]\n"KPMG" = ["KPMG France", "KPMG Audit"]\n',
                    encoding="utf-8")
    rules = load_company_rules(path)
    frame = crowd("KPMG France", "KPMG Audit SAS", "kpmg", "Between Jobs", "Deloitte")
    table = comp.companies(frame, rules=rules)
    assert dict(table.select("label", "count").iter_rows()) == {"KPMG": 3, "Deloitte": 1}
    drilled = comp.people_for(SimpleNamespace(connections=frame), "company", "kpmg", rules=rules)
    assert drilled["company"].to_list().count("KPMG Audit SAS") == 1 and drilled.height == 3
    variants = groups(frame, rules).row(0, named=True)["variants"]
    assert {v["spelling"]: v["how"] for v in variants}["KPMG Audit SAS"] == "alias"


def test_top_level_alias_lines_work_too(tmp_path: Path) -> None:
    path = tmp_path / "companies.toml"
    path.write_text('"KPMG" = ["KPMG Audit"]\n', encoding="utf-8")
    assert load_company_rules(path).alias_map() == {"kpmg": "kpmg", "kpmg audit": "kpmg"}


@pytest.mark.parametrize(("text", "line", "words"), [
    ('[aliases]\n"KPMG" = "KPMG France"\n', 2, "list of company names"),
    ('exclude = "Freelance"\n', 1, "'exclude' must be a list"),
    ('[aliases]\n"KPMG" = [\n', None, "invalid TOML"),
    ('aliases = 3\n', 1, "must be a table"),
    ('colour = true\n', 1, "unknown entry 'colour'"),
])
def test_a_bad_companies_toml_names_the_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = tmp_path / "companies.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_company_rules(path)
    assert words in str(caught.value)
    if line is not None:
        assert caught.value.line == line


def test_companies_toml_must_be_a_small_regular_file(tmp_path: Path) -> None:
    folder = tmp_path / "companies.toml"
    folder.mkdir()
    with pytest.raises(ConfigError, match="not a regular file"):
        load_company_rules(folder)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * 1_100_000, encoding="utf-8")
    with pytest.raises(ConfigError, match="too large"):
        load_company_rules(big)
    assert load_company_rules(tmp_path / "missing.toml") == CompanyRules()


def test_suggestions_find_qualified_names_and_typos_but_not_other_companies() -> None:
    frame = crowd("Capgemini", "Capgemini", "Capgemini", "Capgemini France", "Capgemni", "Cobalt", "Cobalt",
                  "Cobalt Analytics", "Groupe Renault", "Groupe Hexalis", "Banque Solenne", "Banque Solenne", "Banque Solene")
    found = suggestions(frame)
    assert [s["name"] for s in found] == ["Capgemini", "Banque Solenne"]
    # Same first word only: "Capgemni" is left for the user to alias by hand.
    assert [v["name"] for v in found[0]["variants"]] == ["Capgemini France"]
    assert [v["name"] for v in found[1]["variants"]] == ["Banque Solene"]
    assert all(v["score"] >= 90 for s in found for v in s["variants"])
    # Suggestions are never applied.
    assert "Capgemini France" in comp.companies(frame)["label"].to_list()


def test_who_at_matches_the_group_as_well_as_the_spelling() -> None:
    frame = crowd("L'Oréal SA", "LOREAL", "KPMG Audit", "Acme")
    export = SimpleNamespace(connections=frame, invitations=pl.DataFrame(schema={"key": pl.Utf8}))
    assert comp.who_at(export, "loreal").connections.height == 2
    assert comp.who_at(export, "L'Oréal").connections.height == 2
    rules = CompanyRules(aliases={"Big Four": ("KPMG Audit",)})
    assert comp.who_at(export, "big four", rules=rules).connections["company"].to_list() == ["KPMG Audit"]


def test_the_sample_changes_only_where_grouping_says() -> None:
    """Before: one company per trimmed, lower-cased spelling. After: one per group. Every
    group's count is the sum of the spellings it gathers, and only merged groups differ."""
    export = load_export(SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip")
    conns = export.connections
    before = dict(
        conns.filter(pl.col("company").is_not_null())
        .group_by(pl.col("company").str.strip_chars().str.to_lowercase())
        .agg(pl.len()).iter_rows()
    )
    after = dict(comp.companies(conns).select("value", "count").iter_rows())
    gathered: dict[str, list[str]] = {}
    for spelling in before:
        gathered.setdefault(normalise(spelling), []).append(spelling)
    assert set(after) == set(gathered)
    for group, count in after.items():
        assert count == sum(before[s] for s in gathered[group])
    changed = {g for g, spellings in gathered.items() if len(spellings) > 1}
    assert changed == {"quillon labs"}  # "Quillon Labs" 23 + "Quillon Labs, Inc." 1
    assert after["quillon labs"] == 24
    stats = network_stats(export, Settings())
    assert stats["concentration"]["companies"] == len(before) - 1
    merged = network_stats(export, Settings(), top=50, companies=CompanyRules(aliases={"Juniper": ("Juniper Analytics",
                                                                                         "Juniper Analytics Lyon")}))
    assert {"company": "Juniper", "count": 11, "share": round(11 / conns.height, 4)} in merged["top_companies"]


def passerelle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=REPO,
                          env=os.environ.copy())


def test_companies_command_lists_merges_and_suggestions(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    rows = ["Ann,A,,,Capgemini,CEO,05 Nov 2025", "Bo,B,,,Capgemini SE,CTO,05 Nov 2025",
            "Cy,C,,,Capgemini France,Dev,05 Nov 2025", "Di,D,,,Freelance,Dev,05 Nov 2025",
            "Ed,E,,,,Dev,05 Nov 2025"]
    (folder / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "\n".join(rows), encoding="utf-8")
    out = passerelle("companies", str(folder), "--json", "--suggest")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    first = found["groups"][0]
    assert (first["name"], first["count"]) == ("Capgemini", 2)
    assert {v["spelling"] for v in first["variants"]} == {"Capgemini", "Capgemini SE"}
    assert found["no_company"] == {"blank": 1, "excluded": [{"spelling": "Freelance", "count": 1}]}
    assert found["suggestions"][0]["variants"][0]["name"] == "Capgemini France"
    text = passerelle("companies", str(folder), "--suggest").stdout
    assert 'Capgemini  ← Capgemini 1, Capgemini SE 1' in text and '"Capgemini" = ["Capgemini France"]' in text


def test_a_broken_companies_toml_is_one_line_exit_2(passerelle_home) -> None:
    passerelle_home.config.mkdir(parents=True)
    (passerelle_home.config / "companies.toml").write_text('[aliases]\n"KPMG" = 3\n', encoding="utf-8")
    out = passerelle("stats", "--json")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "companies.toml (line 2)" in out.stderr
