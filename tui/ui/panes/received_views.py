"""The received pane's saved views: named filter lines from config.toml [views], after the
built-in views in the tabs, counted in SQL like them, saved with `S`."""

from __future__ import annotations

from typing import Any

from tui.store import queues as queue
from tui.triage.filters import VIEWS, Filter, FilterError, parse_filter
from tui.triage.saved_views import MAX_NAME, load_views, save_view
from tui.i18n import _
from tui.ui.widgets.key_names import key_of


def usable(line: str) -> Filter:
    """The saved line as a Filter the received queue can run; FilterError says why not."""
    f = parse_filter(line)
    queue.filter_sql(f)  # a flag that applies to other lists only (flag:stale) says so here
    return f


def load_saved(context: Any) -> tuple[dict[str, Filter], list[str]]:
    """(name → Filter) in file order, and one line per view skipped, naming its line."""

    def check(name: str, line: str) -> str | None:
        if name in VIEWS:
            return _("'{name}' is a built-in view's name").format(name=name)
        try:
            usable(line)
        except FilterError as exc:
            return str(exc)
        return None

    good, problems = load_views(context.paths.settings_file, dict(context.settings.views), check)
    return {v.name: usable(v.line) for v in good}, problems


def load_into(pane: Any) -> None:
    """The pane's saved views from config.toml; each skipped one is said once, with its line."""
    pane.saved, problems = load_saved(pane.context)
    for problem in problems:
        pane.app.notify(problem, severity="warning", markup=False, timeout=12)
    pane.views_changed()


def ask_and_save(pane: Any) -> None:
    """`S`: ask a name for the current filter line and write it into config.toml [views]."""
    from tui.ui.screens.person_line_modal import PersonLineModal

    pane._catch_up_filter()  # a filter typed just before S is the one saved
    line = pane.filter_line()
    if not line.strip() or pane.filter.empty:
        pane.status(_("Type a filter first ({filter_key}), then {save_key} saves it as a view.").format(
            filter_key=key_of(pane.app, "open-filter", "slash"), save_key=key_of(pane.app, "save-view", "S")), "yellow")
        return

    def save(name: str | None) -> None:
        if name is None:
            return
        name = " ".join(name.split())
        if name in VIEWS:
            pane.status(_("'{name}' is a built-in view: choose another name.").format(name=name), "yellow")
            return
        try:
            view = save_view(pane.context.paths.settings_file, name, line)
            f = usable(view.line)
        except (ValueError, OSError) as exc:  # FilterError is a ValueError
            pane.status(_("View NOT SAVED — {reason}").format(reason=exc), "bold red")
            return
        pane.saved[view.name] = f
        pane.views_changed()
        pane.status(_("✓ saved the view '{name}' in {file}  ({key} shows it)").format(
            name=view.name, file=pane.context.paths.settings_file.name, key=key_of(pane.app, "next-view", "v")), "green")

    pane.app.push_screen(PersonLineModal(
        _("Save this filter as a view"), line, "",
        _("A name for the view (up to {count} characters); enter saves it in config.toml [views], escape cancels").format(
            count=MAX_NAME)),
        save)
