"""What the network pane says about the figures: the next threshold, growth, and the figures block,
in the active language (the keys named are the ones the user's keymap sets)."""

from __future__ import annotations

from datetime import date

from tui.i18n import N_, _, language, ngettext, pgettext
from tui.i18n.formats import day, number, percent
from tui.composer.recipients import TYPED_IN
from tui.core import bands
from tui.ui.widgets.decision_words import band_word
from tui.ui.widgets.header_lines import exported_day
from tui.ui.widgets.translated import tr

WHO_AT = N_("Who do I know at…? type a company, enter")
BASES = {"strategy": N_("strategy"), "role families": N_("role families"), "none": N_("none")}


def pct(share: float | None) -> str:
    return "–" if share is None else percent(share)


def basis_word(basis: str) -> str:
    return tr(BASES.get(basis, basis))


def qualified_label(q: dict, pick_key: str = "p") -> str:
    """The one row of the qualified-contacts table."""
    if q["count"] is None:
        return _("no targets: pick role families with {key}").format(key=pick_key)
    return _("qualified ({basis})").format(basis=basis_word(q["basis"]))


def band_words(band: str) -> str:
    """What the band means and what to do about it, after its name."""
    return f" — {bands.usage(band)} {bands.advice(band)}"


def typed_in_invitation(direction):
    """After a company the user typed in: " (typed in) · invitation incoming" (`direction`, a
    Polars expression of the lowercase direction)."""
    import polars as pl

    said = " " + _("({typed}) · invitation {direction}")
    words = {d: said.format(typed=_(TYPED_IN), direction=word)
             for d, word in (("incoming", pgettext("invitation", "incoming")), ("outgoing", pgettext("invitation", "outgoing")))}
    other = pl.lit(said.split("{direction}")[0].format(typed=_(TYPED_IN))) + direction
    return direction.replace_strict(words, default=other, return_dtype=pl.Utf8)


def shown_labels(dimension: str, labels):
    """A composition table's labels (a Polars Series, English) as people read them."""
    import polars as pl

    from tui.network.breakdown import shown_label

    return pl.Series([shown_label(dimension, v) if v is not None else v for v in labels.to_list()], dtype=pl.Utf8)


def people_count(count: int) -> str:
    return ngettext("{count} person", "{count} people", count).format(count=number(count))


def size_line(s: dict) -> str:
    """The status line's figures: connections and hidden members."""
    return _("{connections} connections · {hidden} hidden (members who hid or closed their profile, "
             "counted apart)").format(connections=number(s["connections"]), hidden=number(s["hidden_connections"]))


def found_words(connections: int, invitations: int) -> str:
    """"3 connections, 1 invitation": what who-at found."""
    return (ngettext("{count} connection", "{count} connections", connections).format(count=number(connections))
            + ", " + ngettext("{count} invitation", "{count} invitations", invitations).format(count=number(invitations)))


def table_hint(dimension: str, next_key: str = "t", pick_key: str = "p", add_key: str = "a") -> str:
    """The keys beside a table's title."""
    if dimension == "unclassified":
        hint = _("  ({next}: next table · enter: people · {add}: add a rule for the title)")
    elif dimension == "family":
        hint = _("  ({next}: next table · enter: people · {pick}: qualify family)")
    else:
        hint = _("  ({next}: next table · enter: people)")
    return hint.format(next=next_key, pick=pick_key, add=add_key)


def next_line(s: dict) -> str:
    nxt, pace = s["next_threshold"], s["pace"]
    if nxt is None:
        return _("Past the last threshold. {count} new in the last {days} days.").format(
            count=number(pace["connections"]), days=pace["days"])
    per_week = f"{pace['per_week']:g}" if language() == "en" else number(pace["per_week"], 2).rstrip("0").rstrip(",")
    eta = date.fromisoformat(nxt["eta"]) if nxt["eta"] else None
    if eta is None:
        when = _("no new connections in the last {days} days").format(days=pace["days"])
    elif eta < date.today():  # an old export: its pace projected to a day already gone
        when = _("at the export's pace ({per_week} a week) around {day}, a date now past: a newer export will tell"
                 ).format(per_week=per_week, day=day(eta))
    else:
        when = _("at this pace ({per_week} a week) around {day}").format(per_week=per_week, day=day(eta))
    return _("Next: {band} at {at} — {missing} to go, {when}.").format(
        band=band_word(nxt["band"]), at=number(nxt["at"]), missing=number(nxt["missing"]), when=when)


def growth_line(s: dict) -> str:
    g = s["growth"]
    if g["first"] is None:
        return _("No connection dates yet.")
    busiest = ", ".join(f"{b['month']} ({b['count']})" for b in g["busiest"])
    return _("Per month since {first} · latest {latest}\nBusiest: {busiest}").format(
        first=exported_day(g["first"]), latest=exported_day(g["latest"]), busiest=busiest)


def figures_text(s: dict, pick_key: str = "p", since_key: str = "n") -> str:
    q, c, a, m = s["qualified"], s["concentration"], s["active_estimate"], s["messaged"]
    inv = s["invitations"]
    if q["count"] is None:
        quality = _("Quality in quantity: no targets yet — pick role families with {key} on the role families "
                    "table.").format(key=pick_key)
    else:
        quality = _("Quality in quantity: {count} qualified contacts of {connections} ({share}, by {basis}).").format(
            count=number(q["count"]), connections=number(s["connections"]), share=pct(q["share"]),
            basis=basis_word(q["basis"]))
    if c["companies_for_half"] is None:
        conc = _("Concentration: no company names.")
    else:
        conc = _("Concentration: {half} of {companies} companies hold half of the connections with a company; "
                 "the top 20% hold {share}.").format(half=number(c["companies_for_half"]),
                                                    companies=number(c["companies"]), share=pct(c["top20_share"]))
    silent = _("Silent majority: ~{members} active members ({share}) → ~{posts} posts a week to read. "
               "Messaged: {ever} ({ever_share}) ever, {last_year} in the last year.").format(
        members=number(a["members"]), share=pct(a["share"]), posts=number(a["weekly_posts"]),
        ever=number(m["ever"]), ever_share=pct(m["ever_share"]), last_year=number(m["last_year"]))
    invites = _("Invitations: received {received} ({received_open} open) · sent {sent} ({sent_open} open).").format(
        received=number(inv["incoming"]["total"]), received_open=number(inv["incoming"]["open"]),
        sent=number(inv["outgoing"]["total"]), sent_open=number(inv["outgoing"]["open"]))
    since = s["since_last_import"]
    if since is None:
        change = _("Since the last import: no earlier import to compare with.")
    else:
        change = _("Since the last import: {new} new · {accepted} invitations accepted · {changed} changed company "
                   "or position · {gone} gone ({key}: list).").format(
            key=since_key, new=number(since["new_connections"]), accepted=number(since["invitations_accepted"]),
            changed=number(since["changed"]), gone=number(since["gone"]))
    across = s.get("across_imports")
    if across:
        change += "\n" + _("Across your {imports} imports: {new} new · {left} left · {changed} job changes · "
                           "{accepted} invitations accepted (passerelle stats --json lists them).").format(
            imports=number(across["imports"]), new=number(len(across["new"])), left=number(len(across["left"])),
            changed=number(len(across["changed"])), accepted=number(len(across["accepted"])))
    return "\n".join([quality, conc, silent, invites, change])
