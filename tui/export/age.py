"""How old an export is, said where answers are shown: an invitation may have been answered
since the newest date in the files, while waiting days are counted to today."""

from __future__ import annotations

from datetime import date

# An export older than this gets a notice at start (a weekly export is the usual rhythm).
OLD_AFTER_DAYS = 30


def _age(days: int) -> str:
    if days < 60:
        return "1 day" if days == 1 else f"{days} days"
    months = round(days / 30.44)
    if months < 24:
        return f"about {months} months"
    return f"about {round(days / 365.25)} years"


def export_age(exported_on: date | None, today: date) -> dict | None:
    """`{"exported_on", "days", "old", "said"}` for `stats --json`; None for an undated export."""
    if exported_on is None:
        return None
    days = max(0, (today - exported_on).days)
    return {"exported_on": exported_on.isoformat(), "days": days, "old": days > OLD_AFTER_DAYS,
            "said": _age(days)}


def age_line(exported_on: date | None, today: date) -> str:
    """One line for `stats`: the export's date, its age, and the caveat when it is old."""
    age = export_age(exported_on, today)
    if age is None:
        return "Export date: unknown (no date in the name or the files)"
    line = f"Export of {age['exported_on']}: {age['said']} old"
    if age["old"]:
        line += "; invitations may have been answered since"
    return line


def age_notice(exported_on: date | None, today: date) -> str | None:
    """The start notice for an old export, None for a recent or undated one."""
    age = export_age(exported_on, today)
    if age is None or not age["old"]:
        return None
    return (f"This export is from {age['exported_on']}, {age['said']} ago: invitations may have been "
            "answered since, and waiting days are counted to today. Download a fresh export from "
            "LinkedIn for up-to-date answers.")
