"""InvitationDetail: everything known about the invitation under the cursor."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.core.phrasebook import describe
from tui.triage.vocabulary import ORDER_WORDS
from tui.text import display_text

TONES = {"good": "green", "warn": "yellow", "bad": "red bold", "info": ""}


def when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return "unknown date"


def waited(days: Any) -> str:
    if days is None:
        return "for an unknown time"
    if days <= 0:
        return "today"
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''} ago"
    return f"{days // 30} months ago ({days} days)"


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
            Content.assemble(("", ""), display_text(row.get("name") or "(no name)").stylize("bold")),
        ]
        role = " at ".join(display_text(v).plain for v in (row.get("position"), row.get("company")) if v)
        if role:
            lines.append(display_text(role))
        lines.append(Content(f"Sent {when(row.get('sent_at'))}, {waited(row.get('waited_days'))}"))
        if row.get("url"):
            lines.append(Content.assemble(("Profile ", "dim"), display_text(row["url"])))
        lines += marks
        lines += [Content(""), Content.assemble(("Note", "bold underline"))]
        note = row.get("note")
        lines.append(display_text(note) if note and note.strip() else Content.assemble(("no note", "italic dim")))
        lines += [Content(""), Content.assemble(("Signals", "bold underline"))]
        if not signals:
            lines.append(Content.assemble(("nothing special", "dim")))
        for signal in signals:
            lines.append(Content.assemble(
                ("• ", ""), (display_text(signal.label).plain, TONES.get(signal.tone, "")),
                ("  ", ""), (display_text(signal.reason).plain, "dim"),
            ))
        lines += [Content(""), Content.assemble(("Strategy", "bold underline"))]
        if row.get("suggestion"):
            lines.append(Content.assemble(
                ("Suggests ", ""), (display_text(row["suggestion"]).plain, "bold"), " — enter takes it",
            ))
            lines.append(Content.assemble(("rule ", "dim"), display_text(row.get("rule") or "?"),
                                          (": ", "dim"), display_text(describe(row.get("suggestion_reason")))))
        else:
            lines.append(Content.assemble((strategy_note or "No rule matches this invitation.", "dim")))
        lines += history
        lines += [Content(""), Content.assemble((ORDER_WORDS, "dim"))]
        self.show(Content("\n").join(lines))

    def show_sent(self, row: dict, stale_days: int, marks: list[Content] = (), history: list[Content] = ()) -> None:
        """An outgoing invitation: waiting or accepted, the note, follow-up and stale advice
        (`marks`: the person's tags and how you met, under the profile; `history`: the person
        across your imports, last)."""
        lines: list[Content] = [display_text(row.get("name") or "(no name)").stylize("bold")]
        lines.append(Content(f"Sent {when(row.get('sent_at'))}, {waited(row.get('waited_days'))}"
                             + ("  (written in the composer)" if row.get("source") == "composer" else "")))
        if row.get("url"):
            lines.append(Content.assemble(("Profile ", "dim"), display_text(row["url"])))
        lines += marks
        if row.get("accepted"):
            lines.append(Content.assemble(("Accepted", "green bold"), f" on {when(row.get('accepted_on'))}"))
        else:
            lines.append(Content.assemble(("Not connected yet", "yellow")))
        if row.get("stale"):
            lines += [Content(""), Content.assemble(
                (f"Stale: waiting {stale_days}+ days. ", "yellow bold"),
                "Consider withdrawing it (w once done on LinkedIn). LinkedIn then blocks "
                "re-inviting this person for about 3 weeks.",
            )]
        if row.get("decision"):
            lines.append(Content(f"Marked {row['decision'].replace('_', ' ')} on {when(row.get('decided_at'))}"))
        lines += [Content(""), Content.assemble(("Note sent", "bold underline"))]
        note = row.get("note")
        lines.append(display_text(note) if note and note.strip() else Content.assemble(("no note", "italic dim")))
        marked = row.get("marked_note")
        if marked and marked.strip() and marked != note:  # written in the composer after the export's
            lines += [Content(""), Content.assemble(("Marked sent ", "bold underline"),
                                                    (f"from the composer on {when(row.get('marked_at'))}", "dim")),
                      display_text(marked)]
        due = row.get("follow_up_due")
        if due:
            tone = "yellow bold" if row.get("follow_up_now") else "dim"
            lines += [Content(""), Content.assemble(
                (f"Follow up on {when(due)}", tone),
                " — the note asked something, and about half of notes are never read. d marks it done.",
            )]
        lines += history
        self.show(Content("\n").join(lines))
