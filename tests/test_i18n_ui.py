"""Pilot: the app in French (each pane, counted sentences), and the live switch from the palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui import i18n
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.language_switch import save_language, with_language
from tui.ui.panes.received_columns import signals_cell
from tui.ui.widgets.frame_table import FrameTable

SIZE = (80, 24)


def _screen_text(app: PasserelleApp) -> str:
    """Every line on the screen (header, panes, footer), as a person reads it."""
    return spaced("\n".join(strip.text for strip in app.screen._compositor.render_strips()))


def spaced(text: str) -> str:
    """French typography puts no-break spaces before : ; ? and %: compared here as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def status(app: PasserelleApp, pane: str) -> str:
    return spaced(app.query_one(f"#{pane} .status-line").render().plain)


async def command(app: PasserelleApp, pilot, title: str) -> None:
    """Run the palette command titled `title`, as choosing it in the palette does."""
    commands = {spaced(c.title): c for c in app.get_system_commands(app.screen)}
    assert title in commands, sorted(commands)
    commands[title].callback()
    await pilot.pause()
    await pilot.pause()


async def test_each_pane_speaks_french(export: Path, passerelle_home) -> None:
    i18n.set_language("fr")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()  # the footer comes right after the first rows
        screen = _screen_text(app)
        assert " 1 Reçues " in screen and " 2 Envoyées " in screen and "Vues " in screen
        assert "Nom" in screen and "Délai" in screen and "Signaux" in screen  # the received table's header
        assert "Accepter" in screen and "Ignorer" in screen  # the footer
        assert status(app, "received").startswith("Une touche ci-dessous décide et l'enregistre aussitôt")
        await pilot.press("2")
        await pilot.pause()
        screen = _screen_text(app)
        assert "Envoyées  " in screen and "Note envoyée" in screen and "en attente · " in screen
        assert status(app, "sent").startswith("d relancer · w retirer")
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = _screen_text(app)
        assert "Réseau" in screen and "relations · " in screen and "Majorité silencieuse" in screen
        await pilot.press("5")
        await pilot.pause()
        assert "À faire sur LinkedIn" in _screen_text(app)
        await pilot.press("4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = _screen_text(app)
        assert "Destinataire" in screen and "Modèles" in screen
    context.store.close()


async def test_french_counts_the_marked_rows_zero_one_two(export: Path, passerelle_home) -> None:
    """The status line's counted sentence: 1 marquée (singular), 2 marquées; none marked: the line clears."""
    i18n.set_language("fr")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("space")
        assert status(app, "received") == "1 marquée : la prochaine touche de décision s'y applique (échap efface)."
        await pilot.press("space")
        assert status(app, "received").startswith("2 marquées : la prochaine touche de décision s'applique à toutes")
        await pilot.press("escape")
        assert status(app, "received") == ""
        await pilot.press("a")
        name = app.query_one("#received-table", FrameTable)
        assert status(app, "received").startswith("✓ enregistré accepter : ")
        assert status(app, "received").endswith("u annule")
        await pilot.press("u")
        assert status(app, "received").startswith("✓ annulé : accepter pour ")
        assert name.row_count > 0
    context.store.close()


async def test_french_empty_state_and_header(tmp_path: Path, passerelle_home) -> None:
    from export_fixtures import connections_bytes, invitations_bytes, make_zip, profile_bytes

    empty = make_zip(tmp_path / "Basic_LinkedInDataExport_01-02-2026.zip", {
        "Connections.csv": connections_bytes([]), "Invitations.csv": invitations_bytes([]),
        "Profile.csv": profile_bytes()})
    i18n.set_language("fr")
    context = build_context(empty, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = _screen_text(app)
        assert "0 personne attend votre réponse · 0 relation" in screen  # French: 0 is singular
        assert "Rien dans cette vue." in screen
        assert "File vide — chaque invitation" in screen  # the detail pane's summary (wrapped)
        await pilot.press("2")
        await pilot.pause()
        assert "Aucune invitation envoyée dans cet export." in _screen_text(app)
    context.store.close()


async def test_the_palette_switches_the_language_live_and_keeps_it(export: Path, passerelle_home) -> None:
    settings = passerelle_home.settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('# my settings\nlater_days = 5\n\n[views]\nSalon = "has:note"\n', encoding="utf-8")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"has:note", "enter", "down", "a")  # a filter, and one decision in this session
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        row, key, rows = table.cursor_row, table.current_key(), table.row_count
        assert rows > 2 and row == 1 and "filter: has:note" in _screen_text(app)

        await command(app, pilot, "Language: Français")
        screen = _screen_text(app)
        assert " 1 Reçues " in screen and "Accepter" in screen and "Nom" in screen
        assert "filtre : has:note" in screen  # the filter is still there, said in French
        queue = app.query_one("#received").rows
        shown = [queue.row(i) for i in range(queue.height)]
        assert all(r["_signals"] == signals_cell(r) for r in shown)  # the signal words, read again in French
        assert any(word in r["_signals"] for r in shown for word in ("échangé", "suspect", "passerelle"))
        assert (table.cursor_row, table.current_key(), table.row_count) == (row, key, rows)
        assert app.query_one("#received").session  # the session's decision is kept
        assert 'language = "fr"' in settings.read_text(encoding="utf-8")

        await pilot.press("ctrl+p")  # the palette itself speaks French now
        await pilot.pause()
        assert "Chercher une commande…" in _screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await command(app, pilot, "Langue : English")
        screen = _screen_text(app)
        assert " 1 Received " in screen and "Accept" in screen and "Name" in screen and "filter: has:note" in screen
        assert (table.cursor_row, table.current_key(), table.row_count) == (row, key, rows)
    text = settings.read_text(encoding="utf-8")
    assert text == '# my settings\nlater_days = 5\nlanguage = "en"\n\n[views]\nSalon = "has:note"\n'
    context.store.close()


def test_the_language_goes_at_the_top_level_and_replaces_the_old_one(tmp_path: Path) -> None:
    assert with_language("", "fr") == 'language = "fr"\n'
    assert with_language('[keys]\nhelp = "h"\n', "fr") == 'language = "fr"\n[keys]\nhelp = "h"\n'
    assert with_language('language = "en"  # mine\ntheme = "nord"\n', "fr") == 'language = "fr"  # mine\ntheme = "nord"\n'
    path = tmp_path / "config.toml"
    path.write_text('[views]\nlanguage = "x"\n', encoding="utf-8")  # a view named language: not ours to touch
    save_language(path, "fr")
    assert path.read_text(encoding="utf-8") == 'language = "fr"\n[views]\nlanguage = "x"\n'
    path.write_text("language = [\n", encoding="utf-8")  # broken: left as it was
    with pytest.raises(ValueError):
        save_language(path, "fr")
    assert path.read_text(encoding="utf-8") == "language = [\n"
