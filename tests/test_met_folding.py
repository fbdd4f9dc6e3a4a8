"""`met:` folds case and accents as the rest of the search does: `met:ELODIE` finds "Élodie"."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from app_screen import current, running
from ui_export import ui_export

from tui.launch import build_context
from tui.store.people_tags import set_met
from tui.store.store import Store
from tui.triage.tag_filter import matches, split_terms, tag_expr, terms_sql, with_marks

MET = {"a": "Salon RH avec Élodie", "b": "ELODIE, œuvre sociale", "c": "Lyon"}
LINES = {"met:ELODIE": ["a", "b"], "met:élodie": ["a", "b"], "met:Elodie": ["a", "b"], "met:oeuvre": ["b"],
         "met:ŒUVRE": ["b"], 'met:"salon rh avec elodie"': ["a"], "met:lyon": ["c"]}


def test_every_way_met_is_matched_folds_accents_and_capitals(passerelle_home) -> None:
    passerelle_home.ensure()
    store = Store.open(passerelle_home.database)
    for key, text in MET.items():
        set_met(store, key, text)
    frame = with_marks(pl.DataFrame({"key": list(MET)}), {}, MET)
    for line, keys in LINES.items():
        terms = split_terms(line)[1]
        where, params = terms_sql(terms)
        in_store = store.select(f"SELECT key FROM (SELECT 'a' AS key UNION SELECT 'b' UNION SELECT 'c') WHERE {where}"
                                " ORDER BY key", params)
        assert [k for (k,) in in_store] == keys, line  # the received and sent panes
        assert sorted(frame.filter(tag_expr(terms))["key"].to_list()) == keys, line  # strategy and commands
        assert [k for k, text in MET.items() if matches(terms, (), text)] == keys, line
    store.close()


async def test_the_received_filter_finds_elodie_typed_in_capitals(tmp_path: Path, passerelle_home) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    async with running(build_context(export, passerelle_home), (80, 24)) as (app, pilot):
        person = current(app)["key"]
        await pilot.press("m", *"Salon RH avec Élodie", "enter")
        await pilot.pause()
        await pilot.press("slash", *"met:ELODIE", "enter")
        await pilot.pause()
        pane = app.query_one("#received")
        assert [pane.rows.row(i)["key"] for i in range(pane.rows.height)] == [person]
