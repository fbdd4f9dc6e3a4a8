"""The received pane's palette commands, each with its key as the key map sets it, and one per saved view."""

from __future__ import annotations

from typing import Any

from tui.i18n import N_, _
from tui.ui.widgets.key_names import bindings_of, key_of, with_keys
from tui.ui.widgets.view_tabs import ViewTabs


def received_commands(pane) -> list[tuple[str, str, Any]]:
    """"received: …" commands for the palette."""
    return with_keys(pane, [
        (N_("received: accept"), N_("Accept the invitation"), lambda: pane.action_decide("accept"), "accept-invitation"),
        (N_("received: ignore"), N_("Ignore the invitation"), lambda: pane.action_decide("ignore"), "ignore-invitation"),
        (N_("received: later"), N_("Put it aside for later_days"), pane.action_later, "later-invitation"),
        (N_("received: follow instead"), N_("Follow rather than connect"), lambda: pane.action_decide("follow"),
         "follow-instead"),
        (N_("received: suspicious"), N_("Flag as suspicious/spam"), lambda: pane.action_decide("suspicious"),
         "mark-suspicious"),
        (N_("received: take suggestion"), N_("Take the strategy's suggestion"), pane.action_take_suggestion,
         "take-suggestion"),
        (N_("received: undo"), N_("Undo the last decision"), pane.action_undo, "undo-decision"),
        (N_("received: redo"), N_("Redo"), pane.action_redo, "redo-decision"),
        (N_("received: mark all shown"), N_("Mark everything the view shows"), pane.action_mark_shown, "mark-shown"),
        (N_("received: filter"), N_("Filter the queue"), pane.action_filter, "open-filter"),
        (N_("received: next view"), N_("Cycle views"), pane.action_next_view, "next-view"),
        (N_("received: open profile"), N_("Open the profile in the browser"), pane.action_open_profile, "open-profile"),
        (N_("received: copy profile URL"), N_("Copy the profile URL"), pane.action_copy_url, "copy-url"),
        (N_("received: edit company/role"), N_("Type in company, role, connection count"), pane.action_edit_info,
         "edit-info"),
        (N_("received: compose"), N_("Write to this person"), pane.action_compose, "compose-to"),
        (N_("received: reload strategy"), N_("Re-read the strategy file with a preview"), pane.action_reload_strategy,
         "reload-strategy"),
        (N_("received: tags"), N_("Add or remove tags for this person"), pane.action_tags, "tags-received"),
        (N_("received: how we met"), N_("Write how you met this person"), pane.action_met, "met-received"),
        (N_("received: save view"), N_("Save the filter as a named view"), pane.action_save_view, "save-view"),
    ]) + [(_("received: view {name}").format(name=name),
           _("Show the saved view '{name}' ({key} cycles)").format(name=name, key=key_of(pane.app, "next-view", known=bindings_of(pane))),
           lambda name=name: pane.on_view_tabs_chosen(ViewTabs.Chosen(name))) for name in pane.saved]
