"""Strategy files: the starter works, bad files name their line, rules explain themselves."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from tests.triage_frames import TODAY, connection, info_frame, invitation, make_export, message
from tui.cli.main import main
from tui.core.errors import ConfigError
from tui.triage.strategy import (
    STARTER_STRATEGY, Strategy, is_target, load_strategy, preview, reload, suggest, target_expr,
)
from tui.triage.queue_frames import received_queue


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "strategy.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def queue():
    export = make_export(
        [
            invitation("Grace Hill", note="Dear, kindly add me on WhatsApp"),
            invitation("Kofi Mensah", note="Hi, we met at PyData, I work in logistics."),
            invitation("Hal Ward"),
            invitation("Lea Roux", sent=datetime(2025, 10, 1)),
            invitation("Nia Park"),
        ],
        [connection("Mira Vale", "Acme")],
        [message("in:nia-park", ["in:ana-quist"])],
    )
    info = info_frame([("in:hal-ward", "Hollowbrook Analytics", "CTO", None)])
    return received_queue(export, None, info, TODAY)


def test_starter_strategy_loads_and_suggests_with_reasons(tmp_path: Path, queue) -> None:
    strategy = load_strategy(write(tmp_path, STARTER_STRATEGY))
    assert len(strategy.rules) >= 5 and strategy.protected and strategy.refused
    rows = {r["name"]: r for r in suggest(queue, strategy).iter_rows(named=True)}
    assert rows["Grace Hill"]["suggestion"] == "suspicious" and rows["Grace Hill"]["rule"] == "scam signs"
    assert rows["Kofi Mensah"]["suggestion"] == "accept" and rows["Kofi Mensah"]["rule"] == "personal note in my field"
    assert rows["Hal Ward"]["rule"] == "protected"
    assert rows["Hal Ward"]["suggestion_reason"] == "protected: company contains 'Hollowbrook'"
    assert rows["Lea Roux"]["suggestion"] == "ignore", "no note, waited more than 60 days"
    assert rows["Nia Park"]["rule"] == "we talked before"


def test_first_matching_rule_wins_and_refused_lists_ignore(tmp_path: Path, queue) -> None:
    strategy = load_strategy(write(tmp_path, """
[[refused]]
field = "name"
match = "regex"
value = "^Kofi\\\\b"

[[rules]]
name = "notes first"
when = { has_note = true }
decide = "later"

