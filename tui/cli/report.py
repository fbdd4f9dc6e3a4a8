"""`passerelle report [SOURCE] [-o FILE]`: the network figures as shareable Markdown."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli import stats as stats_cmd
from tui.paths import Paths

HELP = "Write your network's size, band and composition as Markdown (stdout or a file)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    stats_cmd.add_source_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")


# Markdown's own punctuation, escaped with a backslash so a company named
# `![x](https://evil.example/pixel.png)` stays text; `<`, `>` and `&` become entities, so no
# HTML tag (an `<img>` that loads a remote URL) survives in any viewer.
_MARKDOWN = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()#+!|~:"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def cell(value: object) -> str:
    """A Markdown table cell: no control characters, no line breaks, Markdown and HTML escaped."""
    text = stats_cmd.clean(str(value) if value is not None else "–")
    return " ".join(text.split()).translate(_MARKDOWN) or "–"


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def render(stats: dict) -> str:
    """The whole report."""
    from tui.network.figures import BAND_ADVICE, BAND_MEANING

    pct = stats_cmd.pct
    size, band = stats["connections"], stats["band"]
    nxt = stats["next_threshold"]
    md = [f"# Network report — {stats['as_of']}", ""]
    md += [f"**{size} connections** (plus {stats['hidden_connections']} hidden: members who hid or closed their profile).", ""]
    md += ["## Maturity band", "", f"Band: **{band}**. {BAND_MEANING[band]}", ""]
    md += ["| band | connections | meaning |", "|---|---|---|"]
    md += [f"| {'**' + b + '**' if b == band else b} | {r} | {BAND_MEANING[b].split(': ', 1)[1]} |"
           for b, r in (("starting", "0–99"), ("selective", "100–499"), ("generous", "500+"))]
    md += ["", f"For someone inviting you: {BAND_ADVICE[band]}", ""]
    pace = stats["pace"]
    if nxt:
        eta = f"at the pace of the last {pace['days']} days ({pace['connections']} new) you reach it around {nxt['eta']}" \
            if nxt["eta"] else f"no new connections in the last {pace['days']} days, so no date can be projected"
        md += [f"Next threshold: **{nxt['band']}** at {nxt['at']}, {nxt['missing']} to go; {eta}.", ""]
    else:
        md += ["You are past the last threshold.", ""]

    g = stats["growth"]
    md += ["## Growth", "", f"First connection: {g['first'] or '–'}; latest: {g['latest'] or '–'}.", ""]
    if g["busiest"]:
        md += _table(["busiest month", "connections"], [[b["month"], b["count"]] for b in g["busiest"]])
    md += ["## Composition", "", "### Top companies", ""]
    md += _table(["company", "connections", "share"], [[r["company"], r["count"], pct(r["share"])] for r in stats["top_companies"]])
    md += ["### Role families (from positions)", ""]
    md += _table(["family", "connections", "share"], [[r["family"], r["count"], pct(r["share"])] for r in stats["role_families"]])
    md += ["### Year connected", ""]
    md += _table(["year", "connections"], [[r["year"] or "unknown", r["count"]] for r in stats["per_year"]])
    e = stats["email_available"]
    md += [f"Email address shared with you: {e['count']} ({pct(e['share'])}).", ""]

    q = stats["qualified"]
    md += ["## Quality in quantity", ""]
    if q["count"] is None:
        md += ["No targets set: add a strategy or pick role families (`--qualify FAMILY`) to count qualified contacts.", ""]
    else:
        md += [f"**{q['count']} qualified contacts** out of {size} ({pct(q['share'])}, by {q['basis']}).", ""]
    c = stats["concentration"]
    md += ["## Concentration", ""]
    if c["companies_for_half"] is None:
        md += ["No company names in the export.", ""]
    else:
        md += [f"{c['companies_for_half']} of {c['companies']} companies hold half of the {c['with_company']} "
               f"connections with a company; the top 20% of companies hold {pct(c['top20_share'])}.", ""]
    a, m = stats["active_estimate"], stats["messaged"]
    md += ["## The silent majority", "",
           f"If {pct(a['share'])} of your network posts, about **{a['members']} members are active**: "
           f"reading one post each would mean ~{a['weekly_posts']} posts a week.", "",
           f"You have messaged {m['ever']} connections ({pct(m['ever_share'])}), "
           f"{m['last_year']} of them in the last year ({pct(m['last_year_share'])}).", ""]
    inv = stats["invitations"]
    md += ["## Invitations", ""]
    md += _table(["", "total", "accepted", "open"], [
        ["received", inv["incoming"]["total"], inv["incoming"]["connected"], inv["incoming"]["open"]],
        ["sent", inv["outgoing"]["total"], inv["outgoing"]["connected"], inv["outgoing"]["open"]],
    ])
    s = stats["since_last_import"]
    if s:
        md += ["## Since the last import", ""]
        md += _table(["new connections", "invitations accepted", "company/position changed", "gone"],
                     [[s["new_connections"], s["invitations_accepted"], s["changed"], s["gone"]]])
    return "\n".join(md).rstrip() + "\n"


def run(args: argparse.Namespace, paths: Paths) -> int:
    text = render(stats_cmd.load(args, paths).stats)
    if args.output:
        from tui.core.errors import PasserelleError
        from tui.core.files import write_text_atomic

        try:
            write_text_atomic(Path(args.output), text)
        except OSError as exc:
            raise PasserelleError(args.output, f"cannot write the report: {exc.strerror or exc}") from None
        lines = text.count("\n")
        print(f"wrote the network report ({lines} {'line' if lines == 1 else 'lines'} of Markdown) "
              f"to {Path(args.output).resolve()}")
    else:
        print(text, end="")
    return 0
