"""The composer's palette commands and the keys its headings name, as the key map sets them."""

from __future__ import annotations

from typing import Any

from tui.i18n import N_
from tui.ui.widgets.key_names import key_of, with_keys


def template_keys(app) -> dict[str, str]:
    """The keys the template heading names (new, duplicate, rename, delete)."""
    return {name: key_of(app, f"{name}-template", default)
            for name, default in (("new", "f2"), ("duplicate", "f3"), ("rename", "f4"), ("delete", "f8"))}


def follow_up_keys(app) -> dict[str, str]:
    """The keys the follow-up line names (save draft, mark sent, copy)."""
    return {"save": key_of(app, "save-draft", "ctrl+g"), "sent": key_of(app, "mark-sent", "ctrl+l"),
            "copy": key_of(app, "copy-note", "ctrl+t")}


def composer_commands(pane) -> list[tuple[str, str, Any]]:
    """"composer: …" commands for the palette, each with its key."""
    return with_keys(pane, [
        (N_("composer: find recipient"), N_("Search connections and invitations"), pane.action_find_recipient,
         "find-recipient"),
        (N_("composer: templates"), N_("Jump to the template list"), pane.action_focus_templates, "focus-templates"),
        (N_("composer: copy note"), N_("Copy the note; also written to a file"), pane.action_copy_note, "copy-note"),
        (N_("composer: open profile"), N_("Open the recipient's profile in the browser"), pane.action_open_profile,
         "open-profile-composer"),
        (N_("composer: save draft"), N_("Keep this note as a draft"), pane.action_save_draft, "save-draft"),
        (N_("composer: mark sent"), N_("You sent it on LinkedIn: set a follow-up date"), pane.action_mark_sent,
         "mark-sent"),
        (N_("composer: advice column"), N_("Below 150 columns: advice, budgets, drafts in place of the recipient"),
         pane.action_toggle_side, "composer-more"),
        (N_("composer: save template"), N_("Write the template file"), pane.action_save_template, "save-template"),
        (N_("composer: new template"), N_("Create a template"), pane.action_new_template, "new-template"),
        (N_("composer: duplicate template"), N_("Copy the current template"), pane.action_duplicate_template,
         "duplicate-template"),
        (N_("composer: rename template"), N_("Rename to the name field"), pane.action_rename_template,
         "rename-template"),
        (N_("composer: delete template"), N_("Delete the current template (press twice)"),
         pane.action_delete_template, "delete-template"),
    ])
