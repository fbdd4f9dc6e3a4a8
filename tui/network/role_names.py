"""Role families and seniority levels as people read them (`HR/recruiting` → `RH/recrutement`).

The identifiers stay English: they are stored, written in `roles.toml` and `--json`, and
typed in filters. A family the user adds in `roles.toml` has no translation and shows as
written.
"""

from __future__ import annotations

from tui.i18n import N_, _

FAMILY_NAMES = {
    "students/education": N_("students/education"),
    "executives/founders": N_("executives/founders"),
    "HR/recruiting": N_("HR/recruiting"),
    "sales/business": N_("sales/business"),
    "product/project": N_("product/project"),
    "engineering/data": N_("engineering/data"),
    "health": N_("health"),
    "public sector": N_("public sector"),
    "finance/legal": N_("finance/legal"),
    "operations/logistics": N_("operations/logistics"),
    "consulting": N_("consulting"),
    "design/media": N_("design/media"),
    "admin/support": N_("admin/support"),
    "trades/services": N_("trades/services"),
    "other": N_("other"),
}
SENIORITY_NAMES = {
    "student/intern": N_("student/intern"),
    "individual contributor": N_("individual contributor"),
    "manager/lead": N_("manager/lead"),
    "director/head": N_("director/head"),
    "VP": N_("VP"),
    "C-level": N_("C-level"),
    "founder/owner": N_("founder/owner"),
    "self-employed": N_("self-employed"),
    "unknown": N_("unknown"),
}


def family_name(family: str) -> str:
    """A family's name in the reader's language (a user's own family: as written)."""
    return _(FAMILY_NAMES[family]) if family in FAMILY_NAMES else family


def seniority_name(level: str) -> str:
    """A seniority level's name in the reader's language."""
    return _(SENIORITY_NAMES[level]) if level in SENIORITY_NAMES else level
