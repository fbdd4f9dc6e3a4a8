"""The network figures as shareable Markdown (`passerelle report`, the app's "export: report")."""

from __future__ import annotations

from tui.core.bands import BANDS, band_range
from tui.i18n import _, language, pgettext
from tui.outputs import stats_text
from tui.outputs.human import band_word, basis_word, count, shown


# Markdown's own punctuation, escaped with a backslash so a company named
# `![x](https://evil.example/pixel.png)` stays text; `<`, `>` and `&` become entities, so no
# HTML tag (an `<img>` that loads a remote URL) survives in any viewer.
_MARKDOWN = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()#+!|~:"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def cell(value: object) -> str:
    """A Markdown table cell: no control characters, no line breaks, Markdown and HTML escaped."""
    text = stats_text.clean(str(value) if value is not None else "–")
    return " ".join(text.split()).translate(_MARKDOWN) or "–"


def _table(headers: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def render(stats: dict) -> str:
    """The whole report, in the active language."""
    from tui.core import bands

    pct = stats_text.pct
    size, band = stats["connections"], stats["band"]
    nxt = stats["next_threshold"]
    md = [_("# Network report — {day}").format(day=_day(stats["as_of"])), ""]
    md += [_("**{count} connections** (plus {hidden} hidden: members who hid or closed their profile).").format(
        count=count(size), hidden=count(stats["hidden_connections"])), ""]
    md += [_("## Maturity band"), "", _("Band: **{band}**. {meaning}").format(
        band=band_word(band), meaning=bands.meaning(band)), ""]
    md += ["| " + " | ".join((_("band"), _("connections"), _("meaning"))) + " |", "|---|---|---|"]
    md += [f"| {'**' + band_word(b) + '**' if b == band else band_word(b)} | {r} | {bands.usage(b)} |"
           for b, r in ((name, band_range(name)) for name, _at in BANDS)]
    md += ["", _("For someone inviting you: {advice}").format(advice=bands.advice(band)), ""]
    pace = stats["pace"]
    if nxt:
        values = {"band": band_word(nxt["band"]), "at": count(nxt["at"]), "missing": count(nxt["missing"]),
                  "days": count(pace["days"]), "new": count(pace["connections"])}
        if nxt["eta"]:
            line = _("Next threshold: **{band}** at {at}, {missing} to go; at the pace of the last {days} days "
                     "({new} new) you reach it around {day}.").format(**values, day=_day(nxt["eta"]))
        else:
            line = _("Next threshold: **{band}** at {at}, {missing} to go; no new connections in the last {days} "
                     "days, so no date can be projected.").format(**values)
        md += [line, ""]
    else:
        md += [_("You are past the last threshold."), ""]

    g = stats["growth"]
    md += [_("## Growth"), "", _("First connection: {first}; latest: {latest}.").format(
        first=_day(g["first"]) if g["first"] else "–", latest=_day(g["latest"]) if g["latest"] else "–"), ""]
    if g["busiest"]:
        md += _table([_("busiest month"), _("connections")], [[_month(b["month"]), count(b["count"])] for b in g["busiest"]])
    md += [_("## Composition"), "", _("### Top companies"), ""]
    md += _table([_("company"), _("connections"), _("share")],
                 [[r["company"], count(r["count"]), pct(r["share"])] for r in stats["top_companies"]])
    md += [_("### Role families (from positions)"), ""]
    md += _table([_("family"), _("connections"), _("share")],
                 [[shown(r["family"]), count(r["count"]), pct(r["share"])] for r in stats["role_families"]])
    md += [_("### Year connected"), ""]
    md += _table([_("year"), _("connections")], [[r["year"] or _("unknown"), count(r["count"])] for r in stats["per_year"]])
    e = stats["email_available"]
    md += [_("Email address shared with you: {count} ({share}).").format(count=count(e["count"]), share=pct(e["share"])), ""]

    q = stats["qualified"]
    md += [_("## Quality in quantity"), ""]
    if q["count"] is None:
        md += [_("No targets set: add a strategy or pick role families (`--qualify FAMILY`) to count qualified contacts."), ""]
    else:
        md += [_("**{count} qualified contacts** out of {size} ({share}, by {basis}).").format(
            count=count(q["count"]), size=count(size), share=pct(q["share"]), basis=basis_word(q["basis"])), ""]
    c = stats["concentration"]
    md += [_("## Concentration"), ""]
    if c["companies_for_half"] is None:
        md += [_("No company names in the export."), ""]
    else:
        md += [_("{few} of {companies} companies hold half of the {with_company} connections with a company; "
                 "the top 20% of companies hold {share}.").format(
            few=count(c["companies_for_half"]), companies=count(c["companies"]),
            with_company=count(c["with_company"]), share=pct(c["top20_share"])), ""]
    a, m = stats["active_estimate"], stats["messaged"]
    md += [_("## The silent majority"), "",
           _("If {share} of your network posts, about **{members} members are active**: "
             "reading one post each would mean ~{posts} posts a week.").format(
               share=pct(a["share"]), members=count(a["members"]), posts=count(a["weekly_posts"])), "",
           _("You have messaged {ever} connections ({ever_share}), "
             "{last_year} of them in the last year ({last_year_share}).").format(
               ever=count(m["ever"]), ever_share=pct(m["ever_share"]), last_year=count(m["last_year"]),
               last_year_share=pct(m["last_year_share"])), ""]
    inv = stats["invitations"]
    md += [_("## Invitations"), ""]
    md += _table(["", _("total"), pgettext("invitations", "accepted"), pgettext("invitations", "open")], [
        [pgettext("invitations", "received"), *(count(inv["incoming"][k]) for k in ("total", "connected", "open"))],
        [pgettext("invitations", "sent"), *(count(inv["outgoing"][k]) for k in ("total", "connected", "open"))],
    ])
    s = stats["since_last_import"]
    if s:
        md += [_("## Since the last import"), ""]
        md += _table([_("new connections"), _("invitations accepted"), _("company/position changed"), _("gone")],
                     [[count(s[k]) for k in ("new_connections", "invitations_accepted", "changed", "gone")]])
    return "\n".join(md).rstrip() + "\n"


def _day(iso: str) -> str:
    return stats_text._day(iso)  # noqa: SLF001 - one home for "an ISO day, as the language writes it"


def _month(iso: str) -> str:
    """`2026-03` in English, as always; `mars 2026` in French."""
    if language() == "en":
        return iso
    from datetime import date

    from babel.dates import format_date

    return format_date(date.fromisoformat(iso[:7] + "-01"), format="MMMM y", locale=language())
