"""The to-do queue: every decision not yet carried out on LinkedIn, grouped by what to do.

A pure function of what the store holds (decisions, drafts, done events) and of what the
latest export shows: an accepted invitation now in Connections, or a withdrawn one gone,
closes its row by itself; one the export contradicts is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from datetime import date, datetime
from typing import Any

from tui.store.todo_log import ACTION_ORDER, NOTE_ACTION, Decided, Done
from tui.i18n import N_, _
from tui.i18n.formats import day as local_day

SENT_PAGE = "https://www.linkedin.com/mynetwork/invitation-manager/sent/"
RECEIVED_PAGE = "https://www.linkedin.com/mynetwork/invitation-manager/"
# Marked for the catalogue; `group_title` gives them in the reader's language.
GROUP_TITLES = {
    "accept": N_("Accept on LinkedIn"),
    "ignore": N_("Ignore on LinkedIn"),
    "follow": N_("Follow on LinkedIn"),
    "withdraw": N_("Withdraw a sent invitation"),
    "follow up": N_("Send a follow-up"),
    NOTE_ACTION: N_("Send a drafted note"),
}


def group_title(action: str) -> str:
    """The heading of one group of the To do pane (`Accept on LinkedIn` / `Accepter sur LinkedIn`)."""
    return _(GROUP_TITLES[action]) if action in GROUP_TITLES else action


@dataclass(frozen=True)
class ExportFacts:
    """What one export shows about people, by profile key."""

    exported_on: date | None
    connected: frozenset[str] = frozenset()
    received: frozenset[str] = frozenset()  # incoming invitations still waiting
    sent: frozenset[str] = frozenset()  # outgoing invitations still waiting
    earlier: ExportFacts | None = None  # the import before: what it confirmed was shown then, and is closed


@dataclass(frozen=True, kw_only=True)
class TodoRow(Decided):
    """One thing to carry out as the To do pane shows it: its LinkedIn page, and `state`
    (pending, flagged or confirmed) with what the export said."""

    page: str
    state: str = "pending"
    done_at: datetime | None = None
    confirmed_on: date | None = None
    flag: str | None = None

    @property
    def label(self) -> str:
        return self.name.strip() if self.name and self.name.strip() else self.key


@dataclass(frozen=True)
class TodoQueue:
    """Rows to do (pending, then flagged) and rows an export closed (confirmed)."""

    rows: tuple[TodoRow, ...]
    exported_on: date | None = None

    def state(self, state: str) -> list[TodoRow]:
        return [r for r in self.rows if r.state == state]

    @property
    def pending(self) -> list[TodoRow]:
        return self.state("pending")

    def groups(self, state: str = "pending") -> list[tuple[str, list[TodoRow]]]:
        """(action, rows) in LinkedIn order, oldest first within each; empty groups left out."""
        rows = self.state(state)
        return [(a, [r for r in rows if r.action == a]) for a in ACTION_ORDER if any(r.action == a for r in rows)]


def is_web_url(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("https://", "http://"))


def page_for(action: str, url: str | None) -> str:
    """The page to open on LinkedIn to carry the action out."""
    if action == "withdraw":
        return SENT_PAGE
    return url if is_web_url(url) else RECEIVED_PAGE


def _verdict(item: Decided, done: Done | None, facts: ExportFacts | None) -> tuple[str | None, str | None]:
    """('confirmed' or 'flagged' or None, why) from the export, when it was taken after the decision."""
    if facts is None or facts.exported_on is None or facts.exported_on < item.since.date():
        return None, None
    key, day = item.key, local_day(facts.exported_on)  # ISO in English, as always
    connected, received, sent = key in facts.connected, key in facts.received, key in facts.sent
    after_done = done is not None and facts.exported_on >= done.at.date()
    if item.action == "accept":
        if connected:
            return "confirmed", None
        if after_done and received:
            return "flagged", _("marked done, but the export of {day} still shows the invitation waiting").format(day=day)
    elif item.action == "ignore":
        if connected:
            return "flagged", _("the export of {day} shows you connected").format(day=day)
        if not received:
            return "confirmed", None
    elif item.action == "withdraw":
        if connected:
            return "flagged", _("the export of {day} shows they accepted").format(day=day)
        if not sent:
            return "confirmed", None
        if after_done:
            return "flagged", _("marked done, but the export of {day} still shows the invitation sent").format(day=day)
    elif item.action == NOTE_ACTION:
        if connected or sent:
            return "confirmed", None
        if after_done:
            return "flagged", _("marked done, but the export of {day} shows no invitation sent").format(day=day)
    return None, None


def todo_queue(decided: Iterable[Decided], done: Iterable[Done], facts: ExportFacts | None = None) -> TodoQueue:
    """The queue: pending rows (not done, not confirmed), flagged rows, confirmed rows."""
    done_by = {(d.key, d.action, d.ref): d for d in done}
    rows: list[TodoRow] = []
    for item in decided:
        mark = done_by.get((item.key, item.action, item.ref))
        verdict, why = _verdict(item, mark, facts)
        if verdict is None and mark is not None:
            continue  # carried out, nothing in the export says otherwise
        if verdict == "confirmed" and facts.earlier is not None and _verdict(item, mark, facts.earlier)[0] == "confirmed":
            continue  # the import before confirmed it already: shown then, closed since
        state = verdict or "pending"
        rows.append(TodoRow(
            *astuple(item), page=page_for(item.action, item.url), state=state, done_at=mark.at if mark else None,
            confirmed_on=facts.exported_on if state == "confirmed" and facts else None, flag=why,
        ))
    order = {"pending": 0, "flagged": 1, "confirmed": 2}
    rows.sort(key=lambda r: (order[r.state], ACTION_ORDER.index(r.action), r.since, r.key))
    return TodoQueue(tuple(rows), facts.exported_on if facts else None)


def facts_from_frames(connections: Any, invitations: Any, exported_on: date | None) -> ExportFacts:
    """ExportFacts from an export's (or a snapshot's) connections and invitations frames."""
    import polars as pl

    def keys(frame: Any) -> frozenset[str]:
        return frozenset(k for k in frame.get_column("key").to_list() if k)

    waiting = invitations.filter(~pl.col("connected").fill_null(False))
    return ExportFacts(
        exported_on,
        keys(connections),
        keys(waiting.filter(pl.col("direction") == "INCOMING")),
        keys(waiting.filter(pl.col("direction") == "OUTGOING")),
    )


def last_import_facts(store: Any) -> ExportFacts | None:
    """ExportFacts from the snapshot of the last import (with the one before it as `earlier`,
    when its snapshot is there), or None when there is none to read."""
    from tui.store.snapshots import has_snapshot, read_snapshot

    records = [r for r in store.imports()[-2:] if has_snapshot(r.snapshot)]
    if not records or records[-1].id != getattr(store.last_import(), "id", None):
        return None
    facts = [facts_from_frames(*read_snapshot(r.snapshot), r.exported_on) for r in records]
    if len(facts) == 2 and facts[0].exported_on and facts[1].exported_on and facts[0].exported_on < facts[1].exported_on:
        return replace(facts[1], earlier=facts[0])
    return facts[-1]


def current_queue(store: Any, facts: ExportFacts | None) -> TodoQueue:
    """The queue for what the store holds now, checked against `facts`."""
    from tui.store.todo_log import decided, done_events

    return todo_queue(decided(store), done_events(store), facts)


def name_words(text: str | None) -> str:
    """A full name as `compose --to` compares it: folded words (`Amélie  TAYLOR` → `amelie taylor`)."""
    import re

    from tui.core.folding import fold

    return " ".join(re.findall(r"\w+", fold(text)))


def find_rows(queue: TodoQueue, wanted: str) -> list[TodoRow]:
    """Pending or flagged rows for one person: profile URL or full name (case and accents folded)."""
    from tui.export.person_keys import profile_key

    wanted = wanted.strip()
    rows = [r for r in queue.rows if r.state != "confirmed"]
    if "linkedin.com/in/" in wanted.lower() or wanted.lower().startswith("/in/"):
        key = profile_key(wanted, None)
        return [r for r in rows if r.key == key]
    name = name_words(wanted)
    return [r for r in rows if name and name_words(r.name) == name]
