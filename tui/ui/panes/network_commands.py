"""The network pane's palette commands, each with its key as the key map sets it."""

from __future__ import annotations

from tui.i18n import N_
from tui.ui.widgets.key_names import with_keys


def network_commands(pane) -> list[tuple[str, str, object]]:
    """"network: …" commands for the palette."""
    return with_keys(pane, [
        (N_("network: who do I know at…"), N_("Type a company to see your connections there"), pane.action_who_at,
         "network-who-at"),
        (N_("network: growth chart"), N_("Connections per month, size, jobs, a year × month map"),
         pane.action_growth, "network-growth"),
        (N_("network: who do I know at… a list"), N_("Companies separated by ; or a file"), pane.action_intro,
         "network-intro"),
        (N_("network: next table"), N_("Companies, role families, years, email"), pane.action_next_table,
         "network-next-table"),
        (N_("network: since last import"), N_("New connections and changed companies"),
         pane.action_since_last_import, "network-since-last-import"),
        (N_("network: qualify role family"), N_("Count the highlighted role family as qualified"),
         pane.action_pick_family, "network-pick-family"),
        (N_("network: add a rule for a title"), N_("Put the highlighted title in no family into a family"),
         pane.action_add_rule, "network-add-rule"),
    ])
