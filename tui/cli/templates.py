"""`passerelle templates`: list the invitation templates, their placeholders and problems."""

from __future__ import annotations

import argparse
import json
import sys

from tui.composer.template_files import ensure_starters, load_templates
from tui.composer.templates import line_col, lint, placeholders_used
from tui.core.words import plural
from tui.paths import Paths, make_private_dir

HELP = "List invitation templates (config folder) with their placeholders and problems."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


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
        print(f"{plural(len(rows), 'template')} in {paths.templates_dir}")
        for row in rows:
            used = ", ".join(row["placeholders"]) or "no placeholders"
            lang = f" [{row['language']}]" if row["language"] else ""
            print(f"- {row['name']}{lang} ({row['file']}): {used}")
            if row["purpose"]:
                print(f"    {row['purpose']}")
            for p in row["problems"]:
                print(f"    {p['severity']} at line {p['line']}, column {p['column']}: {p['message']}")
    for error in errors:
        print(f"passerelle: skipped {error}", file=sys.stderr)
    return 0
