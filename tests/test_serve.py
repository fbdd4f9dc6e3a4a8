"""`passerelle serve` driven by a real headless Chromium, as a user in a browser tab.

The terminal in the page is drawn on a canvas, so the screen is read from what the browser
itself received on its websocket (fed to `pyte`, a terminal emulator), and the screenshot
shows what it drew. Needs Debian's `chromium` (`.ci/run` installs it).
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyte
import pytest
from conftest import REPO
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
TIMEOUT_MS = 60_000  # the shared CI machine can be slow to start an app; nothing waits this long when well


@pytest.fixture(scope="module")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: apt-get install -y chromium (Debian), as .ci/run does", pytrace=False)
    return CHROMIUM


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Served:
    """A `passerelle serve --no-browser` process and the address it printed."""

    def __init__(self, home: Path) -> None:
        self.home, self.port = home, _free_port()
        env = {**os.environ, "PASSERELLE_HOME": str(home)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--no-browser", "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO,
            process_group=0,  # as a shell runs a command: Ctrl+C goes to this whole group
        )
        said = self.process.stdout.readline()
        line = self.process.stdout.readline()  # the address, on a line of its own to copy whole
        assert line.startswith("  http://") and len(line.rstrip()) <= 80, said + line + self.process.stderr.read()
        notice = [self.process.stdout.readline() for _ in range(2)]  # who can open it, how to stop it
        assert "Ctrl+C" in notice[-1] and all(len(n.rstrip()) <= 80 for n in [said, *notice]), notice
        self.url = line.strip()
        self.token = urlsplit(self.url).path.strip("/")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


@pytest.fixture
def served(passerelle_home) -> Served:
    server = Served(passerelle_home.config.parent)
    yield server
    server.stop()


class Screen:
    """The terminal as the browser received it over the websocket."""

    def __init__(self, page) -> None:
        self.ws = None
        self.screen: pyte.Screen | None = None
        page.on("websocket", self._attach)

    def _attach(self, ws) -> None:
        size = parse_qs(urlsplit(ws.url).query)
        self.ws = ws
        self.screen = pyte.Screen(int(size["width"][0]), int(size["height"][0]))
        self.stream = pyte.ByteStream(self.screen)
        ws.on("framereceived", self._feed)
        ws.on("framesent", self._resize)

    def _feed(self, frame) -> None:
        if isinstance(frame, bytes):
            self.stream.feed(frame)

    def _resize(self, frame) -> None:
        message = json.loads(frame) if isinstance(frame, str) else None
        if message and message[0] == "resize":
            self.screen.resize(message[1]["height"], message[1]["width"])

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display) if self.screen else ""

    def wait_for(self, page, *needles: str) -> str:
        """The screen once it shows every needle (waits on frames, not on a clock)."""
        def shown(*_):
            return all(n in self.text for n in needles)

        if self.ws is None:
            page.wait_for_event("websocket", timeout=TIMEOUT_MS)
        if not shown():
            try:
                self.ws.wait_for_event("framereceived", predicate=shown, timeout=TIMEOUT_MS)
            except Exception as exc:  # say what the screen showed instead
                raise AssertionError(f"never shown: {needles}; the screen:\n{self.text}") from exc
        return self.text


def _decisions(home: Path) -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "tui", "decisions", "--format", "json"], capture_output=True,
                         text=True, env={**os.environ, "PASSERELLE_HOME": str(home)}, cwd=REPO, check=True)
    return json.loads(out.stdout)


def _sample_senders() -> set[str]:
    import csv

    path = REPO / "sample_data" / "Basic_LinkedInDataExport_11-20-2026" / "Invitations.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    start = next(i for i, row in enumerate(rows) if row and row[0] == "From")
    header = rows[start]
    return {row[header.index("From")] for row in rows[start + 1:] if row and row[header.index("Direction")] == "INCOMING"}


def _get(port: int, path: str, host: str, headers: dict | None = None) -> http.client.HTTPResponse:
    """A plain HTTP client: no browser, no cookie."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host, **(headers or {})})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def _status(port: int, path: str, host: str, headers: dict | None = None) -> int:
    return _get(port, path, host, headers).status


