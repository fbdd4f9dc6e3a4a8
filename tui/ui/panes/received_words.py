"""What the received pane says: while the export is read, when a view is empty (the filter may
match elsewhere), and once the queue is clear."""

from __future__ import annotations

from textual.content import Content

from tui.i18n import N_, _, ngettext
from tui.ui.widgets.decision_words import decision_word
from tui.ui.widgets.view_tabs import view_name

EMPTY = N_("Nothing in this view.")
READING = N_("Reading the export for the first time (Polars, in the background)… keys you type are kept.")


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


def summary_text(session: dict[str, str], all_clear: bool, where: tuple[str, str] | None,
                 view_key: str = "v", sent_key: str = "2") -> Content:
    """The detail column once a view is empty: what is left where, and this session's decisions;
    the keys named are the ones the user's keymap sets."""
    counts: dict[str, int] = {}
    for decision in session.values():
        counts[decision] = counts.get(decision, 0) + 1
    lines = [Content.assemble((_("Nothing left in this view."), "bold"))]
    if all_clear:
        lines[0] = Content.assemble((_("Queue clear — every received invitation has a decision."), "bold green"))
    elif where:
        lines[0] = Content.assemble((where[1], "bold"))
    if counts:
        made = ", ".join(f"{n} {decision_word(d)}" for d, n in sorted(counts.items()))
        lines.append(Content(_("This session: {decisions}").format(decisions=made)))
        lines.append(Content(_("Carry them out on LinkedIn: run `passerelle decisions` for the list.")))
    else:
        lines.append(Content(_("No decisions in this session yet.")))
    lines.append(Content.assemble((_("{view_key} shows another view · escape clears the filter · "
                                     "{sent_key} shows sent invitations").format(view_key=view_key, sent_key=sent_key),
                                   "dim")))
    return Content("\n").join(lines)
