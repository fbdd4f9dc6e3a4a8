"""App-wide messages that cross panes (facts in past tense, requests imperative)."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class OpenComposer(Message):
    """Ask the app to switch to the composer with `person` (a tui.store.store.Person) as recipient."""

    def __init__(self, person: Any) -> None:
        super().__init__()
        self.person = person


class DecisionSaved(Message):
    """A decision batch was committed to the store (the other panes refresh their queues);
    also sent, with no batch, when a person's tags or "how we met" were saved.

    `pane`: the pane the decision was made in (it shows it already), None from the palette.
    """

    def __init__(self, batch_id: int | None, pane: Any = None) -> None:
        super().__init__()
        self.batch_id = batch_id
        self.pane = pane
