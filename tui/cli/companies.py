"""`passerelle companies [SOURCE] [--json] [--suggest]`: the company groups, so the user sees
what was merged, and likely aliases to add to companies.toml (never applied)."""

from __future__ import annotations

import argparse
import json

from tui.outputs.human import count
from tui.i18n import N_, _, ngettext
from tui.paths import Paths

HELP = N_("List company groups with the spellings merged into each; --suggest proposes aliases.")
COLUMNS = {"connections": ("company",)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.add_argument("--suggest", action="store_true",
                        help=_("also list likely aliases (same first word, close names), to paste into companies.toml"))


def report(connections, rules, suggest: bool) -> dict:
    """Groups, what counts as no company, and (with `suggest`) the alias suggestions."""
    import polars as pl

    from tui.core import companies as co

    table = co.groups(connections, rules)
    spellings = co.variants(connections, rules)
    excluded = spellings.filter(pl.col("how") == "excluded").sort(["count", "spelling"], descending=[True, False])
    blank = connections.height - int(spellings["count"].sum() or 0)
    out = {
        "groups": [
            {"name": label, "key": key, "count": count, "variants": variants}
            for key, label, count, variants in table.iter_rows()
        ],
        "no_company": {
            "blank": blank,
            "excluded": [{"spelling": s, "count": c} for s, c in excluded.select("spelling", "count").iter_rows()],
        },
        "merged_groups": table.filter(pl.col("variants").list.len() > 1).height,
    }
    if suggest:
        out["suggestions"] = co.suggestions(connections, rules)
    return out


def render(found: dict) -> str:
    """Readable lines: merged groups first (what grouping changed), then the rest, then suggestions."""
    from tui.outputs.stats_text import clean

    merged = [g for g in found["groups"] if len(g["variants"]) > 1]
    lines = [ngettext("{companies} companies; {merged} gather several spellings:",
                      "{companies} companies; {merged} gather several spellings:", len(merged)).format(
        companies=count(len(found["groups"])), merged=count(len(merged)))]
    for g in merged:
        parts = ", ".join(f"{clean(v['spelling'])} {count(v['count'])}" + (_(" (alias)") if v["how"] == "alias" else "")
                          for v in g["variants"])
        lines.append(f"  {g['count']:>5}  {clean(g['name'])}  ← {parts}")
    single = [g for g in found["groups"] if len(g["variants"]) == 1]
    if single:
        lines.append(_("Other companies (one spelling each):"))
        lines += [f"  {g['count']:>5}  {clean(g['name'])}" for g in single]
    nobody = found["no_company"]
    excluded = ", ".join(f"{clean(e['spelling'])} {count(e['count'])}" for e in nobody["excluded"]) or _("none")
    lines.append(_("No company: {blank} blank; counted as no company: {excluded}").format(
        blank=count(nobody["blank"]), excluded=excluded))
    if "suggestions" in found:
        from tui.core.companies import suggestions_toml

        if found["suggestions"]:
            lines.append(_("Likely aliases (not applied; paste under [aliases] in companies.toml to merge):"))
            for s in found["suggestions"]:
                scores = ", ".join(_("{name} {count} (score {score})").format(
                    name=clean(v["name"]), count=count(v["count"]), score=f"{v['score']:g}") for v in s["variants"])
                lines.append(f"  {clean(s['name'])} {count(s['count'])}  ~ {scores}")
            lines.append("")
            lines += [clean(line) for line in suggestions_toml(found["suggestions"]).splitlines()]
        else:
            lines.append(_("Likely aliases: none found."))
    return "\n".join(lines)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from tui.cli.current_export import company_rules, open_export

    rules = company_rules(paths)
    export = open_export(args.source, paths, COLUMNS)
    found = report(export.connections, rules, args.suggest)
    if args.json:
        print(json.dumps({"source": export.source, **found}, indent=2))
    else:
        print(render(found))
    return 0
