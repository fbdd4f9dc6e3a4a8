"""Template management keys of the composer (F2 new, F3 duplicate, F4 rename, F8 delete, ctrl+s save)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

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

if TYPE_CHECKING:
    from tui.composer.template_files import Template

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


class TemplateHost(Protocol):
    """What the template keys use of the pane that has them (ComposerPane), and nothing else
    (tests/test_composer_host.py checks both sides)."""

    context: Any  # the app's context: .paths.templates_dir
    template: Template | None  # the template in the editor
    edits: dict[str, str]  # template id → unsaved editor text
    app: Any  # for the active key map (key_of)

    def query_one(self, selector: str, expect_type: type[Input]) -> Input: ...  # the name field
    def editor_text(self) -> str: ...
    def reload_templates(self, select: str | None = None) -> None: ...
    def _tid(self, template: Template | None) -> str: ...
    def _say(self, message: str, severity: str = "information") -> None: ...
    def _confirmed(self, action: str, what: str, warning: str) -> bool: ...


def _template_action(host: TemplateHost, what: str, run) -> None:
    """Run one template file operation, then reload the list and say what happened."""
    folder = host.context.paths.templates_dir
    failed, done = FAILED[what], DONE[what]
    try:
        template = run(folder)
    except (PasserelleError, OSError) as exc:
        host._say(_(failed).format(error=exc), "error")
        return
    if template is not None and template.path is not None:
        host.edits.pop(host._tid(template), None)
    host.reload_templates(select=host._tid(template) if template is not None else None)
    host._say(_(done).format(name=template.name if template else _("done")))


class ComposerTemplateActions:
    """The template keys' actions, for a pane that is a TemplateHost."""

    def action_save_template(self: TemplateHost) -> None:
        """Write the editor text to the template file (atomically)."""
        if self.template is not None:
            current = replace(self.template, text=self.editor_text())
            _template_action(self, "saved", lambda folder: save_template(folder, current))

    def action_new_template(self: TemplateHost) -> None:
        """A new, empty template named from the name field."""
        name = self.query_one("#template-name", Input).value.strip()
        if not name or (self.template and name == self.template.name):
            name = _("New template")
        _template_action(self, "created", lambda folder: create_template(folder, name))

    def action_duplicate_template(self: TemplateHost) -> None:
        """Copy the current template (with the editor's text)."""
        if self.template is not None:
            current = replace(self.template, text=self.editor_text())
            _template_action(self, "duplicated", lambda folder: duplicate_template(folder, current))

    def action_rename_template(self: TemplateHost) -> None:
        """Rename the current template to the name field."""
        name = self.query_one("#template-name", Input).value.strip()
        if self.template is not None and name and name != self.template.name:
            current = replace(self.template, text=self.editor_text())
            self.edits.pop(self._tid(self.template), None)
            _template_action(self, "renamed", lambda folder: rename_template(folder, current, name))

    def action_delete_template(self: TemplateHost) -> None:
        """Delete the current template file (press twice)."""
        if self.template is None:
            return
        name = self.template.name
        again = _("Press {key} again to delete the template {name}.").format(
            key=key_of(self.app, "delete-template", "f8"), name=name)
        if self._confirmed("delete", self._tid(self.template), again):
            current = self.template
            self.template = None
            _template_action(self, "deleted", lambda folder: delete_template(current))

