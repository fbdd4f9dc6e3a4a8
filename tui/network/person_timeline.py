"""One person's history for the detail panes and `passerelle history`: per import (company,
position, connection, invitations both ways), messages, decisions, tags and notes; and the
few lines a detail pane shows of it, most recent first.

The import snapshots are read once (in a worker), then each person is a filter over them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from tui.i18n import N_, _, ngettext
from tui.i18n.formats import number

# An invitation in the History section (`direction` as stored): "received 2026-01-02".
INVITATION_DAYS = {"received": N_("received {day}"), "sent": N_("sent {day}")}
SHOWN_IMPORTS = 3  # lines of imports a detail pane shows; the rest is "… N more imports"


def person_record(key: str, imports: list, messages: Any, store: Any) -> dict:
    """What `passerelle history --json` prints for `key` (without "person"): imports oldest
    first, messages (None when the export's messages are not at hand), decisions, tags, notes."""
    from tui.network.history import messages_with, person_history

    events = store.history().filter(key=key)
    return {
        "imports": person_history(key, imports),
        "messages": None if messages is None else messages_with(key, messages),
        "decisions": [
            {"at": r["at"].isoformat(), "kind": r["kind"], "decision": r["decision"], "reason": r["reason"] or "",
             "in_effect": bool(r["active"])}
            for r in events.iter_rows(named=True)
        ],
        "tags": store.tags(key)["tag"].to_list(),
        "notes": [{"at": t.isoformat(), "text": x} for t, x in store.notes(key).select("created_at", "text").iter_rows()],
    }


@dataclass(eq=False)
class Timelines:
    """The stored imports, read on first use by whichever worker needs them (under a lock,
    so two panes never read the snapshots twice); the UI thread never waits on it."""

    store: Any
    _imports: list | None = field(default=None, repr=False)
    _lost: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def imports(self) -> tuple[list, int]:
        with self._lock:
            if self._imports is None:
                from tui.network.history import load_imports

                self._imports, self._lost = load_imports(self.store.imports())
            return self._imports, self._lost

    def record(self, key: str, messages: Any = None) -> dict:
        """`person_record` over the stored imports (`messages`: the current export's, if read)."""
        imports, lost = self.imports()
        return {**person_record(key, imports, messages, self.store), "unreadable_imports": lost}


def _day(imp: dict) -> str:
    return imp["exported_on"] or (imp["imported_at"] or "")[:10]


def _decision_word(decision: str) -> str:
    """A logged decision as people read it (`followed_up` → "followed up" / "relancé")."""
    from tui.triage.signals import DECISION_WORDS

    words = {**DECISION_WORDS, "followed_up": N_("followed_up"), "withdrawn": N_("withdrawn")}
    return (_(words[decision]) if decision in words else decision).replace("_", " ")


def summary_lines(found: dict, shown: int = SHOWN_IMPORTS) -> list[str]:
    """A few short lines, most recent import first: the detail pane's History section, in the
    reader's language; days stay ISO, a column of short dates in a narrow pane
    (plain text from the export and the user: the pane makes it safe to show)."""
    from tui.core.company_names import normalise

    imports = found["imports"]
    lines: list[str] = []
    rows = []
    before = None
    for imp in imports:  # oldest first, to tell a change (not a respelling) or a departure
        now = (normalise(imp["company"]), imp["position"])
        if imp["in_network"]:
            role = " · ".join(p for p in (imp["company"], imp["position"]) if p) or _("no company or position")
            rows.append(f"{_day(imp)}  {role}" + (_("  (changed)") if before not in (None, now) else ""))
            before = now
        else:
            rows.append(f"{_day(imp)}  " + _("not in your network") + (_("  (left)") if before else ""))
        invitations = [_(INVITATION_DAYS.get(i["direction"], "{direction} {day}")).format(
            direction=i["direction"], day=(i["sent_at"] or "")[:10]).strip() for i in imp["invitations"]]
        if invitations:
            rows[-1] += " · " + _("invitation {dates}").format(dates=", ".join(invitations))
    if not imports:
        lines.append(_("No import stored yet (passerelle import keeps one per export)."))
    lines += list(reversed(rows))[:shown]
    if len(rows) > shown:
        more = len(rows) - shown
        lines.append(ngettext("… {count} more import (passerelle history)", "… {count} more imports (passerelle history)",
                              more).format(count=number(more)))
    connected = sorted({i["connected_on"] for i in imports if i["connected_on"]})
    if connected:
        lines.append(_("Connected {day}").format(day=connected[0]))
    m = found.get("messages")
    if m is not None:
        lines.append(_("Messages: {count} ({first} → {last})").format(
            count=number(m["count"]), first=m["first"][:10], last=m["last"][:10]) if m["count"] else _("Messages: none"))
    decisions = [d for d in found["decisions"] if d["kind"] == "decide"]
    if decisions:
        last = decisions[-1]
        said = _("Decisions: {count}, latest {decision} {day}") if last["in_effect"] else _(
            "Decisions: {count}, latest {decision} {day} (undone)")
        lines.append(said.format(count=number(len(decisions)), decision=_decision_word(last["decision"]),
                                 day=last["at"][:10]))
    if found["tags"]:
        lines.append(_("Tags: {tags}").format(tags=", ".join(found["tags"])))
    if found["notes"]:
        latest = found["notes"][-1]
        lines.append(_("Notes: {count}, latest {day}: {text}").format(
            count=number(len(found["notes"])), day=latest["at"][:10], text=latest["text"]))
    return lines
