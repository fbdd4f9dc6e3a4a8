"""Pilot: the network pane's seniority and unclassified-title tables, and who-at by group."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import connections_folder
from tui.paths import Paths
from tui.ui.widgets.frame_table import FrameTable

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,L'Oréal SA,Directeur commercial,05 Nov 2026\n"
    "Bob,Martin,https://www.linkedin.com/in/bob-martin,,L'OREAL,Bénévole,01 Oct 2026\n"
    "Cy,Durand,https://www.linkedin.com/in/cy-durand,,KPMG Audit,Bénévole,05 Mar 2025\n"
    "Dan,Roe,https://www.linkedin.com/in/dan-roe,,Freelance,CEO,09 Mar 2025\n"
)


async def test_seniority_and_unclassified_tables_drill_with_explanations(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = connections_folder(tmp_path, CONNECTIONS)
    passerelle_home.config.mkdir(parents=True)
    (passerelle_home.config / "companies.toml").write_text('[aliases]\n"KPMG" = ["KPMG Audit"]\n', encoding="utf-8")
    app = PasserelleApp(build_context(folder, passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one("#network-composition", FrameTable)
        # Companies: the two L'Oréal spellings are one group; Freelance counts as no company.
        assert dict(zip(table.frame["label"], table.frame["count"])) == {"L'OREAL": 2, "KPMG": 1}  # a tie: the first spelling in order
        await pilot.press(*"ttttt")  # → seniority
        assert dict(zip(table.frame["label"], table.frame["count"]))["director/head"] == 1
        table.move_cursor(table.frame["label"].to_list().index("director/head"))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable).frame
        assert people["full_name"].to_list() == ["Ada Lovelace"]
        assert "director/head · matched 'directeur'" in people["why"][0]
        await pilot.press("escape", "t")  # → titles in no family
        assert table.frame.select("label", "count").rows() == [("Bénévole", 2)]
        await pilot.press("w", *"kpmg", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#network-people", FrameTable).frame["full_name"].to_list() == ["Cy Durand"]


async def test_shift_w_shows_a_line_per_target_company(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.app import PasserelleApp
    from tui.launch import build_context

    folder = connections_folder(tmp_path, CONNECTIONS)
    targets = tmp_path / "targets.txt"
    targets.write_text("# my list\nL'Oréal\nInitech\n", encoding="utf-8")
    app = PasserelleApp(build_context(folder, passerelle_home))
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("W", *"kpmg audit;initech", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = app.query_one("#network-people", FrameTable).frame.select("full_name", "company", "why").rows()
        assert rows[0][0] == "▸ kpmg audit" and rows[1] == ("Cy Durand", "KPMG Audit", "exact")
        assert rows[-1] == ("▸ initech", "nobody you know there", None)
        box = app.query_one("#network-who-at")
        box.value = ""
        await pilot.press("W", *str(targets), "enter")  # a file, one company a line
        await app.workers.wait_for_complete()
        await pilot.pause()
        names = app.query_one("#network-people", FrameTable).frame["full_name"].to_list()
        assert names[0] == "▸ L'Oréal" and {"Ada Lovelace", "Bob Martin"} <= set(names)
        assert "2 companies (1 with nobody)" in str(app.query_one("#network-people-title").content)
