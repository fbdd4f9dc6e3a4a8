"""The triage queues read from the store agree with the Polars queues they replace, and
their dates, filters and accent-insensitive words work in SQL."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from ui_export import ui_export

from tui.store import queues as queue
from tui.export.reader import load_export
from tui.triage.filters import Filter, FilterError, parse_filter, view_counts, view_expr
from tui.store.store import Person, Store
from tui.store.sent_queue import sent_rows
from tui.store.triage_tables import ensure_suggestions, rows_written, write_triage
from tui.triage.queue_frames import received_queue, sent_queue

TODAY = date(2025, 12, 1)
INCOMING = [
    ("Inès Moreau", "ines-moreau", "11/02/25, 9:00 AM", "Bonjour, je travaille en logistique à Lyon."),
    ("Amélie Roux", "amelie-roux", "11/05/25, 10:00 AM", ""),
    ("Anne Dupont", "anne-dupont", "10/01/25, 8:30 AM", "We met at PyData, great talk on pipelines!"),
    ("Crypto Wealth Ltd", "crypto-wealth", "11/07/25, 7:00 AM", "Kindly contact me on WhatsApp for investment"),
    ("Jon Park", "jon-park", "11/08/25, 6:00 PM", ""),
]


@pytest.fixture
def store(tmp_path: Path):
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=INCOMING)
    export = load_export(source)
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, export, source)
        yield store, export, rows, source


def keys(store, rows, view="All", f=Filter(), today=TODAY):
    return [k for _, k in queue.received_ids(store, rows.id, today, None, view, f)]


def test_the_store_queue_is_the_polars_queue(store) -> None:
    store, export, rows, _ = store
    store.decide([Person("in:jon-park")], "ignore")
    store.decide([Person("in:anne-dupont")], "later", until=TODAY - timedelta(days=1))  # due again
    store.set_info("in:ines-moreau", company="Nimbus Freight", position="Buyer")  # nobody there: a bridge
    reference = received_queue(export, store.decisions(), store.info(), TODAY)
    for view in ("All", "With note", "Suspicious", "Later (due)", "Decided"):
        assert keys(store, rows, view) == reference.filter(view_expr(view))["key"].to_list(), view
    assert queue.view_counts(store, rows.id, TODAY, None) == view_counts(reference, TODAY)
    by_key = {r["key"]: r for r in queue.received_rows(store, rows.id, TODAY, None)}
    for expected in reference.to_dicts():
        got = by_key[expected["key"]]
        for column in ("name", "note", "waited_days", "suspicious_reasons", "bridge", "company_count",
                       "later_due", "pending", "score", "messaged_before", "decision"):
            assert got[column] == expected[column], (expected["key"], column)


def test_waiting_days_and_due_laters_follow_the_day_not_the_import(store) -> None:
    store, _export, rows, _ = store
    store.decide([Person("in:amelie-roux")], "later", until=TODAY + timedelta(days=7))
    assert "in:amelie-roux" not in keys(store, rows)
    assert "in:amelie-roux" in keys(store, rows, today=TODAY + timedelta(days=7))  # back in the queue
    waited = {r["key"]: r["waited_days"] for r in queue.received_rows(store, rows.id, TODAY + timedelta(days=10), None)}
    assert waited["in:ines-moreau"] == (TODAY + timedelta(days=10) - date(2025, 11, 2)).days


def test_filter_words_ignore_accents_and_match_prefixes(store) -> None:
    store, _export, rows, _ = store
    assert keys(store, rows, f=parse_filter("ines")) == ["in:ines-moreau"]
    assert keys(store, rows, f=parse_filter("amelie")) == ["in:amelie-roux"]
    assert keys(store, rows, f=parse_filter("anne")) == ["in:anne-dupont"]
    assert keys(store, rows, f=parse_filter("logist lyon")) == ["in:ines-moreau"]  # every word, as prefixes
    assert keys(store, rows, f=parse_filter('"great talk"')) == ["in:anne-dupont"]
    store.set_info("in:jon-park", company="Hôpital Nord")
    queue.refresh_search(store, "in:jon-park")
    assert keys(store, rows, f=parse_filter("hopital")) == ["in:jon-park"]  # typed-in company found too


def test_filter_keys_become_sql(store) -> None:
    store, _export, rows, _ = store
    assert set(keys(store, rows, f=parse_filter("has:note"))) == {"in:ines-moreau", "in:anne-dupont", "in:crypto-wealth"}
    assert keys(store, rows, f=parse_filter("flag:suspicious")) == ["in:crypto-wealth"]
    assert keys(store, rows, f=parse_filter("older:60d")) == ["in:anne-dupont"]
    store.decide([Person("in:jon-park")], "later")
    assert keys(store, rows, "Later (due)", parse_filter("decided:later")) == ["in:jon-park"]
    with pytest.raises(FilterError, match="doesn't apply"):
        keys(store, rows, f=parse_filter("flag:stale"))


def test_sent_rows_from_the_store_match_the_polars_sent_queue(store) -> None:
    store, export, rows, _ = store
    store.decide([Person("in:leo-marchetti-4b2")], "followed_up")
    reference = sent_queue(export, store.decisions(), store.drafts(), TODAY)
    got = sent_rows(store, rows.id, TODAY)
    assert [r["key"] for r in got] == reference["key"].to_list()
    for mine, theirs in zip(got, reference.to_dicts()):
        for column in ("accepted", "stale", "follow_up_due", "follow_up_now", "pending", "waited_days", "decision"):
            assert mine[column] == theirs[column], (theirs["key"], column)


def test_a_composer_note_to_someone_the_export_shows_connected_is_accepted(tmp_path: Path) -> None:
    """The set keeps connected keys only for the composer's drafts: one marked sent before the
    import, and one saved after it (its key noted as the draft is saved), both read accepted."""
    from types import SimpleNamespace

    from tui.store.triage_tables import note_connection

    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=INCOMING)
    export = load_export(source)
    with Store.open(tmp_path / "db.sqlite") as store:
        before = store.save_draft("intro", Person("in:mira-okonkwo-vale-0a1b2c3", "Mira Okonkwo-Vale"), "Hello Mira")
        stranger = store.save_draft("intro", Person("in:nobody-here", "Nobody Here"), "Hello")
        rows = write_triage(store, export, source)
        assert queue.query(store, "SELECT key FROM triage_connected WHERE set_id = ?", (rows.id,)) == [
            ("in:mira-okonkwo-vale-0a1b2c3",)]  # not the whole network
        after = store.save_draft("intro", Person("in:priya-halvorsen", "Priya Halvorsen"), "Hello Priya")
        note_connection(SimpleNamespace(store=store, export=export, triage_set=rows), "in:priya-halvorsen")
        for draft in (before, stranger, after):
            store.mark_sent(draft)
        got = {r["key"]: r for r in sent_rows(store, rows.id, TODAY)}
        assert got["in:mira-okonkwo-vale-0a1b2c3"]["accepted"]
        assert got["in:mira-okonkwo-vale-0a1b2c3"]["accepted_on"] == date(2025, 11, 5)
        assert got["in:priya-halvorsen"]["accepted"] and not got["in:priya-halvorsen"]["pending"]
        assert not got["in:nobody-here"]["accepted"] and got["in:nobody-here"]["pending"]


def test_a_known_export_is_written_once_and_found_by_its_file(store) -> None:
    store, export, rows, source = store
    assert rows_written(store, rows.id) == {"received": 5, "sent": 2}
    assert write_triage(store, export, source) == rows
    assert rows_written(store, rows.id) == {"received": 5, "sent": 2}
    assert queue.find_set(store, source) == rows
    source.write_bytes(source.read_bytes() + b"\0")  # changed on disk: not trusted without a read
    assert queue.find_set(store, source) is None


def test_suggestions_are_stored_per_strategy_file_and_day(store, tmp_path: Path) -> None:
    store, _export, rows, _ = store
    strategy = tmp_path / "strategy.toml"
    strategy.write_text('[[rules]]\nname = "no note"\nwhen = { has_note = false }\ndecide = "ignore"\n'
                        'reason = "no note"\n', encoding="utf-8")
    digest, loaded, error = ensure_suggestions(store, rows.id, strategy, TODAY)
    assert error is None and loaded.suggests_anything
    assert queue.stored_strategy(store, rows.id, digest) == (True, None)
    suggested = {r["key"]: r["suggestion"] for r in queue.received_rows(store, rows.id, TODAY, digest)}
    assert suggested["in:jon-park"] == "ignore" and suggested["in:ines-moreau"] is None
    assert queue.strategy_digest(strategy, store, TODAY + timedelta(days=1)) != digest
    strategy.write_text("[[rules]\n", encoding="utf-8")
    digest, loaded, error = ensure_suggestions(store, rows.id, strategy, TODAY)
    assert loaded is None and "line" in error
    assert queue.stored_strategy(store, rows.id, digest) == (False, error)


def _vm_steps(store, run) -> int:
    """SQLite virtual-machine steps (in hundreds) that `run` makes: the work of a query, the same
    on any machine, where a time would be noise."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    with store.reading() as conn:
        conn.set_progress_handler(count, 100)
    try:
        run()
    finally:
        with store.reading() as conn:
            conn.set_progress_handler(None, 100)
    return steps[0]


def test_the_queues_do_not_grow_with_the_decision_log(tmp_path: Path) -> None:
    """A year of triage leaves thousands of decisions: each queue query looks a person's up
    by key, so a start, a view or a filter key costs the same after them (joined with a table
    of every person decided, it scanned that table for every row: 90 ms a query at 1,200)."""
    people = [(f"Person {n}", f"person-{n}", "11/02/25, 9:00 AM", "") for n in range(300)]
    source = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", incoming=people)
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, load_export(source), source)

        def queries() -> None:
            queue.received_ids(store, rows.id, TODAY, None, "All")
            queue.view_counts(store, rows.id, TODAY, None)
            sent_rows(store, rows.id, TODAY)

        before = _vm_steps(store, queries)
        for _, slug, _, _ in people[:280]:  # one batch each, as keys pressed one by one
            store.decide([Person(f"in:{slug}")], "accept")
        after = _vm_steps(store, queries)
        assert len(keys(store, rows)) == 20  # the decided ones left the queue
        assert after < 2 * before, (before, after)
