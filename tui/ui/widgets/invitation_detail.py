"""InvitationDetail: everything known about the invitation under the cursor."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.core.phrasebook import describe
from tui.triage.vocabulary import ORDER_WORDS
from tui.i18n import _, ngettext
from tui.i18n.formats import day
from tui.ui.widgets.decision_words import decision_word
from tui.ui.widgets.key_names import key_of
from tui.text import display_text
from tui.ui.widgets.translated import tr

def _rule_name(rule: str | None) -> str:
    from tui.triage.strategy import rule_name  # here: it brings Polars, which the first rows wait without

    return rule_name(rule) if rule else "?"


TONES = {"good": "green", "warn": "yellow", "bad": "red bold", "info": ""}


def when(value: Any) -> str:
    if isinstance(value, datetime):
        return day(value.date())
    if isinstance(value, date):
        return day(value)
    return _("unknown date")


def waited(days: Any) -> str:
    if days is None:
        return _("for an unknown time")
    if days <= 0:
        return _("today")
    if days < 60:
        return ngettext("{count} day ago", "{count} days ago", days).format(count=days)
    return _("{months} months ago ({days} days)").format(months=days // 30, days=days)


def sent_line(row: dict) -> str:
    return _("Sent {day}, {waited}").format(day=when(row.get("sent_at")), waited=waited(row.get("waited_days")))


class InvitationDetail(VerticalScroll):
    """A scrollable detail view; `show(parts)` takes Content pieces, never markup."""

    DEFAULT_CSS = """
    InvitationDetail { border-left: vkey $panel-lighten-2; padding: 0 1; }
    InvitationDetail > Static { width: 1fr; }
    """

    def compose(self):
        yield Static(id="detail-body")

    def show(self, content: Content) -> None:
        self.query_one("#detail-body", Static).update(content)
        self.scroll_home(animate=False)

    def show_received(self, row: dict, signals: list, strategy_note: str | None, marks: list[Content] = (),
                      history: list[Content] = ()) -> None:
        """The received invitation `row` with its signals and the strategy's suggestion
        (`marks`: the lines on the person's tags and how you met, under the profile;
        `history`: the person across your imports, after the strategy)."""
        lines: list[Content] = [
            Content.assemble(("", ""), display_text(row.get("name") or _("(no name)")).stylize("bold")),
        ]
        role = _(" at ").join(display_text(v).plain for v in (row.get("position"), row.get("company")) if v)
        if role:
            lines.append(display_text(role))
        lines.append(Content(sent_line(row)))
        if row.get("url"):
            lines.append(Content.assemble((_("Profile "), "dim"), display_text(row["url"])))
        lines += marks
        lines += [Content(""), Content.assemble((_("Note"), "bold underline"))]
        note = row.get("note")
        lines.append(display_text(note) if note and note.strip() else Content.assemble((_("no note"), "italic dim")))
        lines += [Content(""), Content.assemble((_("Signals"), "bold underline"))]
        if not signals:
            lines.append(Content.assemble((_("nothing special"), "dim")))
        for signal in signals:
            lines.append(Content.assemble(
                ("• ", ""), (display_text(tr(signal.label)).plain, TONES.get(signal.tone, "")),
                ("  ", ""), (display_text(tr(signal.reason)).plain, "dim"),
            ))
        lines += [Content(""), Content.assemble((_("Strategy"), "bold underline"))]
        if row.get("suggestion"):
            take = key_of(self.app, "take-suggestion", "enter")
            lines.append(Content.assemble(
                (_("Suggests "), ""), (display_text(decision_word(row["suggestion"])).plain, "bold"),
                _(" — {key} takes it").format(key=take),
            ))
            lines.append(Content.assemble((_("rule "), "dim"), display_text(_rule_name(row.get("rule"))),
                                          (": ", "dim"), display_text(describe(row.get("suggestion_reason")))))
        else:
            lines.append(Content.assemble((strategy_note or _("No rule matches this invitation."), "dim")))
        lines += history
        lines += [Content(""), Content.assemble((_(ORDER_WORDS), "dim"))]
        self.show(Content("\n").join(lines))

    def show_sent(self, row: dict, stale_days: int, marks: list[Content] = (), history: list[Content] = ()) -> None:
        """An outgoing invitation: waiting or accepted, the note, follow-up and stale advice
        (`marks`: the person's tags and how you met, under the profile; `history`: the person
        across your imports, last)."""
        lines: list[Content] = [display_text(row.get("name") or _("(no name)")).stylize("bold")]
        lines.append(Content(sent_line(row) + (_("  (written in the composer)") if row.get("source") == "composer" else "")))
        if row.get("url"):
            lines.append(Content.assemble((_("Profile "), "dim"), display_text(row["url"])))
        lines += marks
        if row.get("accepted"):
            lines.append(Content.assemble((_("Accepted"), "green bold"),
                                          _(" on {day}").format(day=when(row.get("accepted_on")))))
        else:
            lines.append(Content.assemble((_("Not connected yet"), "yellow")))
        if row.get("stale"):
            lines += [Content(""), Content.assemble(
                (_("Stale: waiting {days}+ days. ").format(days=stale_days), "yellow bold"),
                _("Consider withdrawing it ({key}, then do it on LinkedIn from To do). LinkedIn then blocks "
                  "re-inviting this person for about 3 weeks.").format(key=key_of(self.app, "withdrawal-done", "w")),
            )]
        if row.get("decision"):
            lines.append(Content(_("Marked {decision} on {day}").format(
                decision=decision_word(row["decision"]), day=when(row.get("decided_at")))))
        lines += [Content(""), Content.assemble((_("Note sent"), "bold underline"))]
        note = row.get("note")
        lines.append(display_text(note) if note and note.strip() else Content.assemble((_("no note"), "italic dim")))
        marked = row.get("marked_note")
        if marked and marked.strip() and marked != note:  # written in the composer after the export's
            lines += [Content(""), Content.assemble((_("Marked sent "), "bold underline"),
                                                    (_("from the composer on {day}").format(day=when(row.get("marked_at"))),
                                                     "dim")),
                      display_text(marked)]
        due = row.get("follow_up_due")
        if due:
            tone = "yellow bold" if row.get("follow_up_now") else "dim"
            lines += [Content(""), Content.assemble(
                (_("Follow up on {day}").format(day=when(due)), tone),
                _(" — the note asked something, and about half of notes are never read. {key} marks it done.").format(
                    key=key_of(self.app, "follow-up-done", "d")),
            )]
        lines += history
        self.show(Content("\n").join(lines))
