"""Pilot: the composer never traps the user in a field, counts as LinkedIn counts, and uses
the company typed in with `e`."""

from __future__ import annotations

from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea

from app_screen import SIZE, current, pick_template, screen_text
from tui.app import PasserelleApp
from tui.ui.panes.composer_pane import ComposerPane


async def test_esc_shows_in_the_footer_in_a_field_and_gives_back_1_to_4(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "Leave field" not in screen_text(app)  # no field focused in the received list
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert "Leave field, then 1–5" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Leave field" not in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one("#panes", ContentSwitcher).current == "received"


async def test_ctrl_n_jumps_from_the_recipient_search_to_the_templates(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("c")  # compose to the highlighted person: focus goes to a field
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused is app.query_one("#template-list", OptionList)


async def test_the_counter_counts_emoji_as_linkedin_and_says_so(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await app.workers.wait_for_complete()  # the composer is built once the export's frames are read
        await pilot.pause()
        pane = app.query_one(ComposerPane)
        pane.query_one("#template-editor", TextArea).load_text("Merci 👍")
        await pilot.pause()
        count = pane.query_one("#count", Static)
        assert "8/200 characters" in str(count.render())
        assert "UTF-16" in str(count.tooltip)


async def test_the_company_typed_with_e_is_the_company_when_composing(context) -> None:
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        row = current(app)
        await pilot.press("e")
        await pilot.pause()
        company = app.screen.query_one("#info-company", Input)
        company.value = "Delta Médical"
        await pilot.press("enter")  # submits the form
        await pilot.pause()
        assert context.store.info().filter(key=row["key"])["company"].item() == "Delta Médical"
        await pilot.press("c")
        await pilot.pause()
        pane = app.query_one(ComposerPane)
        assert pane.query_one("#adhoc-company", Input).value == "Delta Médical"
        assert pane.recipient.company == "Delta Médical"
        pick_template(pane, "Introduce yourself (en)")
        await pilot.pause()
        assert "the work of Delta Médical closely" in pane.query_one("#preview", TextArea).text
        app.set_focus(None)
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.press("w", *"medical", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people")
        assert any("Delta Médical (typed in)" in (c or "") for c in people.frame["company"].to_list())


def test_compose_on_the_command_line_uses_the_typed_company(context, capsys) -> None:
    from tui.cli.main import main

    person = context.export.invitations.filter(direction="INCOMING").row(0, named=True)
    context.store.set_info(person["key"], company="Globex")
    source = str(context.export.source)
    code = main(["compose", "introduce-yourself-en", "--to", person["counterpart_url"], "--source", source])
    assert code == 0, capsys.readouterr().err
    assert "the work of Globex closely" in capsys.readouterr().out
