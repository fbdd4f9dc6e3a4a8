"""Deciding moves on to the next invitation with its History already there: it was read
while the cursor rested on the one before, so the detail is drawn whole, in one paint."""

from __future__ import annotations

from pathlib import Path

from tui.cli.main import main
from tui.paths import Paths

INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
ROWS = [
    '"Eve Waits","Me Myself","1/2/26, 9:00 AM",Bonjour,INCOMING,https://www.linkedin.com/in/eve-waits,'
    'https://www.linkedin.com/in/me',
    '"Zoé Next","Me Myself","1/3/26, 9:00 AM",Salut,INCOMING,https://www.linkedin.com/in/zoe-next,'
    'https://www.linkedin.com/in/me',
    '"Yann Later","Me Myself","1/4/26, 9:00 AM",Hello,INCOMING,https://www.linkedin.com/in/yann-later,'
    'https://www.linkedin.com/in/me',
]


def _detail(app) -> str:
    return str(app.query_one("#received-detail #detail-body").content)


async def test_the_next_invitation_shows_its_history_at_once(tmp_path: Path, passerelle_home: Paths, capsys) -> None:
    folder = tmp_path / "Basic_LinkedInDataExport_01-10-2026"
    folder.mkdir()
    (folder / "Invitations.csv").write_text(INVITATIONS + "".join(r + "\n" for r in ROWS), encoding="utf-8")
    assert main(["import", str(folder)]) == 0
    capsys.readouterr()
    from tui.app import PasserelleApp
    from tui.launch import build_context

    app = PasserelleApp(build_context(folder, passerelle_home))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for _ in range(3):  # the first History, then the one read ahead, each in a worker
            await pilot.pause()
            await app.workers.wait_for_complete()
        table = app.query_one("#received-table")
        first, second = table.frame[0, "key"], table.frame[1, "key"]
        shown = _detail(app)
        assert "History" in shown and "reading…" not in shown
        detail = app.query_one("#received-detail")
        painted: list[str] = []
        show = detail.show
        detail.show = lambda content, *a, **k: (painted.append(str(content)), show(content, *a, **k))[1]
        await pilot.press("a")
        await pilot.pause()  # one turn: no worker has run for the person now shown
        assert table.current_key() == second != first
        shown = _detail(app)
        assert "History" in shown and "reading…" not in shown
        assert painted and not any("reading…" in text for text in painted)  # never drawn half, then whole
        decided = app.context.store.select("SELECT r.key FROM decision_rows r JOIN batches b ON b.id = r.batch")
        assert decided == [(first,)]
        # Undo brings the first back; its History follows once read (a new revision for everyone).
        await pilot.press("u")
        for _ in range(2):
            await pilot.pause()
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert table.current_key() == first
        assert "reading…" not in _detail(app)
