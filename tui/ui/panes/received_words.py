"""What the received pane says: while the export is read, when a view is empty (the filter may
match elsewhere), and once the queue is clear."""

from __future__ import annotations

from textual.content import Content

from tui.core.words import plural

EMPTY = "Nothing in this view."
READING = "Reading the export for the first time (Polars, in the background)… keys you type are kept."


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


def summary_text(session: dict[str, str], all_clear: bool, where: tuple[str, str] | None) -> Content:
    """The detail column once a view is empty: what is left where, and this session's decisions."""
    counts: dict[str, int] = {}
    for decision in session.values():
        counts[decision] = counts.get(decision, 0) + 1
    lines = [Content.assemble(("Nothing left in this view.", "bold"))]
    if all_clear:
        lines[0] = Content.assemble(("Queue clear — every received invitation has a decision.", "bold green"))
    elif where:
        lines[0] = Content.assemble((where[1], "bold"))
    if counts:
        lines.append(Content("This session: " + ", ".join(f"{n} {d}" for d, n in sorted(counts.items()))))
        lines.append(Content("Carry them out on LinkedIn: run `passerelle decisions` for the list."))
    else:
        lines.append(Content("No decisions in this session yet."))
    lines.append(Content.assemble(("v shows another view · escape clears the filter · 2 shows sent invitations", "dim")))
    return Content("\n").join(lines)
