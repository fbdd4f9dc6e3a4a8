"""Network's `a` on the titles in no family: pick a family, the keyword lands in config.toml
(the user's other lines and comments kept), the title leaves the table at once."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from export_fixtures import connections_folder
from tui.core.errors import ConfigError
from tui.network.role_rule_file import add_role_keyword, title_keyword
from tui.network.roles import DEFAULT_ROLE_FAMILIES, classify, role_families
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Acme,Directeur commercial,05 Nov 2026\n"
    "Bob,Martin,https://www.linkedin.com/in/bob-martin,,Acme,Bénévole,01 Oct 2026\n"
    "Cy,Durand,https://www.linkedin.com/in/cy-durand,,Globex,Bénévole,05 Mar 2025\n"
    "Dan,Roe,https://www.linkedin.com/in/dan-roe,,Initech,Sommelier [cave],09 Mar 2025\n"
)
SETTINGS = '# my settings\npremium = true  # I pay for it\n\n[role_families]\n# my own family\nbakers = ["boulanger"]\n'


async def test_a_adds_a_rule_for_the_highlighted_title_at_80x24(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context
    from tui.ui.screens.family_choice_modal import FamilyChoiceModal

    folder = connections_folder(tmp_path, CONNECTIONS)
    passerelle_home.config.mkdir(parents=True)
    passerelle_home.settings_file.write_text(SETTINGS, encoding="utf-8")
    app = PasserelleApp(build_context(folder, passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#network-composition", FrameTable)
        await pilot.press("a")  # elsewhere: brings up the titles in no family and says how
        assert "Titles in no family" in str(app.query_one("#network-table-title").content)
        assert "highlight one here and press a" in str(app.query_one("#network-said").content)
        assert table.frame.select("label", "count").rows() == [("Bénévole", 2), ("Sommelier [cave]", 1)]
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, FamilyChoiceModal) and modal.keyword == "benevole"
        assert "bakers" in modal.families and "other" not in modal.families
        await pilot.press("escape")  # nothing written
        await pilot.pause()
        assert passerelle_home.settings_file.read_text(encoding="utf-8") == SETTINGS
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one("#family-choice")
        options.highlighted = app.screen.families.index("public sector")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = passerelle_home.settings_file.read_text(encoding="utf-8")
        assert text.startswith(SETTINGS.rstrip("\n"))  # the user's lines and comments, as they were
        assert tomllib.loads(text)["role_families"]["+public sector"] == ["benevole"]
        assert table.frame.select("label", "count").rows() == [("Sommelier [cave]", 1)]
        assert "added to public sector" in str(app.query_one("#network-said").content)
        await pilot.press("t")  # → tags, then round to role families: Bob and Cy are counted there
        families = None
        for _ in range(8):
            await pilot.press("t")
            if "Role families" in str(app.query_one("#network-table-title").content):
                families = dict(zip(table.frame["label"], table.frame["count"]))
                break
        assert families is not None and families["public sector"] == 2
        assert app.is_running


def test_the_keyword_is_the_title_as_the_classifier_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    keyword = title_keyword("Sr. Chargée de mission RH")
    assert keyword == "senior chargee de mission ressources humaines"
    add_role_keyword(path, "consulting", keyword, DEFAULT_ROLE_FAMILIES)
    families = role_families(tomllib.loads(path.read_text(encoding="utf-8"))["role_families"])
    import polars as pl

    found = classify(pl.Series(["Sr. Chargée de Mission RH"]), families)
    assert found["family"].to_list()[0] == "consulting"


def test_a_broken_config_toml_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("premium = maybe\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        add_role_keyword(path, "health", "soignant", DEFAULT_ROLE_FAMILIES)
    assert path.read_text(encoding="utf-8") == "premium = maybe\n"
    own = tmp_path / "own.toml"
    own.write_text('[role_families]\n"+health" = ["aide"]\n', encoding="utf-8")
    assert add_role_keyword(own, "health", "soignant", DEFAULT_ROLE_FAMILIES) == "+health"
    assert add_role_keyword(own, "health", "soignant", DEFAULT_ROLE_FAMILIES) == "+health"  # once only
    assert tomllib.loads(own.read_text(encoding="utf-8"))["role_families"]["+health"] == ["aide", "soignant"]


async def test_the_rule_key_is_said_as_remapped_and_in_the_readers_language(tmp_path: Path, passerelle_home: Paths) -> None:
    """`[keys] network-add-rule = "R"`: the pane names R, not a, in French under --lang fr."""
    from tui import i18n
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = connections_folder(tmp_path, CONNECTIONS)
    passerelle_home.config.mkdir(parents=True)
    passerelle_home.settings_file.write_text('[keys]\nnetwork-add-rule = "R"\n', encoding="utf-8")
    i18n.set_language("fr")
    try:
        app = PasserelleApp(build_context(folder, passerelle_home))
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.press("3")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("R")
            await pilot.pause()
            said = str(app.query_one("#network-said").content)
            assert "R ajoute une règle pour un intitulé sans famille" in said and "appuyez sur R" in said
    finally:
        i18n.set_language("en")
