"""Network figures on small hand-built frames with known answers."""

from __future__ import annotations

import json
from datetime import date, datetime
from types import SimpleNamespace

import polars as pl
import pytest

from tui.config import Settings
from tui.network import breakdown as comp
from tui.network.changes import changes
from tui.network.figures import BAND_MEANING, band, gauge, growth, messaged, network_stats

CONN = {
    "first_name": pl.Utf8, "last_name": pl.Utf8, "full_name": pl.Utf8, "url": pl.Utf8,
    "key": pl.Utf8, "email": pl.Utf8, "company": pl.Utf8, "position": pl.Utf8,
    "connected_on": pl.Date, "search": pl.Utf8,
}
INV = {
    "from_name": pl.Utf8, "to_name": pl.Utf8, "sent_at": pl.Datetime("us"), "message": pl.Utf8,
    "direction": pl.Utf8, "inviter_url": pl.Utf8, "invitee_url": pl.Utf8,
    "counterpart_name": pl.Utf8, "counterpart_url": pl.Utf8, "key": pl.Utf8,
    "connected": pl.Boolean, "connected_on": pl.Date, "line": pl.Int64, "search": pl.Utf8,
}
MSG = {
    "conversation_id": pl.Utf8, "conversation_title": pl.Utf8, "from_name": pl.Utf8,
    "sender_url": pl.Utf8, "to_names": pl.Utf8, "recipient_urls": pl.Utf8,
    "sent_at": pl.Datetime("us"), "subject": pl.Utf8, "content": pl.Utf8, "folder": pl.Utf8,
    "is_draft": pl.Boolean, "direction": pl.Utf8, "sender_key": pl.Utf8,
    "recipient_keys": pl.List(pl.Utf8),
}
TODAY = date(2026, 11, 20)


def people(rows: list[tuple]) -> pl.DataFrame:
    """Rows of (name, company, position, connected_on[, email])."""
    records = []
    for row in rows:
        name, company, position, connected_on, *rest = row
        first, _, last = name.partition(" ")
        records.append({
            "first_name": first, "last_name": last, "full_name": name,
            "url": f"https://www.linkedin.com/in/{name.lower().replace(' ', '-')}",
            "key": "in:" + name.lower().replace(" ", "-"), "email": rest[0] if rest else None,
            "company": company, "position": position, "connected_on": connected_on,
            "search": f"{name} {company or ''} {position or ''}".lower(),
        })
    return pl.DataFrame(records, schema=CONN)


def invitation(name: str, direction: str, connected: bool) -> dict:
    return {
        "from_name": name if direction == "INCOMING" else "Me", "to_name": "Me" if direction == "INCOMING" else name,
        "sent_at": datetime(2026, 10, 1), "message": None, "direction": direction,
        "inviter_url": None, "invitee_url": None, "counterpart_name": name, "counterpart_url": None,
        "key": "in:" + name.lower().replace(" ", "-"), "connected": connected,
        "connected_on": None, "line": 2, "search": name.lower(),
    }


def make_export(conn=None, hidden_dates=(), invitations=(), messages=()) -> SimpleNamespace:
    return SimpleNamespace(
        connections=conn if conn is not None else pl.DataFrame(schema=CONN),
        hidden=pl.DataFrame({"connected_on": list(hidden_dates)}, schema={"connected_on": pl.Date}),
        invitations=pl.DataFrame(list(invitations), schema=INV),
        messages=pl.DataFrame(list(messages), schema=MSG),
        exported_on=TODAY,
    )


def n_people(n: int, start: date = date(2020, 1, 1)) -> pl.DataFrame:
    return people([(f"P {i}", None, None, start) for i in range(n)])


@pytest.fixture
def small() -> SimpleNamespace:
    conn = people([
        ("Ada Lovelace", "Acme", "Software Engineer", date(2026, 11, 1), "ada@x.org"),
        ("Bob Martin", "ACME ", "Head of Sales [EMEA]", date(2026, 10, 1)),
        ("Chloé Durand", "acme", "Chargée de recrutement", date(2025, 3, 5)),
        ("Dan Roe", "Globex", "CEO & Founder", date(2025, 3, 9), "dan@x.org"),
        ("Eve Stone", "Initech", "Étudiante en master", date(2024, 1, 2)),
        ("Fay Wu", None, "Infirmière", None),
    ])
    invs = [
        invitation("Gus Grey", "INCOMING", False), invitation("Ada Lovelace", "INCOMING", True),
        invitation("Hal Jordan", "OUTGOING", False), invitation("Dan Roe", "OUTGOING", True),
        invitation("Ivy Lee", "OUTGOING", False),
    ]
    return make_export(conn, hidden_dates=[date(2025, 3, 1), date(2023, 6, 1)], invitations=invs)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "starting"), (99, "starting"), (100, "selective"), (499, "selective"), (500, "generous"),
     (30000, "generous"), (None, "unknown")],
)
def test_band_boundaries_are_exact(n, expected) -> None:
    assert band(n) == expected
    assert BAND_MEANING[band(n)].startswith({"starting": "0–99", "selective": "100–499", "generous": "500+", "unknown": "Connection count not known"}[expected])


