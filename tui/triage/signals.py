"""Signals for the detail pane: what a queue row says about a person, with reasons.

Built when the pane draws a row, so they are in the reader's language of that moment;
the suspicious signs are stored in English and translated here (`describe`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, NamedTuple

from tui.core import bands
from tui.core.bands import band as band_of
from tui.core.phrasebook import describe
from tui.i18n import N_, _, ngettext

Tone = Literal["good", "warn", "bad", "info"]
# The received decisions as people read them (the identifiers stay English in the store).
DECISION_WORDS = {"accept": N_("accept"), "ignore": N_("ignore"), "later": N_("later"),
                  "follow": N_("follow"), "suspicious": N_("suspicious")}
CIRCLE_MANY = 10


class Signal(NamedTuple):
    """One line of the detail pane: a short label and the reason behind it."""

    kind: str
    label: str
    reason: str
    tone: Tone = "info"


def _when(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return _("an unknown date")


def _days(n: int) -> str:
    return ngettext("{count} day", "{count} days", n).format(count=n)


def _times(n: int) -> str:
    if n == 1:
        return _("once")
    return _("twice") if n == 2 else _("{count} times").format(count=n)


def tie_label(endorsements: int = 0, recommended_you: int = 0, you_recommended: int = 0) -> str | None:
    """`endorsed you 3 times, you recommended them`; None without any tie."""
    parts = []
    if endorsements:
        parts.append(_("endorsed you {times}").format(times=_times(endorsements)))
    if recommended_you:
        parts.append(_("recommended you") if recommended_you == 1
                     else _("recommended you {times}").format(times=_times(recommended_you)))
    if you_recommended:
        parts.append(_("you recommended them") if you_recommended == 1
                     else _("you recommended them {times}").format(times=_times(you_recommended)))
    return ", ".join(parts) or None


def tie_signal(row: dict[str, Any]) -> Signal | None:
    """The tie signal of a row carrying `tie_counts` columns (None without ties)."""
    label = tie_label(*(int(row.get(c) or 0) for c in ("endorsements", "recommended_you", "you_recommended")))
    if label is None:
        return None
    return Signal("ties", label, _("a real tie: endorsements and recommendations in your archive"), "good")


def company_signal(company: str | None, count: int | None, my_companies: tuple[str, ...] = (),
                   target_companies: tuple[str, ...] = (), group: str | None = None) -> Signal | None:
    """Where the company stands for you: one you worked at (not a new circle), or one you
    follow (a target, and a bridge when none of your connections work there). Compared by
    company group (`group`, the store's key under the user's aliases; else the name normalised)."""
    from tui.core.company_names import normalise

    key = group or normalise(company)
    if not key or not (company or "").strip():
        return None
    if key in my_companies:
        return Signal("circle", _("works at {company}, where you worked").format(company=company.strip()),
                      _("a circle you come from (your positions)"), "info")
    if key in target_companies:
        if not count:
            return Signal("circle", _("a bridge to {company}, a company you follow").format(company=company.strip()),
                          _("none of your connections work there yet; followed companies count as "
                            "targets when your strategy names none"), "good")
        return Signal("target", _("works at {company}, a company you follow").format(company=company.strip()),
                      _("followed companies count as targets when your strategy names none"), "good")
    return None


def signals(row: dict[str, Any], today: date | None = None, *, my_companies: tuple[str, ...] = (),
            target_companies: tuple[str, ...] = ()) -> list[Signal]:
    """Signals for one received-queue row (keys as in `received_queue`, plus the optional
    `tie_counts` columns). `my_companies` / `target_companies`: company group keys, by
    default the owner's positions and followed companies (`archive.my_companies`,
    `archive.bridge_targets`)."""
    out: list[Signal] = []
    length = row.get("note_length") or 0
    if row.get("has_note"):
        if length >= 150:
            wrote = _("wrote a long personal note ({count} characters)")
        elif length < 60:
            wrote = _("wrote a short personal note ({count} characters)")
        else:
            wrote = _("wrote a personal note ({count} characters)")
        out.append(Signal("note", wrote.format(count=length),
                          _("someone who introduces themselves deserves attention"), "good"))
    else:
        out.append(Signal("mass_invite", _("no note: mass-invite look"),
                          _("many invitations without a note come from people who never read the profile"),
                          "warn"))
    reasons = [describe(r) for r in row.get("suspicious_reasons") or []]
    if reasons:
        out.append(Signal("suspicious", _("suspicious signs"), "; ".join(reasons), "bad"))
    decision = row.get("decision")
    if decision:
        what = _("decided '{decision}' on {when}").format(decision=_(DECISION_WORDS[decision]) if decision in DECISION_WORDS else decision, when=_when(row.get("decided_at")))
        if row.get("decision_reason"):
            what = _("{what} ({reason})").format(what=what, reason=describe(row["decision_reason"]))
        if row.get("later_due"):
            out.append(Signal("decided", _("back from 'later'"), what, "info"))
        else:
            out.append(Signal("decided", _("already decided"), what, "info"))
    if row.get("messaged_before"):
        out.append(Signal("messages", _("already in your messages"),
                          _("you have exchanged messages before"), "good"))
    if (tie := tie_signal(row)) is not None:
        out.append(tie)
    company, position = row.get("company"), row.get("position")
    if company or position:
        role = _("{position} at {company}").format(position=position, company=company) \
            if position and company else (position or company)
        out.append(Signal("identity", role, _("typed in by you"), "info"))
    else:
        out.append(Signal("identity", _("company and role unknown — press e to add"),
                          _("the export does not hold them for people you're not connected to"),
                          "info"))
    count = row.get("company_count")
    placed = company_signal(company, count, my_companies, target_companies, row.get("company_group"))
    if placed is not None:
        out.append(placed)
    elif company and count is not None:
        if count == 0:
            out.append(Signal("circle", _("a bridge to a new circle"),
                              _("none of your connections work there yet"), "good"))
        elif count >= CIRCLE_MANY:
            out.append(Signal("circle", _("inside a circle you already have ({count} people)").format(count=count),
                              _("many of your connections already work there"), "info"))
        else:
            out.append(Signal("circle", ngettext("you know {count} person there", "you know {count} people there",
                                                 count).format(count=count),
                              _("a circle you've started to know"), "info"))
    count = row.get("connection_count")
    if count is not None:
        band = band_of(count)
        out.append(Signal("band", _("{band} ({count} connections)").format(band=bands.name(band), count=count),
                          bands.advice(band), "info"))
    else:
        out.append(Signal("band", _("their network size is unknown"),
                          _("the export doesn't hold other people's counts — press e to add"), "info"))
    waited = row.get("waited_days")
    if waited is not None:
        tone: Tone = "warn" if waited >= 30 else "info"
        out.append(Signal("waited", _("waiting for {days}").format(days=_days(int(waited))),
                          _("sent {when}").format(when=_when(row.get("sent_at"))), tone))
    return out
