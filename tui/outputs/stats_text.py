"""The figures as a short summary for the terminal (`passerelle stats`)."""

from __future__ import annotations

from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import _, ngettext
from tui.i18n.formats import day, percent
from tui.outputs.human import band_word, basis_word, count, shown


def pct(share: float | None) -> str:
    return "–" if share is None else percent(share)


def open_people(counts: dict, people: int | None) -> str:
    """", from 51 people" when some sent more than one invitation: the app's header counts people."""
    if people is None or people == counts["open"]:
        return ""
    return ngettext(", from {count} person: some sent more than one", ", from {count} people: some sent more than one",
                    people).format(count=count(people))


def _day(iso: str) -> str:
    """An ISO day from the figures, as the language writes days."""
    from datetime import date

    return day(date.fromisoformat(iso))


def _band_meaning(stats: dict) -> str:
    """The band's meaning in the reader's language (the figures keep it English, for --json)."""
    from tui.core import bands

    return bands.meaning(stats["band"]) if stats["band"] in bands.BAND_NAMES else shown(stats["band_explained"])


def summary(stats: dict) -> str:
    """A short readable summary for the terminal."""
    inv = stats["invitations"]
    nxt = stats["next_threshold"]
    from datetime import date

    from tui.export.age import age_line

    age = stats.get("export_age")
    lines = [
        _("Source: {source}").format(source=clean(stats["source"])),
        age_line(date.fromisoformat(age["exported_on"]) if age else None, date.today()),
        *_profile_line(stats.get("profile")),
        _("Connections: {count}  (+{hidden} hidden)").format(
            count=count(stats["connections"]), hidden=count(stats["hidden_connections"])),
        _("Band: {band} — {meaning}").format(band=band_word(stats["band"]), meaning=_band_meaning(stats)),
    ]
    if nxt:
        values = {"band": band_word(nxt["band"]), "at": count(nxt["at"]), "missing": count(nxt["missing"])}
        if nxt["eta"] and date.fromisoformat(nxt["eta"]) < date.today():  # an old export's pace
            lines.append(_("Next: {band} at {at} ({missing} to go at the export; at its pace, around {day}: "
                           "a date now past, a newer export will tell)").format(**values, day=_day(nxt["eta"])))
        elif nxt["eta"]:
            lines.append(_("Next: {band} at {at} ({missing} to go, at this pace by {day})").format(
                **values, day=_day(nxt["eta"])))
        else:
            lines.append(_("Next: {band} at {at} ({missing} to go, no new connections in the last 90 days)").format(
                **values))
    lines.append(
        _("Invitations: received {received} ({received_open} open{people}), sent {sent} ({sent_open} open)").format(
            received=count(inv["incoming"]["total"]), received_open=count(inv["incoming"]["open"]),
            people=open_people(inv["incoming"], stats.get("people_waiting")),
            sent=count(inv["outgoing"]["total"]), sent_open=count(inv["outgoing"]["open"]),
        )
    )
    q = stats["qualified"]
    if q["count"] is not None:
        lines.append(_("Qualified contacts: {count} of {connections} ({share}, {basis})").format(
            count=count(q["count"]), connections=count(stats["connections"]), share=pct(q["share"]),
            basis=basis_word(q["basis"])))
    c = stats["concentration"]
    if c["companies_for_half"] is not None:
        lines.append(_("Concentration: {few} of {companies} companies hold half; top 20% hold {share}").format(
            few=count(c["companies_for_half"]), companies=count(c["companies"]), share=pct(c["top20_share"])))
    a = stats["active_estimate"]
    lines.append(_("Silent majority: ~{members} active ({share}) → ~{posts} posts a week").format(
        members=count(a["members"]), share=pct(a["share"]), posts=count(a["weekly_posts"])))
    m = stats["messaged"]
    lines.append(_("Messaged: {ever} ever ({share}), {last_year} in the last year").format(
        ever=count(m["ever"]), share=pct(m["ever_share"]), last_year=count(m["last_year"])))
    if stats["top_companies"]:
        top = ", ".join(f"{clean(r['company'])} {count(r['count'])}" for r in stats["top_companies"][:5])
        lines.append(_("Top companies: {companies}").format(companies=top))
    ties = (stats.get("archive") or {}).get("people_with_ties")
    if ties:
        lines.append(ngettext("Real ties: {count} person endorsed or recommended you, or you them",
                              "Real ties: {count} people endorsed or recommended you, or you them",
                              ties).format(count=count(ties)))
    across = stats.get("across_imports")
    if across:
        lines.append(_("Across your {imports} imports: {new} new, {left} left, {changed} job changes, "
                       "{accepted} invitations accepted").format(
            imports=count(across["imports"]), new=count(len(across["new"])), left=count(len(across["left"])),
            changed=count(len(across["changed"])), accepted=count(len(across["accepted"]))))
    s = stats["since_last_import"]
    if s:
        lines.append(_("Since last import: {new} new, {accepted} accepted, {changed} changed, {gone} gone").format(
            new=count(s["new_connections"]), accepted=count(s["invitations_accepted"]),
            changed=count(s["changed"]), gone=count(s["gone"])))
    return "\n".join(lines)


def _profile_line(profile: dict | None) -> list[str]:
    parts = [clean(v) for v in (profile or {}).values() if v]
    return [_("Your profile: {industry_and_location}").format(industry_and_location=" · ".join(parts))] if parts else []


def clean(text: str | None) -> str:
    """Export text printed to a terminal or Markdown: control, bidi and zero-width chars → space."""
    return strip_unsafe(text or "", replacement=" ")
