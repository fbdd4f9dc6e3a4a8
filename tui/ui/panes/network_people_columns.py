"""The columns of Network's people table: the people behind a row (every column on a wide
pane; below WIDE columns the name, 16 characters at least, company, position and ties, so names
never shrink to a letter), or who changed jobs (`n`), or who-at with typed-in companies."""

from __future__ import annotations

from tui.i18n import N_
from tui.ui.widgets.decision_words import table_day
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.translated import tr


def _since(day) -> str:
    return table_day(day) if day else ""


WIDE = 110  # the pane's width from which the tables sit side by side with room for six columns


def people_columns(wide: bool) -> list[Column]:
    """The people columns for a pane that is `wide` or not."""
    name = Column("full_name", N_("name"), ratio=2, min_width=17)  # 16 characters and the ellipsis
    company = Column("company", N_("company"), ratio=2)
    position = Column("position", N_("position"), ratio=3)
    why = Column("why", N_("how the title was read"), ratio=3, formatter=tr)
    since = Column("connected_on", N_("since"), width=10, formatter=_since)
    ties = Column("ties", N_("ties"), width=4, align="right", formatter=lambda n: str(n) if n else "")
    return [name, company, position, why, since, ties] if wide else [name, company, position, ties]


def fit_people(table: FrameTable, pane_width: int) -> None:
    """Give `table` the people columns for a pane `pane_width` wide, when it shows people (not
    `n`'s changes or typed-in rows) and they change: it redraws."""
    shown = [c.key for c in table.columns]
    if shown not in ([c.key for c in people_columns(True)], [c.key for c in people_columns(False)]):
        return
    columns = people_columns(pane_width >= WIDE)
    if [c.key for c in columns] != shown:
        table.set_columns(columns)

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
