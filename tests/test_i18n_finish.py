"""What a French-speaking user reads where display code shows data-layer text: band
meanings, To do headings, decision reasons, the role-rule editor's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SAMPLE_DIR
from tui import i18n

SAMPLE = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"
NBSP, NNBSP = "\u00a0", "\u202f"


def test_the_report_gives_each_band_its_french_meaning_without_a_stray_colon(passerelle_home, capsys) -> None:
    from tui.cli.main import main

    assert main(["report", "--lang", "fr", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert f"| 100–499 | usage sélectif et réfléchi{NNBSP}; la personne choisit qui elle accepte. |" in out
    assert f"| 500+ | usage généreux{NNBSP}; LinkedIn affiche" in out
    assert "connections:" not in out and "relations :" not in out  # French, no-break space kept whole


def test_the_report_in_english_keeps_its_sentences(passerelle_home, capsys) -> None:
    from tui.cli.main import main

    assert main(["report", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "| 100–499 | selective, deliberate use; people choose whom they accept. |" in out


def test_cli_todo_headings_are_french(passerelle_home, capsys) -> None:
    from tui.cli.main import main
    from tui.store.store import Person, Store

    store = Store.open(passerelle_home.database)
    try:
        store.decide([Person("in:a", "Ana", "https://www.linkedin.com/in/a")], "accept", "", None)
    finally:
        store.close()
    assert main(["todo", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Accepter sur LinkedIn (1)"


def test_history_shows_a_stored_decision_reason_in_french() -> None:
    from tui.cli.history import render

    found = {"person": {"name": "Ana", "url": None, "key": "in:a"}, "imports": [],
             "messages": {"count": 0, "first": None, "last": None}, "tags": [], "notes": [],
             "decisions": [{"decision": "accept", "kind": "decide", "at": "2026-11-20T10:00:00",
                            "reason": "protected: company contains 'Acme'"}],
             "unreadable_imports": 0}
    assert render(found).splitlines()[-1] == "Decision 2026-11-20T10:00: accept (protected: company contains 'Acme')"
    i18n.set_language("fr")
    last = render(found).splitlines()[-1]
    assert last.endswith(f"accepter (protégé{NBSP}: company contient «{NBSP}Acme{NBSP}»)"), last


def test_the_role_rule_editor_refuses_in_french(tmp_path: Path) -> None:
    from tui.core.errors import ConfigError
    from tui.network.role_rule_file import add_role_keyword

    i18n.set_language("fr")
    with pytest.raises(ConfigError) as refused:
        add_role_keyword(tmp_path / "config.toml", "health", "  ", ())
    assert refused.value.reason == "aucun mot-clé à ajouter (l'intitulé n'a ni lettre ni chiffre)"


def test_a_workbook_given_as_the_export_is_refused_in_french(tmp_path: Path) -> None:
    import zipfile

    from tui.core.errors import ExportError
    from tui.export.reader import load_export

    book = tmp_path / "Connections.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    i18n.set_language("fr")
    with pytest.raises(ExportError) as refused:
        load_export(book)
    assert refused.value.reason.startswith("est un classeur Excel"), refused.value.reason


def test_stats_says_the_band_meaning_in_french(passerelle_home, capsys) -> None:
    from tui.cli.main import main

    assert main(["stats", "--lang", "fr", str(SAMPLE)]) == 0
    band = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Palier")]
    assert band == [f"Palier{NBSP}: généreux — 500 relations et plus{NBSP}: usage généreux{NNBSP}; LinkedIn affiche "
                    f"«{NBSP}500+{NBSP}» et les invitations sont largement acceptées."]


def test_strategy_check_says_protected_and_refused_entries_in_french(passerelle_home, capsys) -> None:
    from tui.cli.main import main

    assert main(["strategy", "--init"]) == 0
    assert main(["strategy", "--check"]) == 0
    assert "  protected: company contains 'Hollowbrook'" in capsys.readouterr().out.splitlines()
    assert main(["strategy", "--check", "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"  protégé{NBSP}: company contient «{NBSP}Hollowbrook{NBSP}»" in lines
    assert any(line.startswith(f"  refusé{NBSP}: title correspond à «{NBSP}") for line in lines)


def test_strategy_preview_names_the_two_branches_in_french(passerelle_home, capsys) -> None:
    from tui.cli.main import main

    assert main(["strategy", "--init"]) == 0
    capsys.readouterr()
    assert main(["strategy", "--preview", str(SAMPLE)]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:3]]
    assert names == ["protected", "refused"]
    assert main(["strategy", "--preview", str(SAMPLE), "--lang", "fr"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:3]]
    assert names == ["protégé", "refusé"]


def test_the_detail_panes_history_reads_in_french() -> None:
    from tui.network.person_timeline import summary_lines

    imports = [{"exported_on": "2026-07-10", "imported_at": None, "company": "Initech", "position": "Dev",
                "connected_on": "2025-01-05", "in_network": True, "invitations": []},
               {"exported_on": "2026-10-10", "imported_at": None, "company": None, "position": None,
                "connected_on": None, "in_network": False,
                "invitations": [{"direction": "sent", "sent_at": "2026-10-01T08:00:00"}]}]
    found = {"imports": imports, "messages": {"count": 0}, "tags": ["client"], "notes": [],
             "decisions": [{"at": "2026-05-02T10:00:00", "kind": "decide", "decision": "followed_up", "reason": "",
                            "in_effect": False}]}
    assert summary_lines(found)[0] == "2026-10-10  not in your network  (left) · invitation sent 2026-10-01"
    i18n.set_language("fr")
    assert summary_lines(found) == [
        "2026-10-10  hors de votre réseau  (parti) · invitation envoyée le 2026-10-01",
        "2026-07-10  Initech · Dev",
        "En relation depuis le 2025-01-05",
        f"Messages{NBSP}: aucun",
        f"Décisions{NBSP}: 1, la dernière{NBSP}: relancée le 2026-05-02 (annulée)",
        f"Étiquettes{NBSP}: client",
    ]


def test_the_decisions_sheet_gives_a_stored_reason_in_french_and_the_csv_keeps_it(passerelle_home, capsys) -> None:
    import csv
    import io

    from tui.cli.main import main
    from tui.store.store import Person, Store

    store = Store.open(passerelle_home.database)
    try:
        store.decide([Person("in:a", "Ana", "https://www.linkedin.com/in/a")], "accept",
                     "protected: company contains 'Acme'", None)
    finally:
        store.close()
    assert main(["decisions", "--lang", "fr", "--format", "sheet"]) == 0
    sheet = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert sheet[1][4] == f"protégé{NBSP}: company contient «{NBSP}Acme{NBSP}»"
    assert main(["decisions", "--lang", "fr"]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1][4] == "protected: company contains 'Acme'"


def test_a_decision_taken_from_the_protected_branch_names_it_in_french() -> None:
    from tui.core.phrasebook import describe

    stored = "rule protected: protected: company contains 'Acme'"
    assert describe(stored) == stored
    i18n.set_language("fr")
    assert describe(stored) == f"règle protégé{NBSP}: protégé{NBSP}: company contient «{NBSP}Acme{NBSP}»"
    assert describe("rule nouveau cercle: une passerelle") == f"règle nouveau cercle{NBSP}: une passerelle"


def test_a_typed_in_company_is_marked_in_french_on_who_at() -> None:
    import polars as pl

    from tui.ui.panes.network_words import typed_in_invitation

    frame = pl.DataFrame({"company": ["Delta Médical", "Delta Médical"], "direction": ["INCOMING", "OUTGOING"]})
    shown = lambda: frame.select(pl.col("company") + typed_in_invitation(pl.col("direction").str.to_lowercase()))  # noqa: E731
    assert shown()["company"].to_list() == ["Delta Médical (typed in) · invitation incoming",
                                            "Delta Médical (typed in) · invitation outgoing"]
    i18n.set_language("fr")
    assert shown()["company"].to_list() == ["Delta Médical (saisi) · invitation reçue",
                                            "Delta Médical (saisi) · invitation envoyée"]


def test_the_session_line_writes_a_large_queue_as_the_header_does() -> None:
    from tui.ui.panes.received_columns import progress_label

    assert progress_label(20, 1749).plain == "This session: 20 of 1,749 decided"
    i18n.set_language("fr")
    assert progress_label(20, 1749).plain == f"Cette session{NBSP}: 20 sur 1{NNBSP}749 décidées"
