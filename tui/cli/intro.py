"""`passerelle intro FILE-or-COMPANY… [--json]`: who you know at each company of a list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tui.outputs.human import count, iso_day
from tui.core.errors import ConfigError
from tui.i18n import N_, _, ngettext
from tui.paths import Paths

HELP = N_("Who do you know at these companies (names, or text files with one company a line)?")
MAX_BYTES = 1_000_000

# How a connection matched a company (`match` in the JSON).
MATCH_WORDS = {"exact": N_("exact"), "alias": N_("alias"), "close": N_("close, score {score}")}
INVITATION_LINES = {"received": N_("invitation received: {name} ({day}, {state})"),
                    "sent": N_("invitation sent: {name} ({day}, {state})")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="FILE-or-COMPANY",
                        help=_("a company name, or a text file with one company a line"))
    parser.add_argument("--source", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def targets_from(arguments: list[str]) -> list[str]:
    """Each argument is a file of companies when one exists by that name, else a company."""
    from tui.network.companies_file import read_text_bounded
    from tui.network.intro import read_targets

    lines: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if path.exists():
            text = read_text_bounded(path, MAX_BYTES)
            lines += (text or "").splitlines()
        else:
            lines.append(argument)
    found = read_targets(lines)
    if not found:
        raise ConfigError(", ".join(arguments), _("no company names (one a line, '#' starts a comment)"))
    return found


def _info(paths: Paths):
    if not paths.database.is_file():
        return None
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return store.info()
    finally:
        store.close()


def render(found: dict) -> str:
    from tui.outputs.stats_text import clean

    lines = []
    for t in found["targets"]:
        matches = t["matches"]
        if t["nobody"]:
            lines.append(_("{company}: nobody you know there").format(company=clean(t["company"])))
            continue
        kinds = {k: sum(m["match"] == k for m in matches) for k in ("exact", "alias", "close")}
        lines.append(ngettext("{company}: {count} connection ({exact} exact, {alias} by alias, {close} close)",
                              "{company}: {count} connections ({exact} exact, {alias} by alias, {close} close)",
                              len(matches)).format(company=clean(t["company"]), count=count(len(matches)), **kinds))
        for m in matches:
            how = _(MATCH_WORDS[m["match"]]).format(score=f"{m['score']:g}" if m["score"] is not None else "")
            lines.append(f"  {clean(m['name'])} · {clean(m['position'] or '–')} · {clean(m['company'])} ({how})")
        for i in t["invitations"]:
            state = _("now connected") if i["connected"] else _("not connected")
            lines.append("  " + _(INVITATION_LINES.get(i["direction"], INVITATION_LINES["received"])).format(
                name=clean(i["name"]), day=iso_day(i["sent_at"]), state=state))
        for label, line in (("endorsers", N_("endorser: {name} · {company}")),
                            ("recommenders", N_("recommender: {name} · {company}"))):
            for p in t[label]:
                lines.append("  " + _(line).format(name=clean(p["name"]), company=clean(p["company"])))
    return "\n".join(lines)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.cli.current_export import company_rules, open_export
    from tui.network.intro import intro

    targets = targets_from(args.targets)
    rules = company_rules(paths)
    export = open_export(args.source, paths)
    found = intro(export, targets, rules, _info(paths))
    print(json.dumps(found, indent=2) if args.json else render(found))
    return 0
