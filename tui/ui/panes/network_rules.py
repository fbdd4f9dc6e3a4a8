"""Network's `a`: a title in no family gets a rule in one key (config.toml [role_families])."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.content import Content

from tui.core.errors import PasserelleError
from tui.i18n import _
from tui.text import display_text


def table_to_act_on(pane: Any, kind: str, key: str, bring: str, back: str) -> Any:
    """The composition table when it shows `kind` and has focus; otherwise bring it up (saying
    `bring`) or give it focus back (saying `back`), both formatted with `key`, and None."""
    from tui.network.overview import TABLES
    from tui.ui.widgets.frame_table import FrameTable

    table = pane.query_one("#network-composition", FrameTable)
    if TABLES[pane.table_index][0] != kind:
        pane.table_index = [t[0] for t in TABLES].index(kind)
        pane._show_table()
        table.focus()
        pane.say(bring.format(key=key))
        return None
    if not table.has_focus:  # after a drill-down the arrows move the people list, not this one
        table.focus()
        pane.say(back.format(key=key))
        return None
    return table


def ask_rule(pane: Any) -> None:
    """Ask which family the highlighted unclassified title belongs to, then save and re-classify.
    Off that table, bring it up and say how; nothing is written before a family is picked."""
    from tui.ui.widgets.key_names import key_of

    key = key_of(pane.app, "network-add-rule", "a")
    if pane.view is None:
        pane.say(_("The figures are still being computed; press {key} again in a moment.").format(key=key))
        return
    table = table_to_act_on(pane, "unclassified", key,
                            _("{key} adds a rule for a title in no family: highlight one here and press {key}."),
                            _("{key} acts on the titles in no family: back on them; highlight one and press {key}."))
    if table is None:
        return
    row = table.current_row()
    if row is None:
        pane.say(_("Every title has a family: no rule to add."))
        return
    from tui.network.role_rule_file import title_keyword
    from tui.network.roles import OTHER, family_names, role_families
    from tui.ui.screens.family_choice_modal import FamilyChoiceModal

    title = str(row["value"])
    keyword = title_keyword(title)
    families = [f for f in family_names(role_families(pane.context.settings.role_families)) if f != OTHER]
    pane.app.push_screen(FamilyChoiceModal(title, keyword, families), lambda family: _save(pane, family, keyword))


def _save(pane: Any, family: str | None, keyword: str) -> None:
    if family is None:
        pane.say(_("No rule added."))
        return
    from tui.config import load_settings
    from tui.network.role_rule_file import add_role_keyword
    from tui.network.roles import DEFAULT_ROLE_FAMILIES

    path = pane.context.paths.settings_file
    try:
        entry = add_role_keyword(path, family, keyword, DEFAULT_ROLE_FAMILIES)
        families = load_settings(path).role_families
    except (PasserelleError, OSError) as exc:
        pane.say(Content.assemble((_("Not saved: "), "bold red"), display_text(str(exc), 200)))
        return
    # Only the families change here: the rest of the settings stay as the app started with them.
    pane.context.settings = dataclasses.replace(pane.context.settings, role_families=families)
    from tui.network.role_names import family_name

    pane.say(Content.assemble(("✓ ", "bold green"), display_text(keyword, 50),
                              _(" added to {family} ").format(family=family_name(family)),
                              ("(", "dim"), display_text(entry, 40), (_(" in config.toml); classifying again…"), "dim")))
    pane._compute(pane.picked)
