"""A `[keys]` remap onto a key the Sent or To do pane reads is refused at start on a real start
(rows from the store, no export read yet): it was applied silently until Network was shown,
and `1` in Sent then recorded a follow-up instead of showing Received."""

from __future__ import annotations

from ui_export import ui_export

from tui.app import PasserelleApp
from tui.cli.main import main
from tui.launch import start_context
from textual.widgets import ContentSwitcher


async def test_a_remap_onto_1_in_sent_is_refused_on_a_start_from_the_store(tmp_path, passerelle_home, capsys) -> None:
    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    assert main(["import", str(export)]) == 0
    passerelle_home.settings_file.write_text('[keys]\nfollow-up-done = "1"\n', encoding="utf-8")
    context, path, _reader = start_context(str(export), passerelle_home)
    assert context.export is None and context.triage_set is not None  # the start every later day takes
    app = PasserelleApp(context, path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        said = [n.message for n in app._notifications if "[keys]" in n.message]
        assert len(said) == 1 and "follow-up-done" in said[0] and "show-received" in said[0], said
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one("#panes", ContentSwitcher).current == "received"
        assert context.store.decisions().height == 0  # no follow-up recorded by `1`
    context.store.close()
