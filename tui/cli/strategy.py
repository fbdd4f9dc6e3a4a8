"""`passerelle strategy`: write, check and preview the contact strategy file."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from datetime import date
from pathlib import Path

from tui.cli.import_export import clean
from tui.core.files import write_text_atomic
from tui.core.phrasebook import describe
from tui.core.folders import make_private_dir
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import number
from tui.paths import Paths
from tui.triage.strategy import Strategy, load_strategy, preview, rule_name, starter_strategy

HELP = N_("Create (--init), validate (--check) or preview (--preview EXPORT) your contact strategy.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--init", action="store_true", help=_("write a commented starter strategy file"))
    group.add_argument("--check", action="store_true", help=_("validate the file and list its rules"))
    group.add_argument("--preview", metavar="EXPORT", help=_("how many open received invitations each rule decides"))
    parser.add_argument("--force", action="store_true", help=_("with --init: replace the file (keeps a .bak)"))


def _init(path: Path, force: bool) -> int:
    if path.exists() and not force:
        print(_("passerelle: {path} already exists (use --force to replace it; a .bak is kept)").format(path=path),
              file=sys.stderr)
        return 2
    make_private_dir(path.parent)
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        shutil.copyfile(path, backup)
        os.chmod(backup, 0o600)
    write_text_atomic(path, starter_strategy())  # commented in the reader's language
    print(_("wrote {path}").format(path=path))
    return 0


def _describe(strategy: Strategy) -> list[str]:
    lines = [_("targets: {targets}").format(targets=", ".join(strategy.targets) or _("(none)"))]
    lines += [_("protected: {entry}").format(entry=describe(e.describe())) for e in strategy.protected]
    lines += [_("refused: {entry}").format(entry=describe(e.describe())) for e in strategy.refused]
    for n, rule in enumerate(strategy.rules, start=1):
        when = ", ".join(f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v)}" for k, v in rule.when) or _("always")
        lines.append(_("{n}. {name}: when {when} → {decide} ({reason})").format(
            n=n, name=rule.name, when=when, decide=rule.decide, reason=rule.reason))
    return lines


def _preview(source: str, strategy: Strategy, paths: Paths) -> int:
    from tui.export.reader import load_export
    from tui.triage.queue_frames import received_queue

    export = load_export(Path(source))
    decisions = info = None
    tags: dict = {}
    met: dict = {}
    if paths.database.is_file():
        from tui.store.people_tags import met_by_key, tags_by_key
        from tui.store.store import Store

        store = Store.open(paths.database, read_only=True)
        try:
            decisions, info = store.decisions(), store.info()
            tags, met = tags_by_key(store), met_by_key(store)
        finally:
            store.close()
    from tui.cli.current_export import company_rules
    from tui.triage.tag_filter import with_marks

    # The people's tags too: a rule `tag = "client"` previews what it decides in the app.
    queue = with_marks(received_queue(export, decisions, info, date.today(), company_rules(paths)), tags, met)
    open_rows = int(queue["pending"].sum())
    rows = preview(queue, None, strategy)
    decided = sum(after for _name, _before, after in rows)
    print(ngettext("{count} open received invitation", "{count} open received invitations", open_rows).format(
        count=number(open_rows)))
    rows = [(clean(rule_name(name)), before, after) for name, before, after in rows]  # a shared file's names
    width = max((len(name) for name, _rule, _before in rows), default=10)
    for name, _rule, after in rows:
        print(f"  {name:<{width}}  {after}")
    no_rule = _("(no rule)")
    print(f"  {no_rule:<{width}}  {open_rows - decided}")
    return 0


def run(args: argparse.Namespace, paths: Paths) -> int:
    path = paths.strategy_file
    if args.init:
        return _init(path, args.force)
    strategy = load_strategy(path)  # ConfigError → "passerelle: file (line N): reason", exit 2
    if args.check:
        print(_("{path}: ok").format(path=path))
        for line in _describe(strategy):
            print(f"  {line}")
        return 0
    return _preview(args.preview, strategy, paths)

