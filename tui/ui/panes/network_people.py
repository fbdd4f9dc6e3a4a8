"""The network's people table columns: every one on a wide pane; below WIDE columns the name
(16 characters at least), company, position and ties, so names never shrink to a letter."""

from __future__ import annotations

from tui.i18n import N_
from tui.ui.widgets.decision_words import table_day
from tui.ui.widgets.frame_table import Column, FrameTable
from tui.ui.widgets.translated import tr

WIDE = 110  # the pane's width from which the tables sit side by side with room for six columns


def people_columns(wide: bool) -> list[Column]:
    """The columns for a pane that is `wide` or not."""
    name = Column("full_name", N_("name"), ratio=2, min_width=17)  # 16 characters and the ellipsis
    company = Column("company", N_("company"), ratio=2)
    position = Column("position", N_("position"), ratio=3)
    why = Column("why", N_("how the title was read"), ratio=3, formatter=tr)
    since = Column("connected_on", N_("since"), width=10, formatter=lambda d: table_day(d) if d else "")
    ties = Column("ties", N_("ties"), width=4, align="right", formatter=lambda n: str(n) if n else "")
    return [name, company, position, why, since, ties] if wide else [name, company, position, ties]


def fit_people(table: FrameTable, pane_width: int) -> None:
    """Give `table` the columns for a pane `pane_width` wide (only when they change: it redraws)."""
    columns = people_columns(pane_width >= WIDE)
    if [c.key for c in columns] != [c.key for c in table.columns]:
        table.set_columns(columns)