def test_gauge_next_threshold_and_eta() -> None:
    # 99 people, 9 of them in the last 90 days → 0.1 a day → 1 missing takes 10 days.
    conn = pl.concat([n_people(90), people([(f"R {i}", None, None, date(2026, 11, 1)) for i in range(9)])])
    g = gauge(make_export(conn, hidden_dates=[date(2026, 11, 2)] * 4), TODAY)
    assert g["connections"] == 99 and g["hidden_connections"] == 4
    assert g["band"] == "starting"
    assert g["next_threshold"] == {"band": "selective", "at": 100, "missing": 1, "eta": "2026-11-30"}


def test_gauge_without_pace_or_past_the_last_threshold() -> None:
    assert gauge(make_export(n_people(100)), TODAY)["next_threshold"]["eta"] is None
    g = gauge(make_export(n_people(500)), TODAY)
    assert g["band"] == "generous" and g["next_threshold"] is None


def test_empty_network() -> None:
    stats = network_stats(make_export(), Settings(), today=TODAY)
    json.dumps(stats)
    assert stats["connections"] == 0 and stats["band"] == "starting"
    assert stats["next_threshold"]["missing"] == 100 and stats["next_threshold"]["eta"] is None
    assert stats["top_companies"] == [] and stats["per_year"] == []
    assert stats["concentration"]["companies_for_half"] is None
    assert stats["growth"]["first"] is None and stats["growth"]["per_month"] == []
    assert stats["messaged"]["ever"] == 0
    assert all(row["count"] == 0 for row in stats["role_families"])


def test_only_hidden_rows_are_counted_apart() -> None:
    export = make_export(hidden_dates=[date(2024, 1, 5), date(2024, 3, 1)])
    stats = network_stats(export, Settings(), today=TODAY)
    assert stats["connections"] == 0 and stats["hidden_connections"] == 2
    assert stats["band"] == "starting"
    # Hidden rows still count in the time series.
    assert [m["count"] for m in stats["growth"]["per_month"]] == [1, 0, 1]
    assert stats["growth"]["first"] == "2024-01-05"


def test_growth_months_busiest_and_edges(small) -> None:
    g = growth(small)
    months = {m["month"]: m["count"] for m in g["per_month"]}
    assert months["2025-03"] == 3  # two people + one hidden row
    assert months["2024-02"] == 0  # gaps are filled for the chart
    assert g["busiest"][0] == {"month": "2025-03", "count": 3}
    assert g["first"] == "2023-06-01" and g["latest"] == "2026-11-01"


def test_companies_group_case_and_spaces(small) -> None:
    table = comp.companies(small.connections)
    assert table.row(0, named=True)["count"] == 3
    assert table["value"][0] == "acme"
    assert table["share"][0] == pytest.approx(0.5)
    names = comp.people_for(small, "company", "acme")["full_name"].to_list()
    assert names == ["Ada Lovelace", "Bob Martin", "Chloé Durand"]  # most recent first


def test_role_families_french_and_english(small) -> None:
    table = comp.families_table(small.connections, {})
    counts = dict(zip(table["label"], table["count"]))
    assert counts["engineering/data"] == 1 and counts["sales/business"] == 1
    assert counts["HR/recruiting"] == 1 and counts["executives/founders"] == 1
    assert counts["students/education"] == 1 and counts["health"] == 1
    assert counts["other"] == 0 and table["label"][-1] == "other"
    who = comp.people_for(small, "family", "health")["full_name"].to_list()
    assert who == ["Fay Wu"]


def test_role_families_from_settings_override(small) -> None:
    families = {"health": [], "care": ["infirmi*"]}
    table = comp.families_table(small.connections, families)
    assert "health" not in table["label"].to_list()
    assert dict(zip(table["label"], table["count"]))["care"] == 1


def test_per_year_and_email_drill(small) -> None:
    years = comp.years_table(small.connections)
    assert list(zip(years["value"], years["count"])) == [
        ("2024", 1), ("2025", 2), ("2026", 2), ("unknown", 1)
    ]
    assert comp.people_for(small, "year", "2025")["full_name"].to_list() == ["Dan Roe", "Chloé Durand"]
    assert comp.people_for(small, "year", "unknown")["full_name"].to_list() == ["Fay Wu"]
    emails = comp.email_table(small.connections)
    assert emails["count"].to_list() == [2, 4]
    assert comp.people_for(small, "email", "with email").height == 2


def test_qualified_counts_strategy_keywords_or_picked_families(small) -> None:
    by_kw = comp.qualified(small.connections, comp.Targets(("recrut*", "globex"), (), "strategy"), {})
    assert by_kw == {"count": 2, "share": pytest.approx(0.3333, abs=1e-4), "basis": "strategy"}
    by_family = comp.qualified(small.connections, comp.Targets((), ("health", "sales/business"), "role families"), {})
    assert by_family["count"] == 2
    assert comp.qualified(small.connections, comp.Targets(), {})["count"] is None
    stats = network_stats(small, Settings(), today=TODAY, picked_families=["health"])
    assert stats["qualified"]["count"] == 1 and stats["qualified"]["basis"] == "role families"


