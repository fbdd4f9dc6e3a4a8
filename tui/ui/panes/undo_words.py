"""Undo and redo as people read them: which pane owns a decision, and whom it was for.

Each pane undoes the decisions made in it (Received its own, Sent its own, To do its done
events), even after a restart: the scope is the decision's kind, read from the log.
"""

from __future__ import annotations

from textual.content import Content

from tui.store.store import DONE, RECEIVED_DECISIONS, SENT_DECISIONS, Batch
from tui.i18n import _, ngettext
from tui.ui.widgets.decision_words import decision_word
from tui.text import display_text

PANE_DECISIONS = {"received": RECEIVED_DECISIONS, "sent": SENT_DECISIONS, "todo": (DONE,)}


def pane_of(decision: str) -> str:
    """The pane where `decision` is made."""
    return next((pane for pane, kinds in PANE_DECISIONS.items() if decision in kinds), "received")


def whom(batch: Batch) -> Content:
    """"Amélie Durand", or "Amélie Durand and 2 others" for a batch."""
    names = [n for n in batch.names if n and n.strip()] or list(batch.keys)
    first = display_text(names[0], 60) if names else Content(_("nobody"))
    others = len(batch.keys) - 1
    if others <= 0:
        return first
    return Content.assemble(first, ngettext(" and {count} other", " and {count} others", others).format(count=others))


def undone_line(batch: Batch, redo: bool = False) -> Content:
    """"✓ undone: accept for Amélie Durand" (or redone)."""
    what = decision_word("done" if batch.decision == DONE else batch.decision)
    verb = _("✓ redone: ") if redo else _("✓ undone: ")
    return Content.assemble((verb, "bold green"), _("{decision} for ").format(decision=what), whom(batch))


def undo_anywhere(app) -> None:
    """Undo the last decision made in any pane, then show it in the pane where it was made."""
    from tui.core.errors import PasserelleError
    from tui.ui.messages import DecisionSaved

    try:
        batch = app.context.store.undo()
    except PasserelleError as exc:
        app.notify(_("Undo not saved: {reason}").format(reason=exc.reason), severity="error", markup=False)
        return
    if batch is None:
        app.notify(_("Nothing to undo."), severity="warning", markup=False)
        return
    pane_id = pane_of(batch.decision)
    app.action_show_pane(pane_id)
    pane = app.pane(pane_id)
    if pane is not None:
        pane.show_undone(batch)
    else:  # not built yet: say it here
        app.notify(undone_line(batch).plain, markup=False)
    app.post_message(DecisionSaved(batch.id))  # every pane re-reads its queue
