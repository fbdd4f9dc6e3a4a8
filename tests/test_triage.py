"""Received and sent queues: who shows up, with which signals, in which order."""

from __future__ import annotations

from datetime import date, datetime

from tests.triage_frames import (
    TODAY, connection, decisions_frame, info_frame, invitation, make_export, message,
)
from tui.triage.queue_frames import STALE_SUGGESTION, received_queue, sent_queue, signals


def _by_name(frame):
    return {row["name"]: row for row in frame.iter_rows(named=True)}


def test_queue_holds_only_incoming_strangers_best_first() -> None:
    export = make_export([
        invitation("Kofi Mensah", note="Hi Ana, we met at the PyData meetup in Lisbon, happy to stay in touch."),
        invitation("Leo Marchetti", connected=True),
        invitation("Zoe Ray", direction="OUTGOING"),
        invitation("Sam Blank", sent=datetime(2026, 2, 27)),
    ])
    queue = received_queue(export, None, None, TODAY)
    assert queue["name"].to_list() == ["Kofi Mensah", "Sam Blank"]
    kofi = queue.row(0, named=True)
    assert kofi["has_note"] and kofi["note_length"] > 50 and not kofi["mass_invite"]
    assert kofi["waited_days"] == 9 and kofi["pending"]
    assert queue.row(1, named=True)["mass_invite"]


def test_scam_words_and_brand_names_are_flagged_with_reasons() -> None:
    export = make_export([
        invitation("Grace Hill", note="Dear, kindly add me on WhatsApp for a crypto investment"),
        invitation("BlueWave Consulting Ltd"),
        invitation("JOHN SMITH"),
        invitation("Max99 Power"),
        invitation("Cher", note="Bonjour, un placement à fort rendement ?"),
        invitation("Ines Duarte", note="Hello, I enjoyed your talk on data pipelines."),
    ])
    rows = _by_name(received_queue(export, None, None, TODAY))
    grace = rows["Grace Hill"]
    assert grace["suspicious"]
    assert any("whatsapp" in r and "kindly" in r and "crypto" in r for r in grace["suspicious_reasons"])
    assert any("brand" in r for r in rows["BlueWave Consulting Ltd"]["suspicious_reasons"])
    assert "name in capitals" in rows["JOHN SMITH"]["suspicious_reasons"]
    assert "digits in the name" in rows["Max99 Power"]["suspicious_reasons"]
    cher = rows["Cher"]["suspicious_reasons"]
    assert "single-word name" in cher and any("placement" in r and "rendement" in r for r in cher)
    assert rows["Ines Duarte"]["suspicious_reasons"] == [] and not rows["Ines Duarte"]["suspicious"]
    # a clean personal note ranks above every suspicious invitation
    ranked = received_queue(export, None, None, TODAY)["name"].to_list()
    assert ranked[0] == "Ines Duarte"


def test_company_count_bridge_and_messages() -> None:
    export = make_export(
        [invitation("Kofi Mensah"), invitation("Lea Roux"), invitation("Nia Park")],
        [connection("Mira Vale", "Hollowbrook Analytics "), connection("Tom Ruiz", "hollowbrook analytics")],
        [message("in:kofi-mensah", ["in:ana-quist"]), message("in:ana-quist", ["in:nia-park"], draft=True)],
    )
    info = info_frame([("in:kofi-mensah", "  HOLLOWBROOK Analytics", "Data Engineer", 120),
                       ("in:lea-roux", "Nimbus Freight", None, None)])
    rows = _by_name(received_queue(export, None, info, TODAY))
    assert rows["Kofi Mensah"]["company_count"] == 2 and not rows["Kofi Mensah"]["bridge"]
    assert rows["Kofi Mensah"]["messaged_before"] and rows["Kofi Mensah"]["band"] == "selective"
    assert rows["Lea Roux"]["company_count"] == 0 and rows["Lea Roux"]["bridge"]
    assert rows["Nia Park"]["company_count"] is None and not rows["Nia Park"]["bridge"]
    assert not rows["Nia Park"]["messaged_before"], "a draft is not a conversation"
    assert rows["Nia Park"]["band"] is None


def test_decided_rows_stay_but_only_undecided_and_due_later_are_pending() -> None:
    export = make_export([invitation("A Done"), invitation("B Later"), invitation("C Due"), invitation("D New")])
    decisions = decisions_frame([
        ("in:a-done", "accept", None, datetime(2026, 2, 1), "met at PyData"),
        ("in:b-later", "later", date(2026, 3, 5), datetime(2026, 2, 26), ""),
        ("in:c-due", "later", date(2026, 3, 1), datetime(2026, 2, 22), ""),
        ("in:d-new", "withdrawn", None, datetime(2026, 2, 22), ""),
    ])
    rows = _by_name(received_queue(export, decisions, None, TODAY))
    assert len(rows) == 4
    assert not rows["A Done"]["pending"] and rows["A Done"]["decision"] == "accept"
    assert not rows["B Later"]["pending"] and not rows["B Later"]["later_due"]
    assert rows["C Due"]["pending"] and rows["C Due"]["later_due"]
    assert rows["D New"]["pending"] and rows["D New"]["decision"] is None, "sent decisions don't apply"


