"""NetworkPane (key 3): maturity gauge, growth, composition with drill-down, who-at."""

from __future__ import annotations

import polars as pl
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.ui.panes.pane import Pane, css_beside
from tui.ui.panes.person_history import TableHistory
from tui.context import AppContext
from tui.core.errors import PasserelleError
from tui.network import breakdown as comp
from tui.i18n import N_, _
from tui.i18n.formats import number
from tui.text import display_text
from tui.network.overview import TABLES, NetworkView, compute_view, since_frame
from tui.ui.panes.network_commands import network_commands
from tui.ui.panes.network_rules import table_to_act_on
from tui.ui.panes.network_people_columns import CHANGES, TYPED_IN, WIDE, fit_people, people_columns
from tui.ui.panes.network_words import (
    WHO_AT, band_words, figures_text, found_words, growth_line, next_line, people_count, pct, qualified_label, size_line,
    shown_labels, table_hint, typed_in_invitation,
)
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.decision_words import band_word
from tui.ui.widgets.growth_chart import GrowthChart
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.network_gauge import NetworkGauge
from tui.ui.widgets.translated import Translated, placeholder
from tui.ui.widgets.who_at_field import WhoAtField

class NetworkPane(TableHistory, Vertical, Pane):
    """How big the network is, what it is made of, how it grows; enter drills to people."""

    DEFAULT_CSS = css_beside(__file__)  # the layout and its -narrow / -short / -growth variants

    BINDINGS = [
        Binding("t", "next_table", N_("Next table"), id="network-next-table"),
        Binding("w", "who_at", N_("Who do I know at…"), id="network-who-at"),
        Binding("W", "intro", N_("Who do I know at… a list"), id="network-intro"),
        Binding("p", "pick_family", N_("Qualify family"), id="network-pick-family"),
        Binding("g", "growth", N_("Growth"), id="network-growth"),
        Binding("n", "since_last_import", N_("Since last import"), id="network-since-last-import"),
        Binding("c", "compose", N_("Compose"), id="network-compose"),
        Binding("T", "tags", N_("Tags"), show=False, id="network-tags"),  # `t` is the next table here
        Binding("M", "met", N_("How we met"), show=False, id="network-met"),
        Binding("a", "add_rule", N_("Add a rule"), show=False, id="network-add-rule"),  # titles in no family
        Binding("escape", "back", N_("Back"), show=False, id="network-back"),
    ]
    HISTORY_TABLE, HISTORY_BOX = "network-people", "network-person-history"  # the highlighted person's History

    class FiguresComputed(Message):
        """The figures were computed."""

        def __init__(self, view: NetworkView) -> None:
            super().__init__()
            self.view = view

    class PeopleFound(Message):
        """People behind a table row or a who-at query were found."""

        def __init__(self, title: Content, frame: pl.DataFrame, note: str = "", columns: list | None = None) -> None:
            super().__init__()
            self.title, self.frame, self.note, self.columns = title, frame, note, columns  # None: the people's

    def __init__(self, context: AppContext, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.view: NetworkView | None = None
        self.table_index = 0
        self.picked: tuple[str, ...] = ()
        self._intro_mode = False  # the who-at box takes a list of companies (key W)

    def compose(self) -> ComposeResult:
        yield Translated(N_("Computing the network figures…"), id="network-status")
        with Horizontal(id="network-top"):
            with Vertical(id="network-gauge-box"):
                yield NetworkGauge(id="network-gauge")
                yield Static(Content(""), id="network-band")
                yield Static(Content(""), id="network-next")
            with Vertical(id="network-growth-box"):
                yield GrowthChart(full=False, id="network-growth-chart")
                yield Static(Content(""), id="network-growth")
        yield Static(Content(""), id="network-figures")
        with Horizontal(id="network-tables"):
            with Vertical(id="network-left"):
                yield Static(Content(""), id="network-table-title", classes="network-title")
                yield FrameTable(
                    [
                        Column("label", "", ratio=3),
                        Column("count", N_("people"), width=7, align="right"),
                        Column("share", N_("share"), width=6, align="right", formatter=pct),
                    ],
                    key_column="value", empty_text=N_("No connections."), id="network-composition",
                )
            with Vertical(id="network-right"):
                yield placeholder(WhoAtField(id="network-who-at"), WHO_AT)
                yield Translated(N_("enter on a row shows the people behind it"), id="network-people-title",
                                 classes="network-title")
                yield FrameTable(people_columns(True), empty_text=N_("Nobody here."), id="network-people")
                yield Static(Content(""), id="network-person-history")
        with VerticalScroll(id="network-growth-view"):
            yield GrowthChart(id="network-growth-full")
            yield Static(Content(""), id="network-figures-full")
        yield Static(Content(""), id="network-said")

    def on_mount(self) -> None:
        if not self.is_attached:  # the app closed while this pane was being mounted: its parts are gone
            return
        self.query_one("#network-tables").loading = True
        self._compute(self.picked)

    # ---- workers ----------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="network-figures", name="network figures")
    def _compute(self, picked: tuple[str, ...]) -> None:
        self.post_message(self.FiguresComputed(compute_view(self.context, picked)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="network-people", name="network drill-down")
    def _drill(self, dimension: str, value: str, label: str) -> None:
        export, settings = self.context.export, self.context.settings
        targets = self.view.targets if self.view else comp.Targets()
        if dimension == "tag":
            from tui.network.tag_tables import people_with_tag

            frame = people_with_tag(export, self.context.store, value)
        else:
            rules = self.view.companies if self.view else None
            frame = comp.people_for(export, dimension, value, families=settings.role_families, targets=targets,
                                    rules=rules)
        title = Content.assemble(display_text(label, 60), " — " + people_count(frame.height))
        self.post_message(self.PeopleFound(title, frame))

    @work(thread=True, exclusive=True, exit_on_error=False, group="network-people", name="network who-at")
    def _who_at(self, query: str) -> None:
        try:
            info = self.context.store.info()
        except PasserelleError:  # without typed-in info only connections are searched
            info = None
        view = self.view  # read once: the UI thread replaces it, this thread never writes it
        rules = view.companies if view is not None else None
        index = view.company_index if view is not None else comp.company_index(self.context.export.connections, rules)
        result = comp.who_at(self.context.export, query, info, index, rules)
        frame = result.connections
        extra = result.invitations
        if extra.height:  # invitations matched through typed-in company, shown after connections
            typed = info.select("key", _typed=pl.col("company"))  # info is set: it matched them
            extra = extra.join(typed, on="key", how="left")
            frame = pl.concat([
                frame.select("key", "full_name", "company", "position", "connected_on"),
                extra.select(
                    "key", full_name="counterpart_name",
                    company=pl.col("_typed") + typed_in_invitation(pl.col("direction").str.to_lowercase()),
                    position=pl.lit(None, pl.Utf8), connected_on=pl.col("connected_on"),
                ),
            ])
        found = found_words(result.connections.height, result.invitations.height)
        title = Content.assemble(_("At "), display_text(query, 40), f": {found}")
        self.post_message(self.PeopleFound(title, frame, result.invitations_note,
                                           columns=TYPED_IN if extra.height else None))

    # ---- messages ---------------------------------------------------------------------
    def on_network_pane_figures_computed(self, message: FiguresComputed) -> None:
        self.view = message.view
        s = message.view.stats
        self.query_one("#network-tables").loading = False
        self.query_one("#network-status", Static).update(Content.assemble(
            (_("Network"), "bold"), "  " + size_line(s),
            *(["  ·  ", display_text(message.view.strategy_note)] if message.view.strategy_note else []),
        ))
        self.query_one(NetworkGauge).show(s["connections"])
        band = s["band"]
        self.query_one("#network-band", Static).update(Content.assemble((band_word(band), "bold"), band_words(band)))
        self.query_one("#network-next", Static).update(Content(next_line(s)))
        for chart in self.query(GrowthChart):
            chart.show(message.view.growth)
        self.query_one("#network-growth", Static).update(Content(growth_line(s)))
        self.query_one("#network-growth").display = not message.view.growth.sentence  # the chart says it
        for figures in self.query("#network-figures, #network-figures-full").results(Static):
            figures.update(Content(figures_text(s, key_of(self.app, "network-pick-family", "p"),
                                                key_of(self.app, "network-since-last-import", "n"))))
        self._show_table()

    def on_network_pane_people_found(self, message: PeopleFound) -> None:
        title = message.title if not message.note else Content.assemble(message.title, ("\n" + message.note, "dim"))
        self.query_one("#network-people-title", Static).update(title)
        table = self.query_one("#network-people", FrameTable)
        table.set_columns(message.columns or people_columns(self.size.width >= WIDE))
        table.set_frame(message.frame)

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        if event.table.id == "network-composition":
            event.stop()
            dimension = TABLES[self.table_index][0]
            self._drill(dimension, str(event.row["value"]), str(event.row["label"]))
            self.query_one("#network-people", FrameTable).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "network-who-at":
            event.stop()
            if event.value.strip():
                if self._intro_mode:
                    self._intro(event.value)
                else:
                    self._who_at(event.value)
                self.query_one("#network-people", FrameTable).focus()
            self._intro_mode = False

    # ---- actions ----------------------------------------------------------------------
    def action_next_table(self) -> None:
        self._leave_growth()
        self.table_index = (self.table_index + 1) % len(TABLES)
        self._show_table()

    def action_growth(self) -> None:
        """Show the growth chart and every figure in place of the tables, or back."""
        self.toggle_class("-growth")  # focus follows, so the pane's keys stay live (g goes back)
        target = "#network-growth-view" if self.has_class("-growth") else "#network-composition"
        self.query_one(target).focus()

    def _leave_growth(self) -> None:
        """The table keys (t w p n escape) bring the tables back, with the focus on them."""
        if self.has_class("-growth"):
            self.remove_class("-growth")
            self.query_one("#network-composition", FrameTable).focus()

    def fit(self, width: int, height: int) -> None:
        self.set_class(width < WIDE, "-narrow")
        self.set_class(height < 32, "-short")
        fit_people(self.query_one("#network-people", FrameTable), width)

    def action_who_at(self) -> None:
        self._leave_growth()
        self._intro_mode = False
        self.query_one("#network-who-at", Input).focus()

    def action_intro(self) -> None:
        """Type companies separated by ';' (or a text file's path, one company a line)."""
        self._intro_mode = True
        box = self.query_one("#network-who-at", Input)
        placeholder(box, N_("Companies separated by ; or a file with one a line, enter"))
        box.focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="network-people", name="network intro")
    def _intro(self, typed: str) -> None:
        from tui.network.intro import intro_typed

        try:
            title, frame = intro_typed(typed, self.context.export, self.view.companies if self.view else None,
                                       self.context.store.info())
        except PasserelleError as exc:  # an unreadable file: say so, keep the pane
            title, frame = _("Not read: {error}").format(error=exc), pl.DataFrame()
        self.post_message(self.PeopleFound(Content(title), frame))

    def action_since_last_import(self) -> None:
        """Across all imports when there are several: job changes (to congratulate), new, left;
        else new connections and changed companies/positions since the previous import."""
        self._leave_growth()
        across = self.view.stats.get("across_imports") if self.view else None
        if across:
            from tui.network.history import across_frame

            title = Content(_("Across your {imports} imports: {changed} job changes ({key}: compose to congratulate), "
                              "{new} new, {left} left").format(
                imports=across["imports"], changed=len(across["changed"]), new=len(across["new"]),
                left=len(across["left"]), key=key_of(self.app, "network-compose", "c")))
            self.post_message(self.PeopleFound(title, across_frame(across), columns=CHANGES))
            self.query_one("#network-people", FrameTable).focus()
            return
        diff = self.view.changes if self.view else None
        if diff is None:
            self.notify(_("No earlier import to compare with."), markup=False)
            return
        title = Content(_("Since the last import: {new} new, {changed} changed (company/position now, then what it "
                          "was), {accepted} invitations accepted").format(
            new=number(diff.new.height), changed=number(diff.changed.height), accepted=number(diff.accepted.height)))
        self.post_message(self.PeopleFound(title, since_frame(diff), columns=CHANGES))
        self.query_one("#network-people", FrameTable).focus()

    def action_back(self) -> None:
        self._leave_growth()
        self.query_one("#network-composition", FrameTable).focus()

    def action_pick_family(self) -> None:
        """Toggle the highlighted role family as 'qualified' (when no strategy sets targets),
        on the role families table only, and say what happened or why nothing did."""
        self._leave_growth()
        pick = key_of(self.app, "network-pick-family", "p")
        if self.view is None:
            self.say(_("The figures are still being computed; press {key} again in a moment.").format(key=pick))
            return
        if self.view.targets.basis == "strategy":
            self.say(_("{key} changes nothing: your strategy's targets decide who is qualified "
                       "({file}). Edit them there, or remove them to pick role families.").format(
                key=pick, file=self.context.paths.strategy_file))
            return
        table = table_to_act_on(self, "family", pick,
                                _("{key} counts a role family as qualified: highlight one here and press {key}."),
                                _("{key} acts on the role families table: back on it; highlight a family and press {key}."))
        if table is None:
            return
        row = table.current_row()
        if row is None:
            self.say(_("No role family to count."))
            return
        value = row["value"]
        if value in self.picked:
            self.picked = tuple(f for f in self.picked if f != value)
            self.say(Content.assemble(display_text(row["label"], 40), _(" no longer counted as qualified.")))
        else:
            self.picked = (*self.picked, value)
            self.say(Content.assemble(display_text(row["label"], 40),
                                      _(" counted as qualified ({key} again: undo).").format(key=pick)))
        self._compute(self.picked)

    def action_add_rule(self) -> None:
        """On the titles in no family: pick a family for the highlighted title; the keyword
        goes under [role_families] in config.toml and the tables are classified again."""
        from tui.ui.panes.network_rules import ask_rule

        self._leave_growth()
        ask_rule(self)

    def say(self, message: str | Content) -> None:
        """The pane's status line: what the last key did, or why it did nothing."""
        self.query_one("#network-said", Static).update(message if isinstance(message, Content) else Content(message))

    def action_compose(self) -> None:
        row = self.query_one("#network-people", FrameTable).current_row()
        if row is None or not row.get("key"):
            return
        from tui.store.store import Person
        from tui.ui.messages import OpenComposer

        self.post_message(OpenComposer(Person(row["key"], row.get("full_name"), row.get("url"))))

    def action_tags(self) -> None:
        """Tags for the person highlighted in the people table (T: `t` cycles the tables)."""
        from tui.ui.panes.person_marks import ask_tags

        row = self.query_one("#network-people", FrameTable).current_row() or {}
        ask_tags(self, self.context.store, row.get("key"), row.get("full_name"), self.marks_said)

    def action_met(self) -> None:
        """How you met the person highlighted in the people table (M)."""
        from tui.ui.panes.person_marks import ask_met

        row = self.query_one("#network-people", FrameTable).current_row() or {}
        ask_met(self, self.context.store, row.get("key"), row.get("full_name"), self.marks_said)

    # ---- app hooks --------------------------------------------------------------------
    def focus_default(self) -> None:
        self.query_one("#network-composition", FrameTable).focus()

    def palette_commands(self) -> list[tuple[str, str, object]]:
        return network_commands(self)

    def language_changed(self) -> None:
        """Every figure and title again in the new language, from the figures already computed."""
        if self.view is not None:
            self.on_network_pane_figures_computed(self.FiguresComputed(self.view))

    # ---- rendering --------------------------------------------------------------------
    def _show_table(self) -> None:
        if self.view is None:
            return
        dimension, title = TABLES[self.table_index]
        table = self.query_one("#network-composition", FrameTable)
        hint = table_hint(dimension, key_of(self.app, "network-next-table", "t"), key_of(self.app, "network-pick-family", "p"),
                          key_of(self.app, "network-add-rule", "a"))
        self.query_one("#network-table-title", Static).update(Content.assemble(_(title), (hint, "dim")))
        table.clear_marks()
        frame = self.view.tables[dimension]
        if dimension == "qualified":
            frame = frame.with_columns(label=pl.lit(qualified_label(
                self.view.stats["qualified"], key_of(self.app, "network-pick-family", "p"))))
        else:  # the tables keep English labels (drill-downs, --json); people read them translated
            frame = frame.with_columns(label=shown_labels(dimension, frame["label"]))
        table.set_frame(frame)
        if dimension == "family":
            table.mark_all(self.picked)
