"""Pilot and CLI: the received pane's words say where things are, what keys do and why rows come in their order."""

from __future__ import annotations

from pathlib import Path

from ui_export import INCOMING, ui_export

from app_screen import screen_text
from tui.cli.main import main
from tui.app import PasserelleApp
from tui.triage.vocabulary import ORDER_WORDS
from tui.launch import build_context
from tui.ui.screens.help_screen import HelpScreen
from tui.ui.widgets.invitation_detail import InvitationDetail

SIZE = (80, 24)


def detail_text(app: PasserelleApp) -> str:
    return app.query_one("#received-detail", InvitationDetail).query_one("Static").render().plain


async def test_an_empty_view_says_which_view_holds_the_matches(export: Path, passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l", "slash", *"decided:later")
        await pilot.pause()
        text = screen_text(app)
        assert "Nothing in this view." not in text
        assert "1 in Decided: press V" in text  # V from All is one step back to Decided
        assert "The match is in the Decided view: press V." in detail_text(app)
        assert "Keep filter" in text and "Clear filter" in text  # the footer while typing
        await pilot.press("enter", "V")
        await pilot.pause()
        pane = app.query_one("#received")
        assert pane.view == "Decided" and pane.rows.height == 1


async def test_the_filter_hint_lists_bridge_and_help_and_detail_explain_the_order(export: Path,
                                                                                  passerelle_home) -> None:
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        assert "flag:bridge" in app.query_one("#filter-input").placeholder
        await pilot.press("escape")
        assert "Queue order: most promising first" in detail_text(app).replace("\n", " ")
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        texts = " ".join(str(s.render()) for s in help_screen.query("Static")).replace("\n", " ")
        assert " ".join(ORDER_WORDS.split()) in " ".join(texts.split())
        for area, rows in help_screen.sections():
            keys = [key for key, _text in rows]
            assert keys.count("esc") <= 1, (area, rows)


async def test_the_order_words_say_what_the_queue_does(export: Path, passerelle_home) -> None:
    """A note first, suspicious last, and among people without a note, the newest first."""
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        pane = app.query_one("#received")
        rows = [pane.rows.row(i) for i in range(pane.rows.height)]
        notes = [bool(r["has_note"]) for r in rows if not r["suspicious"]]
        assert notes == sorted(notes, reverse=True)
        assert rows[-1]["suspicious"]
        plain = [r["sent_at"] for r in rows if not r["has_note"] and not r["suspicious"] and not r["messaged_before"]]
        assert plain == sorted(plain, reverse=True)
    assert "most promising first" in ORDER_WORDS and "newest first" in ORDER_WORDS


def test_stats_explains_open_invitations_against_people_waiting(tmp_path: Path, passerelle_home, capsys) -> None:
    twice = [*INCOMING, ("Kofi Mensah", "kofi-mensah-77", "11/12/25, 9:00 AM", "Me again!")]
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip", twice)
    assert main(["stats", str(export)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("Invitations:"))
    assert f"({len(twice)} open, from {len(INCOMING)} people: some sent more than one)" in line


async def test_the_header_counts_everyone_waiting_while_a_filter_is_on(export: Path, passerelle_home) -> None:
    """A decision under a filter leaves the header's count for the whole queue, not the filtered one."""
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        waiting = len(INCOMING)
        assert f"{waiting} people waiting" in screen_text(app)
        await pilot.press("slash", *"kofi", "enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert app.query_one("#received").rows.height == 0  # the filter showed only Kofi
        assert f"{waiting - 1} people waiting" in screen_text(app)


async def test_the_details_typed_with_e_show_at_once_in_the_detail(export: Path, passerelle_home) -> None:
    """After `e`, the detail of the same invitation says the company typed in, not 'unknown'."""
    from textual.widgets import Input

    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.pause()
        assert "company and role unknown" in detail_text(app)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#info-company", Input).value = "Delta Médical"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "company and role unknown" not in detail_text(app)
        assert "Delta Médical" in detail_text(app)