def test_same_inviter_twice_shows_once_with_the_newest_invitation() -> None:
    export = make_export([
        invitation("Kofi Mensah", note="old", sent=datetime(2025, 12, 1)),
        invitation("Kofi Mensah", note="new", sent=datetime(2026, 2, 1)),
        invitation("", slug=""),
    ])
    queue = received_queue(export, None, None, TODAY)
    assert queue.filter(queue["key"] == "in:kofi-mensah")["note"].to_list() == ["new"]
    blank = queue.filter(queue["key"].is_null()).row(0, named=True)
    assert "no name" in blank["suspicious_reasons"]


def test_empty_export_gives_an_empty_queue_with_all_columns() -> None:
    queue = received_queue(make_export([]), None, None, TODAY)
    assert queue.height == 0 and {"score", "pending", "suspicious_reasons", "search"} <= set(queue.columns)
    assert sent_queue(make_export([]), None, None, TODAY).height == 0


def test_signals_explain_the_row() -> None:
    export = make_export(
        [invitation("Kofi Mensah", note="Hi Ana, we met at PyData."), invitation("Bo Li")],
        [connection(f"P{i} Q", "Acme") for i in range(12)],
    )
    info = info_frame([("in:kofi-mensah", "Acme", "CTO", 640), ("in:bo-li", "Nimbus", None, 40)])
    decisions = decisions_frame([("in:kofi-mensah", "later", date(2026, 2, 1), datetime(2026, 1, 20), "")])
    rows = _by_name(received_queue(export, decisions, info, TODAY))
    kofi = {s.kind: s for s in signals(rows["Kofi Mensah"], TODAY)}
    assert "personal note" in kofi["note"].label and kofi["note"].tone == "good"
    assert kofi["circle"].label == "inside a circle you already have (12 people)"
    assert kofi["band"].label.startswith("generous")
    assert "later" in kofi["decided"].reason and "2026-01-20" in kofi["decided"].reason
    bo = {s.kind: s for s in signals(rows["Bo Li"])}
    assert bo["mass_invite"].tone == "warn"
    assert bo["circle"].label == "a bridge to a new circle"
    assert bo["band"].label.startswith("starting")
    unknown = {s.kind: s for s in signals({"name": "X Y", "has_note": False})}
    assert "press e" in unknown["identity"].label and "unknown" in unknown["band"].label


def test_sent_queue_stale_accepted_follow_ups_and_composer_drafts() -> None:
    import polars as pl

    export = make_export(
        [
            invitation("Zoe Ray", direction="OUTGOING", note="Could we have a quick call?", sent=datetime(2026, 1, 1)),
            invitation("Tom Ruiz", direction="OUTGOING", connected=True, connected_on=date(2026, 2, 1)),
            invitation("Ada Bell", direction="OUTGOING", note="Un café à Lyon ?", sent=datetime(2026, 2, 26)),
            invitation("Old Timer", direction="OUTGOING", sent=datetime(2026, 1, 2)),
            invitation("Kofi Mensah"),
        ],
        [connection("Tom Ruiz"), connection("Eve Moss")],
    )
    drafts = pl.DataFrame(
        [
            {"id": 1, "template": "intro", "key": "in:eve-moss", "name": "Eve Moss", "url": None,
             "text": "Hello Eve", "state": "sent", "created_at": datetime(2026, 2, 1),
             "sent_at": datetime(2026, 2, 1), "follow_up_on": date(2026, 2, 8)},
            {"id": 2, "template": None, "key": "in:new-one", "name": "New One", "url": None,
             "text": "draft only", "state": "draft", "created_at": datetime(2026, 2, 1),
             "sent_at": None, "follow_up_on": None},
        ],
        schema={"id": pl.Int64, "template": pl.Utf8, "key": pl.Utf8, "name": pl.Utf8, "url": pl.Utf8,
                "text": pl.Utf8, "state": pl.Utf8, "created_at": pl.Datetime("us"),
                "sent_at": pl.Datetime("us"), "follow_up_on": pl.Date},
    )
    decisions = decisions_frame([("in:old-timer", "withdrawn", None, datetime(2026, 2, 20), "")])
    rows = _by_name(sent_queue(export, decisions, drafts, TODAY, stale_days=21))
    assert set(rows) == {"Zoe Ray", "Tom Ruiz", "Ada Bell", "Old Timer", "Eve Moss"}
    zoe = rows["Zoe Ray"]
    assert zoe["stale"] and zoe["suggestion"] == STALE_SUGGESTION and zoe["waited_days"] == 59
    assert zoe["asks"] and zoe["follow_up_due"] == date(2026, 1, 8) and zoe["follow_up_now"]
    assert rows["Tom Ruiz"]["accepted"] and rows["Tom Ruiz"]["accepted_on"] == date(2026, 2, 1)
    assert not rows["Tom Ruiz"]["stale"] and not rows["Tom Ruiz"]["has_note"]
    ada = rows["Ada Bell"]
    assert ada["asks"] and not ada["stale"] and ada["follow_up_due"] == date(2026, 3, 5) and not ada["follow_up_now"]
    assert rows["Old Timer"]["decision"] == "withdrawn" and not rows["Old Timer"]["stale"]
    eve = rows["Eve Moss"]
    assert eve["source"] == "composer" and eve["accepted"] and eve["follow_up_due"] == date(2026, 2, 8)
