"""What the received pane says when a view is empty but the filter matches elsewhere."""

from __future__ import annotations

from tui.core.words import plural

EMPTY = "Nothing in this view."


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
    how = f"press {key}" if steps == 1 else f"press {key} {steps} times"
    matches = "The match is" if count == 1 else f"The {plural(count, 'match', 'matches')} are"
    return f"{count} in {target}: {how}", f"Nothing in {view}. {matches} in the {target} view: {how}."
