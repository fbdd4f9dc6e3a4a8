"""`t` (tags) and `m` (how we met) for any pane that shows people: ask, save, say so."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

from textual.content import Content
from textual.widget import Widget
from tui.i18n import _

from tui.core.errors import PasserelleError
from tui.store.people_tags import (
    TagError, met_by_key, met_of, set_met, set_tags, split_tags, tag_counts, tags_by_key, tags_of,
)


def ask_tags(pane: Widget, store, key: str | None, name: str | None, done: Callable[[str], None]) -> None:
    """Ask for this person's tags (comma-separated, completed from the tags in use); save them."""
    from tui.ui.screens.person_line_modal import PersonLineModal

    if not key:
        pane.app.notify(_("No person under the cursor."), severity="warning", markup=False)
        return
    current = ", ".join(tags_by_key(store).get(key, ()))

    def save(value: str | None) -> None:
        if value is None:
            return
        try:
            tags = set_tags(store, key, split_tags(value))
        except (TagError, PasserelleError) as exc:
            pane.app.notify(_("Tags not saved: {error}").format(error=exc), severity="error", markup=False)
            return
        done(_("✓ tags saved: {tags}").format(tags=", ".join(tags) if tags else _("(none)")))
        _tell_other_panes(pane)

    pane.app.push_screen(PersonLineModal(
        _("Tags"), name or key, current,
        _("Comma-separated; → completes a tag you already use; enter saves, escape cancels"),
        [t for t, _n in tag_counts(store)]), save)


def ask_met(pane: Widget, store, key: str | None, name: str | None, done: Callable[[str], None]) -> None:
    """Ask how and where you met this person (one line); save it."""
    from tui.ui.screens.person_line_modal import PersonLineModal

    if not key:
        pane.app.notify(_("No person under the cursor."), severity="warning", markup=False)
        return

    def save(value: str | None) -> None:
        if value is None:
            return
        try:
            line = set_met(store, key, value)
        except PasserelleError as exc:
            pane.app.notify(_("Not saved: {error}").format(error=exc), severity="error", markup=False)
            return
        done(_("✓ saved how you met: {line}").format(line=line) if line else _("✓ forgot how you met"))
        _tell_other_panes(pane)

    pane.app.push_screen(PersonLineModal(
        _("How you met"), name or key, met_by_key(store).get(key, ""),
        _("One line (where, when, who introduced you); empty forgets it; enter saves")), save)


def _tell_other_panes(pane: Widget) -> None:
    """The other panes' details, tag filters and suggestions read tags and met: they re-read
    when next shown, as after a decision."""
    from tui.ui.messages import DecisionSaved

    pane.post_message(DecisionSaved(None, pane=pane))


def marks_lines(store, key: str | None) -> list[Content]:
    """The detail-pane lines for a person's tags and how you met (user text, never markup)."""
    from tui.text import display_text

    if not key:
        return []
    out = []
    tags = tags_of(store, key)
    if tags:
        out.append(Content.assemble((_("Tags  "), "bold"), display_text(", ".join(tags), 200)))
    met = met_of(store, SimpleNamespace(key=key))
    if met:
        out.append(Content.assemble((_("Met   "), "bold"), display_text(met, 200)))
    return out


def edit_info(pane) -> None:
    """`e` on the received pane: type in the company, role or connection count LinkedIn's export leaves out."""
    from tui.store.queues import refresh_search
    from tui.ui.screens.person_info_modal import PersonInfoModal

    row = pane.table.current_row()
    if not row or not row.get("key"):
        return
    key = row["key"]

    def save(values: dict | None) -> None:
        if values is None:
            return
        try:
            pane.context.store.set_info(key, **values)
            refresh_search(pane.context.store, key)
        except (PasserelleError, ValueError) as exc:  # say it, keep going
            pane.status(_("NOT SAVED — {reason}").format(reason=getattr(exc, 'reason', exc)), "bold red")
            return
        pane.status(_("✓ saved the details"), "green")
        pane.reload(keep_key=key)
        pane.show_current()  # the same invitation stays highlighted: its detail says what was typed
        pane.suggest()  # rules read company and role: the suggestions follow

    pane.app.push_screen(PersonInfoModal(row), save)
