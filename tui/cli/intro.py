"""`passerelle intro FILE-or-COMPANY… [--json]`: who you know at each company of a list."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tui.core.errors import ConfigError
from tui.paths import Paths

HELP = "Who do you know at these companies (names, or text files with one company a line)?"
MAX_BYTES = 1_000_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("targets", nargs="+", metavar="FILE-or-COMPANY",
                        help="a company name, or a text file with one company a line")
    parser.add_argument("--source", help="export ZIP, folder or CSV (default: last import, else the sample)")
    parser.add_argument("--json", action="store_true", help="print JSON")


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
        raise ConfigError(", ".join(arguments), "no company names (one a line, '#' starts a comment)")
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
    from tui.cli.stats import clean

    lines = []
    for t in found["targets"]:
        matches = t["matches"]
        if t["nobody"]:
            lines.append(f"{clean(t['company'])}: nobody you know there")
            continue
        kinds = {k: sum(m["match"] == k for m in matches) for k in ("exact", "alias", "close")}
        lines.append(f"{clean(t['company'])}: {len(matches)} connections "
                     f"({kinds['exact']} exact, {kinds['alias']} by alias, {kinds['close']} close)")
        for m in matches:
            how = m["match"] if m["match"] != "close" else f"close, score {m['score']:g}"
            lines.append(f"  {clean(m['name'])} · {clean(m['position'] or '–')} · {clean(m['company'])} ({how})")
        for i in t["invitations"]:
            state = "now connected" if i["connected"] else "not connected"
            lines.append(f"  invitation {i['direction']}: {clean(i['name'])} ({(i['sent_at'] or '')[:10]}, {state})")
        for label in ("endorsers", "recommenders"):
            for p in t[label]:
                lines.append(f"  {label[:-1]}: {clean(p['name'])} · {clean(p['company'])}")
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
