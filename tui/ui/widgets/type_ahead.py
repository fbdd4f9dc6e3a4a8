"""TypeAhead: keys already queued for a widget when focus moved on go where focus is now.

Textual hands each key to the widget focused when the app reads it, so in a burst (`/anne`
typed at once, or keys pressed while the start paints) the keys after `/` are queued for
the table before `/` moves focus to the filter: they would be dropped there (the filter
field consumes letters) or, worse, taken as decisions. Re-posting them keeps their order.
"""

from __future__ import annotations

from textual import events


class TypeAhead:
    """Mix in before the widget class: `class FrameTable(TypeAhead, ScrollView)`."""

    async def _on_key(self, event: events.Key) -> None:
        target = self.app.focused
        if target is not None and target is not self:
            event.stop()
            event.prevent_default()  # Textual calls each class's _on_key in turn: the widget's must not run
            target._forward_event(events.Key(event.key, event.character))
