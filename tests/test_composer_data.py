"""Composer data: advice bands, monthly/weekly budgets, follow-up ledger per template."""

from __future__ import annotations

from datetime import date, datetime

import polars as pl

from tui.composer.recipients import (
    Recipient,
    advice,
    budgets,
    find_people,
    find_person,
    ledger,
    ledger_rows,
    people_frame,
    values_for,
)
from tui.core.errors import ConfigError

import pytest

TODAY = date(2026, 11, 20)
DRAFTS_SCHEMA = {
    "id": pl.Int64, "template": pl.String, "key": pl.String, "name": pl.String, "url": pl.String,
    "text": pl.String, "state": pl.String, "created_at": pl.Datetime("us"), "sent_at": pl.Datetime("us"),
    "follow_up_on": pl.Date,
}


def drafts(*rows: tuple) -> pl.DataFrame:
    """rows: (template, key, text, sent_at or None)."""
    return pl.DataFrame(
        [
            {"id": i, "template": t, "key": k, "name": k, "url": None, "text": x,
             "state": "sent" if s else "draft", "created_at": datetime(2026, 11, 1),
             "sent_at": s, "follow_up_on": None}
            for i, (t, k, x, s) in enumerate(rows, 1)
        ],
        schema=DRAFTS_SCHEMA,
    )


def invitations(*rows: tuple) -> pl.DataFrame:
    """rows: (direction, key, name, message, sent_at)."""
    return pl.DataFrame(
        [
            {"direction": d, "key": k, "counterpart_name": n, "counterpart_url": None, "message": m, "sent_at": s}
            for d, k, n, m, s in rows
        ],
        schema={"direction": pl.String, "key": pl.String, "counterpart_name": pl.String,
                "counterpart_url": pl.String, "message": pl.String, "sent_at": pl.Datetime("us")},
    )


def connections(*rows: tuple) -> pl.DataFrame:
    """rows: (key, full_name, company, connected_on)."""
    return pl.DataFrame(
        [
            {"key": k, "full_name": n, "first_name": n.split()[0], "last_name": n.split()[-1],
             "company": c, "position": "Engineer", "url": f"https://www.linkedin.com/in/{k[3:]}",
             "connected_on": d}
            for k, n, c, d in rows
        ],
        schema={"key": pl.String, "full_name": pl.String, "first_name": pl.String, "last_name": pl.String,
                "company": pl.String, "position": pl.String, "url": pl.String, "connected_on": pl.Date},
    )


def kinds(items) -> dict[str, str]:
    return {a.kind: a.text for a in items}


def test_advice_by_band_and_content() -> None:
    note = "Hello Ana, could we have a short call next week?"
    assert "unknown" in kinds(advice(Recipient("Ana"), note, 50, 200))["band"]
    assert "email or phone" in kinds(advice(Recipient("Ana", connection_count=99), note, 50, 200))["band"]
    assert "add a note" in kinds(advice(Recipient("Ana", connection_count=100), note, 50, 200))["band"]
    assert "add a note" in kinds(advice(Recipient("Ana", connection_count=499), note, 50, 200))["band"]
    assert "optional" in kinds(advice(Recipient("Ana", connection_count=500), note, 50, 200))["band"]
    got = kinds(advice(Recipient("Ana"), note, 50, 200, follow_up_days=7))
    assert "follow-up" in got and "7 days" in got["follow-up"]
    assert "outside" not in got  # the note already proposes a call
    got = kinds(advice(Recipient("Ana"), "Nice profile.", 250, 200))
    assert "50 characters over" in got["length"] and "outside" in got and "follow-up" not in got
    assert "no-note" in kinds(advice(None, "  ", 0, 200))


