"""`passerelle tag PERSON +x -y`: add or remove tags for one person of the export."""

from __future__ import annotations

import argparse

from tui.data.errors import ConfigError
from tui.paths import Paths

HELP = "Add (+tag) or remove (-tag) tags for one person (profile URL or full name)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", metavar="PERSON", help="profile URL or full name")
    # REMAINDER: `-tag` must reach us as an edit, not be taken for an option.
    parser.add_argument("edits", nargs=argparse.REMAINDER, metavar="+TAG|-TAG",
                        help="tags to add (+) or remove (-); then --source EXPORT if not the last import")


def _split_source(edits: list[str]) -> tuple[list[str], str | None]:
    """The edits, and the value of a --source among them."""
    out, source, words = [], None, iter(edits)
    for word in words:
        if word == "--source":
            source = next(words, None)
            if source is None:
                raise ConfigError("--source", "needs the export's path")
        elif word.startswith("--source="):
            source = word.split("=", 1)[1]
        else:
            out.append(word)
    return out, source


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.commands.compose import _source
    from tui.data.composer import find_person, people_frame
    from tui.data.export import load_export
    from tui.data.people_tags import TagError, edit_tags, parse_edits
    from tui.data.store import Store
    from tui.data.plain import strip_unsafe as one_line

    edits, args.source = _split_source(args.edits)
    if not edits:
        raise ConfigError("tag", "say which tags: +tag to add, -tag to remove")
    try:
        add, remove = parse_edits(edits)
    except TagError as exc:
        raise ConfigError("tag", str(exc)) from exc
    export = load_export(_source(args, paths))
    try:
        person = find_person(people_frame(export.connections, export.invitations), args.person)
    except ConfigError as exc:
        raise ConfigError("PERSON", exc.reason) from exc
    paths.ensure()
    store = Store.open(paths.database)
    try:
        now = edit_tags(store, person["key"], add, remove)
    finally:
        store.close()
    print(f"{one_line(person['full_name'] or person['key'])}: {', '.join(one_line(t) for t in now) or '(no tags)'}")
    return 0
