"""The History section of the detail panes: a person across every stored import, most
recent first, a few lines at 80×24, read off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli.main import main
from tui.network.person_timeline import summary_lines
from tui.paths import Paths

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
ANN = "Ann,Mover,https://www.linkedin.com/in/ann-mover,,{company},{position},05 Jan 2025"
CARL = "Carl,Stays,https://www.linkedin.com/in/carl-stays,,Umbrella,Comptable,03 Mar 2024"
EVE = ('"Eve Waits","Me Myself","1/2/26, 9:00 AM",Bonjour,INCOMING,https://www.linkedin.com/in/eve-waits,'
       'https://www.linkedin.com/in/me')
TO_ANN = ('"Me Myself","Ann Mover","10/1/26, 9:00 AM",On se reconnecte ?,OUTGOING,https://www.linkedin.com/in/me,'
          'https://www.linkedin.com/in/ann-mover')
# Four exports, oldest first: Ann at Acme, Globex, Initech, then gone (and invited back);
# Eve's invitation waits in every one of them.
EXPORTS = {
    "01-10-2026": ([ANN.format(company="Acme", position="Engineer"), CARL], [EVE]),
    "04-10-2026": ([ANN.format(company="Globex", position="Engineering Manager"), CARL], [EVE]),
    "07-10-2026": ([ANN.format(company="Initech", position="Director of Engineering"), CARL], [EVE]),
    "10-10-2026": ([CARL], [EVE, TO_ANN]),
}


@pytest.fixture
def latest(tmp_path: Path, passerelle_home: Paths, capsys) -> Path:
    for day, (people, invitations) in EXPORTS.items():
        folder = tmp_path / f"Basic_LinkedInDataExport_{day}"
        folder.mkdir()
        (folder / "Connections.csv").write_text(HEADER + "\n".join(people), encoding="utf-8")
        (folder / "Invitations.csv").write_text(INVITATIONS + "".join(i + "\n" for i in invitations), encoding="utf-8")
        assert main(["import", str(folder)]) == 0
    capsys.readouterr()
    return folder


def _detail(app, pane: str) -> str:
    return str(app.query_one(f"#{pane}-detail #detail-body").content)


async def _settle(app, pilot) -> None:
    for _ in range(2):  # a pane's first read starts once it is painted, in a worker
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


async def test_received_and_sent_details_show_the_history(latest: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    app = PasserelleApp(build_context(latest, passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _settle(app, pilot)
        text = _detail(app, "received")
        assert "Eve Waits" in text and "History" in text
        history = text.split("History", 1)[1]
        # Most recent first, three imports, then how many more.
        assert history.index("2026-10-10  not in your network · invitation received 2026-01-02") \
            < history.index("2026-07-10  not in your network") < history.index("2026-04-10")
        assert "… 1 more import (passerelle history)" in history
        await pilot.press("2")
        await _settle(app, pilot)
        text = _detail(app, "sent")
        assert "Ann Mover" in text
        history = text.split("History", 1)[1]
        assert "2026-10-10  not in your network  (left) · invitation sent 2026-10-01" in history
        assert "2026-07-10  Initech · Director of Engineering  (changed)" in history
        assert "Connected 2025-01-05" in history
        assert "reading…" not in history
        assert app.is_running


def test_the_summary_is_short_and_most_recent_first() -> None:
    imports = [{"exported_on": f"2026-0{m}-01", "imported_at": None, "company": c, "position": "Dev",
                "connected_on": "2025-01-05", "in_network": True, "invitations": []}
               for m, c in ((1, "Acme"), (2, "Acme"), (3, "Globex"), (4, "Globex"), (5, "Hooli"))]
    found = {"imports": imports, "messages": {"count": 3, "first": "2025-02-01T10:00:00", "last": "2026-03-03T09:00:00"},
             "decisions": [{"at": "2026-05-02T10:00:00", "kind": "decide", "decision": "accept", "reason": "",
                            "in_effect": True}],
             "tags": ["client"], "notes": [{"at": "2026-05-03T10:00:00", "text": "met at the fair"}]}
    lines = summary_lines(found)
    assert lines[:4] == ["2026-05-01  Hooli · Dev  (changed)", "2026-04-01  Globex · Dev",
                         "2026-03-01  Globex · Dev  (changed)", "… 2 more imports (passerelle history)"]
    assert lines[4:] == ["Connected 2025-01-05", "Messages: 3 (2025-02-01 → 2026-03-03)",
                         "Decisions: 1, latest accept 2026-05-02", "Tags: client",
                         "Notes: 1, latest 2026-05-03: met at the fair"]
    assert summary_lines({"imports": [], "messages": None, "decisions": [], "tags": [], "notes": []}) == [
        "No import stored yet (passerelle import keeps one per export)."]


async def test_network_people_show_the_highlighted_persons_history(latest: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context
    from tui.ui.widgets.frame_table import FrameTable

    app = PasserelleApp(build_context(latest, passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("3")
        await _settle(app, pilot)
        box = app.query_one("#network-person-history")
        assert not box.display  # nobody highlighted yet: no room taken
        table = app.query_one("#network-composition", FrameTable)
        assert table.current_row()["label"] == "Umbrella"
        table.focus()
        await pilot.press("enter")  # Umbrella → Carl
        await _settle(app, pilot)
        assert app.query_one("#network-people", FrameTable).current_row()["full_name"] == "Carl Stays"
        text = str(box.content)
        assert box.display and text.startswith("History\n2026-10-10  Umbrella · Comptable")
        assert box.region.height <= 4  # a few lines at 80×24, the people table keeps its room
        assert app.query_one("#network-people").region.height >= 3


async def test_to_do_detail_shows_the_history_with_the_decision(latest: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    app = PasserelleApp(build_context(latest, passerelle_home))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await _settle(app, pilot)
        await pilot.press("a")  # accept Eve: the decision is history too, and a to-do
        await pilot.press("5")
        await _settle(app, pilot)
        text = str(app.query_one("#todo-detail").content)
        assert "Eve Waits" in text and "History" in text
        assert "2026-10-10  not in your network · invitation received 2026-01-02" in text
        assert "Decisions: 1, latest accept" in text
        assert app.query_one("#todo-detail").region.height <= 9
