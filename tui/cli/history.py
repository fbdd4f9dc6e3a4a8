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


def _store_parts(paths: Paths, key: str | None = None, imports: list | None = None, messages=None):
    """The import records (no key), else the person's record read from the store."""
    from tui.network.person_timeline import person_record
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        if key is None:
            return store.imports()
        return person_record(key, imports, messages, store)
    finally:
        store.close()


def _messages(paths: Paths):
    """The current export's messages (imports keep none); None when it cannot be opened."""
    from tui.cli.current_export import open_export
    from tui.core.errors import PasserelleError

    try:
        return open_export(None, paths, MESSAGE_COLUMNS).messages
    except PasserelleError:
        return None


def build(args: argparse.Namespace, paths: Paths) -> dict:
    from tui.network.history import find_person, load_imports

    if not paths.database.is_file():
        raise ConfigError(args.person, "no imports yet (run: passerelle import EXPORT)")
    imports, lost = load_imports(_store_parts(paths))
    if not imports:
        raise ConfigError(args.person, "no readable import snapshot (run: passerelle import EXPORT)")
    key, name, url = find_person(args.person, imports)
    record = _store_parts(paths, key, imports, _messages(paths))
    return {"person": {"name": name, "url": url, "key": key}, **record, "unreadable_imports": lost}


def render(found: dict) -> str:
    from tui.cli.stats import clean
    from tui.network.company_names import normalise

    person = found["person"]
    lines = [f"{clean(person['name'] or person['key'])} — {clean(person['url'] or 'no profile URL')}",
             "Imports (oldest first):"]
    before = None
    for imp in found["imports"]:
        day = imp["exported_on"] or imp["imported_at"][:10]
        if imp["in_network"]:
            role = " · ".join(clean(p) for p in (imp["company"], imp["position"]) if p) or "no company or position"
            now = (normalise(imp["company"]), imp["position"])  # a respelled company is no change
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
