"""`passerelle intro`: exact, alias and close matches (never silent), invitations, nobody."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import polars as pl

from tests.conftest import REPO
from tests.test_network import people
from tui.core.companies import CompanyRules
from tui.network.intro import intro, read_targets

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Exact,https://www.linkedin.com/in/ann-exact,,Capgemini SE,Consultante,05 Nov 2025\n"
    "Bo,Alias,https://www.linkedin.com/in/bo-alias,,Sogeti,Ingénieur,05 Nov 2025\n"
    "Cy,Close,https://www.linkedin.com/in/cy-close,,Capgemini Invent,Manager,05 Nov 2025\n"
    "Di,Other,https://www.linkedin.com/in/di-other,,Deloitte,Auditrice,05 Nov 2025\n"
    "Ed,Typo,https://www.linkedin.com/in/ed-typo,,Capgemni,Analyste,05 Nov 2025"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    '"Ann Exact","Me Myself","10/2/25, 9:15 AM",,INCOMING,https://www.linkedin.com/in/ann-exact,https://www.linkedin.com/in/me\n'
    '"Me Myself","Fay Pending","11/3/25, 4:40 PM",Bonjour,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/fay-pending\n'
)


def passerelle(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def _export(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir(exist_ok=True)
    (folder / "Connections.csv").write_text(CONNECTIONS, encoding="utf-8")
    (folder / "Invitations.csv").write_text(INVITATIONS, encoding="utf-8")
    return folder


def test_intro_says_how_each_person_matched_and_who_is_nobody(tmp_path: Path, passerelle_home) -> None:
    passerelle_home.config.mkdir(parents=True)
    (passerelle_home.config / "companies.toml").write_text('[aliases]\n"Capgemini" = ["Sogeti"]\n', encoding="utf-8")
    targets = tmp_path / "targets.txt"
    targets.write_text("# prospects for Q1\nCapgemini\n\nACME Corp\ncapgemini\n", encoding="utf-8")
    out = passerelle("intro", str(targets), "Deloitte", "--source", str(_export(tmp_path)), "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)["targets"]
    assert [t["company"] for t in found] == ["Capgemini", "ACME Corp", "Deloitte"]
    cap = found[0]
    by_name = {m["name"]: (m["match"], m["score"]) for m in cap["matches"]}
    assert by_name["Ann Exact"] == ("exact", 100.0)  # "Capgemini SE": the legal form aside
    assert by_name["Bo Alias"] == ("alias", 100.0)
    assert by_name["Cy Close"][0] == "close" and by_name["Cy Close"][1] >= 90
    assert by_name["Ed Typo"][0] == "close" and 90 <= by_name["Ed Typo"][1] < 100
    assert "Di Other" not in by_name
    assert [m["match"] for m in cap["matches"]][:2] == ["exact", "alias"]  # exact first, close last
    assert cap["invitations"] == [{"name": "Ann Exact", "url": "https://www.linkedin.com/in/ann-exact",
                                   "direction": "received", "sent_at": "2025-10-02T09:15:00",
                                   "connected": True, "via": "connection"}]
    assert found[1]["nobody"] is True and found[1]["matches"] == [] and not cap["nobody"]
    assert [m["name"] for m in found[2]["matches"]] == ["Di Other"]
    text = passerelle("intro", str(targets), "--source", str(_export(tmp_path))).stdout
    assert "ACME Corp: nobody you know there" in text
    assert "Cy Close · Manager · Capgemini Invent (close, score" in text


def test_invitations_from_people_whose_company_was_typed_in() -> None:
    conns = people([("Ann Exact", "Acme", "CEO", date(2025, 1, 1))])
    invitations = pl.DataFrame({
        "key": ["in:zoe-typed"], "counterpart_name": ["Zoé Typed"], "counterpart_url": [None],
        "direction": ["INCOMING"], "sent_at": [None], "connected": [False],
    }, schema={"key": pl.Utf8, "counterpart_name": pl.Utf8, "counterpart_url": pl.Utf8, "direction": pl.Utf8,
               "sent_at": pl.Datetime("us"), "connected": pl.Boolean})
    info = pl.DataFrame({"key": ["in:zoe-typed"], "company": ["ACME SAS"]})
    found = intro(SimpleNamespace(connections=conns, invitations=invitations), ["Acme"], CompanyRules(), info)
    assert found["targets"][0]["invitations"][0] | {} == {
        "name": "Zoé Typed", "url": None, "direction": "received", "sent_at": None, "connected": False,
        "via": "typed-in company"}


def test_endorsers_and_recommenders_when_the_archive_has_them() -> None:
    conns = people([("Ann Exact", "Acme", "CEO", date(2025, 1, 1)), ("Bo B", "Globex", "CTO", date(2025, 1, 1))])
    empty_inv = pl.DataFrame(schema={"key": pl.Utf8, "counterpart_name": pl.Utf8, "counterpart_url": pl.Utf8,
                                     "direction": pl.Utf8, "sent_at": pl.Datetime("us"), "connected": pl.Boolean})
    export = SimpleNamespace(
        connections=conns, invitations=empty_inv,
        endorsements_received=pl.DataFrame({"key": ["in:ann-exact"], "full_name": ["Ann Exact"],
                                            "url": ["https://www.linkedin.com/in/ann-exact"]}),
        recommendations_received=pl.DataFrame({"first_name": ["Carl"], "last_name": ["Reco"], "company": ["ACME"]}),
    )
    acme = intro(export, ["Acme"])["targets"][0]
    assert [p["name"] for p in acme["endorsers"]] == ["Ann Exact"]
    assert [p["name"] for p in acme["recommenders"]] == ["Carl Reco"]
    assert acme["extras_in_export"] == {"endorsements": True, "recommendations": True}
    # As the reader on the main line keeps them: export.archive, recommendations both ways.
    archived = SimpleNamespace(connections=conns, invitations=empty_inv, archive=SimpleNamespace(
        endorsements=export.endorsements_received,
        recommendations=pl.DataFrame({"direction": ["received", "given"], "full_name": ["Carl Reco", "Dee Given"],
                                      "company": ["Acme SA", "Acme"], "key": ["name:carl reco", "name:dee given"]}),
    ))
    acme = intro(archived, ["Acme"])["targets"][0]
    assert [p["name"] for p in acme["endorsers"]] == ["Ann Exact"]
    assert [p["name"] for p in acme["recommenders"]] == ["Carl Reco"]  # the one you gave is not listed
    bare = intro(SimpleNamespace(connections=conns, invitations=empty_inv), ["Initech"])["targets"][0]
    assert bare["nobody"] and bare["extras_in_export"] == {"endorsements": False, "recommendations": False}


def test_target_lists_skip_comments_blanks_and_repeats() -> None:
    assert read_targets(["# header", "  KPMG  ", "", "kpmg", "Plan  A"]) == ["KPMG", "Plan A"]


def test_a_file_without_names_or_a_binary_file_is_one_line_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing yet\n\n", encoding="utf-8")
    out = passerelle("intro", str(empty), "--source", str(_export(tmp_path)))
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "no company names" in out.stderr
    binary = tmp_path / "list.bin"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    out = passerelle("intro", str(binary), "--source", str(_export(tmp_path)))
    assert out.returncode == 2 and "not UTF-8" in out.stderr
