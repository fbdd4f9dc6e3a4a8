"""One person's history for the detail panes and `passerelle history`: per import (company,
position, connection, invitations both ways), messages, decisions, tags and notes; and the
few lines a detail pane shows of it, most recent first.

The import snapshots are read once (in a worker), then each person is a filter over them.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

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


def summary_lines(found: dict, shown: int = SHOWN_IMPORTS) -> list[str]:
    """A few short lines, most recent import first: the detail pane's History section
    (plain text from the export and the user: the pane makes it safe to show)."""
    from tui.network.company_names import normalise

    imports = found["imports"]
    lines: list[str] = []
    rows = []
    before = None
    for imp in imports:  # oldest first, to tell a change (not a respelling) or a departure
        now = (normalise(imp["company"]), imp["position"])
        if imp["in_network"]:
            role = " · ".join(p for p in (imp["company"], imp["position"]) if p) or "no company or position"
            rows.append(f"{_day(imp)}  {role}" + ("  (changed)" if before not in (None, now) else ""))
            before = now
        else:
            rows.append(f"{_day(imp)}  not in your network" + ("  (left)" if before else ""))
        invitations = [f"{i['direction']} {(i['sent_at'] or '')[:10]}".strip() for i in imp["invitations"]]
        if invitations:
            rows[-1] += " · invitation " + ", ".join(invitations)
    if not imports:
        lines.append("No import stored yet (passerelle import keeps one per export).")
    lines += list(reversed(rows))[:shown]
    if len(rows) > shown:
        more = len(rows) - shown
        lines.append(f"… {more} more import{'s' if more != 1 else ''} (passerelle history)")
    connected = sorted({i["connected_on"] for i in imports if i["connected_on"]})
    if connected:
        lines.append(f"Connected {connected[0]}")
    m = found.get("messages")
    if m is not None:
        lines.append(f"Messages: {m['count']} ({m['first'][:10]} → {m['last'][:10]})" if m["count"]
                     else "Messages: none")
    decisions = [d for d in found["decisions"] if d["kind"] == "decide"]
    if decisions:
        last = decisions[-1]
        lines.append(f"Decisions: {len(decisions)}, latest {last['decision'].replace('_', ' ')} {last['at'][:10]}"
                     + ("" if last["in_effect"] else " (undone)"))
    if found["tags"]:
        lines.append("Tags: " + ", ".join(found["tags"]))
    if found["notes"]:
        latest = found["notes"][-1]
        count = len(found["notes"])
        lines.append(f"Notes: {count}, latest {latest['at'][:10]}: {latest['text']}")
    return lines
