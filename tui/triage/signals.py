"""Signals for the detail pane: what a queue row says about a person, with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from tui.network.bands import BAND_ADVICE
from tui.network.bands import band as band_of

Tone = Literal["good", "warn", "bad", "info"]
CIRCLE_MANY = 10


@dataclass(frozen=True)
class Signal:
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
    return "an unknown date"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def tie_label(endorsements: int = 0, recommended_you: int = 0, you_recommended: int = 0) -> str | None:
    """`endorsed you 3 times, you recommended them`; None without any tie."""
    parts = []
    if endorsements:
        parts.append(f"endorsed you {_times(endorsements)}")
    if recommended_you:
        parts.append("recommended you" + ("" if recommended_you == 1 else f" {_times(recommended_you)}"))
    if you_recommended:
        parts.append("you recommended them" + ("" if you_recommended == 1 else f" {_times(you_recommended)}"))
    return ", ".join(parts) or None


def tie_signal(row: dict[str, Any]) -> Signal | None:
    """The tie signal of a row carrying `tie_counts` columns (None without ties)."""
    label = tie_label(*(int(row.get(c) or 0) for c in ("endorsements", "recommended_you", "you_recommended")))
    if label is None:
        return None
    return Signal("ties", label, "a real tie: endorsements and recommendations in your archive", "good")


def company_signal(company: str | None, count: int | None, my_companies: tuple[str, ...] = (),
                   target_companies: tuple[str, ...] = ()) -> Signal | None:
    """Where the company stands for you: one you worked at (not a new circle), or one you
    follow (a target, and a bridge when none of your connections work there)."""
    key = (company or "").strip().lower()
    if not key:
        return None
    if key in my_companies:
        return Signal("circle", f"works at {company.strip()}, where you worked",
                      "a circle you come from (your positions)", "info")
    if key in target_companies:
        if not count:
            return Signal("circle", f"a bridge to {company.strip()}, a company you follow",
                          "none of your connections work there yet; followed companies count as "
                          "targets when your strategy names none", "good")
        return Signal("target", f"works at {company.strip()}, a company you follow",
                      "followed companies count as targets when your strategy names none", "good")
    return None


def signals(row: dict[str, Any], today: date | None = None, *, my_companies: tuple[str, ...] = (),
            target_companies: tuple[str, ...] = ()) -> list[Signal]:
    """Signals for one received-queue row (keys as in `received_queue`, plus the optional
    `tie_counts` columns). `my_companies` / `target_companies`: lower-cased names, by
    default the owner's positions and followed companies (`archive.my_companies`,
    `archive.bridge_targets`)."""
    out: list[Signal] = []
    length = row.get("note_length") or 0
    if row.get("has_note"):
        size = "a long" if length >= 150 else "a short" if length < 60 else "a"
        out.append(Signal("note", f"wrote {size} personal note ({length} characters)",
                          "someone who introduces themselves deserves attention", "good"))
    else:
        out.append(Signal("mass_invite", "no note: mass-invite look",
                          "many invitations without a note come from people who never read the profile",
                          "warn"))
    reasons = list(row.get("suspicious_reasons") or [])
    if reasons:
        out.append(Signal("suspicious", "suspicious signs", "; ".join(reasons), "bad"))
    decision = row.get("decision")
    if decision:
        what = f"decided '{decision}' on {_when(row.get('decided_at'))}"
        if row.get("decision_reason"):
            what += f" ({row['decision_reason']})"
        if row.get("later_due"):
            out.append(Signal("decided", "back from 'later'", what, "info"))
        else:
            out.append(Signal("decided", "already decided", what, "info"))
    if row.get("messaged_before"):
        out.append(Signal("messages", "already in your messages",
                          "you have exchanged messages before", "good"))
    if (tie := tie_signal(row)) is not None:
        out.append(tie)
    company, position = row.get("company"), row.get("position")
    if company or position:
        role = " at ".join(p for p in (position, company) if p)
        out.append(Signal("identity", role, "typed in by you", "info"))
    else:
        out.append(Signal("identity", "company and role unknown — press e to add",
                          "the export does not hold them for people you're not connected to",
                          "info"))
    count = row.get("company_count")
    placed = company_signal(company, count, my_companies, target_companies)
    if placed is not None:
        out.append(placed)
    elif company and count is not None:
        if count == 0:
            out.append(Signal("circle", "a bridge to a new circle",
                              "none of your connections work there yet", "good"))
        elif count >= CIRCLE_MANY:
            out.append(Signal("circle", f"inside a circle you already have ({count} people)",
                              "many of your connections already work there", "info"))
        else:
            people = "1 person" if count == 1 else f"{count} people"
            out.append(Signal("circle", f"you know {people} there",
                              "a circle you've started to know", "info"))
    count = row.get("connection_count")
    if count is not None:
        band = band_of(count)
        out.append(Signal("band", f"{band} ({row['connection_count']} connections)",
                          BAND_ADVICE[band], "info"))
    else:
        out.append(Signal("band", "their network size is unknown",
                          "the export doesn't hold other people's counts — press e to add", "info"))
    waited = row.get("waited_days")
    if waited is not None:
        tone: Tone = "warn" if waited >= 30 else "info"
        out.append(Signal("waited", f"waiting for {_days(int(waited))}",
                          f"sent {_when(row.get('sent_at'))}", tone))
    return out
