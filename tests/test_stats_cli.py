"""`passerelle stats` and `passerelle report` agree with counts made another way."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote


from tests.conftest import REPO, SAMPLE_DIR
from tui.paths import Paths

SAMPLE_ZIP = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"


def passerelle(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=REPO, env=os.environ.copy()
    )


def _rows(archive: zipfile.ZipFile, name: str) -> list[dict]:
    text = archive.read(name).decode("utf-8-sig")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(("First Name,", "From,")))
    return list(csv.DictReader(io.StringIO("\n".join(lines[start:]))))


def _key(url: str, name: str) -> str | None:
    """Same person key as the contract, written independently with urllib."""
    url = (url or "").strip()
    if "/in/" in url and url.split("/in/", 1)[1].strip("/"):
        slug = url.split("/in/", 1)[1].split("?")[0].strip("/")
        return "in:" + unicodedata.normalize("NFC", unquote(slug).lower())
    name = " ".join((name or "").split()).lower()
    return "name:" + unicodedata.normalize("NFC", name) if name else None


def _company_group(name: str) -> str:
    """Written apart from tui.core.companies: words only, the sample's legal forms dropped at the end."""
    words = re.sub(r"[^\w]+", " ", name.lower()).split()
    while len(words) > 1 and words[-1] in {"inc", "sas", "corp"}:
        words.pop()
    return " ".join(words)


def expected_counts() -> dict:
    with zipfile.ZipFile(SAMPLE_ZIP) as archive:
        conns = _rows(archive, "Connections.csv")
        invs = _rows(archive, "Invitations.csv")
    ident = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position")
    people = [r for r in conns if any((r[c] or "").strip() for c in ident)]
    keys = {_key(r["URL"], f"{r['First Name']} {r['Last Name']}") for r in people}
    companies = Counter(_company_group(r["Company"]) for r in people if r["Company"].strip())
    inv: dict = {}
    for direction, url_col, name_col in (("INCOMING", "inviterProfileUrl", "From"), ("OUTGOING", "inviteeProfileUrl", "To")):
        rows = [r for r in invs if r["Direction"] == direction]
        connected = sum(_key(r[url_col], r[name_col]) in keys for r in rows)
        inv[direction.lower()] = {"total": len(rows), "connected": connected, "open": len(rows) - connected}
    return {
        "connections": len(people),
        "hidden": len(conns) - len(people),
        "top_company_count": companies.most_common(1)[0][1],
        "companies": len(companies),
        "invitations": inv,
        "years": Counter(r["Connected On"][-4:] for r in people),
    }


def test_stats_json_agrees_with_the_csv_module(passerelle_home: Paths) -> None:
    out = passerelle("stats", str(SAMPLE_ZIP), "--json")
    assert out.returncode == 0, out.stderr
    stats = json.loads(out.stdout)
    want = expected_counts()
    assert stats["connections"] == want["connections"]
    assert stats["hidden_connections"] == want["hidden"]
    size = want["connections"]
    assert stats["band"] == ("starting" if size < 100 else "selective" if size < 500 else "generous")
    assert stats["invitations"] == want["invitations"]
    assert stats["top_companies"][0]["count"] == want["top_company_count"]
    assert stats["concentration"]["companies"] == want["companies"]
    assert {str(r["year"]): r["count"] for r in stats["per_year"]} == dict(want["years"])
    assert sum(r["count"] for r in stats["role_families"]) == size
    assert stats["active_estimate"]["members"] == round(size * 0.2)
    assert stats["since_last_import"] is None
    # Headless and read-only: nothing was created under the Passerelle home.
    assert not passerelle_home.data.exists() and not passerelle_home.config.exists()


def test_stats_without_source_uses_the_sample_and_prints_a_summary(passerelle_home: Paths) -> None:
    out = passerelle("stats")
    assert out.returncode == 0, out.stderr
    assert "Connections:" in out.stdout and "Band:" in out.stdout
    assert not passerelle_home.database.exists()


def test_stats_unknown_family_is_one_line_exit_2() -> None:
    out = passerelle("stats", str(SAMPLE_ZIP), "--qualify", "astronauts")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "unknown role family" in out.stderr


def test_qualify_counts_picked_families() -> None:
    out = passerelle("stats", str(SAMPLE_ZIP), "--json", "--qualify", "HR/recruiting")
    stats = json.loads(out.stdout)
    hr = next(r["count"] for r in stats["role_families"] if r["family"] == "HR/recruiting")
    assert stats["qualified"] == {"count": hr, "share": round(hr / stats["connections"], 4), "basis": "role families"}


def test_report_escapes_export_text_in_markdown_tables(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Pipe,https://www.linkedin.com/in/ann-pipe,,Acme | Co\x1b[2J,Recruiter,05 Nov 2025\n"
        "Bo,Pipe,https://www.linkedin.com/in/bo-pipe,,Acme | Co\x1b[2J,CEO,06 Nov 2025\n",
        encoding="utf-8",
    )
    target = tmp_path / "report.md"
    out = passerelle("report", str(folder), "-o", str(target))
    assert out.returncode == 0, out.stderr
    text = target.read_text(encoding="utf-8")
    assert "| Acme \\| Co \\[2J | 2 | 100% |" in text  # the bracket escaped too: no Markdown link can form
    assert "\x1b" not in text
    assert "Band: **starting**" in text and "98 to go" in text
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_report_to_stdout_explains_the_band() -> None:
    out = passerelle("report", str(SAMPLE_ZIP))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Network report")
    for heading in ("## Maturity band", "## Concentration", "## The silent majority", "### Top companies"):
        assert heading in out.stdout


def _folder(path: Path, rows: list[str]) -> Path:
    path.mkdir()
    (path / "Connections.csv").write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return path


def test_stats_compares_with_the_previous_import_snapshot(tmp_path: Path, passerelle_home: Paths) -> None:
    from tui.export.reader import load_export
    from tui.store.snapshots import write_snapshot
    from tui.store.store import Store

    before = _folder(tmp_path / "before", [
        "Ann,One,https://www.linkedin.com/in/ann-one,,Acme,Engineer,05 Nov 2025",
        "Ben,Two,https://www.linkedin.com/in/ben-two,,Globex,Sales,06 Nov 2025",
    ])
    after = _folder(tmp_path / "after", [
        "Ann,One,https://www.linkedin.com/in/ann-one,,Initech,Engineer,05 Nov 2025",
        "Ben,Two,https://www.linkedin.com/in/ben-two,,Globex,Sales,06 Nov 2025",
        "Cat,Three,https://www.linkedin.com/in/cat-three,,Globex,CEO,01 Jan 2026",
    ])
    old = load_export(before)
    store = Store.open(passerelle_home.database)
    snap = write_snapshot(old, passerelle_home.snapshots)
    store.record_import(str(before), old.content_hash, old.exported_on, {}, snap)
    store.close()

    out = passerelle("stats", str(after), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["since_last_import"] == {
        "new_connections": 1, "gone": 0, "invitations_accepted": 0, "changed": 1, "previous_connections": 2
    }
    # With no SOURCE, the last import is shown and there is nothing before it to compare with.
    out = passerelle("stats", "--json")
    stats = json.loads(out.stdout)
    assert stats["connections"] == 2 and stats["since_last_import"] is None