def test_budgets_count_month_and_week_without_double_counting() -> None:
    inv = invitations(
        ("OUTGOING", "in:a", "A", "Hi A", datetime(2026, 11, 18, 9)),  # note, this week
        ("OUTGOING", "in:b", "B", None, datetime(2026, 11, 16, 9)),  # no note, this week
        ("OUTGOING", "in:c", "C", "Hi C", datetime(2026, 11, 2, 9)),  # note, this month
        ("OUTGOING", "in:d", "D", "Hi D", datetime(2026, 10, 30, 9)),  # last month
        ("INCOMING", "in:e", "E", "Hi me", datetime(2026, 11, 19, 9)),  # not ours
    )
    d = drafts(
        ("Intro", "in:a", "Hi A", datetime(2026, 11, 18, 8)),  # same person as the export: once
        ("Intro", "in:f", "Hi F", datetime(2026, 11, 20, 8)),  # sent today
        ("Intro", "in:g", "", datetime(2026, 11, 19, 8)),  # empty note: an invitation, not a note
        ("Intro", "in:h", "Hi H", None),  # still a draft
    )
    out = budgets(d, inv, 5, 100, TODAY)
    assert (out.notes.used, out.notes.limit) == (3, 5)  # a, c, f
    assert (out.invitations.used, out.invitations.limit) == (4, 100)  # a, b, f, g
    assert "Mass invitations" in out.warning and not out.invitations.over
    tight = budgets(d, inv, 3, 4, TODAY)
    assert tight.notes.over and tight.invitations.over and "stop here" in tight.warning


def test_ledger_rates_per_template() -> None:
    conns = connections(
        ("in:a", "Ana Silva", "Acme", date(2026, 11, 3)),
        ("in:b", "Bo Chen", "Beta", date(2026, 11, 4)),
        ("in:old", "Old Friend", "Gamma", date(2020, 1, 1)),
    )
    d = drafts(
        ("Intro", "in:a", "Hi", datetime(2026, 11, 1)),
        ("Intro", "in:x", "Hi", datetime(2026, 11, 1)),
        ("Intro", "in:y", "Hi", datetime(2026, 11, 1)),
        ("Common", "in:b", "Hi", datetime(2026, 11, 2)),
        ("Common", "in:old", "Hi", datetime(2026, 11, 2)),  # already connected: not a win
        ("Common", "in:z", "Hi", None),  # not sent: not counted
    )
    rows = ledger_rows(d, conns)
    assert rows.height == 5
    assert dict(zip(rows["key"], rows["accepted"])) == {
        "in:a": True, "in:x": False, "in:y": False, "in:b": True, "in:old": False,
    }
    table = ledger(d, conns)
    assert table.rows() == [("Intro", 3, 1, 1 / 3), ("Common", 2, 1, 0.5)]


def test_people_and_find_person() -> None:
    conns = connections(("in:ana-s", "Ana Silva", "Acme [EMEA]", date(2026, 1, 1)),
                        ("in:ana-2", "Ana Silva", "Other", date(2026, 1, 1)),
                        ("in:bo", "Bo Chen", "Beta", date(2026, 1, 1)))
    inv = invitations(("INCOMING", "in:cy", "Cy Dupont", "Hello", datetime(2026, 11, 1)),
                      ("OUTGOING", "in:bo", "Bo Chen", None, datetime(2026, 11, 1)))
    people = people_frame(conns, inv)
    assert people.height == 4
    assert dict(zip(people["key"], people["source"]))["in:cy"] == "received"
    assert find_people(people, "emea")["key"].to_list() == ["in:ana-s"]
    assert find_people(people, "dup cy")["full_name"].to_list() == ["Cy Dupont"]
    assert find_person(people, "  cy   DUPONT ")["key"] == "in:cy"
    assert find_person(people, "https://www.linkedin.com/in/bo/")["full_name"] == "Bo Chen"
    with pytest.raises(ConfigError, match="2 people have this name"):
        find_person(people, "ana silva")
    with pytest.raises(ConfigError, match="no connection or invitation"):
        find_person(people, "Nobody Here")
    row = find_person(people, "Cy Dupont")
    rec = Recipient.from_row(row)
    assert (rec.first_name, rec.last_name) == ("Cy", "Dupont")
    values = values_for(rec, my_name="Alex Durand", event="Vivatech")
    assert values["my_first_name"] == "Alex" and values["event"] == "Vivatech" and values["company"] == ""


def test_sender_name_comes_from_the_export_owner_when_not_configured() -> None:
    from types import SimpleNamespace

    from tui.composer.recipients import my_name_for

    owner = SimpleNamespace(full_name="Élodie Marchand")
    assert my_name_for("", owner) == "Élodie Marchand"
    assert my_name_for("Ana Quist", owner) == "Ana Quist"
    assert my_name_for("  ", None) == ""