def test_concentration_known_answer() -> None:
    # 10 companies: A has 10, B 5, C 3, the other 7 one each → 25 people with a company.
    rows = [(f"A{i} X", "A", None, None) for i in range(10)] + [(f"B{i} X", "B", None, None) for i in range(5)]
    rows += [(f"C{i} X", "C", None, None) for i in range(3)] + [(f"D{i} X", f"Solo{i}", None, None) for i in range(7)]
    rows += [("No Company", None, None, None)]
    c = comp.concentration(people(rows))
    assert c["companies"] == 10 and c["with_company"] == 25
    assert c["companies_for_half"] == 2  # 10 < 12.5, 10 + 5 ≥ 12.5
    assert c["top20_share"] == pytest.approx(15 / 25)  # top 2 of 10 companies


def test_who_at_matches_company_and_typed_info(small) -> None:
    result = comp.who_at(small, "  ACME")
    assert result.connections["full_name"].to_list() == ["Ada Lovelace", "Bob Martin", "Chloé Durand"]
    assert result.invitations.height == 0 and "typed" in result.invitations_note
    info = pl.DataFrame({"key": ["in:gus-grey"], "company": ["Acme Corp"], "position": [None], "connection_count": [None]})
    assert comp.who_at(small, "acme", info).invitations["counterpart_name"].to_list() == ["Gus Grey"]
    assert comp.who_at(small, "   ").connections.height == 0


def test_invitation_counts_and_silent_majority(small) -> None:
    stats = network_stats(small, Settings(active_share=0.5), today=TODAY)
    assert stats["invitations"] == {
        "incoming": {"total": 2, "connected": 1, "open": 1},
        "outgoing": {"total": 3, "connected": 1, "open": 2},
    }
    assert stats["active_estimate"] == {"share": 0.5, "members": 3, "weekly_posts": 3}


def test_messaged_ever_and_last_year(small) -> None:
    def msg(sender, recipients, when, draft=False):
        return {"conversation_id": "c", "conversation_title": None, "from_name": None, "sender_url": None,
                "to_names": None, "recipient_urls": None, "sent_at": when, "subject": None,
                "content": "hi", "folder": "INBOX", "is_draft": draft, "direction": "OUTGOING",
                "sender_key": sender, "recipient_keys": recipients}
    msgs = [
        msg("in:me", ["in:ada-lovelace", "in:bob-martin"], datetime(2026, 6, 1)),  # group chat
        msg("in:dan-roe", ["in:me"], datetime(2020, 1, 1)),
        msg("in:me", ["in:eve-stone"], datetime(2026, 6, 1), draft=True),  # drafts don't count
    ]
    export = make_export(small.connections, messages=msgs)
    assert messaged(export, TODAY) == {"ever": 3, "ever_share": 0.5, "last_year": 2, "last_year_share": 0.3333}


def test_since_last_import(small) -> None:
    before = small.connections.filter(pl.col("full_name") != "Ada Lovelace").with_columns(
        pl.when(pl.col("full_name") == "Bob Martin").then(pl.lit("Initech")).otherwise(pl.col("company")).alias("company")
    )
    before = pl.concat([before, people([("Old Friend", "X", "Y", date(2020, 1, 1))])])
    before_invs = pl.DataFrame([invitation("Ada Lovelace", "INCOMING", False), invitation("Gus Grey", "INCOMING", False)], schema=INV)
    diff = changes(small, (before, before_invs))
    assert diff.new["full_name"].to_list() == ["Ada Lovelace"]
    assert diff.gone["full_name"].to_list() == ["Old Friend"]
    assert diff.accepted["counterpart_name"].to_list() == ["Ada Lovelace"]
    assert diff.changed.select("full_name", "company_before", "company").rows() == [("Bob Martin", "Initech", "ACME ")]
    stats = network_stats(small, Settings(), previous=(before, before_invs), today=TODAY)
    assert stats["since_last_import"] == {
        "new_connections": 1, "gone": 1, "invitations_accepted": 1, "changed": 1, "previous_connections": 6
    }
    assert network_stats(small, Settings(), today=TODAY)["since_last_import"] is None


def test_stats_are_json_safe_with_the_documented_keys(small) -> None:
    stats = json.loads(json.dumps(network_stats(small, Settings(), today=TODAY)))
    for key in ("band", "connections", "hidden_connections", "next_threshold", "top_companies",
                "role_families", "per_year", "qualified", "concentration", "active_estimate",
                "since_last_import", "growth", "messaged", "invitations"):
        assert key in stats
    assert stats["top_companies"][0] == {"company": "ACME", "count": 3, "share": 0.5}  # tie → first sorted spelling
