"""`passerelle history PERSON [--json]`: one person across every stored import, oldest first."""

from __future__ import annotations

import argparse
import json

from tui.outputs.human import count, decision_word, iso_day, shown
from tui.core.errors import ConfigError
from tui.core.phrasebook import describe
from tui.i18n import N_, _, ngettext
from tui.paths import Paths

HELP = N_("Show one person across all your imports: jobs, connection, invitations, messages, decisions.")
MESSAGE_COLUMNS = {"messages": ("sent_at", "sender_key", "recipient_keys", "is_draft")}

INVITATION_LINES = {"received": N_("invitation received {day}"), "sent": N_("invitation sent {day}")}
# The events of the decision log (`kind` in the JSON) other than a decision.
EVENT_LINES = {"undo": N_("undo of {decision}"), "redo": N_("redo of {decision}")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", metavar="PERSON", help=_("a name (or part of one), a profile URL, or a key"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


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
        raise ConfigError(args.person, _("no imports yet (run: passerelle import EXPORT)"))
    imports, lost = load_imports(_store_parts(paths))
    if not imports:
        raise ConfigError(args.person, _("no readable import snapshot (run: passerelle import EXPORT)"))
    key, name, url = find_person(args.person, imports)
    record = _store_parts(paths, key, imports, _messages(paths))
    return {"person": {"name": name, "url": url, "key": key}, **record, "unreadable_imports": lost}


def render(found: dict) -> str:
    from tui.outputs.stats_text import clean
    from tui.core.company_names import normalise

    person = found["person"]
    url = person["url"] or _("no profile URL")
    lines = [f"{clean(person['name'] or person['key'])} — {clean(url)}",
             _("Imports (oldest first):")]
    before = None
    for imp in found["imports"]:
        day = iso_day(imp["exported_on"] or imp["imported_at"])
        if imp["in_network"]:
            role = " · ".join(clean(p) for p in (imp["company"], imp["position"]) if p) or _("no company or position")
            now = (normalise(imp["company"]), imp["position"])  # a respelled company is no change
            moved = _("  (changed)") if before not in (None, now) else ""
            if imp["connected_on"]:
                line = _("{role} · connected {when}").format(role=role, when=iso_day(imp["connected_on"]))
            else:
                line = _("{role} · connected on an unknown date").format(role=role)
            lines.append(f"  {day}  {line}{moved}")
            before = now
        else:
            lines.append(f"  {day}  " + _("not in your network") + (_("  (left)") if before else ""))
        for inv in imp["invitations"]:
            lines.append("      " + _(INVITATION_LINES.get(inv["direction"], INVITATION_LINES["received"])).format(
                day=iso_day(inv["sent_at"])))
    m = found["messages"]
    if m is None:
        lines.append(_("Messages: the current export could not be opened"))
    elif m["count"]:
        lines.append(_("Messages: {count} ({first} → {last})").format(
            count=count(m["count"]), first=iso_day(m["first"]), last=iso_day(m["last"])))
    else:
        lines.append(_("Messages: {count}").format(count=count(m["count"])))
    for d in found["decisions"]:
        what = decision_word(d["decision"])
        if d["kind"] != "decide":
            what = shown(EVENT_LINES.get(d["kind"], d["kind"] + " of {decision}")).format(decision=what)
        lines.append(_("Decision {when}: {what}").format(when=d["at"][:16], what=what)
                     + (f" ({clean(describe(d['reason']))})" if d["reason"] else ""))
    if found["tags"]:
        lines.append(_("Tags: {tags}").format(tags=", ".join(clean(t) for t in found["tags"])))
    for n in found["notes"]:
        lines.append(_("Note {day}: {text}").format(day=iso_day(n["at"]), text=clean(n["text"])))
    if found["unreadable_imports"]:
        lines.append(ngettext("({count} import(s) without a readable snapshot were skipped)",
                              "({count} import(s) without a readable snapshot were skipped)",
                              found["unreadable_imports"]).format(count=count(found["unreadable_imports"])))
    return "\n".join(lines)


def run(args: argparse.Namespace, paths: Paths) -> int:
    found = build(args, paths)
    print(json.dumps(found, indent=2) if args.json else render(found))
    return 0
