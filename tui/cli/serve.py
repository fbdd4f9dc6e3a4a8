"""`passerelle serve [SOURCE] [--port N] [--no-browser]`: the same app in a browser tab of
this machine, for the holder of the address printed (with its token) and nobody else."""

from __future__ import annotations

import argparse
import asyncio
import base64
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

from tui.core.errors import PasserelleError
from tui.i18n import N_, _, language, set_language
from tui.paths import Paths

HELP = N_("Open Passerelle in your browser, on this machine only (127.0.0.1, a new token each run).")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument("--port", type=int, default=0, metavar="N",
                        help=_("port on 127.0.0.1 (default: any free one)"))
    parser.add_argument("--no-browser", action="store_true", help=_("print the address, do not open a browser"))


def app_command(source: str | None, home: str | None) -> str:
    """The shell command textual-serve runs for each session: this Python, this package, in
    the language chosen here (a $PASSERELLE_HOME reaches it through the environment)."""
    argv = [sys.executable, "-m", "tui", "--lang", language()]
    if home:
        argv += ["--home", str(Path(home).expanduser().absolute())]
    if source:
        argv.append(str(Path(source).expanduser().absolute()))
    return shlex.join(argv)


# Browsers that run in the terminal: they cannot run the page's terminal code, and one started
# here (over SSH, where Python's webbrowser falls back to them) would take over this terminal.
TEXT_BROWSERS = frozenset({"www-browser", "links", "elinks", "lynx", "w3m"})


def open_in_browser(url: str) -> bool:
    """Open `url` in the default graphical browser; False when none could be started."""
    import webbrowser

    try:
        browser = webbrowser.get()
        if Path(getattr(browser, "name", "")).name in TEXT_BROWSERS:
            return False
        return bool(browser.open(url, new=2))
    except webbrowser.Error:
        return False


def say_no_browser(url: str, out=None) -> None:
    """No browser opened (over SSH, headless): in a terminal, put the address on its clipboard
    (OSC 52, as the app's `o` does; over SSH it lands on the user's own machine), and say so."""
    out = out or sys.stdout
    if out.isatty():
        out.write("\x1b]52;c;" + base64.b64encode(url.encode()).decode("ascii") + "\a")
        print(_("No browser could be opened here.\nPaste the address into yours (it is copied, if your terminal can)."),
              file=out, flush=True)
    else:
        print(_("No browser could be opened here: copy the address above into yours."), file=out, flush=True)


def run(args: argparse.Namespace, paths: Paths) -> int:
    if not 0 <= args.port <= 65535:
        raise PasserelleError("--port", _("{port} is not a port number (1–65535, or 0 for any free one)").format(
            port=args.port))
    if args.source:
        if not Path(args.source).expanduser().exists():
            raise PasserelleError(args.source, _("no such file or folder"))
        code = check_export(Path(args.source).expanduser(), args.home)
        if code:
            return code  # the check printed its one line
    return asyncio.run(_serve(args, paths))


def check_export(source: Path, home: str | None) -> int:
    """Read SOURCE once before any address is printed, so a bad export is one line and
    exit 2 (the tab's app then reads it from the cache this leaves). In a short-lived
    process: the server, running for hours, keeps none of the export's memory."""
    argv = [sys.executable, "-c", "import sys, tui.cli.serve as s; sys.exit(s._check(*sys.argv[1:]))",
            str(source), home or "", language()]
    return subprocess.run(argv, check=False).returncode


def _check(source: str, home: str, lang: str = "en") -> int:
    from tui.launch import load

    set_language(lang)
    try:
        load(Path(source), Paths.resolve(home or None))
    except PasserelleError as exc:
        print(_("passerelle: {error}").format(error=exc), file=sys.stderr)
        return 2
    return 0


async def _serve(args: argparse.Namespace, paths: Paths) -> int:
    from tui.serve.server import Server

    server = Server(app_command(args.source, args.home), secrets.token_urlsafe(32), port=args.port)
    try:
        await server.start()
    except OSError as exc:
        raise PasserelleError(f"127.0.0.1:{args.port}", _("cannot listen: {reason}").format(
            reason=exc.strerror or exc)) from None
    server.stop_on_signals()
    # The address on a line of its own: at 80 columns it fits whole, to select and copy.
    print(_("Passerelle is at {url}").format(url="\n  " + server.url), flush=True)
    print(_("Only this machine can open it, with this address (new each run).\nCtrl+C stops it."), flush=True)
    if not args.no_browser:
        opened = await asyncio.to_thread(open_in_browser, server.url)
        if not opened:
            say_no_browser(server.url)
    try:
        await server.stopped.wait()
    finally:
        await server.close()
    print(_("Passerelle has stopped; every decision is saved."), flush=True)
    return server.app_exit_code or 0

