"""Text fields whose escape leaves them at once: a key typed right after escape (`escape` `2`
in one burst) is read where focus goes, as the footer says (show Sent), not typed in.

Textual reads escape's binding only once the key has bubbled up to the app, while the key
after it is already queued for the field, which types it; here the field acts on escape as
it reads it, and TypeAhead hands the keys still queued for it on to where focus is now.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.ui.widgets.type_ahead import TypeAhead


class LeavesOnEscape(TypeAhead):
    """Mix in before a text widget: escape gives up the focus (`leave`) as soon as it is read."""

    async def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.app.focused is self:
            event.stop()
            event.prevent_default()  # nor the widget's handling nor the escape bindings run again
            self.leave()
        # any other key: TypeAhead.on_key runs next (Textual calls each class's handler)

    def leave(self) -> None:
        """No focus: the app's keys (1–5, q, the pane's letters) work again."""
        self.app.set_focus(None)


class TextField(LeavesOnEscape, Input):
    """An Input whose escape leaves it at once."""


class DialogField(TextField):
    """A dialog's field: escape cancels the dialog and enter submits it as they are read, so the
    keys typed after them in one burst go to the screen beneath (`escape` `a`, `vip` enter `a`:
    `a` accepts), not into the field. The dialog has `action_cancel()` and `submit(value)`."""

    async def on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.app.focused is self:
            event.stop()
            event.prevent_default()  # Input's own submit would come round after the next key
            self.screen.submit(self.value)  # type: ignore[attr-defined]

    def leave(self) -> None:
        self.screen.action_cancel()  # type: ignore[attr-defined]
