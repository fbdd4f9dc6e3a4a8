"""`passerelle templates`: list the invitation templates, their placeholders and problems."""

from __future__ import annotations

import argparse
import json
import sys

from tui.outputs.human import shown
from tui.cli.import_export import clean
from tui.composer.template_files import ensure_starters, load_templates
from tui.composer.templates import line_col, lint, placeholders_used
from tui.core.folders import make_private_dir
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import number
from tui.paths import Paths

HELP = N_("List invitation templates (config folder) with their placeholders and problems.")
# One sentence per severity, so each language can word (and agree) it whole.
SEVERITY_LINES = {
    "error": N_("error at line {line}, column {column}: {message}"),
    "warning": N_("warning at line {line}, column {column}: {message}"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def template_rows(paths: Paths) -> tuple[list[dict], list[str]]:
    """Rows for each template and one line per broken file; writes the starters on first use."""
    make_private_dir(paths.config)
    ensure_starters(paths.templates_dir)
    loaded = load_templates(paths.templates_dir)
    rows = []
    for template in loaded.templates:
        problems = []
        for p in lint(template.text):
            line, column = line_col(template.text, p.start)
            problems.append({"line": line, "column": column, "message": p.message, "severity": p.severity})
        rows.append(
            {
                "name": template.name,
                "file": template.path.name if template.path else None,
                "language": template.language,
                "purpose": template.purpose,
                "placeholders": placeholders_used(template.text),
                "problems": problems,
            }
        )
    return rows, [str(e) for e in loaded.errors]


def run(args: argparse.Namespace, paths: Paths) -> int:
    rows, errors = template_rows(paths)
    if args.json:
        print(json.dumps({"folder": str(paths.templates_dir), "templates": rows, "errors": errors}, indent=2, ensure_ascii=False))
    else:
        print(ngettext("{count} template in {folder}", "{count} templates in {folder}", len(rows)).format(
            count=number(len(rows)), folder=clean(paths.templates_dir)))
        for row in rows:
            # A template file may come from anyone: its name, file name and purpose are
            # printed as cleanly as the export's text (no escape sequence, no forged line).
            used = ", ".join(clean(p) for p in row["placeholders"]) or _("no placeholders")
            lang = f" [{clean(row['language'])}]" if row["language"] else ""
            print(f"- {clean(row['name'])}{lang} ({clean(row['file'])}): {used}")
            if row["purpose"]:
                print(f"    {clean(row['purpose'])}")
            for p in row["problems"]:
                print("    " + _(SEVERITY_LINES[p["severity"]]).format(
                    line=p["line"], column=p["column"], message=shown(p["message"])))
    for error in errors:
        print(_("passerelle: skipped {problem}").format(problem=error), file=sys.stderr)
    return 0
