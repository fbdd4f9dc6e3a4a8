"""`passerelle strategy`: write, check and preview the contact strategy file."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from datetime import date
from pathlib import Path

from tui.core.files import write_text_atomic
from tui.triage.strategy import STARTER_STRATEGY, Strategy, load_strategy, preview
from tui.core.words import plural
from tui.paths import Paths, make_private_dir

HELP = "Create (--init), validate (--check) or preview (--preview EXPORT) your contact strategy."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--init", action="store_true", help="write a commented starter strategy file")
    group.add_argument("--check", action="store_true", help="validate the file and list its rules")
    group.add_argument("--preview", metavar="EXPORT", help="how many open received invitations each rule decides")
    parser.add_argument("--force", action="store_true", help="with --init: replace the file (keeps a .bak)")


def _init(path: Path, force: bool) -> int:
    if path.exists() and not force:
        print(f"passerelle: {path} already exists (use --force to replace it; a .bak is kept)", file=sys.stderr)
        return 2
    make_private_dir(path.parent)
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        shutil.copyfile(path, backup)
        os.chmod(backup, 0o600)
    write_text_atomic(path, STARTER_STRATEGY)
    print(f"wrote {path}")
    return 0


def _describe(strategy: Strategy) -> list[str]:
    lines = [f"targets: {', '.join(strategy.targets) or '(none)'}"]
    lines += [f"protected: {e.describe()}" for e in strategy.protected]
    lines += [f"refused: {e.describe()}" for e in strategy.refused]
    for n, rule in enumerate(strategy.rules, start=1):
        when = ", ".join(f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v)}" for k, v in rule.when) or "always"
        lines.append(f"{n}. {rule.name}: when {when} → {rule.decide} ({rule.reason})")
    return lines


def _preview(source: str, strategy: Strategy, paths: Paths) -> int:
    from tui.export.reader import load_export
    from tui.triage.queue_frames import received_queue

    export = load_export(Path(source))
    decisions = info = None
    if paths.database.is_file():
        from tui.store.store import Store

        store = Store.open(paths.database, read_only=True)
        try:
            decisions, info = store.decisions(), store.info()
        finally:
            store.close()
    queue = received_queue(export, decisions, info, date.today())
    open_rows = int(queue["pending"].sum())
    rows = preview(queue, None, strategy)
    decided = sum(after for _, _, after in rows)
    print(f"{plural(open_rows, 'open received invitation')}")
    width = max((len(name) for name, _, _ in rows), default=10)
    for name, _, after in rows:
        print(f"  {name:<{width}}  {after}")
    print(f"  {'(no rule)':<{width}}  {open_rows - decided}")
    return 0


def run(args: argparse.Namespace, paths: Paths) -> int:
    path = paths.strategy_file
    if args.init:
        return _init(path, args.force)
    strategy = load_strategy(path)  # ConfigError → "passerelle: file (line N): reason", exit 2
    if args.check:
        print(f"{path}: ok")
        for line in _describe(strategy):
            print(f"  {line}")
        return 0
    return _preview(args.preview, strategy, paths)

