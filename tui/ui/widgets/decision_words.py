"""Words the queues share, in the active language: the decisions (the store keeps the ids), days waited."""

from __future__ import annotations

from tui.i18n import N_, _, pgettext

DECISION_WORDS = {
    "accept": N_("accept"),
    "ignore": N_("ignore"),
    "later": N_("later"),
    "follow": N_("follow"),
    "suspicious": N_("suspicious"),
    "followed_up": N_("followed up"),
    "withdrawn": N_("withdrawn"),
    "done": N_("done"),
}


def decision_word(decision: str | None) -> str:
    """`accept` → "accept" / "accepter"; an unknown id as written, underscores as spaces."""
    if not decision:
        return ""
    word = DECISION_WORDS.get(decision)
    return _(word) if word else decision.replace("_", " ")


def days_cell(days: int | None) -> str:
    """`12d` / `12 j`: how long an invitation has waited."""
    return "" if days is None else _("{days}d").format(days=days)


# What the To do pane asks to do on LinkedIn (tui/store/todo.py's action ids).
ACTION_WORDS = {
    "accept": N_("accept"),
    "ignore": N_("ignore"),
    "follow": N_("follow"),
    "withdraw": N_("withdraw"),
    "follow up": N_("follow up"),
    "send note": N_("send note"),
}


def action_word(action: str) -> str:
    word = ACTION_WORDS.get(action)
    return _(word) if word else action


def day_of(value) -> str:
    """A date or a timestamp's day as the language writes it (`2026-11-20` / `20 nov. 2026`)."""
    from datetime import datetime

    from tui.i18n.formats import day

    return day(value.date() if isinstance(value, datetime) else value)


BAND_WORDS = {"starting": N_("starting"), "selective": N_("selective"), "generous": N_("generous")}


def band_word(band: str) -> str:
    """A band id (`generous`) in the active language (`généreux`)."""
    word = BAND_WORDS.get(band)
    return _(word) if word else band


def table_day(value) -> str:
    """A day in ten columns, for tables: `2026-11-20` / `20/11/2026` (a medium French date is longer)."""
    from tui.i18n import language

    if language() == "en":
        return value.isoformat()
    from babel.dates import format_date

    return format_date(value, format="short", locale=language())


def draft_word(state: str) -> str:
    """A draft's state (the store's DRAFT_STATES) in the active language (a draft is masculine in French)."""
    words = {"draft": pgettext("draft", "draft"), "sent": pgettext("draft", "sent"),
             "accepted": pgettext("draft", "accepted"), "abandoned": pgettext("draft", "abandoned")}
    return words.get(state, state)