[[rules]]
name = "everyone"
decide = "follow"
reason = "default"
"""))
    rows = {r["name"]: r for r in suggest(queue, strategy).iter_rows(named=True)}
    assert rows["Kofi Mensah"]["suggestion"] == "ignore" and rows["Kofi Mensah"]["suggestion_reason"].startswith("refused: name matches")
    assert rows["Grace Hill"]["rule"] == "notes first" and rows["Grace Hill"]["suggestion_reason"] == "notes first"
    assert rows["Hal Ward"]["suggestion_reason"] == "default"


def test_preview_counts_before_and_after(tmp_path: Path, queue) -> None:
    old = load_strategy(write(tmp_path, '[[rules]]\nname = "notes"\nwhen = { has_note = true }\ndecide = "accept"\n'))
    new = load_strategy(write(tmp_path, '[[rules]]\nname = "no notes"\nwhen = { has_note = false }\ndecide = "ignore"\n'))
    assert preview(queue, old, new) == [("no notes", 0, 3), ("notes", 2, 0)]
    assert preview(queue, None, Strategy()) == []


def test_targets_match_whole_words_in_company_and_role() -> None:
    strategy = load_strategy_text('[targets]\nroles = ["HR", "C++"]\nsectors = ["santé"]\n')
    people = pl.DataFrame({"company": ["Christopher & Co", "Clinique SANTÉ Plus", None, "Dev"],
                           "position": ["Analyst", None, "Head of HR", "C++ developer"]})
    assert people.with_columns(target_expr(strategy).alias("t"))["t"].to_list() == [False, True, True, True]
    assert people.with_columns(is_target(people, Strategy()).alias("t"))["t"].to_list() == [False] * 4


def load_strategy_text(text: str) -> Strategy:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return load_strategy(write(Path(folder), text))


@pytest.mark.parametrize("text, line, words", [
    ('[targets]\nsectors = ["a"\n', 2, "invalid TOML"),
    ('[targets]\nsectors = "data"\n', 2, "list of texts"),
    ('[[rules]]\nname = "a"\ndecide = "accept"\n\n[[rules]]\nname = "b"\nwhen = { has_nte = true }\ndecide = "accept"\n', 7, "unknown condition 'has_nte'"),
    ('[[rules]]\nname = "a"\nwhen = { waited_days_over = "30" }\ndecide = "accept"\n', 3, "whole number"),
    ('[[rules]]\nname = "a"\nwhen = { bridge = 1 }\ndecide = "accept"\n', 3, "true or false"),
    ('[[rules]]\nname = "a"\ndecide = "maybe"\n', 3, "decide must be one of"),
    ('[[rules]]\nname = "a"\ndecide = "accept"\ncolour = "red"\n', 4, "unknown key 'colour'"),
    ('[[protected]]\nfield = "company"\nmatch = "regex"\nvalue = "(unclosed"\n', 4, "bad regex"),
    ('[[protected]]\nfield = "company"\nmatch = "regex"\nvalue = "(?<=x)y"\n', 4, "look-around"),
    ('[[refused]]\nfield = "email"\nvalue = "x"\n', 2, "field must be one of"),
    ('colour = 1\n', 1, "unknown section"),
])
def test_hostile_files_name_the_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_strategy(write(tmp_path, text))
    assert info.value.line == line, str(info.value)
    assert words in str(info.value)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "strategy.toml"
    path.write_bytes(b"\xff\xfe[rules]")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_strategy(path)
    with pytest.raises(ConfigError, match="--init"):
        load_strategy(tmp_path / "nope.toml")


def test_catastrophic_regex_finishes_through_polars(tmp_path: Path) -> None:
    strategy = load_strategy(write(tmp_path, '[[refused]]\nfield = "name"\nmatch = "regex"\nvalue = "(a+)+$"\n'))
    export = make_export([invitation("a" * 5000 + "!", slug="x1"), invitation("aaaa", slug="x2")])
    rows = suggest(received_queue(export, None, None, TODAY), strategy)
    assert rows.filter(pl.col("key") == "in:x1")["suggestion"].to_list() == [None]
    assert rows.filter(pl.col("key") == "in:x2")["suggestion"].to_list() == ["ignore"]


def test_reload_keeps_the_last_good_strategy(tmp_path: Path) -> None:
    path = write(tmp_path, STARTER_STRATEGY)
    good, error = reload(path, None)
    assert error is None and good.rules
    path.write_text(STARTER_STRATEGY + "\n[[rules]]\nname = 3\n")
    kept, error = reload(path, good)
    assert kept is good and error is not None and error.line is not None
    assert reload(tmp_path / "missing.toml", good) == (Strategy(), None)


def test_cli_init_check_and_refuse_to_overwrite(passerelle_home, capsys) -> None:
    assert main(["strategy", "--init"]) == 0
    path = passerelle_home.strategy_file
    assert path.read_text() == STARTER_STRATEGY
    assert os.stat(path).st_mode & 0o777 == 0o600 and os.stat(path.parent).st_mode & 0o777 == 0o700
    path.write_text("# mine\n" + STARTER_STRATEGY)
    assert main(["strategy", "--init"]) == 2
    assert "already exists" in capsys.readouterr().err and path.read_text().startswith("# mine")
    assert main(["strategy", "--init", "--force"]) == 0
    assert path.with_name("strategy.toml.bak").read_text().startswith("# mine")
    assert main(["strategy", "--check"]) == 0
    assert "scam signs" in capsys.readouterr().out
    path.write_text('[[rules]]\nname = "x"\ndecide = "nope"\n')
    assert main(["strategy", "--check"]) == 2
    assert "(line 3)" in capsys.readouterr().err
