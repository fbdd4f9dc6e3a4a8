"""More of the archive: endorsements, recommendations, positions, followed companies and the
profile's industry, read when present and used for ties and the bridge signal."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path

from tests.export_fixtures import PREAMBLE, make_zip
from tui.cli.main import main
from tui.network import breakdown as comp
from tui.export.archive import (
    bridge_targets, followed_companies, my_companies, owner_positions, tie_counts,
)
from tui.export.reader import load_export
from tui.export.frame_cache import load_export_cached
from tui.triage.signals import company_signal, signals, tie_label

CONNECTIONS = PREAMBLE.encode() + (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    b"Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah-77,,Nimbus Freight,CTO,05 Nov 2025\n"
    b"Leo,Marchetti,https://www.linkedin.com/in/leo-marchetti-4b2,,Quillon Labs,CTO,28 Oct 2025\n"
    b"Mira,Okonkwo-Vale,https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3,,Hollowbrook Analytics,Data Engineer,14 Sep 2025"
)
ENDORSEMENTS = (
    b"Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n"
    b"2024/05/14 01:14:39 UTC,Python,Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah-77,ACCEPTED\n"
    b"2024/05/14 01:15:02 UTC,SQL,Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah-77,ACCEPTED\n"
    b"2023/11/02 18:00:00 UTC,Data Engineering,Kofi,Mensah,https://www.linkedin.com/in/kofi-mensah-77,PENDING\n"
    b"2022/01/09 09:30:00 UTC,Python,Mira,Okonkwo-Vale,https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3,ACCEPTED\n"
)
RECOMMENDATIONS_RECEIVED = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Leo,Marchetti,Quillon Labs,CTO,"Ana ships, and she documents what she ships.","11/21/23, 10:05 AM",VISIBLE\n'
)
RECOMMENDATIONS_GIVEN = (
    b"First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
    b'Kofi,Mensah,Nimbus Freight,CTO,"Kofi turns chaos into routes.","3/2/24, 4:40 PM",VISIBLE\n'
)
POSITIONS = (
    b"Company Name,Title,Description,Location,Started On,Finished On\n"
    b'Hollowbrook Analytics,Staff Data Engineer,,"Lisbon, Portugal",Aug 2022,\n'
    b'Quillon Labs,Data Engineer,"ETL, dashboards",Remote,2019,Jul 2022\n'
)
FOLLOWS = (
    b"Organization,Followed On\n"
    b"Northwind Logistics,Fri Jun 26 16:11:27 UTC 2026\n"
    b'"Quillon Labs, Inc.",Tue Aug 30 14:33:11 UTC 2022'
)
PROFILE = (
    b"First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    b'Ana,Quist,,,Mar 9,Data person | Lisbon,Builds pipelines.,Software Development,,"Lisbon, Lisbon, Portugal",,,\n'
)
# 2022: UTF-16 with BOM, tab-separated, every field quoted, LF, an extra Display Status.
ENDORSEMENTS_2022 = (
    '"Endorsement Date"\t"Skill Name"\t"Endorser First Name"\t"Endorser Last Name"\t"Endorsement Status"\t"Display Status"\n'
    '"2020/06/09 00:53:47 UTC"\t"Logistics"\t"Leo"\t"Marchetti"\t"ACCEPTED"\t"VISIBLE"\n'
    '"2020/06/10 08:00:00 UTC"\t"Python"\t"Leo"\t"Marchetti"\t"ACCEPTED"\t"VISIBLE"\n'
).encode("utf-16")


def archive_zip(tmp_path: Path, **extra: bytes) -> Path:
    members = {
        "Connections.csv": CONNECTIONS, "Profile.csv": PROFILE,
        "Endorsement_Received_Info.csv": ENDORSEMENTS,
        "Recommendations_Received.csv": RECOMMENDATIONS_RECEIVED,
        "Recommendations_Given.csv": RECOMMENDATIONS_GIVEN,
        "Positions.csv": POSITIONS, "Company Follows.csv": FOLLOWS, **extra,
    }
    return make_zip(tmp_path / "Complete_LinkedInDataExport_11-20-2025.zip", members)


def test_ties_per_person_use_the_readers_person_keys(tmp_path: Path) -> None:
    export = load_export(archive_zip(tmp_path))
    ties = {r["key"]: r for r in tie_counts(export).iter_rows(named=True)}
    endorsers = Counter(r["Endorser Public Url"].rsplit("/", 1)[-1] for r in csv.DictReader(io.StringIO(ENDORSEMENTS.decode())))
    kofi, leo, mira = (f"in:{s}" for s in ("kofi-mensah-77", "leo-marchetti-4b2", "mira-okonkwo-vale-0a1b2c3"))
    assert set(ties) <= set(export.connections.get_column("key").to_list())
    assert ties[kofi]["endorsements"] == endorsers["kofi-mensah-77"] == 3
    assert (ties[kofi]["you_recommended"], ties[leo]["recommended_you"], ties[mira]["endorsements"]) == (1, 1, 1)
    assert list(ties)[0] == kofi  # the most ties first: the sort key for real ties
    assert tie_label(3, 0, 1) == "endorsed you 3 times, you recommended them"
    people = comp.people_for(export, "year", "2025")
    assert dict(zip(people["full_name"], people["ties"])) == {"Kofi Mensah": 4, "Leo Marchetti": 1, "Mira Okonkwo-Vale": 1}


def test_positions_follows_and_profile_are_read(tmp_path: Path) -> None:
    export = load_export(archive_zip(tmp_path))
    positions = owner_positions(export)
    assert positions.select("company", "started_on", "finished_on", "current").rows() == [
        ("Quillon Labs", dt.date(2019, 1, 1), dt.date(2022, 7, 1), False),
        ("Hollowbrook Analytics", dt.date(2022, 8, 1), None, True),
    ]
    # Normalised: the followed "Quillon Labs, Inc." is the "Quillon Labs" the owner worked at.
    assert followed_companies(export) == ("northwind logistics", "quillon labs")
    assert my_companies(export) == ("hollowbrook analytics", "quillon labs")
    assert export.owner.industry == "Software Development" and export.owner.geo_location == "Lisbon, Lisbon, Portugal"

    class Strategy:
        targets = ("fintech",)

    assert bridge_targets(export) == followed_companies(export)
    assert bridge_targets(export, Strategy()) == ()


def test_triage_signals_name_ties_followed_companies_and_own_companies(tmp_path: Path) -> None:
    export = load_export(archive_zip(tmp_path))
    row = {"has_note": False, "company": "Northwind Logistics", "company_count": 0,
           "endorsements": 2, "recommended_you": 1, "you_recommended": 0}
    labels = [s.label for s in signals(row, my_companies=my_companies(export), target_companies=bridge_targets(export))]
    assert "endorsed you twice, recommended you" in labels
    assert "a bridge to Northwind Logistics, a company you follow" in labels
    mine = company_signal("Hollowbrook Analytics ", 0, my_companies(export), bridge_targets(export))
    assert mine.label == "works at Hollowbrook Analytics, where you worked"
    assert "a bridge to a new circle" in [s.label for s in signals({"company": "Elsewhere", "company_count": 0})]


def test_the_import_report_lists_the_archive_files(tmp_path: Path, capsys) -> None:
    source = archive_zip(tmp_path)
    assert main(["import", str(source), "--json"]) == 0
    files = {f["name"]: f for f in json.loads(capsys.readouterr().out)["files"]}
    assert files["Endorsement_Received_Info.csv"]["kept"] == ENDORSEMENTS.count(b"\n") - 1
    assert files["Recommendations_Given.csv"]["vintage"] == "recommendations given"
    assert files["Positions.csv"]["date_failures"] == 0 and files["Company Follows.csv"]["kept"] == 2
    assert files["Profile.csv"]["vintage"] == "profile (with industry and location)"


def test_2022_utf16_tab_separated_endorsements(tmp_path: Path, capsys) -> None:
    source = make_zip(tmp_path / "e.zip", {"Connections.csv": CONNECTIONS, "Endorsement Received Info.csv": ENDORSEMENTS_2022})
    export = load_export(source)
    capsys.readouterr()
    assert main(["stats", str(source), "--json"]) == 0
    counted = list(csv.DictReader(io.StringIO(ENDORSEMENTS_2022.decode("utf-16")), delimiter="\t"))
    figures = json.loads(capsys.readouterr().out)["archive"]
    assert figures["endorsements_received"] == len(counted) == 2
    assert figures["people_with_ties"] == len({(r["Endorser First Name"], r["Endorser Last Name"]) for r in counted}) == 1
    endorsed = export.archive.endorsements
    assert endorsed.get_column("skill").to_list() == ["Logistics", "Python"]
    assert endorsed.get_column("endorsed_at").to_list()[0] == dt.datetime(2020, 6, 9, 0, 53, 47)
    # No URL in 2022: the name finds the one connection called Leo Marchetti.
    assert tie_counts(export).row(0, named=True)["key"] == "in:leo-marchetti-4b2"
    report = next(f for f in export.report.files if f.kind == "endorsements")
    assert report.encoding == "UTF-16" and report.vintage == "endorsements received (no profile URLs)"
    # Both spellings in one archive (seen in 2022): the underscored file is read.
    (tmp_path / "both").mkdir()
    both = load_export(archive_zip(tmp_path / "both", **{"Endorsement Received Info.csv": ENDORSEMENTS_2022}))
    assert both.archive.endorsements.height == 4


def test_the_frame_cache_keeps_the_archive(tmp_path: Path) -> None:
    source = archive_zip(tmp_path)
    first = load_export_cached(source, tmp_path / "cache")
    again = load_export_cached(source, tmp_path / "cache")
    assert again.archive.endorsements.equals(first.archive.endorsements)
    assert again.archive.positions.equals(first.archive.positions)
    assert again.owner == first.owner and again.owner.industry == "Software Development"
    assert again.report == first.report


def test_growth_months_carry_the_job_held_then(tmp_path: Path) -> None:
    from tui.network.growth import growth_with_positions

    export = load_export(archive_zip(tmp_path))
    growth = {r["month"]: r for r in growth_with_positions(export).iter_rows(named=True)}
    # Connections from Sep to Nov 2025, all while at Hollowbrook (since Aug 2022).
    assert [growth[m]["count"] for m in sorted(growth)] == [1, 1, 1]
    assert {r["company"] for r in growth.values()} == {"Hollowbrook Analytics"}
    assert growth[dt.date(2025, 9, 1)]["title"] == "Staff Data Engineer"


def test_the_growth_chart_draws_the_owners_jobs_from_positions(tmp_path: Path) -> None:
    from tui.network.growth import growth_of
    from tui.ui.widgets.growth_chart import chart_lines

    growth = growth_of(load_export(archive_zip(tmp_path)))
    assert [job.company for job in growth.jobs] == ["Hollowbrook Analytics"]  # the job held over the chart
    lines = [line.plain for line in chart_lines(growth, 80, 40)]
    assert any(line.startswith("jobs") and "Ho" in line for line in lines)  # 3 months: room for "Ho"


def test_stats_json_counts_the_archive_as_the_csv_module_does(tmp_path: Path, capsys) -> None:
    source = archive_zip(tmp_path)
    capsys.readouterr()
    assert main(["stats", str(source), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["archive"]

    def rows(data: bytes) -> list[dict]:
        return list(csv.DictReader(io.StringIO(data.decode())))

    text = CONNECTIONS.decode()
    url_of = {f"{r['First Name']} {r['Last Name']}": r["URL"] for r in rows(text[text.index("First Name,"):].encode())}
    assert figures == {
        "endorsements_received": len(rows(ENDORSEMENTS)),
        "recommendations_received": len(rows(RECOMMENDATIONS_RECEIVED)),
        "recommendations_given": len(rows(RECOMMENDATIONS_GIVEN)),
        "people_with_ties": len({r["Endorser Public Url"] for r in rows(ENDORSEMENTS)}
                                | {url_of[f"{r['First Name']} {r['Last Name']}"]
                                   for r in rows(RECOMMENDATIONS_RECEIVED) + rows(RECOMMENDATIONS_GIVEN)}),
        "positions": len(rows(POSITIONS)),
        "followed_companies": len(rows(FOLLOWS)),
    }


def test_stats_summary_counts_people_with_real_ties(tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["stats", str(archive_zip(tmp_path))]) == 0
    assert "Real ties: 3 people endorsed or recommended you, or you them" in capsys.readouterr().out


def test_triage_knows_your_ties_and_your_companies(tmp_path: Path) -> None:
    """The store keeps ties, your companies and followed ones with the triage rows; the signals say them."""
    from tui.store import queues as queue
    from tui.store.store import Store
    from tui.store.triage_tables import write_triage

    invitations = (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b"Ines Duarte,Ada Byron,\"11/10/25, 9:00 AM\",,INCOMING,"
        b"https://www.linkedin.com/in/ines-duarte-5,https://www.linkedin.com/in/ada-byron\n"
    )
    endorsements = ENDORSEMENTS + (
        b"2024/02/01 10:00:00 UTC,Python,Ines,Duarte,https://www.linkedin.com/in/ines-duarte-5,ACCEPTED\n"
        b"2024/02/01 10:00:01 UTC,SQL,Ines,Duarte,https://www.linkedin.com/in/ines-duarte-5,ACCEPTED\n"
    )
    source = archive_zip(tmp_path, **{"Invitations.csv": invitations, "Endorsement_Received_Info.csv": endorsements})
    export = load_export(source)
    with Store.open(tmp_path / "db.sqlite") as store:
        rows = write_triage(store, export, source)
        [row] = queue.received_rows(store, rows.id, dt.date(2025, 11, 20), None)
        where = queue.places(store, rows.id)
    assert (row["name"], row["endorsements"], row["you_recommended"]) == ("Ines Duarte", 2, 0)
    assert "endorsed you twice" in [s.label for s in signals(row)]
    assert where == {"mine": ("hollowbrook analytics", "quillon labs"),
                     "followed": ("northwind logistics", "quillon labs")}
    typed = {**row, "company": "Northwind Logistics", "company_count": 0}
    found = signals(typed, my_companies=where["mine"], target_companies=where["followed"])
    assert "a bridge to Northwind Logistics, a company you follow" in [s.label for s in found]


async def test_network_lists_the_people_you_have_a_real_tie_with_most_ties_first(tmp_path: Path, passerelle_home) -> None:
    """Network's "Real ties" table: how many connections endorsed or recommended you (or you them);
    enter lists them by their ties, most first, not by when you connected."""
    from tui.app import PasserelleApp
    from tui.launch import build_context
    from tui.ui.widgets.frame_table import FrameTable

    connections = CONNECTIONS + b"\nSam,Lee,https://www.linkedin.com/in/sam-lee,,Globex,CFO,20 Nov 2025"
    endorsements = ENDORSEMENTS + (  # Mira, connected first, now has three endorsements: more than Leo's one recommendation
        b"2022/01/10 09:30:00 UTC,SQL,Mira,Okonkwo-Vale,https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3,ACCEPTED\n"
        b"2022/01/11 09:30:00 UTC,Spark,Mira,Okonkwo-Vale,https://www.linkedin.com/in/mira-okonkwo-vale-0a1b2c3,ACCEPTED\n"
    )
    source = archive_zip(tmp_path, **{"Connections.csv": connections, "Endorsement_Received_Info.csv": endorsements})
    export = load_export(source)
    table = {r["value"]: r["count"] for r in comp.ties_table(export).iter_rows(named=True)}
    rows = list(csv.DictReader(io.StringIO(endorsements.decode())))
    endorsed = {r["Endorser First Name"] + " " + r["Endorser Last Name"]: 0 for r in rows}
    for r in rows:
        endorsed[r["Endorser First Name"] + " " + r["Endorser Last Name"]] += 1
    assert table == {"a real tie": 3, "no real tie": 1}  # Sam Lee has none
    app = PasserelleApp(build_context(source, passerelle_home))
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.press("3")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(12):  # t cycles the tables: Real ties is one of them
            if "Real ties" in str(app.query_one("#network-table-title").content):
                break
            await pilot.press("t")
        assert "Real ties" in str(app.query_one("#network-table-title").content)
        composition = app.query_one("#network-composition", FrameTable)
        assert composition.current_row()["label"] == "a real tie" and composition.current_row()["count"] == 3
        composition.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        people = app.query_one("#network-people", FrameTable).frame
        assert people["full_name"].to_list() == ["Kofi Mensah", "Mira Okonkwo-Vale", "Leo Marchetti"]
        assert people["ties"].to_list() == [endorsed["Kofi Mensah"] + 1, endorsed["Mira Okonkwo-Vale"], 1] == [4, 3, 1]
        assert "3 people" in str(app.query_one("#network-people-title").content)
    app.context.store.close()


def test_stats_says_the_profiles_industry_and_location(tmp_path: Path, capsys) -> None:
    """Profile.csv's Industry and Geo Location, in `stats` (read from the frames, then from the import's answer)."""
    source = archive_zip(tmp_path)
    [row] = list(csv.DictReader(io.StringIO(PROFILE.decode())))
    for _ in ("frames", "stored"):
        capsys.readouterr()
        assert main(["stats", str(source), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["profile"] == {
            "industry": row["Industry"], "geo_location": row["Geo Location"]}
        assert main(["stats", str(source)]) == 0
        assert "Your profile: Software Development · Lisbon, Lisbon, Portugal" in capsys.readouterr().out
        assert main(["import", str(source), "--yes"]) == 0
    capsys.readouterr()
    bare = make_zip(tmp_path / "bare.zip", {"Connections.csv": CONNECTIONS})
    assert main(["stats", str(bare), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] is None


async def test_the_received_pane_says_who_endorsed_you(tmp_path: Path, passerelle_home) -> None:
    """An invitation from someone who endorsed you twice says so in its detail."""
    from tui.app import PasserelleApp
    from tui.launch import build_context
    from tui.ui.widgets.invitation_detail import InvitationDetail

    invitations = (
        b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        b"Ines Duarte,Ana Quist,\"11/10/25, 9:00 AM\",,INCOMING,"
        b"https://www.linkedin.com/in/ines-duarte-5,https://www.linkedin.com/in/ana-quist\n"
    )
    endorsements = ENDORSEMENTS + (
        b"2024/02/01 10:00:00 UTC,Python,Ines,Duarte,https://www.linkedin.com/in/ines-duarte-5,ACCEPTED\n"
        b"2024/02/01 10:00:01 UTC,SQL,Ines,Duarte,https://www.linkedin.com/in/ines-duarte-5,ACCEPTED\n"
    )
    source = archive_zip(tmp_path, **{"Invitations.csv": invitations, "Endorsement_Received_Info.csv": endorsements})
    context = build_context(source, passerelle_home)
    app = PasserelleApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        detail = app.query_one("#received-detail", InvitationDetail).query_one("Static").render().plain
        assert detail.startswith("Ines Duarte")
        assert "endorsed you twice" in " ".join(detail.split())
    context.store.close()
