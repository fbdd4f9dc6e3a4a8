"""What every pane needs: the loaded export, the store, settings and folders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tui.config import Settings
from tui.paths import Paths

if TYPE_CHECKING:
    from tui.export.reader import Export
    from tui.store.store import Store
    from tui.store.queues import TriageSet


@dataclass(eq=False)
class AppContext:
    """Shared, long-lived state handed to panes (never put in a reactive)."""

    paths: Paths
    settings: Settings
    export: Export | None  # None while a worker reads it (the triage panes read the store)
    store: Store | None  # None only on a first start, until the export is read: nothing is written before
    today: date
    notices: list[str] = field(default_factory=list)  # shown once the app starts
    triage_set: TriageSet | None = None  # the rows the triage panes read; None until first written
    timelines: object = None  # tui.network.person_timeline.Timelines: the detail panes' History, read once
