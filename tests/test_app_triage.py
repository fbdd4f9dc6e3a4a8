"""Pilot: a triage session on a fixture export — every key, undo/redo, bulk, filter, restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from app_screen import SIZE, current, decided, running, screen_text
from conftest import REPO
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable


async def test_each_decision_key_saves_before_moving_on(context) -> None:
    async with running(context) as (app, pilot):
        chosen = {}
        for key, decision in [("a", "accept"), ("i", "ignore"), ("l", "later"), ("f", "follow"), ("s", "suspicious")]:
            row = current(app)
            await pilot.press(key)
            chosen[row["key"]] = decision
            assert decided(context)[row["key"]] == decision  # in the store as soon as the key is handled
            assert current(app)["key"] != row["key"]  # …and only then the queue moved on
            assert "saved" in screen_text(app)
        assert decided(context) == chosen
        later_key = next(k for k, d in chosen.items() if d == "later")
        until = context.store.decisions().filter(key=later_key)["until"][0]
        assert until == context.today + timedelta(days=context.settings.later_days)
        assert "Decided 5" in screen_text(app)


async def test_undo_redo_and_bulk_batch(context) -> None:
    async with running(context) as (app, pilot):
        first = current(app)["key"]
        await pilot.press("a")
        await pilot.press("u")
        assert first not in decided(context)
        assert current(app)["key"] == first  # the cursor comes back to the undone one
        await pilot.press("U")
        assert decided(context)[first] == "accept"
        # bulk: mark two, one key decides both, one undo undoes both
        table = app.query_one("#received-table", FrameTable)
        await pilot.press("space", "space")
        marked = set(table.marked)
        assert len(marked) == 2
        await pilot.press("i")
        assert all(decided(context)[k] == "ignore" for k in marked)
        assert not table.marked
        await pilot.press("u")
        assert not marked & set(decided(context))
        assert decided(context)[first] == "accept"  # the earlier decision stays
        # '*' marks everything the view shows
        await pilot.press("asterisk")
        assert table.marked == set(app.query_one("#received").rows.keys)
        await pilot.press("escape")
        assert not table.marked


async def test_filter_line_and_views(context) -> None:
    async with running(context) as (app, pilot):
        pane = app.query_one("#received")
        everyone = pane.rows.height
        await pilot.press("slash", *"has:note")
        await pilot.pause()
        assert 0 < pane.rows.height < everyone
        assert all(pane.rows.row(i)["has_note"] for i in range(pane.rows.height))
        await pilot.press("enter")
        assert app.focused is app.query_one("#received-table")
        await pilot.press("slash", "space", *"older:zz")
        await pilot.pause()
        assert "older:zz" in screen_text(app) and pane.query_one("#filter-error").has_class  # error shown inline
        assert pane.query_one("FilterBar").has_class("error")
        await pilot.press("escape")
        await pilot.pause()
        assert pane.rows.height == everyone
        await pilot.press("v")  # next view: With note
        assert pane.view == "With note"
        await pilot.press("v", "v")  # Suspicious
        assert pane.view == "Suspicious"
        assert "Crypto Wealth Ltd" in screen_text(app)


async def test_restart_finds_every_decision_in_store_and_cli(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a", "j", "i", "l")
        await pilot.press("2")  # sent pane: follow up, withdraw
        assert app.query_one("#panes").current == "sent"
        await pilot.press("d", "j", "w")
        await pilot.press("q")
    made = decided(context)
    context.store.close()
    assert sorted(made.values()) == ["accept", "followed_up", "ignore", "later", "withdrawn"]

    again = build_context(None, passerelle_home)  # no source: the last import is reopened
    assert again.export.content_hash == context.export.content_hash
    app = PasserelleApp(again)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert decided(again) == made
        assert "Decided 3" in screen_text(app)
        await pilot.press("u")  # undo works after a restart
        assert len(decided(again)) == 4
        await pilot.press("U")
    again.store.close()

    env = {**os.environ, "PASSERELLE_HOME": str(passerelle_home.config.parent)}
    out = subprocess.run([sys.executable, "-m", "tui", "decisions", "--format", "json"],
                         cwd=REPO, env=env, capture_output=True, text=True, check=True).stdout
    rows = json.loads(out)
    cli = {row["key"]: row["decision"] for row in rows}
    assert cli == made
    assert all(row["reason"].startswith("by hand") for row in rows), "the action sheet says why"


async def test_help_palette_and_pane_keys(context) -> None:
    async with running(context) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Accept" in screen_text(app)
        listed = {area: dict(rows) for area, rows in app.screen.sections()}
        assert listed["Received pane"]["a"] == "Accept" and listed["Received pane"]["/"] == "Filter"
        assert listed["Sent pane"]["d"] == "Follow up" and listed["Sent pane"]["w"] == "Withdraw"
        assert listed["Everywhere"]["?"] == "Help"
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("received: accept", "sent: withdraw", "app: show network", "app: quit"):
            assert title in titles
        for number, pane in (("3", "network"), ("4", "composer"), ("1", "received")):
            await pilot.press("escape", number)  # escape leaves a text field, if one has focus
            assert app.query_one("#panes").current == pane
        assert app.check_action("screenshot", ()) is False
        assert app.check_action("simulate_key", ("a",)) is False


NO_NOTE_RULE = '[[rules]]\nname = "no note"\nwhen = { has_note = false }\ndecide = "ignore"\nreason = "no note"\n'


async def test_edit_info_and_strategy_reload(context, passerelle_home) -> None:
    async def reload(strategy: str, *confirm: str) -> None:  # write the file, R (and y: take its suggestions)
        passerelle_home.strategy_file.write_text(strategy, encoding="utf-8")
        for key in ("R", *confirm):
            await pilot.press(key)
            await pilot.pause()

    async with running(context) as (app, pilot):
        key = current(app)["key"]
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#info-company")
        await pilot.press(*"Nimbus Freight", "enter")
        await pilot.pause()
        info = context.store.info().filter(key=key)
        assert info["company"].to_list() == ["Nimbus Freight"]
        await reload(NO_NOTE_RULE, "y")
        pane = app.query_one("#received")
        assert pane.strategy is not None
        await reload("[[rules]\n")
        assert pane.strategy is not None  # the last good one stays
        assert "line" in str(pane.strategy_error)
        assert "Strategy file has an error, using the last good one" in screen_text(app)  # the banner says so
        await reload(NO_NOTE_RULE, "y")
        assert pane.strategy_error is None
        assert "Strategy file has an error" not in screen_text(app)  # mended: the banner goes


async def test_keys_remapped_from_settings(export: Path, passerelle_home) -> None:
    passerelle_home.config.mkdir(parents=True)
    passerelle_home.settings_file.write_text('[keys]\naccept-invitation = "x"\n', encoding="utf-8")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        row = current(app)
        await pilot.press("x")
        assert decided(context) == {row["key"]: "accept"}
        listed = {area: dict(rows) for area, rows in (await _help_sections(app, pilot))}
        assert listed["Received pane"]["x"] == "Accept"
    context.store.close()


async def _help_sections(app, pilot):
    await pilot.press("question_mark")
    await pilot.pause()
    return app.screen.sections()


def test_bad_export_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "broken.zip"
    bad.write_bytes(b"not a zip at all")
    home = tmp_path / "fresh-home"
    result = subprocess.run([sys.executable, "-m", "tui", "--home", str(home), str(bad)],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("passerelle: ") and len(result.stderr.strip().splitlines()) == 1
    assert not home.exists()