def test_a_decision_in_the_browser_is_in_the_store_and_nothing_leaves_the_machine(served, chromium_path, tmp_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path)
        context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        requests, csp_errors = [], []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("websocket", lambda ws: requests.append(ws.url))
        page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
        screen = Screen(page)
        page.goto(served.url)

        text = screen.wait_for(page, "people waiting for your answer", "Decided 0")
        rows = text.splitlines()
        header = next(i for i, line in enumerate(rows) if line.lstrip().startswith("Name") and "Waited" in line)
        first_row = rows[header + 1].split("  ")[0].strip()

        page.focus(".xterm-helper-textarea")  # where xterm.js takes the keyboard
        page.keyboard.press("a")
        screen.wait_for(page, "Decided 1")
        decided = _decisions(served.home)
        assert [d["decision"] for d in decided] == ["accept"]
        name = decided[0]["name"]
        assert name in _sample_senders()
        assert name.startswith(first_row.rstrip("…")) and name in text  # the first row, shown in full beside it

        shot = tmp_path / "serve.png"
        page.screenshot(path=str(shot))
        if os.environ.get("PASSERELLE_SAVE_SCREENSHOTS"):  # refresh the README's picture
            shutil.copyfile(shot, REPO / "docs" / "serve.png")

        # The exports in the palette arrive as the browser's own downloads.
        def export(command: str, listed: str):
            page.bring_to_front()
            page.focus(".xterm-helper-textarea")
            page.keyboard.press("Control+p")
            screen.wait_for(page, "Search for commands")
            page.keyboard.type(command)
            screen.wait_for(page, listed)  # the command is listed
            with page.expect_download(timeout=TIMEOUT_MS) as download:
                page.keyboard.press("Enter")
            return download.value

        download = export("export: decisions CSV", "Your decisions as a spreadsheet file")
        assert download.suggested_filename.endswith(".csv")
        sheet = Path(download.path()).read_text(encoding="utf-8")
        assert sheet.startswith('"name","profile_url","decision"') and f'"{name}"' in sheet and '"accept"' in sheet
        download = export("export: report", "network's figures as Markdown")
        assert download.suggested_filename.endswith(".md")
        assert Path(download.path()).read_text(encoding="utf-8").startswith("# Network report")
        assert len(context.pages) == 1  # no popup for a popup blocker to stop

        hosts = {urlsplit(url).hostname for url in requests}
        assert hosts == {"127.0.0.1"}, requests
        assert csp_errors == []

        page.bring_to_front()
        page.keyboard.press("q")  # leaving the app in the tab ends `passerelle serve` too
        assert served.process.wait(timeout=60) == 0
        browser.close()
    assert [d["name"] for d in _decisions(served.home)] == [name]


