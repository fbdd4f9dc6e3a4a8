"""`passerelle tag PERSON +x -y`: add or remove tags for one person of the export."""

from __future__ import annotations

import argparse
import sys

from tui.core.errors import ConfigError
from tui.i18n import N_, _
from tui.paths import Paths

HELP = N_("Add (+tag) or remove (-tag) tags for one person (profile URL or full name).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("person", metavar="PERSON", help=_("profile URL or full name"))
    parser.add_argument("edits", nargs="+", metavar="+TAG|-TAG", help=_("tags to add (+) or remove (-)"))
    parser.add_argument("--source", metavar="EXPORT", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    _edits_are_words(parser)


def _edits_are_words(parser: argparse.ArgumentParser) -> None:
    """`-tag` is an edit, not an unknown option: only `--…` and `-h` stay options here.

    argparse has no switch for this; wrapping its option test keeps `parse_args` and
    `parse_intermixed_args` both working (REMAINDER would break the intermixed one).
    """
    original = parser._parse_optional  # noqa: SLF001

    def parse_optional(arg: str):  # type: ignore[no-untyped-def]
        if arg.startswith("-") and not arg.startswith("--") and len(arg) > 1 and arg != "-h":
            return None
        return original(arg)

    parser._parse_optional = parse_optional  # type: ignore[method-assign]  # noqa: SLF001


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.cli.compose import _source
    from tui.composer.recipients import find_person, people_frame
    from tui.export.reader import load_export
    from tui.store.people_tags import TagError, edit_tags, parse_edits
    from tui.store.store import Store
    from tui.core.unsafe_chars import strip_unsafe as one_line

    try:
        add, remove = parse_edits(args.edits)
    except TagError as exc:
        raise ConfigError("tag", str(exc)) from exc
    export = load_export(_source(args, paths))
    try:
        person = find_person(people_frame(export.connections, export.invitations), args.person)
    except ConfigError as exc:
        raise ConfigError("PERSON", exc.reason) from exc
    paths.ensure()
    store = Store.open(paths.database)
    if store.recovered:  # a damaged database was kept aside: say what was restored
        print(store.recovered, file=sys.stderr)
    try:
        now = edit_tags(store, person["key"], add, remove)
    finally:
        store.close()
    tags = ", ".join(one_line(t) for t in now) or _("(no tags)")
    print(_("{person}: {tags}").format(person=one_line(person["full_name"] or person["key"]), tags=tags))
    return 0
