"""NetworkPane (key 3): maturity gauge, growth, composition with drill-down, who-at."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from tui.ui.context import AppContext
from tui.core.errors import ConfigError, PasserelleError
from tui.network import breakdown as comp
from tui.composer.recipients import TYPED_IN
from tui.network.growth import Growth, growth_of
from tui.network.figures import BAND_ADVICE, BAND_MEANING, monthly, network_stats, targets_for
from tui.i18n import N_, _, language, ngettext
from tui.i18n.formats import day, number, percent
from tui.text import display_text
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.decision_words import band_word, table_day
from tui.ui.widgets.growth_chart import GrowthChart
from tui.ui.widgets.header_lines import exported_day
from tui.ui.widgets.key_names import key_of, with_keys
from tui.ui.widgets.network_gauge import NetworkGauge
from tui.ui.widgets.translated import Translated, placeholder, tr

WHO_AT = N_("Who do I know at…? type a company, enter")

TABLES = (
    ("company", N_("Top companies")),
    ("family", N_("Role families")),
    ("year", N_("Year connected")),
    ("email", N_("Email available")),
    ("qualified", N_("Qualified contacts")),
    ("seniority", N_("Seniority")),
    ("unclassified", N_("Titles in no family")),
    ("tag", N_("Tags")),
)
BASES = {"strategy": N_("strategy"), "role families": N_("role families"), "none": N_("none")}


def _pct(share: float | None) -> str:
    return "–" if share is None else percent(share)


def _basis(basis: str) -> str:
    return tr(BASES.get(basis, basis))



@dataclass(frozen=True, eq=False)
class NetworkView:
    """Everything the pane shows, computed off the UI thread."""

    stats: dict
    tables: dict[str, pl.DataFrame]
    per_month: list[int]
    strategy_note: str
    changes: object = None  # tui.network.changes.Changes, or None without an earlier import
    targets: comp.Targets = comp.Targets()
    growth: Growth = Growth()
    companies: object = None  # tui.network.companies.CompanyRules from companies.toml (None: defaults)
    company_index: object = None  # who-at's name-sorted companies, built with the rest


def _strategy(context: AppContext):
    path = context.paths.strategy_file
    if not path.is_file():
        return None, ""
    try:
        from tui.triage.strategy import load_strategy

        return load_strategy(path), ""
    except ConfigError as exc:  # a broken strategy must not hide the network figures
        return None, _("strategy not used: {error}").format(error=exc)


def _previous(context: AppContext):
    from tui.network.changes import previous_frames

    try:
        return previous_frames(context.store.imports(), context.export.content_hash)
    except (PasserelleError, OSError, pl.exceptions.PolarsError):  # a lost snapshot only hides "since last import"
        return None


def _company_rules(context: AppContext):
    from tui.network.companies_file import companies_file, load_company_rules

    try:
        return load_company_rules(companies_file(context.paths.config)), ""
    except ConfigError as exc:  # a broken companies.toml must not hide the network figures
        return None, _("companies.toml not used: {error}").format(error=exc)


def _across(context: AppContext) -> dict | None:
    from tui.network.history import across_imports, load_imports

    try:
        return across_imports(load_imports(context.store.imports())[0])
    except (PasserelleError, OSError, pl.exceptions.PolarsError):  # lost snapshots only hide this line
        return None


def _eta(eta: str) -> str:
    from datetime import date

    return day(date.fromisoformat(eta))


def compute_view(context: AppContext, picked: tuple[str, ...]) -> NetworkView:
    """All figures and tables (runs in a thread worker)."""
    export, settings = context.export, context.settings
    strategy, note = _strategy(context)
    rules, rules_note = _company_rules(context)
    note = " · ".join(n for n in (note, rules_note) if n)
    # Pace and "last year" are measured from the export's date, not from the day it is opened.
    today = getattr(export, "exported_on", None) or context.today
    previous = _previous(context)
    people = export.connections
    families = settings.role_families
    from tui.network.roles import classify, role_families

    classified = classify(people["position"], role_families(families))  # once for every role table
    tables = {  # built once: the figures below are read from them too
        "company": comp.companies(people, rules=rules),
        "family": comp.families_table(people, families, classified),
        "seniority": comp.seniority_table(people, classified),
        "unclassified": comp.unclassified_table(people, families, classified=classified),
        "year": comp.years_table(people),
        "email": comp.email_table(people),
    }
    stats = network_stats(
        export, settings, strategy=strategy, previous=previous, today=today,
        picked_families=picked, companies=rules, classified=classified, tables=tables,
    )
    stats["across_imports"] = _across(context)
    targets = targets_for(strategy, picked)
    q = stats["qualified"]
    label = f"qualified ({q['basis']})" if q["count"] is not None else "no targets: pick role families with p"
    tables["qualified"] = pl.DataFrame(
        {"label": [label], "value": ["qualified"], "count": [q["count"] or 0], "share": [q["share"] or 0.0]},
        schema=comp.TABLE_SCHEMA,
    )
    from tui.network.tag_tables import tags_table

    tables["tag"] = tags_table(context.store)
    diff = None
    if previous is not None:
        from tui.network.changes import changes

        diff = changes(export, previous)
    growth = growth_of(export)
    return NetworkView(stats, tables, monthly(export)["count"].to_list(), note, diff, targets, growth, rules,
                       comp.company_index(people, rules))


def since_frame(diff) -> pl.DataFrame:
    """New connections, then people whose company or position changed: the new value first,
    whole, then what it was ("Acme (was Beta)"), as history.now_was says it."""
    cols = ["key", "full_name", "url", "company", "position", "connected_on"]
    changed = diff.changed.select(
        "key", "full_name", "url",
        company=pl.concat_str(pl.col("company").fill_null("–"), pl.lit(" (was "), pl.col("company_before").fill_null("–"),
                              pl.lit(")")),
        position=pl.concat_str(pl.col("position").fill_null("–"), pl.lit(" (was "),
                               pl.col("position_before").fill_null("–"), pl.lit(")")),
        connected_on=pl.lit(None, pl.Date),
    )
    return pl.concat([diff.new.select(cols), changed.select(cols)])


class NetworkPane(Vertical):
    """How big the network is, what it is made of, how it grows; enter drills to people."""

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
        Binding("escape", "back", N_("Back"), show=False, id="network-back"),
    ]
    # Layout and the narrow/short variants: app.tcss (the pane sets -narrow, -short, -growth).

    class FiguresComputed(Message):
        """The figures were computed."""

        def __init__(self, view: NetworkView) -> None:
            super().__init__()
            self.view = view

    class PeopleFound(Message):
        """People behind a table row or a who-at query were found."""

        def __init__(self, title: Content, frame: pl.DataFrame, note: str = "") -> None:
            super().__init__()
            self.title = title
            self.frame = frame
            self.note = note

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
                        Column("share", N_("share"), width=6, align="right", formatter=_pct),
                    ],
                    key_column="value", empty_text=N_("No connections."), id="network-composition",
                )
            with Vertical(id="network-right"):
                yield placeholder(Input(id="network-who-at"), WHO_AT)
                yield Translated(N_("enter on a row shows the people behind it"), id="network-people-title",
                                 classes="network-title")
                yield FrameTable(
                    [
                        Column("full_name", N_("name"), ratio=2),
                        Column("company", N_("company"), ratio=2),
                        Column("position", N_("position"), ratio=3),
                        Column("why", N_("how the title was read"), ratio=3, formatter=tr),
                        Column("connected_on", N_("since"), width=10, formatter=lambda d: table_day(d) if d else ""),
                        Column("ties", N_("ties"), width=4, align="right", formatter=lambda n: str(n) if n else ""),
                    ],
                    empty_text=N_("Nobody here."), id="network-people",
                )
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
        title = Content.assemble(display_text(label, 60), " — " + ngettext(
            "{count} person", "{count} people", frame.height).format(count=number(frame.height)))
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
                    company=pl.col("_typed") + pl.lit(f" ({TYPED_IN}) · invitation ")
                    + pl.col("direction").str.to_lowercase(),
                    position=pl.lit(None, pl.Utf8), connected_on=pl.col("connected_on"),
                ),
            ])
        found = (ngettext("{count} connection", "{count} connections", result.connections.height).format(
            count=number(result.connections.height)) + ", " + ngettext(
            "{count} invitation", "{count} invitations", result.invitations.height).format(
            count=number(result.invitations.height)))
        title = Content.assemble(_("At "), display_text(query, 40), f": {found}")
        self.post_message(self.PeopleFound(title, frame, result.invitations_note))

    # ---- messages ---------------------------------------------------------------------
    def on_network_pane_figures_computed(self, message: FiguresComputed) -> None:
        self.view = message.view
        s = message.view.stats
        self.query_one("#network-tables").loading = False
        self.query_one("#network-status", Static).update(Content.assemble(
            (_("Network"), "bold"), "  " + _("{connections} connections · {hidden} hidden "
                                              "(members who hid or closed their profile, counted apart)").format(
                connections=number(s["connections"]), hidden=number(s["hidden_connections"])),
            *(["  ·  ", display_text(message.view.strategy_note)] if message.view.strategy_note else []),
        ))
        self.query_one(NetworkGauge).show(s["connections"])
        band = s["band"]
        self.query_one("#network-band", Static).update(
            Content.assemble((band_word(band), "bold"),
                             f" — {tr(BAND_MEANING[band]).split(': ', 1)[-1]} {tr(BAND_ADVICE[band])}")
        )
        self.query_one("#network-next", Static).update(Content(self._next_line(s)))
        for chart in self.query(GrowthChart):
            chart.show(message.view.growth)
        self.query_one("#network-growth", Static).update(Content(self._growth_line(s)))
        self.query_one("#network-growth").display = not message.view.growth.sentence  # the chart says it
        for figures in self.query("#network-figures, #network-figures-full").results(Static):
            figures.update(Content(self._figures(s)))
        self._show_table()

    def on_network_pane_people_found(self, message: PeopleFound) -> None:
        title = message.title if not message.note else Content.assemble(message.title, ("\n" + message.note, "dim"))
        self.query_one("#network-people-title", Static).update(title)
        self.query_one("#network-people", FrameTable).set_frame(message.frame)

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

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "-narrow")
        self.set_class(self.size.height < 32, "-short")

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
            self.post_message(self.PeopleFound(title, across_frame(across)))
            self.query_one("#network-people", FrameTable).focus()
            return
        diff = self.view.changes if self.view else None
        if diff is None:
            self.notify(_("No earlier import to compare with."), markup=False)
            return
        title = Content(_("Since the last import: {new} new, {changed} changed (company/position now, then what it "
                          "was), {accepted} invitations accepted").format(
            new=number(diff.new.height), changed=number(diff.changed.height), accepted=number(diff.accepted.height)))
        self.post_message(self.PeopleFound(title, since_frame(diff)))
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
        table = self.query_one("#network-composition", FrameTable)
        if TABLES[self.table_index][0] != "family":
            self.table_index = [t[0] for t in TABLES].index("family")
            self._show_table()
            table.focus()
            self.say(_("{key} counts a role family as qualified: highlight one here and press {key}.").format(key=pick))
            return
        if not table.has_focus:  # after a drill-down the arrows move the people list, not this one
            table.focus()
            self.say(_("{key} acts on the role families table: back on it; highlight a family and press {key}.").format(
                key=pick))
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
        ask_tags(self, self.context.store, row.get("key"), row.get("full_name"), self.say)

    def action_met(self) -> None:
        """How you met the person highlighted in the people table (M)."""
        from tui.ui.panes.person_marks import ask_met

        row = self.query_one("#network-people", FrameTable).current_row() or {}
        ask_met(self, self.context.store, row.get("key"), row.get("full_name"), self.say)

    # ---- app hooks --------------------------------------------------------------------
    def focus_default(self) -> None:
        self.query_one("#network-composition", FrameTable).focus()

    def palette_commands(self) -> list[tuple[str, str, object]]:
        return with_keys(self, [
            (N_("network: who do I know at…"), N_("Type a company to see your connections there"), self.action_who_at,
             "network-who-at"),
            (N_("network: growth chart"), N_("Connections per month, size, jobs, a year × month map"),
             self.action_growth, "network-growth"),
            (N_("network: who do I know at… a list"), N_("Companies separated by ; or a file"), self.action_intro,
             "network-intro"),
            (N_("network: next table"), N_("Companies, role families, years, email"), self.action_next_table,
             "network-next-table"),
            (N_("network: since last import"), N_("New connections and changed companies"),
             self.action_since_last_import, "network-since-last-import"),
            (N_("network: qualify role family"), N_("Count the highlighted role family as qualified"),
             self.action_pick_family, "network-pick-family"),
        ])

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
        keys = {"next": key_of(self.app, "network-next-table", "t"), "pick": key_of(self.app, "network-pick-family", "p")}
        hint = (_("  ({next}: next table · enter: people · {pick}: qualify family)") if dimension == "family"
                else _("  ({next}: next table · enter: people)"))
        if dimension == "unclassified":
            hint = _("  ({next}: next table · enter: people · add a keyword under [role_families] in config.toml)")
        self.query_one("#network-table-title", Static).update(Content.assemble(_(title), (hint.format(**keys), "dim")))
        table.clear_marks()
        frame = self.view.tables[dimension]
        if dimension == "qualified":
            frame = frame.with_columns(label=pl.lit(self._qualified_label(self.view.stats["qualified"])))
        table.set_frame(frame)
        if dimension == "family":
            table.mark_all(self.picked)

    def _qualified_label(self, q: dict) -> str:
        if q["count"] is None:
            return _("no targets: pick role families with {key}").format(key=key_of(self.app, "network-pick-family", "p"))
        return _("qualified ({basis})").format(basis=_basis(q["basis"]))

    @staticmethod
    def _next_line(s: dict) -> str:
        nxt, pace = s["next_threshold"], s["pace"]
        if nxt is None:
            return _("Past the last threshold. {count} new in the last {days} days.").format(
                count=number(pace["connections"]), days=pace["days"])
        per_week = f"{pace['per_week']:g}" if language() == "en" else number(pace["per_week"], 2).rstrip("0").rstrip(",")
        when = (_("at this pace ({per_week} a week) around {day}").format(per_week=per_week, day=_eta(nxt["eta"]))
                if nxt["eta"] else _("no new connections in the last {days} days").format(days=pace["days"]))
        return _("Next: {band} at {at} — {missing} to go, {when}.").format(
            band=band_word(nxt["band"]), at=number(nxt["at"]), missing=number(nxt["missing"]), when=when)

    @staticmethod
    def _growth_line(s: dict) -> str:
        g = s["growth"]
        if g["first"] is None:
            return _("No connection dates yet.")
        busiest = ", ".join(f"{b['month']} ({b['count']})" for b in g["busiest"])
        return _("Per month since {first} · latest {latest}\nBusiest: {busiest}").format(
            first=exported_day(g["first"]), latest=exported_day(g["latest"]), busiest=busiest)

    def _figures(self, s: dict) -> str:
        pick, since_key = key_of(self.app, "network-pick-family", "p"), key_of(self.app, "network-since-last-import", "n")
        q, c, a, m = s["qualified"], s["concentration"], s["active_estimate"], s["messaged"]
        inv = s["invitations"]
        if q["count"] is None:
            quality = _("Quality in quantity: no targets yet — pick role families with {key} on the role families "
                        "table.").format(key=pick)
        else:
            quality = _("Quality in quantity: {count} qualified contacts of {connections} ({share}, by {basis}).").format(
                count=number(q["count"]), connections=number(s["connections"]), share=_pct(q["share"]),
                basis=_basis(q["basis"]))
        if c["companies_for_half"] is None:
            conc = _("Concentration: no company names.")
        else:
            conc = _("Concentration: {half} of {companies} companies hold half of the connections with a company; "
                     "the top 20% hold {share}.").format(half=number(c["companies_for_half"]),
                                                        companies=number(c["companies"]), share=_pct(c["top20_share"]))
        silent = _("Silent majority: ~{members} active members ({share}) → ~{posts} posts a week to read. "
                   "Messaged: {ever} ({ever_share}) ever, {last_year} in the last year.").format(
            members=number(a["members"]), share=_pct(a["share"]), posts=number(a["weekly_posts"]),
            ever=number(m["ever"]), ever_share=_pct(m["ever_share"]), last_year=number(m["last_year"]))
        invites = _("Invitations: received {received} ({received_open} open) · sent {sent} ({sent_open} open).").format(
            received=number(inv["incoming"]["total"]), received_open=number(inv["incoming"]["open"]),
            sent=number(inv["outgoing"]["total"]), sent_open=number(inv["outgoing"]["open"]))
        since = s["since_last_import"]
        if since is None:
            change = _("Since the last import: no earlier import to compare with.")
        else:
            change = _("Since the last import: {new} new · {accepted} invitations accepted · {changed} changed company "
                       "or position · {gone} gone ({key}: list).").format(key=since_key,
                new=number(since["new_connections"]), accepted=number(since["invitations_accepted"]),
                changed=number(since["changed"]), gone=number(since["gone"]))
        across = s.get("across_imports")
        if across:
            change += "\n" + _("Across your {imports} imports: {new} new · {left} left · {changed} job changes · "
                               "{accepted} invitations accepted (passerelle stats --json lists them).").format(
                imports=number(across["imports"]), new=number(len(across["new"])), left=number(len(across["left"])),
                changed=number(len(across["changed"])), accepted=number(len(across["accepted"])))
        return "\n".join([quality, conc, silent, invites, change])
