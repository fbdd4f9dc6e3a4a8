"""The palette says the keys as the user has them: a `[keys]` remap shows in its help texts."""

from __future__ import annotations

from app_screen import SIZE
from tui.app import PasserelleApp
from tui.launch import build_context


def _help_texts(app) -> dict[str, str]:
    return {str(c.title): str(c.help) for c in app.get_system_commands(app.screen)}


async def test_a_remapped_key_is_the_one_the_palette_names(export, passerelle_home) -> None:
    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    passerelle_home.settings_file.write_text('[keys]\nhelp = "f1"\nopen-filter = "g"\n', encoding="utf-8")
    app = PasserelleApp(build_context(export, passerelle_home))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        helps = _help_texts(app)
        assert helps["app: help"].endswith("(key f1)")
        assert helps["received: filter"] == "Filter the queue (g)"
        assert helps["app: show sent"].endswith("(key 2)")  # not remapped: as before


async def test_without_remaps_the_palette_names_the_default_keys(export, passerelle_home) -> None:
    app = PasserelleApp(build_context(export, passerelle_home))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        helps = _help_texts(app)
        assert helps["app: help"] == "Every key of every pane (key ?)"
        assert helps["received: filter"] == "Filter the queue (/)"


async def test_the_tab_line_names_the_keys_as_remapped(export, passerelle_home) -> None:
    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    passerelle_home.settings_file.write_text('[keys]\nshow-sent = "f9"\nquit = "f12"\n', encoding="utf-8")
    app = PasserelleApp(build_context(export, passerelle_home))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        tabs = str(app.query_one("#pane-tabs").render())
        assert " f9 Sent " in tabs and " 1 Received " in tabs
        assert "f12 quit" in tabs and "? help" in tabs


async def test_a_remap_changes_the_palette_text_of_lambda_view_and_app_commands(export, passerelle_home) -> None:
    """Commands whose action is a lambda (accept), a saved view's entry and the app's "undo
    anywhere" name the remapped keys too: every palette key comes from the bindings."""
    passerelle_home.config.mkdir(parents=True, exist_ok=True)
    passerelle_home.settings_file.write_text(
        '[keys]\naccept-invitation = "A"\nnext-view = "N"\nundo-decision = "z"\n'
        '[views]\nSalon = "has:note"\n', encoding="utf-8")
    app = PasserelleApp(build_context(export, passerelle_home))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        helps = _help_texts(app)
        assert helps["received: accept"] == "Accept the invitation (A)"
        assert helps["received: suspicious"] == "Flag as suspicious/spam (s)"  # not remapped
        assert helps["received: view Salon"] == "Show the saved view 'Salon' (N cycles)"
        assert helps["app: undo the last decision anywhere"].startswith("Whichever pane it was made in (z ")


def test_the_palette_code_writes_no_key_letter() -> None:
    """The palette's modules name keys by binding id only: no default key beside them."""
    import ast
    import inspect

    from tui.ui import app_commands
    from tui.ui.panes import received_commands

    for module in (app_commands, received_commands):
        calls = [n for n in ast.walk(ast.parse(inspect.getsource(module)))
                 if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "key_of"]
        assert calls and all(len(c.args) == 2 for c in calls), module.__name__
