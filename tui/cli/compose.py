"""`passerelle compose TEMPLATE --to PERSON`: render a template for one person, headless."""

from __future__ import annotations

import argparse
import json
from contextlib import contextmanager
from pathlib import Path

from tui.outputs.human import shown
from tui.core.errors import ConfigError
from tui.core.folders import make_private_dir
from tui.i18n import N_, _, ngettext
from tui.paths import Paths

HELP = N_("Render an invitation template for a person of the export (profile URL or full name).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("template", help=_("template name or file name (see: passerelle templates)"))
    parser.add_argument("--to", required=True, metavar="PERSON", help=_("profile URL or full name"))
    parser.add_argument("--source", metavar="EXPORT", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument("--event", default="", help=_("value for {event}"))
    parser.add_argument("--relay-name", default="", help=_("value for {relay_name}"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def _source(args: argparse.Namespace, paths: Paths) -> Path:
    """SOURCE, else the last import (store opened read-only, never created), else the sample."""
    if args.source:
        return Path(args.source)
    if paths.database.is_file():
        from tui.store.store import Store

        store = Store.open(paths.database, read_only=True)
        try:
            record = store.last_import()
        finally:
            store.close()
        if record is not None and Path(record.source).exists():
            return Path(record.source)
    from tui.paths import SAMPLE_EXPORT

    return SAMPLE_EXPORT


@contextmanager
def _read_store(paths: Paths):
    """The store opened read-only (typed-in company, how you met), or None without one."""
    if not paths.database.is_file():
        yield None
        return
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        yield store
    finally:
        store.close()


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.config import load_settings
    from tui.composer.recipients import Recipient, find_person, my_name_for, people_frame, values_for, with_typed_info
    from tui.export.reader import load_export
    from tui.store.people_tags import met_of
    from tui.composer.template_files import ensure_starters, load_templates
    from tui.composer.templates import clean_value, line_col, render

    settings = load_settings(paths.settings_file)
    make_private_dir(paths.config)
    ensure_starters(paths.templates_dir)
    loaded = load_templates(paths.templates_dir)
    template = loaded.find(args.template)
    if template is None:
        broken = [e for e in loaded.errors if Path(e.where).stem.casefold() == args.template.strip().casefold()]
        if broken:
            raise broken[0]
        raise ConfigError(args.template, _("no such template (see: passerelle templates)"))
    where = str(template.path) if template.path else template.name
    export = load_export(_source(args, paths))
    person = find_person(people_frame(export.connections, export.invitations), args.to)
    with _read_store(paths) as store:
        recipient = Recipient.from_row(*with_typed_info(person, store.info() if store else None))
        met = met_of(store, recipient) if store else ""
    values = values_for(recipient, my_name_for(settings.my_name, export.owner), clean_value(args.event),
                        clean_value(args.relay_name), met)
    out = render(template.text, values)
    if out.errors:
        first = out.errors[0]
        line, column = line_col(template.text, first.start)
        if len(out.errors) > 1:
            reason = ngettext("{problem} (and {more} more) (column {column} of the text)",
                              "{problem} (and {more} more) (column {column} of the text)", len(out.errors) - 1)
        else:
            reason = _("{problem} (column {column} of the text)")
        reason = reason.format(problem=shown(first.message), more=len(out.errors) - 1, column=column)
        raise ConfigError(where, reason, template.file_line(line))
    limit = settings.note_limit
    warnings = [p.message for p in out.warnings]
    if out.length > limit:
        warnings.append(f"{out.length - limit} characters over the {limit} limit")  # JSON: English, as every key
    if args.json:
        print(json.dumps(
            {"template": template.name, "text": out.text, "length": out.length, "limit": limit, "warnings": warnings},
            indent=2, ensure_ascii=False,
        ))
        return 0
    print(out.text if out.text else _("(no note)"))
    print()
    if out.length > limit:
        print(_("length {length}/{limit} — over the limit").format(length=out.length, limit=limit))
    else:
        print(_("length {length}/{limit}").format(length=out.length, limit=limit))
    for problem in out.warnings:
        print(_("warning: {warning}").format(warning=shown(problem.message)))
    if out.length > limit:
        over = ngettext("{count} character over the {limit} limit", "{count} characters over the {limit} limit",
                        out.length - limit).format(count=out.length - limit, limit=limit)
        print(_("warning: {warning}").format(warning=over))
    return 0
