"""Composer pane (key 4): write an invitation note from a template for one recipient."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.ui.panes.pane import Pane, css_beside
from tui.composer.recipients import Recipient, advice, budgets, ledger, ledger_rows, my_name_for, people_frame, values_for
from tui.core.errors import PasserelleError
from tui.store.people_tags import met_of
from tui.ui.panes.person_marks import ask_met, ask_tags, marks_lines
from tui.store.store import Person
from tui.store.triage_tables import note_connection
from tui.composer.template_files import Template, ensure_starters, load_templates
from tui.composer.templates import COUNTING, ERROR, Rendered, line_col, lint, render
from tui.i18n import N_, _
from tui.i18n.formats import day
from tui.ui.messages import DecisionSaved
from tui.core.folders import make_private_dir
from tui.text import display_text, editor_safe, sanitize
from tui.ui.panes.composer_commands import composer_commands, follow_up_keys, template_keys
from tui.ui.panes.composer_note import copy_note
from tui.ui.widgets.composer_recipient import ComposerRecipient
from tui.ui.widgets.composer_side import ComposerSide, advice_content
from tui.ui.panes.composer_templates import ComposerTemplateActions, first_template
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.composer_fields import TextEditor, TextField
from tui.ui.widgets.translated import Translated, placeholder, tr


class ComposerPane(ComposerTemplateActions, Horizontal, Pane):
    """Recipient, template editor, live preview with the count, advice, budgets, drafts, ledger."""

    AREA = "composer"
    DEFAULT_CSS = css_beside(__file__)  # the layout and the -narrow / -tight / -short variants set on resize

    BINDINGS = [
        # First, so that at 80 columns the footer still shows it while a field has focus
        # (the app's own escape would come last); hidden otherwise (PasserelleApp.check_action).
        Binding("escape", "app.leave_field", N_("Leave field, then 1–5"), id="composer-leave-field"),
        Binding("ctrl+f", "find_recipient", N_("Find"), id="find-recipient"),
        # ctrl+n, not ctrl+k: in a text field ctrl+k deletes to the end of the line.
        Binding("ctrl+n", "focus_templates", N_("Templates"), id="focus-templates"),
        Binding("ctrl+t", "copy_note", N_("Copy"), id="copy-note"),
        Binding("ctrl+o", "open_profile", N_("Profile"), show=False, id="open-profile-composer"),
        Binding("ctrl+g", "save_draft", N_("Save draft"), id="save-draft"),
        Binding("ctrl+l", "mark_sent", N_("Mark sent"), id="mark-sent"),
        Binding("ctrl+s", "save_template", N_("Save template"), id="save-template"),
        Binding("f6", "toggle_side", N_("Advice+drafts"), id="composer-more"),
        Binding("f2", "new_template", N_("New"), id="new-template"),
        Binding("f3", "duplicate_template", N_("Duplicate"), show=False, id="duplicate-template"),
        Binding("f4", "rename_template", N_("Rename"), show=False, id="rename-template"),
        Binding("f8", "delete_template", N_("Delete"), show=False, id="delete-template"),
        Binding("f5", "tags", N_("Tags"), show=False, id="tags-composer"),  # letters go to the text fields here
        Binding("f7", "met", N_("Met"), show=False, id="met-composer"),
    ]

    def __init__(self, context, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        export = context.export
        self.people = people_frame(export.connections, export.invitations)
        self.templates: tuple[Template, ...] = ()
        self.template: Template | None = None
        self.edits: dict[str, str] = {}  # template file → unsaved editor text
        self.recipient: Recipient | None = None
        self.event_value = ""
        self.relay_value = ""
        self.rendered: Rendered = render("", {})
        self.saved_draft: tuple[int, str | None, str] | None = None  # (id, key, text) saved here
        self.selected_draft: int | None = None  # chosen with enter in the drafts list
        self._armed: tuple[str, str] | None = None  # (action, what) awaiting a confirm press

    # ---- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="composer-left"):
            yield ComposerRecipient(self.people, self._info())
            yield Translated(N_("Templates  ({new} new · {duplicate} duplicate · {rename} rename · {delete} delete)"),
                             keys=lambda: template_keys(self.app), classes="heading")
            yield OptionList(id="template-list", markup=False)
            yield placeholder(TextField(id="template-name", compact=True), N_("template name (F2 / F4 use it)"))
            yield Static(id="template-errors")
        with Vertical(id="composer-middle"):
            yield Static(id="editor-title", classes="heading one-line")
            yield TextEditor(id="template-editor", soft_wrap=True, show_line_numbers=False)
            yield Static(id="problems")
            yield Translated(N_("Preview (select and copy it by hand if the clipboard fails)"), classes="heading one-line")
            yield TextEditor(id="preview", read_only=True, soft_wrap=True, show_line_numbers=False)
            yield Static(id="count").with_tooltip(_(COUNTING))
            yield Static(id="advice-strip")
            yield Translated(N_("Follow up on ({save} save draft · {sent} mark sent · {copy} copy):"),
                             keys=lambda: follow_up_keys(self.app), classes="one-line")
            yield placeholder(TextField(id="follow-up", compact=True), N_("YYYY-MM-DD"))
            yield Static(id="status-line")
        yield ComposerSide()

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self.query_one("#follow-up", Input).value = self._default_follow_up().isoformat()
        try:
            make_private_dir(self.context.paths.config)
            ensure_starters(self.context.paths.templates_dir)
        except (OSError, PasserelleError) as exc:
            self.status(_("Could not write the starter templates: {error}").format(error=exc), "$error")
        self.reload_templates()
        self.refresh_side()

    def _info(self) -> pl.DataFrame | None:
        try:
            return self.context.store.info()
        except (PasserelleError, AttributeError):
            return None

    def language_changed(self) -> None:
        """The preview's count, problems, advice and the side column in the new language; the same note."""
        self.query_one("#count", Static).tooltip = _(COUNTING)
        self.reload_templates()
        self.refresh_side()

    def _default_follow_up(self) -> date:
        return self.context.today + timedelta(days=self.context.settings.follow_up_days)

    def focus_default(self) -> None:
        # No scrolling: the search field is on screen already, and a scroll mid-layout hid the heading.
        self.query_one("#recipient-search", Input).focus(scroll_visible=False)

    def fit(self, width: int, height: int) -> None:
        """Below 150 columns the advice column gives way to the note (f6 brings it back)."""
        self.set_class(width < 150, "-narrow")
        self.set_class(width < 100, "-tight")
        self.set_class(height < 27, "-short")

    def action_toggle_side(self) -> None:
        """Narrow terminals: swap the recipient column for advice, budgets, drafts and ledger."""
        self.toggle_class("-side")

    def on_shown(self) -> None:
        self.query_one(ComposerRecipient).refresh_info(self._info())
        self.refresh_side()
        self.refresh_preview()  # how you met or the tags may have changed in another pane: {met} follows

    def status(self, text: str, tone: str = "") -> None:
        content = Content(sanitize(text))
        self.query_one("#status-line", Static).update(content.stylize(tone) if tone else content)

    def _say(self, message: str, severity: str = "information") -> None:
        self.app.notify(sanitize(message), severity=severity, markup=False)  # type: ignore[arg-type]

    # ---- recipient ------------------------------------------------------------------------
    def set_recipient(self, person: Any) -> None:
        """Compose for `person` (a store Person: key, name, url), as the app's OpenComposer asks."""
        picker = self.query_one(ComposerRecipient)
        picker.refresh_info(self._info())  # `e` may have typed a company since the pane was built
        key = getattr(person, "key", None)
        found = self.people.filter(pl.col("key") == key) if key else self.people.head(0)
        if found.height:
            picker.pick_row(found.row(0, named=True))
        else:
            name = getattr(person, "name", None) or ""
            picker.pick(Recipient.from_row({"full_name": name, "key": key, "url": getattr(person, "url", None)}))

    def on_composer_recipient_changed(self, message: ComposerRecipient.Changed) -> None:
        self.recipient = message.recipient
        self.selected_draft = None
        self.event_value, self.relay_value = message.event, message.relay_name
        self.refresh_preview()

    # ---- templates ------------------------------------------------------------------------
    def reload_templates(self, select: str | None = None) -> None:
        """Read the templates folder; broken files are listed, the others load.

        A template already open whose file broke (or vanished with unsaved edits) keeps its
        last good version, so nothing the user was working on disappears.
        """
        loaded = load_templates(self.context.paths.templates_dir)
        fresh = {self._tid(t) for t in loaded.templates}
        broken = {e.where for e in loaded.errors}
        kept = [
            t for t in self.templates
            if self._tid(t) not in fresh and (self._tid(t) in broken or self._tid(t) in self.edits)
        ]
        self.templates = (*loaded.templates, *kept)
        errors = [_("skipped {error}").format(error=e) for e in loaded.errors if e.where not in {self._tid(t) for t in kept}]
        errors += [_("{file}: the file is broken or gone; the last good version stays open here").format(file=self._tid(t))
                   for t in kept]
        self.query_one("#template-errors", Static).update(Content(sanitize("\n".join(errors))))
        options = []
        for i, template in enumerate(self.templates):
            lang = f" [{template.language}]" if template.language and f"({template.language})" not in template.name else ""
            broken = " ⚠" if any(p.severity == ERROR for p in lint(self.edits.get(self._tid(template), template.text))) else ""
            options.append(Option(display_text(f"{template.name}{lang}{broken}", 60), id=str(i)))
        option_list = self.query_one("#template-list", OptionList)
        option_list.clear_options()
        option_list.add_options(options)
        want = select or (self._tid(self.template) if self.template else None)
        index = first_template(self.templates, want, self._tid)
        if self.templates:
            option_list.highlighted = index
            self.select_template(self.templates[index])
        else:
            self.template = None
            self.query_one("#template-editor", TextArea).load_text("")
            self.refresh_preview()

    @staticmethod
    def _tid(template: Template | None) -> str:
        return str(template.path) if template and template.path else (template.name if template else "")

    def select_template(self, template: Template) -> None:
        self.template = template
        self.query_one("#template-name", Input).value = template.name
        editor = self.query_one("#template-editor", TextArea)
        text = self.edits.get(self._tid(template), editor_safe(template.text))
        if editor.text != text:
            editor.load_text(text)
        self.refresh_preview()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "template-list" and event.option.id is not None:
            template = self.templates[int(event.option.id)]
            if template is not self.template:
                self.select_template(template)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "drafts" and event.option.id is not None:
            self.selected_draft = int(event.option.id)
            self.status(_("Draft #{draft} selected: {key} marks it sent.").format(
                draft=self.selected_draft, key=key_of(self.app, "mark-sent", "ctrl+l")))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "template-editor" and self.template is not None:
            self.edits[self._tid(self.template)] = event.text_area.text
            self.refresh_preview()

    def editor_text(self) -> str:
        return self.query_one("#template-editor", TextArea).text

    # ---- preview --------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Render for the recipient; count, problems and advice follow every keystroke."""
        settings = self.context.settings
        text = self.editor_text()
        values = values_for(self.recipient or Recipient(""), my_name_for(settings.my_name, self.context.export.owner), self.event_value, self.relay_value,
                            met_of(self.context.store, self.recipient))
        self.rendered = out = render(text, values)
        self.query_one(ComposerRecipient).show_marks(marks_lines(self.context.store, getattr(self.recipient, "key", None)))
        # render() already dropped control and bidi characters; keep ZWJ emoji whole.
        self.query_one("#preview", TextArea).load_text(out.text)
        limit = settings.note_limit
        over = out.length > limit
        self.query_one("#count", Static).update(Content.assemble(
            ("✗ " if over else "✓ ", "bold $error" if over else "bold $success"),  # not colour alone
            (_("{length}/{limit} characters").format(length=out.length, limit=limit),
             "bold $error" if over else "bold $success"),
            (_("  {count} over the limit").format(count=out.length - limit) if over else "", "$error"),
            ("" if self.recipient else _("  (no recipient yet)"), "dim"),
        ))
        lines = []
        for p in out.problems[:5]:
            line, col = line_col(text, p.start)
            tone = "$error" if p.severity == ERROR else "$warning"
            severity = _("error") if p.severity == ERROR else _("warning")
            lines.append(Content.assemble((_("line {line}, col {col} {severity}: ").format(
                line=line, col=col, severity=severity), tone), display_text(tr(p.message), 160)))
        if len(out.problems) > 5:
            lines.append(Content(_("… {count} more").format(count=len(out.problems) - 5)))
        self.query_one("#problems", Static).update(Content("\n").join(lines) if lines else Content(_("No problems.")))
        name = self.template.name if self.template else _("no template")
        modified = self.template is not None and text != self.template.text
        saves = _(" (modified: {key} saves)").format(key=key_of(self.app, "save-template", "ctrl+s")) if modified else ""
        self.query_one("#editor-title", Static).update(
            Content.assemble(_("Template: "), display_text(name, 40), (saves, "$warning"))
        )
        items = advice(self.recipient, out.text, out.length, limit, settings.follow_up_days)
        self.query_one(ComposerSide).show_advice(items)
        self.query_one("#advice-strip", Static).update(advice_content(items[:2]))

    def refresh_side(self) -> None:
        """Budgets, drafts and ledger from the store and the export."""
        ctx = self.context
        try:
            drafts = ctx.store.drafts()
        except PasserelleError as exc:
            self.status(_("Drafts unavailable: {error}").format(error=exc), "$error")
            return
        side = self.query_one(ComposerSide)
        s = ctx.settings
        side.show_budgets(budgets(drafts, ctx.export.invitations, s.notes_per_month, s.invitations_per_week, ctx.today))
        rows = ledger_rows(drafts, ctx.export.connections)
        side.show_drafts(drafts, dict(zip(rows["id"].to_list(), rows["accepted"].to_list())))
        side.show_ledger(ledger(drafts, ctx.export.connections))

    # ---- actions --------------------------------------------------------------------------
    def _confirmed(self, action: str, what: str, warning: str) -> bool:
        """True on the second press for the same thing; the first press explains."""
        if self._armed == (action, what):
            self._armed = None
            return True
        self._armed = (action, what)
        self._say(warning, "warning")
        return False

    def action_tags(self) -> None:
        """Tags for the recipient (comma-separated)."""
        who = self.recipient
        ask_tags(self, self.context.store, who and who.key, who and who.full_name, self._marked)

    def action_met(self) -> None:
        """How you met the recipient: fills {met} in the note."""
        who = self.recipient
        ask_met(self, self.context.store, who and who.key, who and who.full_name, self._marked)

    def _marked(self, message: str) -> None:
        self.app.notify(message, markup=False)
        self.refresh_preview()

    def action_find_recipient(self) -> None:
        """Jump to the recipient finder."""
        self.query_one("#recipient-search", Input).focus()

    def action_focus_templates(self) -> None:
        """Jump to the template list (from any field: no tabbing through eight of them)."""
        self.query_one("#template-list", OptionList).focus()

    def action_copy_note(self) -> None:
        """Copy the note (clipboard + a file fallback); confirm when over the limit or with problems."""
        copy_note(self)

    def action_open_profile(self) -> None:
        """Open the recipient's profile in the browser (in a thread: browsers can block)."""
        url = self.recipient.url if self.recipient else ""
        if not url.lower().startswith(("https://", "http://")):
            self._say(_("No profile link for this recipient."), "warning")
            return
        from tui.ui.browser import open_url

        open_url(self, url, self._say)

    def action_save_draft(self) -> int | None:
        """Save the rendered note as a draft for this recipient."""
        recipient = self.recipient
        if recipient is None or not recipient.key:
            self._say(_("Pick or type a recipient first ({key}).").format(key=key_of(self.app, "find-recipient", "ctrl+f")),
                      "warning")
            return None
        person = Person(key=recipient.key, name=recipient.full_name, url=recipient.url or None)
        text = self.rendered.text
        try:
            if recipient.connection_count is not None:  # remember what the user typed
                self.context.store.set_info(recipient.key, connection_count=recipient.connection_count)
            draft = self.context.store.save_draft(self.template.name if self.template else None, person, text)
            note_connection(self.context, recipient.key)
        except PasserelleError as exc:
            self._say(_("The draft was not saved: {error}").format(error=exc), "error")
            return None
        self.saved_draft = (draft, recipient.key, text)
        self.refresh_side()
        self._say(_("Draft #{draft} saved for {name}.").format(draft=draft, name=recipient.full_name))
        return draft

    def action_mark_sent(self) -> None:
        """You sent it on LinkedIn: mark the draft sent with a follow-up date."""
        raw = self.query_one("#follow-up", Input).value.strip()
        try:
            follow_up = date.fromisoformat(raw) if raw else self._default_follow_up()
        except ValueError:
            self._say(_("The follow-up date must look like 2026-12-01."), "error")
            return
        if self.selected_draft is not None:
            draft = self.selected_draft
        elif self.saved_draft is not None and self.saved_draft[1:] == (
            self.recipient.key if self.recipient else None, self.rendered.text
        ):
            draft = self.saved_draft[0]
        else:  # nothing saved for this note yet: save it, then mark it
            draft = self.action_save_draft()
        if draft is None:
            return
        try:
            self.context.store.mark_sent(draft, follow_up)
        except PasserelleError as exc:
            self._say(_("Not marked as sent: {error}").format(error=exc), "error")
            return
        self.saved_draft = self.selected_draft = None
        self.refresh_side()
        self.post_message(DecisionSaved(None, pane=self))  # the sent pane shows the follow-up
        self._say(_("Draft #{draft} marked sent; follow up on {day}.").format(draft=draft, day=day(follow_up)))

    def palette_commands(self) -> list[tuple[str, str, Any]]:
        return composer_commands(self)  # "composer: …" for the palette, each with its key