def test_only_the_token_holder_on_this_machine_gets_in(served):
    port, token = served.port, served.token
    local = f"127.0.0.1:{port}"
    assert served.url == f"http://{local}/{token}/" and len(token) >= 40
    with socket.socket() as elsewhere, pytest.raises(ConnectionRefusedError):  # 127.0.0.1 only, not every address
        elsewhere.connect(("127.0.0.2", port))  # loopback too: a server on 0.0.0.0 would answer it
    page = _get(port, f"/{token}/", local)
    assert page.status == 200 and b"http" not in page.body.replace(f"ws://{local}/".encode(), b"")  # no other site named
    policy = dict(part.strip().split(" ", 1) for part in page.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self'" and policy["font-src"] == "'self'"
    assert policy["connect-src"] == f"'self' ws://{local} ws://localhost:{port}"
    assert policy["style-src"].startswith("'self' 'sha256-") and "http" not in policy["style-src"]
    assert _get(port, "/", local).headers["Content-Security-Policy"] == page.headers["Content-Security-Policy"]
    assert _status(port, f"/{token}/static/js/textual.js", f"localhost:{port}") == 200
    assert _status(port, "/", local) == 403  # no token
    assert _status(port, "/" + "x" * len(token) + "/", local) == 403  # a wrong one
    assert _status(port, "/static/js/textual.js", local) == 403
    assert _status(port, f"/{token}/static/../../server.py", local) == 404
    assert _status(port, f"/{token}/", f"attacker.example:{port}") == 403  # DNS rebinding
    assert _status(port, f"/{token}/", "127.0.0.1:1") == 403
    upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    assert _status(port, f"/{token}/ws", local, {**upgrade, "Origin": "http://attacker.example"}) == 403
    assert _status(port, f"/{token}/ws", f"attacker.example:{port}", upgrade) == 403
    assert _status(port, "/ws", local, {**upgrade, "Origin": f"http://{local}"}) == 403


def test_a_reload_reopens_a_second_tab_waits_its_turn_and_stopping_the_server_closes_the_app_cleanly(served, chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path)
        context = browser.new_context(viewport={"width": 1024, "height": 700})
        first = context.new_page()
        screen = Screen(first)
        first.goto(served.url)
        screen.wait_for(first, "people waiting for your answer")
        with first.expect_websocket(timeout=TIMEOUT_MS):  # reloading the tab: the app again, not "another tab"
            assert first.reload().status == 200
        screen.wait_for(first, "people waiting for your answer")

        second = context.new_page()
        with second.expect_response(lambda r: r.url.endswith("/busy"), timeout=TIMEOUT_MS) as busy:
            second.goto(served.url)  # the page, whose socket the server refuses
        assert busy.value.status == 409
        second.wait_for_load_state()
        assert "already open in another tab" in second.inner_text("body")
        assert "people waiting for your answer" in screen.text  # the first tab keeps the session

        taking_over = Screen(second)
        first.close()  # the waiting tab takes over by itself
        taking_over.wait_for(second, "people waiting for your answer")

        os.killpg(served.process.pid, signal.SIGINT)  # Ctrl+C in the terminal: the server's whole group
        assert served.process.wait(timeout=60) == 0
        second.wait_for_selector("body.-closed", timeout=TIMEOUT_MS)
        assert "every decision is saved" in second.inner_text(".closed-dialog")
        browser.close()
    assert "Passerelle has stopped" in served.process.stdout.read()
    # The app left as with `q`: it closed its database, so SQLite folded the write-ahead log
    # back in and removed it (a killed app leaves passerelle.db-wal behind).
    database = served.home / "data" / "passerelle.db"
    assert database.is_file() and not database.with_name("passerelle.db-wal").exists()


async def test_the_export_commands_write_files_in_a_terminal(tmp_path, passerelle_home, capsys):
    from datetime import date

    from ui_export import ui_export

    from tui.app import PasserelleApp
    from tui.launch import build_context

    export = ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip")
    context = build_context(export, passerelle_home)
    app = PasserelleApp(context, source=export)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a")
        for command in ("export: decisions CSV", "export: report"):
            await pilot.press("ctrl+p", *command)
            await app.workers.wait_for_complete()  # the palette's search
            await pilot.pause()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        notices = [n.message for n in app._notifications]
    context.store.close()
    folder = passerelle_home.config.parent / "downloads"  # with --home DIR / $PASSERELLE_HOME
    sheet = (folder / f"passerelle-decisions-{date.today().isoformat()}.csv").read_bytes().decode("utf-8")
    assert '"accept"' in sheet.splitlines()[1]
    from tui.cli.main import main

    capsys.readouterr()
    assert main(["decisions"]) == 0
    assert sheet == capsys.readouterr().out  # the very sheet `passerelle decisions` prints
    report = (folder / f"passerelle-report-{date.today().isoformat()}.md").read_text(encoding="utf-8")
    assert report.startswith("# Network report")
    assert any(str(folder) in n for n in notices)


def test_bad_serve_arguments_are_one_line_and_exit_2(capfd, tmp_path, passerelle_home):
    from tui.cli.main import main

    assert main(["serve", "--no-browser", "--port", "70000"]) == 2
    assert main(["serve", str(tmp_path / "missing.zip"), "--no-browser"]) == 2
    (tmp_path / "notes.csv").write_bytes(b"hello\n")
    assert main(["serve", str(tmp_path / "notes.csv"), "--no-browser"]) == 2  # before any address
    assert not passerelle_home.data.exists()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--no-browser", "--port", str(taken.getsockname()[1])]) == 2
    captured = capfd.readouterr()
    err = captured.err.splitlines()
    assert len(err) == 4 and "not a port number" in err[0] and "missing.zip" in err[1] and "cannot listen" in err[3]
    assert err[2].startswith("passerelle: notes.csv: ")
    assert "http://" not in captured.out
