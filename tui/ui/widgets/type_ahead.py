"""Type-ahead: keys already queued for a widget when focus moved on go where focus is now;
keys typed while a pane asked for is still being read wait for it.

Textual hands each key to the widget focused when the app reads it, so in a burst (`/anne`
typed at once, or keys pressed while the start paints) the keys after `/` are queued for
the table before `/` moves focus to the filter: they would be dropped there (the filter
field consumes letters) or, worse, taken as decisions. Re-posting them keeps their order.
"""

from __future__ import annotations

from itertools import count
from weakref import WeakKeyDictionary

from textual import events
from textual.widget import Widget

from tui.ui.textual_private import read_escape_then_key


class HandedKey(events.Key):
    """A key Passerelle hands on to the widget it is meant for: already forwarded, as the keys
    Textual hands to the focused widget are, so the app reads its bindings once it has bubbled
    up instead of taking it for a new key press (which would hand it to the focus a second time)."""

    followed = False  # it came back up once already, to go behind keys typed before it

    @property
    def is_forwarded(self) -> bool:
        return True


# Handled as any key (`on_key`); set after the class statement, which names its own handler.
HandedKey.handler_name = events.Key.handler_name


def hand_key(widget: Widget, event: events.Key, *, follow: bool = False) -> None:
    """Queue `event`'s key for `widget`, behind the keys it already holds. Aimed at `widget`
    as a key read from the terminal is: if focus has moved on when it comes back up unused
    (`/` queued before it opened the filter), it goes on to the new focus."""
    handed = HandedKey(event.key, event.character)
    handed.followed = follow or getattr(event, "followed", False)
    if isinstance(widget.app, TypeAheadApp):
        widget.app.pass_on(event, handed, widget)
    widget.post_message(handed)


class TypeAhead:
    """Mix in before the widget class: `class FrameTable(TypeAhead, ScrollView)`."""

    async def on_key(self, event: events.Key) -> None:
        target = self.app.focused
        if target is not self:  # focus moved on, or left every field (then the screen reads it)
            event.stop()
            event.prevent_default()  # Textual calls each class's key handler in turn: the widget's must not run
            hand_key(target if target is not None else self.app.screen, event)


# Enter pressed while the app starts, before it puts the terminal in raw mode, reaches it as a
# line feed (the terminal turns CR into LF, ICRNL): `/anne`, enter, `a` would type the `a` into
# the filter. Read as enter, as readline reads ctrl+j.
LINE_FEED = "ctrl+j"


class TypeAheadApp:
    """Mix into the App before `App`: a key goes behind the keys still waiting, to where focus is now."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        read_escape_then_key()  # before the terminal's first key is read
        self._key_target: Widget | None = None  # the widget the last key was handed to
        self._typed = count()  # the order keys were typed in
        # Each key on its way: the widget it was handed to, and when it was typed.
        self._waiting: WeakKeyDictionary[events.Key, tuple[Widget | None, int]] = WeakKeyDictionary()
        self._held: list[events.Key] | None = None  # keys waiting for a pane still being read

    def hold_keys(self) -> None:
        """Keys typed from now on wait, in order: the pane they are meant for is not shown yet
        (`3` then `a` at once would otherwise accept an invitation instead of adding a rule)."""
        if self._held is None:
            self._held = []

    def release_keys(self) -> None:
        """The held keys, in order, as if typed now: they go where focus is now."""
        held, self._held = self._held, None
        for key in held or ():
            self.post_message(events.Key(key.key, key.character))

    async def on_event(self, event) -> None:
        """Note which widget a key is handed to (Textual does it before the key is handled);
        while the widget that had focus still holds keys, a new key queues behind them."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if event.key == LINE_FEED:
                event = events.Key("enter", "\r")
            if self._held is not None and not self._priority(event.key):  # ctrl+q still quits at once
                self._held.append(event)
                return
            held = self._key_target
            self._waiting[event] = (self.focused, next(self._typed))
            if (isinstance(held, TypeAhead) and held is not self.focused and held.is_attached
                    and held.message_queue_size):
                # Handed straight to the new focus, it would overtake the keys still waiting
                # there (`/anne` read as "naen" on a busy machine); TypeAhead passes them on in order.
                self.app_focus = True
                hand_key(held, event)
                return
            self._key_target = self.focused
        await super().on_event(event)

    def _priority(self, key: str) -> bool:
        active = self.active_bindings.get(key)
        return active is not None and active.binding.priority

    def pass_on(self, event: events.Key, handed: HandedKey, widget: Widget) -> None:
        """`handed` takes `event`'s place in line, aimed at `widget`: `on_key` sees whether
        focus moved while it waited."""
        _, typed = self._waiting.pop(event, (None, -1))
        self._waiting[handed] = (widget, typed)

    async def on_key(self, event: events.Key) -> None:
        """A key comes back up for the bindings. If focus moved while it waited in line
        (`/` opened the filter), it goes where focus is now instead of being read by the
        new focus's bindings (the filter field would drop letters; a decision key would
        decide): `/anne` typed in one burst filters for "anne"."""
        if self._held is not None:  # typed in the burst that asked for the pane: it waits too
            event.prevent_default()
            self._waiting.pop(event, None)
            self._held.append(event)
            return
        aimed, typed = self._waiting.get(event, (None, -1))
        if aimed is not None and self.focused is not None:
            if aimed is not self.focused:
                event.prevent_default()  # Textual calls each class's key handler: App's must not run
                hand_key(self.focused, event)
                return
            if not getattr(event, "followed", False) and self._handed_on_before(typed):
                # Keys typed before it were handed on (escape closed the filter, `/` reopens it)
                # and are still on their way: it goes behind them, once, instead of being read here.
                event.prevent_default()
                hand_key(self.focused, event, follow=True)
                return
        self._waiting.pop(event, None)
        # App._on_key (called next, by Textual) reads the bindings

    def _handed_on_before(self, typed: int) -> bool:
        return any(isinstance(key, HandedKey) and -1 < when < typed for key, (_, when) in self._waiting.items())
