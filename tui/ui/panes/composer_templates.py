"""Template management keys of the composer (F2 new, F3 duplicate, F4 rename, F8 delete, ctrl+s save)."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

from tui.core.errors import PasserelleError
from tui.composer.template_files import (
    create_template,
    delete_template,
    duplicate_template,
    first_in_language,
    rename_template,
    save_template,
)
from tui.i18n import N_, _, language
from tui.ui.widgets.key_names import key_of

# One sentence per action, so a translator sees each whole (not "Could not " + a verb).
FAILED = {
    "saved": N_("Could not save: {error}"), "created": N_("Could not create: {error}"),
    "duplicated": N_("Could not duplicate: {error}"), "renamed": N_("Could not rename: {error}"),
    "deleted": N_("Could not delete: {error}"),
}
DONE = {
    "saved": N_("Template saved: {name}"), "created": N_("Template created: {name}"),
    "duplicated": N_("Template duplicated: {name}"), "renamed": N_("Template renamed: {name}"),
    "deleted": N_("Template deleted: {name}"),
}



def first_template(templates: list, want: str | None, tid) -> int:
    """The template to open: the one asked for (or open), else the first in the reader's
    language (a French user starts on a French starter), else the first."""
    for i, template in enumerate(templates):
        if want is not None and tid(template) == want:
            return i
    return first_in_language(templates, language())

class ComposerTemplateActions:
    """Mixin for ComposerPane: it provides context, template, edits, editor_text(),
    reload_templates(), _tid(), _say() and _confirmed()."""

    def _template_action(self, what: str, run) -> None:
        folder = self.context.paths.templates_dir
        failed, done = FAILED[what], DONE[what]
        try:
            template = run(folder)
        except (PasserelleError, OSError) as exc:
            self._say(_(failed).format(error=exc), "error")
            return
        if template is not None and template.path is not None:
            self.edits.pop(self._tid(template), None)
        self.reload_templates(select=self._tid(template) if template is not None else None)
        self._say(_(done).format(name=template.name if template else _("done")))

    def action_save_template(self) -> None:
        """Write the editor text to the template file (atomically)."""
        if self.template is not None:
            current = replace(self.template, text=self.editor_text())
            self._template_action("saved", lambda folder: save_template(folder, current))

    def action_new_template(self) -> None:
        """A new, empty template named from the name field."""
        name = self.query_one("#template-name", Input).value.strip()
        if not name or (self.template and name == self.template.name):
            name = _("New template")
        self._template_action("created", lambda folder: create_template(folder, name))

    def action_duplicate_template(self) -> None:
        """Copy the current template (with the editor's text)."""
        if self.template is not None:
            current = replace(self.template, text=self.editor_text())
            self._template_action("duplicated", lambda folder: duplicate_template(folder, current))

    def action_rename_template(self) -> None:
        """Rename the current template to the name field."""
        name = self.query_one("#template-name", Input).value.strip()
        if self.template is not None and name and name != self.template.name:
            current = replace(self.template, text=self.editor_text())
            self.edits.pop(self._tid(self.template), None)
            self._template_action("renamed", lambda folder: rename_template(folder, current, name))

    def action_delete_template(self) -> None:
        """Delete the current template file (press twice)."""
        if self.template is None:
            return
        name = self.template.name
        again = _("Press {key} again to delete the template {name}.").format(
            key=key_of(self.app, "delete-template", "f8"), name=name)
        if self._confirmed("delete", self._tid(self.template), again):
            current = self.template
            self.template = None
            self._template_action("deleted", lambda folder: delete_template(current))

