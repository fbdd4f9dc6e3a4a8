"""The bridge signal and the company count of a received invitation follow the user's
companies.toml: an alias that makes the invitation's company one the owner worked at
(Positions.csv) turns "a bridge to a new circle" into "where you worked"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from tests.test_archive import archive_zip
from tui.store import queues as queue
from tui.core.companies import normalise_expr
from tui.core.company_names import CompanyRules, normalise
from tui.triage.signals import signals
from tui.store.store import Store
from tui.store.triage_tables import write_triage
from tui.launch import build_context
from tui.paths import Paths

INVITATIONS = (
    b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    b"Ines Duarte,Ana Quist,\"11/10/25, 9:00 AM\",,INCOMING,"
    b"https://www.linkedin.com/in/ines-duarte-5,https://www.linkedin.com/in/ana-quist\n"
)
INES = "in:ines-duarte-5"
TODAY = dt.date(2025, 11, 20)


def _row_and_signals(store: Store, set_id: int) -> tuple[dict, list[str]]:
    [row] = queue.received_rows(store, set_id, TODAY, None)
    where = queue.places(store, set_id)
    found = signals(row, TODAY, my_companies=where["mine"], target_companies=where["followed"])
    return row, [s.label for s in found]


def test_an_alias_to_one_of_your_companies_ends_the_bridge(tmp_path: Path) -> None:
    source = archive_zip(tmp_path, **{"Invitations.csv": INVITATIONS})
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, build_export(source), source)
        store.set_info(INES, company="HB Analytics SARL")  # how she wrote it; you worked at "Hollowbrook Analytics"

        row, labels = _row_and_signals(store, rows.id)
        assert (row["company_count"], row["bridge"]) == (0, True)
        assert "a bridge to a new circle" in labels

        queue.use_company_rules(store, CompanyRules(aliases={"Hollowbrook Analytics": ("HB Analytics",)}))
        row, labels = _row_and_signals(store, rows.id)
        # Mira works at Hollowbrook Analytics: one connection there, and it is your own company.
        assert (row["company_count"], row["bridge"]) == (1, False)
        assert "works at HB Analytics SARL, where you worked" in labels
        assert "a bridge to a new circle" not in labels

        queue.use_company_rules(store, CompanyRules(aliases={"Acme": ("HB Analytics",)}))
        row, labels = _row_and_signals(store, rows.id)
        assert (row["company_count"], row["bridge"]) == (0, True)  # an alias elsewhere: still a new circle
        assert not any("where you worked" in label for label in labels)

        # An exclusion makes it "no company": no count, no bridge.
        queue.use_company_rules(store, CompanyRules(exclusions=("HB Analytics",)))
        row, labels = _row_and_signals(store, rows.id)
        assert (row["company_count"], row["bridge"]) == (None, False)


def test_the_app_start_reads_companies_toml_for_the_bridge(tmp_path: Path, passerelle_home: Paths) -> None:
    source = archive_zip(tmp_path, **{"Invitations.csv": INVITATIONS})
    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    (passerelle_home.config / "companies.toml").write_text(
        '[aliases]\n"Hollowbrook Analytics" = ["HB Analytics"]\n', encoding="utf-8")
    context = build_context(source, passerelle_home)
    try:
        context.store.set_info(INES, company="hb analytics")
        row, labels = _row_and_signals(context.store, context.triage_set.id)
    finally:
        context.store.close()
    assert row["bridge"] is False and row["company_count"] == 1
    assert "works at hb analytics, where you worked" in labels


def test_the_start_path_normalises_as_polars_does() -> None:
    """The store groups a typed-in company without Polars: the same key as the import's."""
    names = ["Capgemini SE", "CAPGEMINI", "L'Oréal SA", "Plan A", "SAS Institute", "AB InBev", "SAS",
             "Foo Co., Ltd.", "Ætna Inc.", "Nestlé S.A.", "Société Générale", "Foo_Bar GmbH & Co. KG",
             "Œuvre Médicale S.A.S.", "ΟΔΟΣ A.E.", "ﬁnance ltd", "  ", "", "Deloitte & Touche LLP", "S.p.A.",
             "Müller-Lüdenscheid GmbH", "O’Neil & Sons, Inc.", "3M", "Grupo Bimbo, S.A.B. de C.V."]
    from_polars = pl.select(normalise_expr(pl.Series(names, dtype=pl.Utf8))).to_series().fill_null("").to_list()
    assert [normalise(n) for n in names] == from_polars
    assert normalise("Grupo Bimbo, S.A.B. de C.V.") == "grupo bimbo"


def build_export(source: Path):
    from tui.export.reader import load_export

    return load_export(source)


def test_report_and_stats_group_by_companies_toml(passerelle_home: Paths, capsys) -> None:
    """`report` and `stats` read companies.toml: the alias name heads the merged group."""
    from tests.conftest import SAMPLE_DIR
    from tui.cli.main import main

    sample = str(SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip")
    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    (passerelle_home.config / "companies.toml").write_text(
        '[aliases]\n"Norvane Hexalis" = ["Norvane Systems", "Groupe Hexalis"]\n', encoding="utf-8")
    assert main(["report", sample]) == 0
    report = capsys.readouterr().out  # 34 + 32, first; neither spelling left on its own
    assert "| Norvane Hexalis | 66 | 8% |" in report and "Groupe Hexalis" not in report
    assert main(["stats", sample, "--json"]) == 0
    top = {r["company"]: r["count"] for r in __import__("json").loads(capsys.readouterr().out)["top_companies"]}
    assert list(top)[0] == "Norvane Hexalis" and top["Norvane Hexalis"] == 66 and "Norvane Systems" not in top


def test_a_respelled_or_aliased_company_is_no_job_change() -> None:
    """Across imports and since the last one: "Capgemini" → "CAPGEMINI SE" is the same job;
    "KPMG France" → "KPMG Audit" too once companies.toml says they are one company."""
    from datetime import date, datetime
    from types import SimpleNamespace

    from tui.network.changes import changes
    from tui.network.history import Imported, across_imports

    def people(*rows: tuple[str, str, str]) -> pl.DataFrame:
        return pl.DataFrame([{"key": f"in:{n.lower()}", "full_name": n, "url": f"https://www.linkedin.com/in/{n.lower()}",
                              "company": c, "position": p, "connected_on": date(2025, 1, 5)} for n, c, p in rows])

    invitations = pl.DataFrame(schema={"key": pl.Utf8, "direction": pl.Utf8, "sent_at": pl.Datetime("us"),
                                       "connected": pl.Boolean, "message": pl.Utf8})
    before = people(("Ann", "Capgemini", "Consultant"), ("Bo", "KPMG France", "Auditor"), ("Cy", "Acme", "Dev"))
    after = people(("Ann", "CAPGEMINI SE", "Consultant"), ("Bo", "KPMG Audit", "Auditor"), ("Cy", "Globex", "Dev"))
    imports = [Imported(date(2026, 1, 1), datetime(2026, 1, 2), before, invitations),
               Imported(date(2026, 4, 1), datetime(2026, 4, 2), after, invitations)]
    kpmg = CompanyRules(aliases={"KPMG": ("KPMG France", "KPMG Audit")})
    assert [c["name"] for c in across_imports(imports)["changed"]] == ["Bo", "Cy"]
    assert [c["name"] for c in across_imports(imports, kpmg)["changed"]] == ["Cy"]
    export = SimpleNamespace(connections=after)
    assert sorted(changes(export, (before, invitations)).changed["full_name"]) == ["Bo", "Cy"]
    assert changes(export, (before, invitations), kpmg).changed["full_name"].to_list() == ["Cy"]
