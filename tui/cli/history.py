"""`passerelle history PERSON [--json]`: one person across every stored import, oldest first."""

from __future__ import annotations

import argparse
import json

from tui.core.errors import ConfigError
from tui.paths import Paths

HELP = "Show one person across all your imports: jobs, connection, invitations, messages, decisions."
MESSAGE_COLUMNS = {"messages": ("sent_at", "sender_key", "recipient_keys", "is_draft")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", metavar="PERSON", help="a name (or part of one), a profile URL, or a key")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _store_parts(paths: Paths, key: str | None = None):
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        if key is None:
            return store.imports()
        return store.history().filter(key=key), store.tags(key), store.notes(key)
    finally:
        store.close()


def _messages(paths: Paths, key: str) -> dict | None:
    """From the current export (imports keep no messages); None when it cannot be opened."""
    from tui.cli.current_export import open_export
    from tui.core.errors import PasserelleError
    from tui.network.history import messages_with

    try:
        export = open_export(None, paths, MESSAGE_COLUMNS)
    except PasserelleError:
        return None
    return messages_with(key, export.messages)


def build(args: argparse.Namespace, paths: Paths) -> dict:
    from tui.network.history import find_person, load_imports, person_history

    if not paths.database.is_file():
        raise ConfigError(args.person, "no imports yet (run: passerelle import EXPORT)")
    imports, lost = load_imports(_store_parts(paths))
    if not imports:
        raise ConfigError(args.person, "no readable import snapshot (run: passerelle import EXPORT)")
    key, name, url = find_person(args.person, imports)
    history, tags, notes = _store_parts(paths, key)
    return {
        "person": {"name": name, "url": url, "key": key},
        "imports": person_history(key, imports),
        "messages": _messages(paths, key),
        "decisions": [
            {"at": r["at"].isoformat(), "kind": r["kind"], "decision": r["decision"], "reason": r["reason"] or "",
             "in_effect": bool(r["active"])}
            for r in history.iter_rows(named=True)
        ],
        "tags": tags["tag"].to_list(),
        "notes": [{"at": t.isoformat(), "text": x} for t, x in notes.select("created_at", "text").iter_rows()],
        "unreadable_imports": lost,
    }


def render(found: dict) -> str:
    from tui.cli.stats import clean

    person = found["person"]
    lines = [f"{clean(person['name'] or person['key'])} — {clean(person['url'] or 'no profile URL')}",
             "Imports (oldest first):"]
    before = None
    for imp in found["imports"]:
        day = imp["exported_on"] or imp["imported_at"][:10]
        if imp["in_network"]:
            role = " · ".join(clean(p) for p in (imp["company"], imp["position"]) if p) or "no company or position"
            now = (imp["company"], imp["position"])
            moved = "  (changed)" if before not in (None, now) else ""
            lines.append(f"  {day}  {role} · connected {imp['connected_on'] or 'on an unknown date'}{moved}")
            before = now
        else:
            lines.append(f"  {day}  not in your network" + ("  (left)" if before else ""))
        for inv in imp["invitations"]:
            lines.append(f"      invitation {inv['direction']} {(inv['sent_at'] or '')[:10]}")
    m = found["messages"]
    if m is None:
        lines.append("Messages: the current export could not be opened")
    else:
        span = f" ({m['first'][:10]} → {m['last'][:10]})" if m["count"] else ""
        lines.append(f"Messages: {m['count']}{span}")
    for d in found["decisions"]:
        what = d["decision"] if d["kind"] == "decide" else f"{d['kind']} of {d['decision']}"
        lines.append(f"Decision {d['at'][:16]}: {what}" + (f" ({clean(d['reason'])})" if d["reason"] else ""))
    if found["tags"]:
        lines.append("Tags: " + ", ".join(clean(t) for t in found["tags"]))
    for n in found["notes"]:
        lines.append(f"Note {n['at'][:10]}: {clean(n['text'])}")
    if found["unreadable_imports"]:
        lines.append(f"({found['unreadable_imports']} import(s) without a readable snapshot were skipped)")
    return "\n".join(lines)


def run(args: argparse.Namespace, paths: Paths) -> int:
    found = build(args, paths)
    print(json.dumps(found, indent=2) if args.json else render(found))
    return 0
