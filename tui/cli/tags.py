"""`passerelle tags`: every tag you gave people, with how many people have it."""

from __future__ import annotations

import argparse
import json
import sys

from tui.outputs.human import count
from tui.i18n import N_, _
from tui.paths import Paths

HELP = N_("List your tags with the number of people who have each.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def counts(paths: Paths) -> list[tuple[str, int]]:
    if not paths.database.is_file():
        return []
    from tui.store.people_tags import tag_counts
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return tag_counts(store)
    finally:
        store.close()


def run(args: argparse.Namespace, paths: Paths) -> int:
    rows = counts(paths)
    if args.json:
        data = {"tags": [{"tag": t, "count": n} for t, n in rows]}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")
        return 0
    from tui.core.unsafe_chars import strip_unsafe as one_line

    if not rows:
        print(_("No tags yet (add some with: passerelle tag PERSON +tag, or t in the app)."))
    for tag, n in rows:
        print(f"{count(n):>6}  {one_line(tag)}")
    return 0
