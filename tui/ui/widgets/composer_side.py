"""The composer's right column: advice, budgets, drafts and the follow-up ledger (passive)."""

from __future__ import annotations

import polars as pl
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.composer.recipients import Advice, Budgets
from tui.text import display_text, sanitize
from tui.i18n import N_, _
from tui.i18n.formats import percent
from tui.ui.widgets.decision_words import day_of, draft_word
from tui.ui.widgets.translated import Translated, tr


def advice_content(items: list[Advice]) -> Content:
    """One bulleted line per piece of advice."""
    return Content("\n").join(Content.assemble(("• ", "bold"), display_text(tr(a.text))) for a in items)


class ComposerSide(VerticalScroll):
    """Shows what the pane computes; never touches the store itself."""

    DEFAULT_CSS = """
    ComposerSide { width: 44; padding: 0 1; }
    ComposerSide .heading { text-style: bold; color: $accent; margin-top: 1; }
    ComposerSide #advice { height: auto; }
    ComposerSide ProgressBar { height: 1; }
    ComposerSide ProgressBar Bar { width: 26; }
    ComposerSide #drafts { height: 7; }
    ComposerSide #mass-warning { color: $text-muted; height: auto; }
    ComposerSide #mass-warning.-alarm { color: $error; text-style: bold; }
    ComposerSide #ledger { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Translated(N_("Advice"), classes="heading")
        yield Static(id="advice")
        yield Translated(N_("Budgets"), classes="heading")
        yield Static(id="notes-label")
        yield ProgressBar(total=5, show_eta=False, show_percentage=False, id="notes-gauge")
        yield Static(id="invitations-label")
        yield ProgressBar(total=100, show_eta=False, show_percentage=False, id="invitations-gauge")
        yield Static(id="mass-warning")
        yield Translated(N_("Drafts"), classes="heading")
        yield OptionList(id="drafts", markup=False)
        yield Translated(N_("Follow-up ledger"), classes="heading")
        yield Static(id="ledger")

    def show_advice(self, items: list[Advice]) -> None:
        self.query_one("#advice", Static).update(advice_content(items))

    def show_budgets(self, budgets: Budgets) -> None:
        notes, inv = budgets.notes, budgets.invitations
        self.query_one("#notes-label", Static).update(
            Content.assemble(_("Personalised notes this month "),
                             (f"{notes.used}/{notes.limit}", "bold $error" if notes.over else "bold"))
        )
        self.query_one("#invitations-label", Static).update(
            Content.assemble(_("Invitations in the last 7 days "),
                             (f"{inv.used}/{inv.limit}", "bold $error" if inv.over else "bold"))
        )
        self.query_one("#notes-gauge", ProgressBar).update(total=max(notes.limit, 1), progress=min(notes.used, max(notes.limit, 1)))
        self.query_one("#invitations-gauge", ProgressBar).update(total=max(inv.limit, 1), progress=min(inv.used, max(inv.limit, 1)))
        warning = self.query_one("#mass-warning", Static)
        warning.update(Content(sanitize(tr(budgets.warning))))
        warning.set_class(inv.share >= 0.8, "-alarm")

    def show_drafts(self, drafts: pl.DataFrame, accepted: dict[int, bool]) -> None:
        """Newest first: state, follow-up date, name and template."""
        option_list = self.query_one("#drafts", OptionList)
        highlighted = option_list.highlighted_option.id if option_list.highlighted_option else None
        option_list.clear_options()
        options = []
        for row in drafts.sort("id", descending=True).head(200).iter_rows(named=True):
            state = row["state"] or "draft"
            if row["sent_at"] is not None and accepted.get(row["id"]):
                state = "accepted"
            follow = _(" · follow up {day}").format(day=day_of(row["follow_up_on"])) if row["follow_up_on"] else ""
            template = row["template"] or _("no template")
            text = f"#{row['id']} {draft_word(state)}{follow} · {row['name'] or '?'} · {template}"
            options.append(Option(display_text(text, 120), id=str(row["id"])))
        option_list.add_options(options)
        if highlighted is not None:
            try:
                option_list.highlighted = option_list.get_option_index(highlighted)
            except OptionDoesNotExist:  # the draft left the list
                pass

    def show_ledger(self, ledger: pl.DataFrame) -> None:
        if ledger.height == 0:
            self.query_one("#ledger", Static).update(
                Content(_("Mark notes as sent; after the next export import, acceptance per template shows here."))
            )
            return
        lines = [
            Content.assemble(
                display_text(row["template"], 24),
                _(": {accepted}/{sent} accepted ").format(accepted=row["accepted"], sent=row["sent"]),
                (f"({percent(row['rate'])})", "bold"),
            )
            for row in ledger.iter_rows(named=True)
        ]
        self.query_one("#ledger", Static).update(Content("\n").join(lines))

    def selected_draft(self) -> int | None:
        option = self.query_one("#drafts", OptionList).highlighted_option
        return int(option.id) if option is not None and option.id else None
