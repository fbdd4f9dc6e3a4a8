"""`passerelle todo`: what is left to carry out on LinkedIn, and marking it done."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.outputs.human import count, shown
from tui.core.errors import ConfigError
from tui.i18n import N_, _
from tui.i18n.formats import day
from tui.paths import Paths

HELP = N_("List what your decisions ask you to do on LinkedIn (oldest first), or mark one done.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--done", metavar="PERSON", help=_("mark this person's to-do done (profile URL or full name)"))


def entry(row: Any) -> dict[str, Any]:
    """One row as the JSON of `todo --json` (also what the To do pane shows)."""
    out = {"name": row.name, "url": row.url, "action": row.action,
           "since": row.since.isoformat(timespec="seconds"), "page": row.page, "note": row.note}
    if row.flag:
        out["flag"] = row.flag
    if row.confirmed_on:
        out["confirmed_by"] = row.confirmed_on.isoformat()
    return out


def queue_of(paths: Paths, store=None):
    """The queue from the store (read-only when we open it), checked against the last import."""
    from tui.store.store import Store
    from tui.store.todo import TodoQueue, current_queue, last_import_facts

    if store is None:
        if not paths.database.is_file():
            return TodoQueue(())
        store = Store.open(paths.database, read_only=True)
        try:
            return current_queue(store, last_import_facts(store))
        finally:
            store.close()
    return current_queue(store, last_import_facts(store))


def _mark_done(args: argparse.Namespace, paths: Paths) -> int:
    from tui.store.store import Store
    from tui.store.todo import find_rows
    from tui.store.todo_log import mark_done
    from tui.core.unsafe_chars import strip_unsafe as one_line

    if not paths.database.is_file():
        raise ConfigError("--done", _("nothing to do yet: no decision is saved"))
    store = Store.open(paths.database)
    if store.recovered:  # a damaged database was kept aside: say what was restored
        print(store.recovered, file=sys.stderr)
    try:
        rows = find_rows(queue_of(paths, store), args.done)
        names = {r.key for r in rows}
        if not rows:
            raise ConfigError("--done", _("no pending to-do matches this person (see: passerelle todo)") + _nearest(
                queue_of(paths, store), args.done))
        if len(names) > 1:
            raise ConfigError("--done", _("{count} people have this name; give the profile URL instead").format(
                count=len(names)))
        mark_done(store, rows)
    finally:
        store.close()
    for row in rows:
        print(_("done: {action} {person}").format(action=shown(row.action), person=one_line(row.label)))
    return 0


def _nearest(queue: Any, wanted: str) -> str:
    """"; nearest: …" with up to three names of the queue close to `wanted`, as `compose --to` says."""
    from tui.core.search import nearest
    from tui.core.unsafe_chars import strip_unsafe as one_line

    names = list(dict.fromkeys(r.label for r in queue.rows if r.state != "confirmed"))
    if not names or "linkedin.com/in/" in wanted.lower():
        return ""
    return _("; nearest: {names}").format(names=", ".join(f'"{one_line(names[i])}"' for i in nearest(wanted, names, 3)))


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.done:
        return _mark_done(args, paths)
    queue = queue_of(paths)
    todo = [r for r in queue.rows if r.state != "confirmed"]
    if args.json:
        data = {"todo": [entry(r) for r in todo], "confirmed": [entry(r) for r in queue.state("confirmed")]}
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=True) + "\n")
        return 0
    from tui.store.todo import group_title
    from tui.core.unsafe_chars import strip_unsafe as one_line

    if not todo:
        print(_("Nothing left to do on LinkedIn."))
    for state in ("pending", "flagged"):
        for action, rows in queue.groups(state):
            title = group_title(action)
            title = _("{title} — check these").format(title=title) if state == "flagged" else title
            print(f"{title} ({count(len(rows))})")
            for r in rows:
                extra = f"  ! {shown(r.flag)}" if r.flag else ""
                print(f"  {day(r.since.date())}  {one_line(r.label)}  {r.page}{extra}")
    confirmed = queue.state("confirmed")
    if confirmed:
        print(_("Confirmed by the export of {day}: {count}").format(
            day=day(queue.exported_on) if queue.exported_on else queue.exported_on, count=count(len(confirmed))))
    return 0
