"""HelpScreen: every key of every pane, as the keymap currently sets them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.composer.templates import COUNTING
from tui.triage.vocabulary import ORDER_WORDS
from tui.i18n import N_, _
from tui.text import sanitize
from tui.ui.panes.catalog import PANES
from tui.ui.widgets.key_names import key_of
from tui.ui.widgets.translated import tr

INTRO = N_(
    "Passerelle reads your LinkedIn export and never goes online. Each decision key saves "
    "at once to your local database; `{undo}` undoes the last decision made in the pane you are in, "
    "`{redo}` redoes, even after a restart ({palette}: undo the last decision anywhere). "
    "Carry the decisions out on LinkedIn by hand: `passerelle decisions` prints the list."
)


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys per area; any of escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", N_("Close"), id="close-help"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 95%; height: 90%; border: round $primary;
        background: $surface; padding: 0 1; }
    HelpScreen .help-area { text-style: bold; color: $accent; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = _("Keys")
            scroll.border_subtitle = _("escape closes")
            app = self.app
            yield Static(Content(_(INTRO).format(undo=key_of(app, "undo-decision", "u"),
                                                 redo=key_of(app, "redo-decision", "U"),
                                                 palette=app.COMMAND_PALETTE_BINDING)))
            yield Static(Content(_("Note length: {rule}").format(rule=_(COUNTING))))
            yield Static(Content(_("Received invitations. {order}").format(order=_(ORDER_WORDS))))
            for area, rows in self.sections():
                yield Static(Content(area), classes="help-area")
                yield Static(Content("\n".join(f"  {key:<14} {text}" for key, text in rows)))

    def language_changed(self) -> None:
        self.refresh(recompose=True)

    def _key(self, binding: Binding) -> str:
        keys = self.app.key_map.get(binding.id, binding.key) if binding.id else binding.key
        shown = []
        for key in keys.split(","):
            shown.append(self.app.get_key_display(Binding(key.strip(), "")))
        return sanitize(" ".join(dict.fromkeys(shown)))

    def _rows(self, bindings) -> list[tuple[str, str]]:
        rows = []
        for binding in bindings:
            if isinstance(binding, tuple):
                binding = Binding(*binding)
            if binding.action.startswith("app.") and bindings is not type(self.app).BINDINGS:
                continue  # an app key a pane shows earlier in its footer: listed under Everywhere
            text = tr(binding.tooltip or binding.description) or binding.action
            rows.append((self._key(binding), sanitize(text)))
        return rows

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(area, [(key, what it does)]) for the app, each pane and the tables."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING
        out = [(_("Everywhere"), self._rows(type(app).BINDINGS) + [(palette, _("all actions, searchable"))])]
        seen: set[type] = set()
        for spec in PANES:
            try:
                pane = app.query_one(f"#{spec.id}")
            except NoMatches:  # not mounted yet
                continue
            title = spec.title
            rows = []
            for widget in [pane, *pane.query("*")]:
                kind = type(widget)
                own = kind.__dict__.get("BINDINGS")  # not the scroll keys inherited from Textual
                if kind in seen or not own or kind.__module__.startswith("textual.") or kind.__name__ == "FrameTable":
                    continue
                seen.add(kind)
                rows += self._rows(own)
            if rows:
                out.append((_("{pane} pane").format(pane=_(title)), _once_per_key(rows)))
        from tui.ui.widgets.frame_table import FrameTable

        out.insert(1, (_("Lists (received, sent)"), self._rows(FrameTable.BINDINGS)))
        return out


def _once_per_key(rows: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One row per key: a pane's own binding says it first, a widget's same key (the filter
    box's escape) would only repeat it."""
    seen: set[str] = set()
    out = []
    for key, text in rows:
        if key not in seen:
            seen.add(key)
            out.append((key, text))
    return out


def show_help(app) -> None:
    """Push the help screen (once); back from it, focus returns where it was."""
    if isinstance(app.screen, HelpScreen):
        return
    before = app.focused  # Textual would refocus "*" (maybe a text field) on return

    def refocus() -> None:  # the widget that had focus, unless it is gone: then the shown pane's own
        if before is None or before.is_attached:
            app.set_focus(before)
        else:
            app.panes.focus_pane(app.panes.current)

    app.push_screen(HelpScreen(), lambda _: app.call_after_refresh(refocus))
