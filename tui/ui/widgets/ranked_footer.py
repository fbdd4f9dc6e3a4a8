"""RankedFooter: the shown pane's most useful keys first, `?` and the palette always, cut to fit."""

from __future__ import annotations

from dataclasses import replace

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

from tui.i18n import N_, _
from tui.ui.widgets.footer_key import FooterKey
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.translated import tr

# Binding ids, most useful first: what a new user needs on each pane before anything else.
RANK = (
    # escape out of a text field: first whenever it shows (only while a field has the focus)
    "composer-leave-field", "who-at-leave-field", "leave-field",
    # received
    "accept-invitation", "ignore-invitation", "later-invitation", "open-filter", "next-view",
    "undo-decision", "mark-suspicious", "take-suggestion", "follow-instead", "toggle-mark",
    # sent
    "follow-up-done", "withdrawal-done", "undo-sent", "open-profile-sent", "copy-url-sent",
    # network
    "network-next-table", "network-who-at", "network-growth", "network-pick-family",
    "network-since-last-import", "network-compose",
    # composer (the key out of a field to the templates before the rest: in a field it is the way on)
    "find-recipient", "focus-templates", "copy-note", "save-draft", "mark-sent", "composer-more", "save-template", "new-template",
    # filter bar
    "keep-filter", "clear-filter",
)
KEPT = 5  # the pane's best keys kept at every width, their words shortened if they must be
MIN_WORDS = 6  # a shortened description keeps at least this many characters ("Who d…")
ALWAYS = ("help",)  # shown at every width, after the pane's keys
LEAVE_FIELD = "leave-field"  # escape: shown instead of `?` while a text field has the focus
LEAVE_IDS = ("composer-leave-field", "who-at-leave-field", LEAVE_FIELD)
HIDDEN_PREFIX = "show-"  # 1–5 are on the tab line already
PALETTE_WIDTH = 12  # "^p palette" and its border
THEN_HELP = N_("then {key} help")
N_("palette")  # Textual's own description of ctrl+p, translated where shown


def shorten(words: str, cap: int | None) -> str:
    """`words` cut to `cap` characters, the last one an ellipsis, at a word's end when one is near
    ("Who do I…", not "Who do I kn…"); None: whole."""
    if cap is None or len(words) <= cap:
        return words
    cut = words[:max(1, cap - 1)]
    space = cut.rfind(" ")
    return (cut[:space] if space >= 3 else cut).rstrip(" ,") + "…"


def shortest_cap(top: list, room: int, width) -> int | None:
    """The longest description length at which the `top` keys all fit in `room` (None: they fit whole);
    the longest descriptions are cut first, never below MIN_WORDS characters."""
    if sum(width(item) for item in top) <= room:
        return None
    cap = max((len(tr(item[0].description)) for item in top), default=MIN_WORDS)
    while cap > MIN_WORDS and sum(width(item, cap) for item in top) > room:
        cap -= 1
    return cap


class RankedFooter(Footer):
    """A compact Footer that keeps as many of the best-ranked keys as the width allows."""

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self._fitted_width = 0
        self._bindings_known = False  # compose waits for the screen's bindings, as Footer does

    def bindings_changed(self, screen) -> None:
        self._bindings_known = True
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if not self._bindings_known:
            return
        active = self.screen.active_bindings
        shown, seen = [], set()
        for _key, (_node, binding, enabled, tooltip) in active.items():
            if not binding.show or binding.action in seen or (binding.id or "").startswith(HIDDEN_PREFIX):
                continue
            seen.add(binding.action)
            shown.append((binding, enabled, tooltip))
        always = [b for b in shown if b[0].id in ALWAYS]
        leaving = any(b[0].id in LEAVE_IDS for b in shown)
        if not always and not leaving:  # a text field takes `?` as a letter: say how to reach help
            leave = next((v for v in active.values() if v[1].id == LEAVE_FIELD), None)
            if leave is not None:
                then = _(THEN_HELP).format(key=key_of(self.app, "help", "question_mark"))
                always = [(replace(leave[1], description=then), leave[2], leave[3])]
        rest = sorted((b for b in shown if b[0].id not in ALWAYS), key=lambda b: self._rank(b[0].id))
        room = self.size.width or self.app.size.width
        room -= PALETTE_WIDTH + sum(self._width(b) for b in always)
        top = rest[:KEPT]
        cap = shortest_cap(top, room, self._width)
        while len(top) > 1 and sum(self._width(item, cap) for item in top) > room:
            top.pop()  # too narrow even with short words: the lowest-ranked go
        kept = [(item, cap if item[0].id not in LEAVE_IDS else None) for item in top]
        room -= sum(self._width(item, cap) for item, cap in kept)
        more = rest[KEPT:] if len(top) == len(rest[:KEPT]) else []  # never past one that did not fit
        for item in more:
            if self._width(item) <= room:
                kept.append((item, None))
                room -= self._width(item)
            else:
                break  # keep the ranking: a lower key never jumps over a higher one that did not fit
        for (binding, enabled, tooltip), width in kept + [(item, None) for item in always]:
            yield FooterKey(
                binding.key, self.app.get_key_display(binding), shorten(tr(binding.description), width),
                binding.action, disabled=not enabled, tooltip=tr(tooltip),
            ).data_bind(compact=Footer.compact)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        if palette is not None:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(
                binding.key, self.app.get_key_display(binding), tr(binding.description), binding.action,
                classes="-command-palette", disabled=not enabled, tooltip=tr(binding.tooltip or binding.description),
            )
        self._fitted_width = self.size.width

    @staticmethod
    def _rank(binding_id: str | None) -> int:
        return RANK.index(binding_id) if binding_id in RANK else len(RANK)

    def _width(self, item, cap: int | None = None) -> int:
        binding = item[0]
        words = tr(binding.description)
        if cap is not None and binding.id not in LEAVE_IDS:
            words = shorten(words, cap)
        return len(self.app.get_key_display(binding)) + 1 + len(words) + 1

    def on_mount(self) -> None:
        # Footer.on_mount (Textual runs it too) only subscribes to binding changes; the app
        # mounts this footer after the first rows, when no change may come for a while.
        self.bindings_changed(self.screen)

    def language_changed(self) -> None:
        self.refresh(recompose=True)  # the descriptions again, in the footer's own turn

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)
