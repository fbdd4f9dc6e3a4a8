"""What the received pane says when a view is empty but the filter matches elsewhere."""

from __future__ import annotations

from tui.i18n import N_, _, ngettext
from tui.ui.widgets.view_tabs import view_name

EMPTY = N_("Nothing in this view.")


def elsewhere(view: str, counts: dict[str, int], views: tuple[str, ...]) -> tuple[str, str] | None:
    """Where the rows the filter matches are when this view shows none: a short line for the
    table ("1 in Decided: press V") and a sentence for the detail; None when nowhere."""
    others = [(v, counts.get(v, 0)) for v in views if v != view and counts.get(v, 0)]
    if not others:
        return None
    here, total = views.index(view), len(views)

    def presses(target: str) -> tuple[int, str]:
        ahead = (views.index(target) - here) % total
        return (ahead, "v") if ahead <= total - ahead else (total - ahead, "V")

    target, count = min(others, key=lambda vc: presses(vc[0])[0])
    steps, key = presses(target)
    how = _("press {key}").format(key=key) if steps == 1 else _("press {key} {steps} times").format(key=key, steps=steps)
    shown, named = view_name(target), view_name(view)
    matches = ngettext("The match is in the {view} view: {how}.", "The {count} matches are in the {view} view: {how}.",
                       count).format(count=f"{count:,}", view=shown, how=how)
    return (_("{count} in {view}: {how}").format(count=count, view=shown, how=how),
            _("Nothing in {view}.").format(view=named) + " " + matches)
