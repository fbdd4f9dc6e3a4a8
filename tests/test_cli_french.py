"""The command line in French, as a French-speaking user runs it: through the locale, `--lang`
or config.toml, on the bundled sample export; machine outputs stay the same in both languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SAMPLE_DIR
from tui import i18n

SAMPLE = SAMPLE_DIR / "Basic_LinkedInDataExport_11-20-2026.zip"
SCRIPT = Path(sys.executable).with_name("passerelle")  # the console script `pip install` made
NBSP = "\u00a0"  # French puts a no-break space before ':'


def passerelle(*args: str, lang: str | None = None, home: Path) -> subprocess.CompletedProcess:
    """Run the installed `passerelle` with only `LANG` set among the locale variables."""
    env = {k: v for k, v in os.environ.items() if k not in i18n.LOCALE_VARIABLES}
    env["PASSERELLE_HOME"] = str(home)
    if lang:
        env["LANG"] = lang
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "tui"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)


def test_a_french_locale_gets_french_stats(tmp_path: Path) -> None:
    run = passerelle("stats", str(SAMPLE), lang="fr_FR.UTF-8", home=tmp_path)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert f"Relations{NBSP}: 784  (+16 masquées)" in lines
    assert any(line.startswith(f"Palier{NBSP}: généreux — ") for line in lines)
    assert f"Invitations{NBSP}: reçues 85 (52 en attente, de 51 personnes{NBSP}: certaines en ont envoyé plusieurs), " \
           "envoyées 65 (30 en attente)" in lines
    assert any(line.startswith(f"Majorité silencieuse{NBSP}: ~157 actifs (20{NBSP}%)") for line in lines)
    assert not any(line.startswith(("Connections:", "Band:", "Invitations: received")) for line in lines)


def test_json_is_the_same_in_both_languages(tmp_path: Path) -> None:
    for command in (["stats", str(SAMPLE), "--json"], ["companies", str(SAMPLE), "--json", "--suggest"],
                    ["intro", "Norvane Systems", "--source", str(SAMPLE), "--json"], ["paths", "--json"],
                    ["templates", "--json"]):
        english = passerelle(*command, lang="en_US.UTF-8", home=tmp_path / "en")
        french = passerelle(*command, lang="fr_FR.UTF-8", home=tmp_path / "fr")
        assert english.returncode == french.returncode == 0, english.stderr + french.stderr
        en, fr = json.loads(english.stdout), json.loads(french.stdout)
        if command[0] in ("paths", "templates"):  # each run has its own home: compare without it
            en, fr = (json.loads(json.dumps(d).replace(str(tmp_path / c), "HOME")) for d, c in ((en, "en"), (fr, "fr")))
        assert en == fr, command


def test_lang_on_the_command_line_beats_a_french_locale(tmp_path: Path) -> None:
    run = passerelle("stats", str(SAMPLE), "--lang", "en", lang="fr_FR.UTF-8", home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Connections: 784  (+16 hidden)" in run.stdout.splitlines()


def test_language_in_config_toml_makes_every_command_french(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('language = "fr"\n', encoding="utf-8")
    run = passerelle("report", str(SAMPLE), home=tmp_path)  # no locale variable at all
    assert run.returncode == 0, run.stderr
    report = run.stdout
    assert report.startswith("# Rapport sur le réseau — ")
    assert "**784 relations** (plus 16 masquées" in report
    assert "| palier | relations | signification |" in report
    assert "| **généreux** | 500+ |" in report
    assert "## La majorité silencieuse" in report and "## Silent" not in report
    help_text = passerelle("--help", home=tmp_path).stdout
    assert help_text.startswith(f"utilisation{NBSP}: passerelle [-h]")  # argparse's own words too
    assert "Triez vos invitations LinkedIn" in help_text and "afficher cette aide et quitter" in help_text


def test_an_error_is_one_french_line_and_exit_2(tmp_path: Path) -> None:
    missing = passerelle("stats", str(tmp_path / "gone.zip"), lang="fr_FR.UTF-8", home=tmp_path)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith(f"passerelle{NBSP}: ") and missing.stderr.count("\n") == 1
    assert "Traceback" not in missing.stderr
    family = passerelle("stats", str(SAMPLE), "--qualify", "astronautes", lang="fr_FR.UTF-8", home=tmp_path)
    assert family.returncode == 2
    assert family.stderr.startswith(f"passerelle{NBSP}: --qualify{NBSP}: famille de métiers inconnue «{NBSP}astronautes{NBSP}» ")
    assert family.stderr.count("\n") == 1
    unknown = passerelle("stats", "--nope", lang="fr_FR.UTF-8", home=tmp_path)
    assert (unknown.returncode, unknown.stderr) == (
        2, f"passerelle stats{NBSP}: arguments non reconnus{NBSP}: --nope (voir passerelle stats --help)\n")


def test_a_bad_language_in_config_toml_is_reported_in_the_language_chosen_without_it(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('language = "de"\n', encoding="utf-8")
    run = passerelle("stats", str(SAMPLE), lang="fr_FR.UTF-8", home=tmp_path)
    assert run.returncode == 2
    assert run.stderr.endswith(f": «{NBSP}language{NBSP}» doit valoir l'un de 'en', 'fr'\n")


def test_serve_starts_its_app_and_its_check_in_the_language_chosen(tmp_path: Path, capfd) -> None:
    from tui.cli import serve

    i18n.set_language("fr")
    assert serve.app_command(None, None).split()[2:5] == ["tui", "--lang", "fr"]
    assert serve.check_export(tmp_path / "gone.zip", str(tmp_path)) == 2
    assert capfd.readouterr().err.startswith(f"passerelle{NBSP}: ")
    i18n.set_language("en")
    assert serve.app_command(None, None).split()[2:5] == ["tui", "--lang", "en"]


def test_the_browser_pages_follow_the_language() -> None:
    from tui.serve.server import Server

    server = Server("true", "token")
    i18n.set_language("fr")
    busy = server._page("busy.html", status=409).text
    assert '<html lang="fr">' in busy and "Passerelle est déjà ouverte dans un autre onglet." in busy
    start = server._page("index.html", websocket="ws://127.0.0.1:1/token/ws").text
    assert "Passerelle démarre…" in start and ">Démarrer</button>" in start
    i18n.set_language("en")
    busy = server._page("busy.html", status=409).text
    assert '<html lang="en">' in busy and "<strong>Passerelle is already open in another tab.</strong>" in busy


def test_the_decisions_sheet_reads_in_french_while_csv_keeps_its_column_names(passerelle_home, capsys) -> None:
    import csv
    import io

    from tui.cli.main import main
    from tui.store.store import Person, Store

    store = Store.open(passerelle_home.database)
    try:
        store.decide([Person("in:c", "=Ana", "https://www.linkedin.com/in/c")], "accept", "rencontrée à PyData", None)
        store.decide([Person("in:z", "Zed", None)], "suspicious", "", None)
        store.undo()
    finally:
        store.close()
    assert main(["decisions", "--lang", "fr", "--format", "sheet", "--all"]) == 0
    sheet = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert sheet[0] == ["Nom", "URL du profil", "Décision", "Décidée le", "Raison", "Jusqu'au", "Événement", "En vigueur"]
    assert ["'=Ana", "accepter", "décision", "oui"] == [sheet[1][0], sheet[1][2], sheet[1][6], sheet[1][7]]
    assert {(row[2], row[6], row[7]) for row in sheet[2:]} == {("suspect", "décision", "non"), ("suspect", "annulée", "non")}
    assert main(["decisions", "--lang", "fr", "--all"]) == 0  # csv: for scripts, the same in every language
    plain = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert plain[0] == ["name", "profile_url", "decision", "decided_at", "reason", "until", "event", "in_effect"]
    assert plain[1][2] == "accept"
