"""The web server behind `passerelle serve`: textual-serve's app bridge, locked to this machine.

textual-serve runs the app as a child process speaking Textual's web-driver protocol over
its standard streams, and bridges it to xterm.js over a websocket. Its own `Server` binds
to any interface, trusts every Host and Origin and links a web-font service, so we keep
its `AppService` (the bridge) and its bundled JS and fonts, and write the rest: a token,
Host/Origin checks (DNS rebinding), one browser tab at a time, our own page and a CSP.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import signal
from html import escape
from pathlib import Path
from string import Template

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tui.i18n import _, language
from tui.serve.detached import detached

HOST = "127.0.0.1"
HERE = Path(__file__).resolve().parent
BUNDLED = Path(textual_serve.__file__).resolve().parent / "static"  # xterm.js, its CSS, Roboto Mono
QUIT_TIMEOUT = 15.0  # seconds the app gets to leave cleanly before it is terminated


# The two <style> elements textual.js injects: its copy of the page CSS (textual-serve 1.1.3)
# and an empty one. Allowed by hash, so no other inline style or script can run.
BUNDLE_STYLES = "'sha256-03EiY9OLVCaCQVNKUgCYxdI11BJ8pKsqSKUlTlszVsE=' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def content_security_policy(port: int) -> str:
    """Only this server: scripts, styles, fonts, images and the websocket (no inline code)."""
    sockets = f"ws://{HOST}:{port} ws://localhost:{port}"
    return (
        f"default-src 'none'; script-src 'self'; style-src 'self' {BUNDLE_STYLES}; font-src 'self'; img-src 'self'; "
        f"connect-src 'self' {sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


class _Session(AppService):
    """One app child, aware of whether the server asked it to leave. It overrides only
    AppService's public methods; its command starts the app in a session of its own
    (`detached`: the terminal's Ctrl+C reaches the server only, which asks the app to quit)."""

    asked_to_quit = False
    left_by_itself = False  # `q`, or the app failed: not because the server or the tab went

    async def run(self) -> None:
        await super().run()
        if not self.asked_to_quit:  # textual-serve leaves the tab open on a crash: close it
            self.left_by_itself = True
            await self.remote_close()

    async def on_meta(self, data: bytes) -> None:
        if json.loads(data).get("type") == "exit" and not self.asked_to_quit:
            self.left_by_itself = True
        await super().on_meta(data)

    async def quit(self) -> int | None:
        """Ask the app to leave (as `q` does), wait for it, terminate it if it hangs."""
        self.asked_to_quit = True
        process = app_process(self)
        try:
            await asyncio.wait_for(self.stop(), QUIT_TIMEOUT)
        except (TimeoutError, ConnectionError, RuntimeError):
            pass
        if process is None:
            return None
        # Wait before any signal: Popen.send_signal polls, and reaping the child there would
        # steal its exit code from asyncio's child watcher.
        for last_resort in (process.terminate, process.kill):  # SIGTERM: the app leaves as on q
            try:
                return await asyncio.wait_for(asyncio.shield(process.wait()), QUIT_TIMEOUT)
            except TimeoutError:
                last_resort()
        return await process.wait()


class Server:
    """Serves one app session at http://127.0.0.1:PORT to the holder of `token`."""

    def __init__(self, command: str, token: str, port: int = 0, title: str = "Passerelle") -> None:
        self.command, self.token, self.port, self.title = command, token, port, title
        self.session: _Session | None = None
        self.app_exit_code: int | None = None  # set when the app left by itself (q, or failed)
        self.stopped = asyncio.Event()
        self._free = asyncio.Event()  # no session, or the last one has finished leaving
        self._free.set()
        self._downloads = DownloadManager()
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()

    # ---- the checks every request goes through -------------------------------------------
    def _hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}

    def _token_ok(self, request: web.Request) -> bool:
        """Every address starts with /TOKEN/ (no cookie: a cookie would reach any other
        server on 127.0.0.1 too, since cookies ignore the port)."""
        given = request.path.split("/")[1] if request.path.count("/") >= 2 else ""
        return hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        """Host and Origin must name this server (no DNS rebinding, no other site's page),
        and the address must start with the token."""
        hosts = self._hosts()
        origin = request.headers.get("Origin")
        if request.headers.get("Host") not in hosts:
            return self._refuse(_("This address is not Passerelle's."))
        if origin is not None and origin not in {f"http://{h}" for h in hosts}:
            return self._refuse(_("Requests from other sites are refused."))
        if not self._token_ok(request):
            return self._refuse(_("Open the address printed by passerelle serve (with its token)."))
        try:
            response = await handler(request)
        except web.HTTPException as refusal:  # a 404 or 409 gets the same headers
            raise self._secure(refusal)
        return self._secure(response)

    def _refuse(self, why: str) -> web.Response:
        return self._secure(web.Response(status=403, text=_("Forbidden: {why}").format(why=why) + "\n"))

    def _secure(self, response: web.StreamResponse) -> web.StreamResponse:
        if not response.prepared:
            response.headers["Content-Security-Policy"] = content_security_policy(self.port)
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["Cache-Control"] = "no-store"
            response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        return response

    # ---- routes ---------------------------------------------------------------------------
    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes([  # {token} was checked by _guard; the router compares nothing
            web.get("/{token}", self._to_index),
            web.get("/{token}/", self._index),
            web.get("/{token}/ws", self._websocket),
            web.get("/{token}/busy", self._busy),
            web.get("/{token}/download/{key}", self._download),
            web.get("/{token}/passerelle.css", self._own("passerelle.css", "text/css")),
            web.get("/{token}/passerelle.js", self._own("passerelle.js", "text/javascript")),
            web.get("/{token}/static/{path:.+}", self._bundled),
            web.get("/{token}/favicon.ico", self._no_icon),
        ])
        return app

    async def _to_index(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/{self.token}/")

    async def _held(self) -> bool:
        """Whether another tab holds the session. One whose tab has gone (a reload, a tab
        closed and opened again) is let finish leaving first, rather than called "another tab"."""
        if self.session is not None and self.session.asked_to_quit:
            try:
                await asyncio.wait_for(self._free.wait(), 3 * QUIT_TIMEOUT)  # quit's own bound
            except TimeoutError:
                pass
        return self.session is not None

    async def _index(self, request: web.Request) -> web.StreamResponse:
        """The page always: a tab being reloaded still holds the session while the browser asks
        for it; the socket, opened once that tab is gone, is what one tab at a time is about."""
        return self._page("index.html", websocket=f"ws://{request.headers['Host']}/{self.token}/ws")

    async def _busy(self, request: web.Request) -> web.StreamResponse:
        """Where a tab refused the session waits (it refreshes itself) until the other one goes."""
        if await self._held():
            return self._page("busy.html", status=409)
        raise web.HTTPFound(f"/{self.token}/")

    def _words(self) -> dict[str, str]:
        """The pages' sentences in the language `passerelle serve` was started in."""
        title = self.title
        return {
            "lang": language(),
            "busy_title": _("{title} is open in another tab").format(title=title),
            "busy_heading": _("{title} is already open in another tab.").format(title=title),
            "busy_why": _("One tab at a time holds your session, so two tabs can never decide the same invitation. "
                          "Go back to that tab, or close it: this page takes over a few seconds later."),
            "starting": _("{title} is starting…").format(title=title),
            "closed": _("{title} is no longer running in this tab; every decision is saved.").format(title=title),
            "start": _("Start"),
        }

    def _page(self, name: str, status: int = 200, **values: str) -> web.Response:
        text = Template((HERE / name).read_text(encoding="utf-8"))
        values = {**self._words(), **values}
        html = text.substitute(title=escape(self.title), **{k: escape(v) for k, v in values.items()})
        return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")

    def _own(self, name: str, content_type: str):
        async def serve(request: web.Request) -> web.Response:
            return web.Response(body=(HERE / name).read_bytes(), content_type=content_type)

        return serve

    async def _no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _bundled(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's xterm.js, its CSS, font and background, and nothing else."""
        path = (BUNDLED / request.match_info["path"]).resolve()
        if not path.is_relative_to(BUNDLED) or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def _download(self, request: web.Request) -> web.StreamResponse:
        """A file the app delivered (`App.deliver_text`), streamed as the browser's download."""
        key = request.match_info["key"]
        try:
            meta = await self._downloads.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text=_("This download is over; export it again from the app.")) from None
        response = web.StreamResponse()
        response.content_type = meta.mime_type
        if meta.encoding:
            response.charset = meta.encoding
        name = Path(meta.file_name).name.replace('"', "")
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
        self._secure(response)
        await response.prepare(request)
        async for chunk in self._downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        """The tab that holds the session: keys in, screen out. One at a time."""
        if await self._held():
            raise web.HTTPConflict(text=_("Passerelle is already open in another tab."))
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)
        socket = web.WebSocketResponse(heartbeat=15)
        session = self.session = _Session(  # claimed before any await: two tabs cannot both pass
            detached(self.command), write_bytes=socket.send_bytes, write_str=socket.send_str,
            close=socket.close, download_manager=self._downloads,
        )
        self._free.clear()
        self._sockets.add(socket)
        try:
            await socket.prepare(request)
            await session.start(width, height)
            await self._relay(socket, session)
        finally:
            code = await session.quit()
            self.session = None
            self._free.set()
            self._sockets.discard(socket)
            if not socket.closed:
                await socket.close()
            if session.left_by_itself:  # `q` in the tab ends `passerelle serve` too
                self.app_exit_code = code or 0
                self.stopped.set()
        return socket

    async def _relay(self, socket: web.WebSocketResponse, session: _Session) -> None:
        """The browser's keys, size and focus to the app, until the tab or the app goes."""
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, data = message.json()
            except (ValueError, TypeError):
                continue
            if kind == "stdin" and isinstance(data, str):
                await session.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await session.set_terminal_size(_int(data.get("width"), 80), _int(data.get("height"), 24))
            elif kind == "ping":
                await socket.send_json(["pong", data])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    # ---- life cycle -----------------------------------------------------------------------
    async def start(self) -> None:
        """Bind to 127.0.0.1 (port 0: any free one) and start answering."""
        self._runner = web.AppRunner(self.make_app(), handle_signals=False, access_log=None,
                                     shutdown_timeout=QUIT_TIMEOUT)
        await self._runner.setup()
        site = web.TCPSite(self._runner, HOST, self.port)
        await site.start()
        if not self.port:
            self.port = self._runner.addresses[0][1]

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/{self.token}/"

    async def close(self) -> None:
        """Ask the app to leave cleanly, then close the tab's socket and the server."""
        if self.session is not None:
            await self.session.quit()
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def stop_on_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self.stopped.set)
            except (NotImplementedError, RuntimeError):  # not on this platform / thread
                pass


def app_process(session: AppService) -> asyncio.subprocess.Process | None:
    """The app's process, to wait for it and terminate it if it hangs. textual-serve keeps it
    in `AppService._process` with no public name: the one private name read here, checked by
    tests/test_serve_bridge.py against the installed textual-serve."""
    return session._process


def _int(value: object, default: int) -> int:
    try:
        return max(1, min(int(value), 1000))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default

