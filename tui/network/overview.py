"""What the Network pane shows, computed in one go (in a worker): figures, tables, growth, changes.

Pure: the pane's context (export, store, paths, day) in, frozen data out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from tui.core.errors import ConfigError, PasserelleError
from tui.i18n import N_, _
from tui.network import breakdown as comp
from tui.network.figures import monthly, network_stats, targets_for
from tui.network.growth import Growth, growth_of

AppContext = Any  # tui.context.AppContext: the export, store, paths and day


TABLES = (
    ("company", N_("Top companies")),
    ("family", N_("Role families")),
    ("year", N_("Year connected")),
    ("email", N_("Email available")),
    ("qualified", N_("Qualified contacts")),
    ("seniority", N_("Seniority")),
    ("unclassified", N_("Titles in no family")),
    ("tag", N_("Tags")),
    ("ties", N_("Real ties")),
)


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
    companies: object = None  # tui.core.companies.CompanyRules from companies.toml (None: defaults)
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


def _across(context: AppContext, rules=None) -> dict | None:
    from tui.network.history import across_imports, load_imports

    try:
        return across_imports(load_imports(context.store.imports())[0], rules)
    except (PasserelleError, OSError, pl.exceptions.PolarsError):  # lost snapshots only hide this line
        return None


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
        "ties": comp.ties_table(export),
    }
    stats = network_stats(
        export, settings, strategy=strategy, previous=previous, today=today,
        picked_families=picked, companies=rules, classified=classified, tables=tables,
    )
    stats["across_imports"] = _across(context, rules)
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

        diff = changes(export, previous, rules)
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
