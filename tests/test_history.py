"""`passerelle history` and `stats` across imports: a person who changed jobs twice, then left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
ANN = "Ann,Mover,https://www.linkedin.com/in/ann-mover,,{company},{position},05 Jan 2025"
CARL = "Carl,Stays,https://www.linkedin.com/in/carl-stays,,Umbrella,Comptable,03 Mar 2024"
BO = "Bo,Later,https://www.linkedin.com/in/bo-later,,Hooli,Recruteur,{day}"
# Four exports, oldest first: Ann at Acme, then Globex, then Initech, then gone.
EXPORTS = {
    "01-10-2026": ([ANN.format(company="Acme", position="Engineer"), CARL],
                   ['"Bo Later","Me Myself","1/2/26, 9:00 AM",Bonjour,INCOMING,https://www.linkedin.com/in/bo-later,'
                    'https://www.linkedin.com/in/me']),
    "04-10-2026": ([ANN.format(company="Globex", position="Engineering Manager"), CARL, BO.format(day="01 Apr 2026")],
                   []),
    "07-10-2026": ([ANN.format(company="Initech", position="Director of Engineering"), CARL,
                    BO.format(day="01 Apr 2026")], []),
    "10-10-2026": ([CARL, BO.format(day="01 Apr 2026")], []),
}


def passerelle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=REPO,
                          env=os.environ.copy())


@pytest.fixture
def four_imports(tmp_path: Path, passerelle_home) -> Path:
    for day, (people, invitations) in EXPORTS.items():
        folder = tmp_path / f"Basic_LinkedInDataExport_{day}"
        folder.mkdir()
        (folder / "Connections.csv").write_text(HEADER + "\n".join(people), encoding="utf-8")
        (folder / "Invitations.csv").write_text(INVITATIONS + "".join(i + "\n" for i in invitations), encoding="utf-8")
        out = passerelle("import", str(folder))
        assert out.returncode == 0, out.stderr
    return tmp_path / "Basic_LinkedInDataExport_10-10-2026"


def test_history_follows_one_person_across_imports_oldest_first(four_imports: Path) -> None:
    out = passerelle("history", "ann mover", "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["person"] == {"name": "Ann Mover", "url": "https://www.linkedin.com/in/ann-mover", "key": "in:ann-mover"}
    timeline = [(i["exported_on"], i["company"], i["position"], i["in_network"]) for i in found["imports"]]
    assert timeline == [
        ("2026-01-10", "Acme", "Engineer", True),
        ("2026-04-10", "Globex", "Engineering Manager", True),
        ("2026-07-10", "Initech", "Director of Engineering", True),
        ("2026-10-10", None, None, False),
    ]
    assert {i["connected_on"] for i in found["imports"][:3]} == {"2025-01-05"}
    assert found["messages"] == {"count": 0, "first": None, "last": None}
    assert found["decisions"] == [] and found["unreadable_imports"] == 0
    text = passerelle("history", "https://www.linkedin.com/in/ann-mover").stdout
    assert "2026-04-10  Globex · Engineering Manager · connected 2025-01-05  (changed)" in text
    assert "2026-10-10  not in your network  (left)" in text


def test_invitations_show_in_the_import_that_held_them(four_imports: Path) -> None:
    found = json.loads(passerelle("history", "Bo Later", "--json").stdout)
    first = found["imports"][0]
    assert first["in_network"] is False
    assert first["invitations"] == [{"direction": "received", "sent_at": "2026-01-02T09:00:00", "note": "Bonjour"}]
    assert [i["in_network"] for i in found["imports"]] == [False, True, True, True]


def test_stats_carries_what_changed_across_all_imports(four_imports: Path) -> None:
    out = passerelle("stats", str(four_imports), "--json")
    assert out.returncode == 0, out.stderr
    across = json.loads(out.stdout)["across_imports"]
    assert across["imports"] == 4
    assert across["new"] == [{"name": "Bo Later", "url": "https://www.linkedin.com/in/bo-later", "first_seen": "2026-04-10"}]
    assert across["left"] == [{"name": "Ann Mover", "url": "https://www.linkedin.com/in/ann-mover",
                               "first_seen": "2026-01-10", "last_seen": "2026-07-10"}]
    assert [(c["first_seen"], c["company_before"], c["company"]) for c in across["changed"]] == [
        ("2026-04-10", "Acme", "Globex"), ("2026-07-10", "Globex", "Initech")]
    assert across["accepted"] == [{"name": "Bo Later", "url": "https://www.linkedin.com/in/bo-later",
                                   "first_seen": "2026-04-10", "direction": "received",
                                   "sent_at": "2026-01-02T09:00:00"}]
    from tui.network.history import across_frame

    rows = across_frame(across).select("key", "company", "why").rows()
    assert rows == [
        ("in:bo-later", None, "new, seen 2026-04-10"),
        ("in:ann-mover", "Globex (was Acme)", "job change seen 2026-04-10"),
        ("in:ann-mover", "Initech (was Globex)", "job change seen 2026-07-10"),
        ("in:ann-mover", None, "left after 2026-07-10"),
    ]  # what Network's n lists; the key lets c open the composer to congratulate
    text = passerelle("stats", str(four_imports)).stdout
    assert "Across your 4 imports: 1 new, 1 left, 2 job changes, 1 invitations accepted" in text


@pytest.mark.parametrize(("person", "words"), [
    ("Nobody Here", "nobody by that name"),
    ("e", "people fit — give the profile URL"),
])
def test_an_unknown_or_ambiguous_person_is_one_line_exit_2(four_imports: Path, person: str, words: str) -> None:
    out = passerelle("history", person)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and words in out.stderr


def test_history_before_any_import_says_so() -> None:
    out = passerelle("history", "Ann")
    assert out.returncode == 2 and "no imports yet" in out.stderr
