"""The columns of Network's people table: the people behind a row, or who changed jobs (`n`)."""

from __future__ import annotations

from tui.i18n import N_
from tui.ui.widgets.decision_words import table_day
from tui.ui.widgets.frame_table import Column
from tui.ui.widgets.translated import tr


def _since(day) -> str:
    return table_day(day) if day else ""


PEOPLE = [
    Column("full_name", N_("name"), ratio=2),
    Column("company", N_("company"), ratio=2),
    Column("position", N_("position"), ratio=3),
    Column("why", N_("how the title was read"), ratio=3, formatter=tr),
    Column("connected_on", N_("since"), width=10, formatter=_since),
    Column("ties", N_("ties"), width=4, align="right", formatter=lambda n: str(n) if n else ""),
]

# `n`: "Acme (was Beta)" cells. The company gets the room (at least a usual company name's
# length), since a share of the people columns cut the new company after a dozen letters.
CHANGES = [
    Column("full_name", N_("name"), ratio=2, min_width=8),
    Column("company", N_("company"), ratio=4, min_width=16),
    Column("position", N_("position"), ratio=3),
    Column("why", "", ratio=2, formatter=tr),
    Column("connected_on", N_("since"), width=10, formatter=_since),
]

# Who-at with invitations matched by a company typed in with `e`: "Acme (typed in) · invitation
# incoming" in the company cell, which the people columns cut before "(typed in)". These rows
# have no title reading nor ties: those columns give the company their room.
TYPED_IN = [
    Column("full_name", N_("name"), ratio=2, min_width=8),
    Column("company", N_("company"), ratio=5, min_width=16),
    Column("position", N_("position"), ratio=3),
    Column("connected_on", N_("since"), width=10, formatter=_since),
]
