"""The composer's recipient picker: fuzzy finder over people, plus ad-hoc fields.

The search folds case, accents and ligatures and forgives typos (tui.core.search); the
best 20 show with the letters that matched underlined, as Content (names are data, not markup).
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.composer.recipients import Recipient, with_typed_info
from tui.export.person_keys import profile_key
from tui.core.search import PeopleIndex, highlight_spans, query_words
from tui.composer.templates import clean_value
from tui.i18n import N_, _
from tui.text import one_line, truncate
from tui.ui.widgets.text_field import TextField
from tui.ui.widgets.translated import Translated, placeholder

TOP = 20
MATCH_STYLE = "bold underline"
SOURCES = {"connection": N_("connection"), "received": N_("received"), "sent": N_("sent")}


def source_word(source: str | None) -> str | None:
    """Where a recipient comes from (the composer's people frame), in the active language."""
    word = SOURCES.get(source or "")
    return _(word) if word else source


class ComposerRecipient(Vertical):
    """Pick a person from the export, or type one; posts Changed with the effective recipient."""

    DEFAULT_CSS = """
    ComposerRecipient { height: auto; }
    ComposerRecipient #recipient-list { height: 7; }
    ComposerRecipient .field { height: 1; }
    ComposerRecipient .field-label { width: 9; color: $text-muted; }
    ComposerRecipient .field Input { width: 1fr; }
    ComposerRecipient .heading { text-style: bold; color: $accent; }
    ComposerRecipient #recipient-marks { height: auto; max-height: 2; display: none; }
    ComposerRecipient #recipient-marks.-shown { display: block; }
    """

    class Changed(Message):
        """The recipient or the extra values (event, relay name) changed."""

        def __init__(self, recipient: Recipient | None, event: str, relay_name: str) -> None:
            super().__init__()
            self.recipient = recipient
            self.event = event
            self.relay_name = relay_name

    def __init__(self, people: pl.DataFrame, info: pl.DataFrame | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.people = people
        self.index: PeopleIndex | None = None  # built in a thread at mount (~0.3 s at 35,000 people)
        self.info = info
        self.matches = people.head(0)
        self.picked: Recipient | None = None
        self._filling = False

    def compose(self) -> ComposeResult:
        yield Translated(N_("Recipient"), classes="heading")
        yield placeholder(TextField(id="recipient-search", compact=True), N_("find: name, company, position"))
        yield OptionList(id="recipient-list", markup=False)
        fields = (
            (N_("Name"), placeholder(TextField(id="adhoc-name", compact=True), N_("or type someone new"))),
            (N_("Company"), TextField(id="adhoc-company", compact=True)),
            (N_("Position"), TextField(id="adhoc-position", compact=True)),
            (N_("Contacts"), placeholder(TextField(id="connection-count", compact=True, type="integer"),
                                         N_("their connection count, if known"))),
            (N_("Event"), placeholder(TextField(id="event-input", compact=True), N_("{event}: event, school, company"))),
            (N_("Relay to"), placeholder(TextField(id="relay-input", compact=True), N_("{relay_name}: who to meet"))),
        )
        for label, field in fields:
            with Horizontal(classes="field"):
                yield Translated(label, classes="field-label")
                yield field
        yield Static(id="recipient-marks")  # the recipient's tags and how you met, when there are some

    def show_marks(self, lines: list) -> None:
        """Show the recipient's tags and how you met (Content lines; none: the line is hidden)."""
        box = self.query_one("#recipient-marks", Static)
        box.set_class(bool(lines), "-shown")
        box.update(Content("\n").join(lines) if lines else Content(""))

    def on_mount(self) -> None:
        self.filter("")
        self._build_index()

    @work(thread=True, exclusive=True, exit_on_error=False, group="recipient-index", name="Preparing the recipient search")
    def _build_index(self) -> None:
        index = PeopleIndex.of(self.people)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: PeopleIndex) -> None:
        if self.index is None:
            self.index = index

    def filter(self, query: str) -> None:
        """Show the best matches in the list, matched letters underlined."""
        if not query_words(query):
            self.matches = self.people.head(TOP)
        else:
            if self.index is None:  # typed before the thread was done: build it here, once
                self.index = PeopleIndex.of(self.people)
            self.matches = self.index.find(query, TOP)
        options = []
        for i, row in enumerate(self.matches.iter_rows(named=True)):
            extra = " · ".join(v for v in (row.get("company"), source_word(row.get("source"))) if v)
            options.append(Option(self.label(query, f"{row.get('full_name') or '?'} — {extra}"), id=str(i)))
        found = self.query("#recipient-list")
        if not found:  # the app is leaving while the composer was still being built
            return
        option_list = found.first(OptionList)
        option_list.clear_options()
        option_list.add_options(options)

    @staticmethod
    def label(query: str, text: str) -> Content:
        """One line of the list: sanitised, cut to 80 cells, the query's letters underlined."""
        shown = truncate(one_line(text), 80)
        content = Content(shown, strip_control_codes=False)
        for span in highlight_spans(query, shown):
            content = content.stylize(MATCH_STYLE, span.start, span.end)
        return content

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.id == "recipient-search":
            self.filter(event.value)
        elif not self._filling:
            self._changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "recipient-search" and self.matches.height:
            event.stop()
            self.pick_row(self.matches.row(0, named=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "recipient-list" or event.option.id is None:
            return
        event.stop()
        self.pick_row(self.matches.row(int(event.option.id), named=True))

    def refresh_info(self, info: pl.DataFrame | None) -> None:
        """What the user typed with `e` since (a company, a position), for the next pick."""
        self.info = info

    def pick_row(self, row: dict) -> None:
        """Use a person of the export as the recipient and show their values in the fields,
        with the company and position the user typed in (`e`) over the export's."""
        merged, count = with_typed_info(row, self.info)
        self.pick(Recipient.from_row(merged, count))

    def pick(self, recipient: Recipient) -> None:
        self.picked = recipient
        self._filling = True
        try:
            self.query_one("#adhoc-name", Input).value = recipient.full_name
            self.query_one("#adhoc-company", Input).value = recipient.company
            self.query_one("#adhoc-position", Input).value = recipient.position
            count = recipient.connection_count
            self.query_one("#connection-count", Input).value = "" if count is None else str(count)
        finally:
            self._filling = False
        self._changed()

    def current(self) -> Recipient | None:
        """The recipient as the fields say: the picked person (with edits), or an ad-hoc one."""
        name = clean_value(self.query_one("#adhoc-name", Input).value)
        if not name:
            return None
        company = clean_value(self.query_one("#adhoc-company", Input).value)
        position = clean_value(self.query_one("#adhoc-position", Input).value)
        raw_count = self.query_one("#connection-count", Input).value.strip()
        count = int(raw_count) if raw_count.isdigit() else None
        if self.picked is not None and name == self.picked.full_name:
            return replace(self.picked, company=company, position=position, connection_count=count)
        first, _, last = name.partition(" ")
        return Recipient(
            full_name=name, first_name=first, last_name=last, company=company, position=position,
            key=profile_key(None, name), connection_count=count,
        )

    def extras(self) -> tuple[str, str]:
        return (
            clean_value(self.query_one("#event-input", Input).value),
            clean_value(self.query_one("#relay-input", Input).value),
        )

    def _changed(self) -> None:
        self.post_message(self.Changed(self.current(), *self.extras()))
