"""Apps for the snapshot tests and the README screenshots: fixed day, fixed home, two exports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from export_fixtures import connections_bytes, invitations_bytes, make_zip, profile_bytes

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample_data" / "Basic_LinkedInDataExport_11-20-2026.zip"
TODAY = date(2026, 11, 21)  # the day after the sample was exported: ages and budgets stay put
PANE_KEYS = {"received": [], "sent": ["2"], "network": ["3"], "growth": ["3", "g"], "composer": ["4"], "help": ["question_mark"]}


def empty_export(folder: Path) -> Path:
    """An export with the files but no rows: no connections, no invitations."""
    members = {
        "Connections.csv": connections_bytes([]),
        "Invitations.csv": invitations_bytes([]),
        "Profile.csv": profile_bytes(),
    }
    return make_zip(folder / "Basic_LinkedInDataExport_01-02-2026.zip", members)


async def settle(pilot, keys: list[str]) -> None:
    """Press `keys` and wait until the workers (network figures, the export) are done."""
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    from textual.widgets import Input, TextArea

    for field in pilot.app.query("Input, TextArea"):  # a blinking cursor would differ run to run
        if isinstance(field, (Input, TextArea)):
            field.cursor_blink = False
    await pilot.pause()
    await pilot.pause()


def snapshot_app(source: Path, home: Path):
    """The app as `passerelle SOURCE` opens it, with `today` fixed and its own home folder."""
    from tui.launch import build_context
    from tui.app import PasserelleApp
    from tui.paths import Paths

    paths = Paths.resolve(home)
    context = build_context(source, paths)
    context.today = TODAY
    return PasserelleApp(context, source=source)
