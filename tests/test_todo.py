"""The to-do queue: decisions not yet carried out, done events in the log, export confirmations."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from tui.cli.main import main
from tui.store.store import Person, Store
from tui.store.todo import RECEIVED_PAGE, SENT_PAGE, ExportFacts, current_queue, todo_queue
from tui.store.todo_log import decided, done_events, mark_done

IN = "https://www.linkedin.com/in/"


class Clock:
    """A store clock that moves one minute per call, so events have distinct times."""

    def __init__(self) -> None:
        self.t = datetime(2026, 12, 1, 9, 0)

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t


def people(*slugs: str) -> list[Person]:
    return [Person(s, s.replace("-", " ").title(), IN + s) for s in slugs]


def open_store(paths, clock=None) -> Store:
    paths.ensure()
    return Store.open(paths.database, now=clock or Clock())


def test_decisions_become_rows_grouped_oldest_first_with_the_page_to_open(passerelle_home) -> None:
    store = open_store(passerelle_home)
    store.decide(people("b-two"), "accept")
    store.decide(people("a-one"), "accept")
    store.decide(people("w-sent"), "withdrawn")
    store.decide([Person("no-url", "No Url", None)], "ignore")
    store.decide(people("l-later"), "later")  # nothing to do on LinkedIn
    store.save_draft("basic", Person("d-draft", "D Draft", IN + "d-draft"), "Hello D, shall we talk?")
    queue = current_queue(store, None)
    assert [(r.key, r.action) for r in queue.pending] == [
        ("b-two", "accept"), ("a-one", "accept"), ("no-url", "ignore"), ("w-sent", "withdraw"),
        ("d-draft", "send note")]
    pages = {r.key: r.page for r in queue.pending}
    assert pages["a-one"] == IN + "a-one"
    assert pages["w-sent"] == SENT_PAGE
    assert pages["no-url"] == RECEIVED_PAGE
    assert [r.note for r in queue.pending if r.action == "send note"] == ["Hello D, shall we talk?"]
    assert [a for a, _rows in queue.groups()] == ["accept", "ignore", "withdraw", "send note"]
    store.close()


def test_done_is_an_undoable_event_of_the_decision_log_that_survives_a_restart(passerelle_home) -> None:
    clock = Clock()
    store = open_store(passerelle_home, clock)
    store.decide(people("a-one", "b-two"), "accept")
    row = current_queue(store, None).pending[0]
    mark_done(store, [row])
    store.close()
    store = open_store(passerelle_home, clock)  # restart
    assert [r.key for r in current_queue(store, None).pending] == ["b-two"]
    assert dict(zip(store.decisions()["key"], store.decisions()["decision"])) == {"a-one": "accept", "b-two": "accept"}
    assert "done" in store.history()["decision"].to_list()
    undone = store.undo()
    assert undone.decision == "done" and undone.keys == ("a-one",)
    assert [r.key for r in current_queue(store, None).pending] == ["a-one", "b-two"]
    store.undo()  # now the decision itself: undone, it leaves the queue
    assert current_queue(store, None).pending == []
    store.close()


def test_a_changed_decision_needs_doing_again(passerelle_home) -> None:
    store = open_store(passerelle_home)
    store.decide(people("a-one"), "accept")
    mark_done(store, current_queue(store, None).pending)
    store.decide(people("a-one"), "ignore")
    assert [(r.key, r.action) for r in current_queue(store, None).pending] == [("a-one", "ignore")]
    store.close()


def test_the_next_export_confirms_or_flags(passerelle_home) -> None:
    """Five accepted, three done; the export shows two accepted (one done, one not)."""
    store = open_store(passerelle_home)
    store.decide(people("a", "b", "c", "d", "e"), "accept")
    rows = current_queue(store, None).pending
    mark_done(store, [r for r in rows if r.key in ("a", "b", "c")])
    facts = ExportFacts(date(2026, 12, 15), connected=frozenset({"a", "d"}), received=frozenset({"b", "e"}))
    queue = todo_queue(decided(store), done_events(store), facts)
    assert [r.key for r in queue.pending] == ["e"]
    assert sorted(r.key for r in queue.state("confirmed")) == ["a", "d"]
    assert {r.confirmed_on for r in queue.state("confirmed")} == {date(2026, 12, 15)}
    flagged = queue.state("flagged")
    assert [r.key for r in flagged] == ["b"] and "still shows the invitation" in flagged[0].flag
    older = ExportFacts(date(2026, 11, 20), connected=frozenset({"a", "d"}))  # taken before deciding
    assert sorted(r.key for r in todo_queue(decided(store), done_events(store), older).pending) == ["d", "e"]
    store.close()


def test_withdrawals_and_ignores_are_confirmed_by_absence_and_flagged_when_connected() -> None:
    from tui.store.todo_log import Decided

    t = datetime(2026, 12, 1, 9)
    items = [Decided("w1", "W1", None, "withdraw", 1, t), Decided("w2", "W2", None, "withdraw", 2, t),
             Decided("i1", "I1", None, "ignore", 3, t), Decided("i2", "I2", None, "ignore", 4, t)]
    facts = ExportFacts(date(2026, 12, 15), connected=frozenset({"w2", "i2"}), sent=frozenset(), received=frozenset())
    queue = todo_queue(items, [], facts)
    assert sorted(r.key for r in queue.state("confirmed")) == ["i1", "w1"]
    assert sorted(r.key for r in queue.state("flagged")) == ["i2", "w2"]


def test_cli_todo_done_and_pending_agree(passerelle_home, capsys) -> None:
    store = open_store(passerelle_home)
    store.decide(people("ada-lovelace", "alan-turing"), "accept")
    store.decide(people("grace-hopper"), "withdrawn")
    store.close()
    assert main(["todo", "--done", "Alan  turing"]) == 0
    capsys.readouterr()
    assert main(["todo", "--json"]) == 0
    todo = json.loads(capsys.readouterr().out)["todo"]
    assert [(t["name"], t["action"], t["page"]) for t in todo] == [
        ("Ada Lovelace", "accept", IN + "ada-lovelace"), ("Grace Hopper", "withdraw", SENT_PAGE)]
    assert set(todo[0]) == {"name", "url", "action", "since", "page", "note"}
    assert main(["decisions", "--pending", "--format", "json"]) == 0
    pending = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["decision"]) for p in pending] == [("Ada Lovelace", "accept"), ("Grace Hopper", "withdrawn")]
    assert main(["todo", "--done", IN + "nobody-here"]) == 2
    assert "no pending to-do" in capsys.readouterr().err


def test_read_only_commands_work_before_the_first_done_and_the_schema_version_stays(passerelle_home, capsys) -> None:
    import sqlite3

    from tui.store.schema import MIGRATIONS

    store = open_store(passerelle_home)
    store.decide(people("ada-lovelace"), "accept")
    store.close()
    for argv in (["todo", "--json"], ["tags", "--json"], ["decisions", "--pending"]):
        assert main(argv) == 0, argv  # read-only opens: no upgrade needed, nothing written
    conn = sqlite3.connect(passerelle_home.database)
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name IN ('met', 'done_rows')").fetchone() == (0,)
    conn.close()
    assert main(["todo", "--done", "Ada Lovelace"]) == 0
    conn = sqlite3.connect(passerelle_home.database)
    assert conn.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    assert conn.execute("SELECT count(*) FROM done_rows").fetchone() == (1,)
    conn.close()
    capsys.readouterr()
    assert main(["todo", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["todo"] == []


def test_todo_done_finds_a_name_as_compose_to_does_and_names_the_nearest(passerelle_home, capsys) -> None:
    store = open_store(passerelle_home)
    store.decide([Person("in:amelie-taylor", "Amélie Taylor", IN + "amelie-taylor"),
                  Person("in:zoe-lefevre", "Zoé Lefèvre", IN + "zoe-lefevre")], "accept")
    store.close()
    assert main(["todo", "--done", "amelie TAYLOR"]) == 0  # accents and capitals, as for compose --to
    assert "Amélie Taylor" in capsys.readouterr().out
    assert main(["todo", "--done", "Zoe Lefevr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no pending to-do matches" in err and 'nearest: "Zoé Lefèvre"' in err
    assert main(["todo", "--json"]) == 0
    assert [t["name"] for t in json.loads(capsys.readouterr().out)["todo"]] == ["Zoé Lefèvre"]


def test_a_confirmation_shows_once_the_next_import_after_it_closes_the_row(passerelle_home) -> None:
    store = open_store(passerelle_home)
    store.decide(people("a", "d", "e"), "accept")
    first = ExportFacts(date(2026, 12, 15), connected=frozenset({"a"}), received=frozenset({"d", "e"}))
    queue = todo_queue(decided(store), done_events(store), first)
    assert [r.key for r in queue.state("confirmed")] == ["a"] and [r.key for r in queue.pending] == ["d", "e"]
    # The export after: d accepted since. a was confirmed by the one before: shown then, gone now.
    second = ExportFacts(date(2027, 1, 15), connected=frozenset({"a", "d"}), received=frozenset({"e"}), earlier=first)
    queue = todo_queue(decided(store), done_events(store), second)
    assert [r.key for r in queue.state("confirmed")] == ["d"] and [r.key for r in queue.pending] == ["e"]
    store.close()


def test_three_imports_the_third_shows_only_its_own_confirmations(tmp_path, passerelle_home, capsys) -> None:
    from pathlib import Path

    from export_fixtures import SAMPLE_CONNECTIONS
    from ui_export import INCOMING, ui_export

    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)  # decided now: the exports below are taken after
    store.decide([Person("in:lena-brandt", "Lena Brandt", IN + "lena-brandt"),
                  Person("in:rui-costa", "Rui Costa", IN + "rui-costa")], "accept")
    store.close()

    def export_on(day: date, accepted: list[str]) -> Path:
        by_slug = {slug: name for name, slug, _s, _n in INCOMING}
        conns = SAMPLE_CONNECTIONS + [[*by_slug[s].split(" ", 1), IN + s, "", "", "", day.strftime("%d %b %Y")]
                                      for s in accepted]
        return ui_export(tmp_path / f"Basic_LinkedInDataExport_{day:%m-%d-%Y}.zip",
                         [r for r in INCOMING if r[1] not in accepted], conns)

    soon = date.today() + timedelta(days=1)
    assert main(["import", str(export_on(soon, ["lena-brandt"]))]) == 0
    capsys.readouterr()
    assert main(["todo", "--json"]) == 0
    todo = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in todo["confirmed"]] == ["Lena Brandt"] and [t["name"] for t in todo["todo"]] == ["Rui Costa"]
    assert main(["import", str(export_on(soon + timedelta(days=30), ["lena-brandt", "rui-costa"]))]) == 0
    capsys.readouterr()
    assert main(["todo", "--json"]) == 0
    todo = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in todo["confirmed"]] == ["Rui Costa"] and todo["todo"] == []
