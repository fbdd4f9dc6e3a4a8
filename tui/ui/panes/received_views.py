"""The received pane's saved views: named filter lines from config.toml [views], after the
built-in views in the tabs, counted in SQL like them, saved with `S`."""

from __future__ import annotations

from typing import Any

from tui.store import queues as queue
from tui.triage.filters import VIEWS, Filter, FilterError, parse_filter
from tui.triage.saved_views import MAX_NAME, load_views, save_view


def usable(line: str) -> Filter:
    """The saved line as a Filter the received queue can run; FilterError says why not."""
    f = parse_filter(line)
    queue.filter_sql(f)  # a flag that applies to other lists only (flag:stale) says so here
    return f


def load_saved(context: Any) -> tuple[dict[str, Filter], list[str]]:
    """(name → Filter) in file order, and one line per view skipped, naming its line."""

    def check(name: str, line: str) -> str | None:
        if name in VIEWS:
            return f"'{name}' is a built-in view's name"
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
        pane.status("Type a filter first (/), then S saves it as a view.", "yellow")
        return

    def save(name: str | None) -> None:
        if name is None:
            return
        name = " ".join(name.split())
        if name in VIEWS:
            pane.status(f"'{name}' is a built-in view: choose another name.", "yellow")
            return
        try:
            view = save_view(pane.context.paths.settings_file, name, line)
            f = usable(view.line)
        except (ValueError, OSError) as exc:  # FilterError is a ValueError
            pane.status(f"View NOT SAVED — {exc}", "bold red")
            return
        pane.saved[view.name] = f
        pane.views_changed()
        pane.status(f"✓ saved the view '{view.name}' in {pane.context.paths.settings_file.name}  (v shows it)", "green")

    pane.app.push_screen(PersonLineModal(
        "Save this filter as a view", line, "",
        f"A name for the view (up to {MAX_NAME} characters); enter saves it in config.toml [views], escape cancels"),
        save)
