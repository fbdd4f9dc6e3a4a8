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
    """A decision batch was committed to the store (panes refresh their queues)."""

    def __init__(self, batch_id: int | None) -> None:
        super().__init__()
        self.batch_id = batch_id
