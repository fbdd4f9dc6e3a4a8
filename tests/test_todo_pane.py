"""Pilot: decide, carry out in To do, restart on a later export; CLI and pane agree."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from export_fixtures import IN, SAMPLE_CONNECTIONS
from textual.widgets import OptionList
from ui_export import INCOMING, ui_export

from app_screen import frames, screen_text
from tui.cli.main import main
from tui.app import PasserelleApp
from tui.launch import build_context
from tui.ui.widgets.frame_table import FrameTable

SIZE = (80, 24)


def shown_rows(app: PasserelleApp) -> list[tuple[str, str, str]]:
    """(key, action, state) of every row the To do list shows."""
    pane = app.query_one("#todo")
    return [(r.key, r.action, r.state) for r in pane.lines if r is not None]


async def test_decide_carry_out_restart_and_the_later_export_confirms(tmp_path: Path, passerelle_home, capsys) -> None:
    first = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(first, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        table = app.query_one("#received-table", FrameTable)
        chosen = []
        for _ in range(5):
            chosen.append(table.current_row()["key"])
            await pilot.press("a")
        await pilot.press("5")
        await pilot.pause()
        assert [k for k, _a, _s in shown_rows(app)] == chosen  # oldest first
        assert "0 of 5 done" in screen_text(app)
        await pilot.press("d", "d", "d")
        await pilot.pause()
        assert [k for k, _a, _s in shown_rows(app)] == chosen[3:]
        assert "3 of 5 done" in screen_text(app)
        await pilot.press("u")  # undo the last done: back in the queue
        assert [k for k, _a, _s in shown_rows(app)] == chosen[2:]
        await pilot.press("d")
        await pilot.press("t", *"salon rh", "enter")
        await pilot.pause()
    context.store.close()

    # A later export: chosen[0] (done) and chosen[3] (not done) accepted; the others still waiting.
    later = date.today() + timedelta(days=1)
    accepted = {chosen[0], chosen[3]}
    name_of = {f"in:{slug}": (name, slug) for name, slug, _s, _n in INCOMING}  # profile key → invitation
    connections = SAMPLE_CONNECTIONS + [
        [*name_of[k][0].split(" ", 1), IN + name_of[k][1], "", "", "", later.strftime("%d %b %Y")]
        for k in sorted(accepted)]
    incoming = [row for row in INCOMING if f"in:{row[1]}" not in accepted]
    second = ui_export(tmp_path / f"Basic_LinkedInDataExport_{later:%m-%d-%Y}.zip", incoming, connections)
    assert main(["import", str(second)]) == 0
    capsys.readouterr()

    context = build_context(second, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("5")
        await pilot.pause()
        rows = shown_rows(app)
        assert [k for k, _a, s in rows if s == "pending"] == [chosen[4]]
        assert sorted(k for k, _a, s in rows if s == "confirmed") == sorted(accepted)
        assert [k for k, _a, s in rows if s == "flagged"] == chosen[1:3]
        text = screen_text(app)
        assert f"confirmed by the export of {later.isoformat()}" in text
        assert "1 pending" in text
        shown = [app.query_one("#todo").lines[i] for i in range(app.query_one(OptionList).option_count)]
        open_rows = [r for r in shown if r is not None and r.state != "confirmed"]
    context.store.close()

    assert main(["todo", "--json"]) == 0
    todo = json.loads(capsys.readouterr().out)
    assert [t["url"] for t in todo["todo"]] == [r.url for r in open_rows]
    assert sorted(t["url"] for t in todo["confirmed"]) == sorted(IN + name_of[k][1] for k in accepted)
    assert main(["decisions", "--pending", "--format", "json"]) == 0
    pending = json.loads(capsys.readouterr().out)  # in the order decided, as `decisions` prints
    assert sorted((d["key"], d["decision"]) for d in pending) == sorted((r.key, "accept") for r in open_rows)
    assert main(["tags", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"tags": [{"tag": "salon rh", "count": 1}]}


async def test_group_done_copy_note_and_open_falls_back_to_copy(tmp_path: Path, passerelle_home, monkeypatch) -> None:
    import webbrowser

    from tui.store.store import Person

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    context.store.decide([Person("in:rui-costa", "Rui Costa", IN + "rui-costa"),
                          Person("in:jon-park", "Jon Park", IN + "jon-park")], "accept")
    context.store.decide([Person("in:leo-marchetti-4b2", "Leo [b]Marchetti[/]", None)], "withdrawn")
    context.store.save_draft("x", Person("in:noah-berg", "Noah Berg", IN + "noah-berg"), "Hello Noah [/]")
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or False)  # no browser here
    app = PasserelleApp(context)
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert shown_rows(app)[0][1] == "accept"
        await pilot.press("D")  # the whole accept group
        await pilot.pause()
        assert [(k, a) for k, a, _s in shown_rows(app)] == [("in:leo-marchetti-4b2", "withdraw"),
                                                         ("in:noah-berg", "send note")]
        assert "2 of 4 done" in screen_text(app)
        assert "Leo [b]Marchetti[/]" in screen_text(app)  # a name is shown as it is, never as markup
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened == ["https://www.linkedin.com/mynetwork/invitation-manager/sent/"]
        assert copied == opened and "link is copied" in screen_text(app)
        await pilot.press("down", "y")
        assert copied[-1] == "Hello Noah [/]"
    context.store.close()


async def test_on_a_wide_screen_each_row_says_who_since_when_and_the_page(tmp_path: Path, passerelle_home) -> None:
    from tui.store.store import Person

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    context.store.decide([Person("in:rui-costa", "Rui Costa", IN + "rui-costa")], "accept")
    context.store.decide([Person("in:leo-marchetti-4b2", "Leo Marchetti", IN + "leo-marchetti-4b2")], "withdrawn")
    app = PasserelleApp(context)

    def rui_has_the_page(screen) -> bool | None:  # in each frame with the pane shown
        panes = screen.query("#todo")
        if not (panes and panes.first().display):
            return None
        rows = [o.prompt.plain for o in panes.first().query_one(OptionList).options if "Rui Costa" in o.prompt.plain]
        return bool(rows) and all(IN + "rui-costa" in row for row in rows)

    drawn = frames(app, rui_has_the_page)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert drawn and all(drawn)  # from the first frame: no frame of rows laid out for 80 columns
        lines = screen_text(app).splitlines()
        rui = next(line for line in lines if "Rui Costa" in line and "since" not in line)
        leo = next(line for line in lines if "Leo Marchetti" in line and "since" not in line)
        assert IN + "rui-costa" in rui and "https://www.linkedin.com/mynetwork/invitation-manager/sent/" in leo
        await pilot.resize_terminal(80, 24)  # narrow: the page is in the detail only, the name whole
        await pilot.pause()
        await pilot.pause()
        rows = [line for line in screen_text(app).splitlines() if "Rui Costa" in line]
        assert rows and not any("linkedin.com" in line for line in rows if "since" not in line)
    context.store.close()
