"""An export the store has no rows for, read in a second process while the app starts.

In a terminal, `passerelle EXPORT` on a new export starts this reader before Textual is
even imported: Polars reads the CSVs and writes the triage rows on the other core while the
app draws itself, and the app's own thread never waits on Polars holding the interpreter
lock (the keys typed meanwhile are handled at once). The app then reads the rows from the
store, exactly as on every later start.

The reader speaks one JSON object a line on its stdout, in this order:
`checked` (the export is a whole ZIP, folder or CSV within the limits: the app may draw),
`step` lines (how far the read is, [done, of]: the reading bar fills), `rows` (the triage
rows are committed: the panes can read them), `notices` (once the import is recorded and
its snapshot written), `done` (the frames' Parquet cache and the figures `passerelle stats`
answers with are written). After `rows` it waits for one line on its stdin (or its end):
the app says so once the rows are on screen, so the two processes never share the 2 cores
of a small laptop while the user waits for the first rows. Any error instead is one `error`
line (a `PasserelleError` keeps its class, place and reason, so the user gets the same one
line and exit 2); nothing is written before the export was read whole.

    python -m tui.first_open SOURCE CONFIG DATA CACHE TODAY LANGUAGE

LANGUAGE is the app's (`--lang`, config.toml, $LANG as the parent chose it): the notices and
errors the reader makes are shown as they are, so they must be in the user's language.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any, Callable

import tui
from tui.core import errors
from tui.i18n import language, set_language
from tui.paths import Paths

ERRORS = {"ExportError": errors.ExportError, "StoreError": errors.StoreError,
          "ConfigError": errors.ConfigError, "PasserelleError": errors.PasserelleError}


class ReaderFailed(RuntimeError):
    """The reader process failed in a way that is not the user's input."""


class FirstOpen:
    """The parent's side: the reader process and what it said so far."""

    def __init__(self, source: Path, paths: Paths, today: date) -> None:
        self.source = Path(source)
        env = dict(os.environ)
        here = str(Path(tui.__file__).resolve().parent.parent)  # the same `tui` as this process
        env["PYTHONPATH"] = here + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui.first_open", str(self.source), str(paths.config), str(paths.data),
             str(paths.cache), today.isoformat(), language()],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
            # Its own session: a signal from the terminal never stops it in the middle of a write.
            start_new_session=True,
        )

    def _next(self, wanted: str, also: str = "") -> dict:
        """The next message, which must be `wanted` (or `also`); an `error` line raises it."""
        out = self.process.stdout
        line = out.readline() if out is not None and not out.closed else b""
        if not line:
            code = self.process.wait()
            raise ReaderFailed(f"the export reader stopped before {wanted!r} (exit code {code})")
        message = json.loads(line)
        if "error" in message:
            self.process.wait()
            raise _error(message["error"])
        if wanted not in message and (not also or also not in message):
            raise ReaderFailed(f"the export reader said {line[:80]!r}, expected {wanted!r}")
        return message

    def checked(self) -> None:
        """Wait until the export is checked (before any screen is drawn); raise its error."""
        self._next("checked")

    def rows(self, on_step: Callable[[int, int], None] | None = None) -> dict:
        """Wait until the triage rows are committed; the triage set's fields. Each step the
        reader says on the way (done, of) goes to `on_step` (the app's reading bar)."""
        while "step" in (message := self._next("rows", also="step")):
            if on_step is not None:
                on_step(*message["step"])
        return message["rows"]

    def shown(self) -> None:
        """Tell the reader the rows are on screen: it goes on with the import record, the
        snapshot and the frames' cache (it waits until then, or until this process leaves)."""
        stdin = self.process.stdin
        if stdin is None or stdin.closed:
            return
        try:
            stdin.write(b"shown\n")
            stdin.close()
        except (BrokenPipeError, OSError, ValueError):  # the reader has already stopped
            pass

    def rest(self) -> list[str]:
        """Wait for the import record and the frames' cache; the notices to show."""
        self.shown()
        notices = self._next("notices")["notices"]
        self._next("done")
        self.process.wait()
        return notices

    def close(self, timeout: float = 60.0) -> None:
        """Let the reader finish what it was writing (it is quick once the rows are in)."""
        self.shown()  # never left waiting for an app that has gone
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.terminate()  # every write is one transaction or an atomic rename
            self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()


def _error(fields: dict) -> Exception:
    cls = ERRORS.get(fields.get("type", ""))
    if cls is None:
        return ReaderFailed(fields.get("message", "the export reader failed"))
    return cls(fields["where"], fields["reason"], fields.get("line"))


# ---------------------------------------------------------------- the reader process
STEPS = 5  # checked, Polars in, the files parsed, the export read, the rows written


def _say(out: IO[str], **message: Any) -> None:
    try:
        out.write(json.dumps(message) + "\n")
        out.flush()
    except (BrokenPipeError, ValueError):  # the app left: finish writing anyway, silently
        pass


def read(source: Path, paths: Paths, today: date, out: IO[str], shown: IO[bytes] | None = None) -> None:
    """Check, read, write the rows, then (once a line or the end comes on `shown`: the rows
    are on screen) the rest, saying each step on `out`."""
    import threading

    # Polars and the reader are imported first, while the rest comes in and the ZIP is inflated
    # (zlib lets go of the lock): the read waits on nothing else.
    reader = threading.Thread(target=importlib.import_module, args=("tui.export.reader",), daemon=True)
    reader.start()
    from tui.context import AppContext
    from tui.export.identity import source_hash
    from tui.export.source import read_source
    from tui.launch import after_load, suggest_now

    source_hash(read_source(source, keep=True))  # the read below takes these bytes, hashed
    _say(out, checked=True)
    _say(out, step=[1, STEPS])
    reader.join()
    from tui.export.reader import load_export_in_two

    _say(out, step=[2, STEPS])
    # The rows need only who talked with whom of messages.csv: its texts are cleaned after them.
    export, whole = load_export_in_two(source, tables_read=lambda: _say(out, step=[3, STEPS]))
    _say(out, step=[4, STEPS])
    from tui.store.store import Store
    from tui.store.triage_tables import write_triage

    paths.ensure()
    context = AppContext(paths=paths, settings=None, export=export, store=Store.open(paths.database),
                         today=today, notices=[])
    try:
        context.triage_set = write_triage(context.store, export, source)
        suggest_now(context)
        rows = context.triage_set
        _say(out, rows={"id": rows.id, "source": rows.source, "content_hash": rows.content_hash,
                        "exported_on": rows.exported_on, "connections": rows.connections})
        if shown is not None:
            shown.readline()  # the app paints the rows first: then this process takes the CPU
        context.export = whole()
        _say(out, notices=after_load(context, source))
        from tui.export.frame_cache import save_frames

        save_frames(source, paths.frames_cache, context.export)
        from tui.outputs.stats_figures import remember

        remember(context.store, context.export, source, paths)  # `stats` then answers from the store
        _say(out, done=True)
    finally:
        context.store.close()


def main(argv: list[str]) -> int:
    out = sys.stdout
    sys.stdout = sys.stderr  # nothing else may write on the message channel
    source, config, data, cache, today, code = argv
    set_language(code)
    try:
        read(Path(source), Paths(Path(config), Path(data), Path(cache)), date.fromisoformat(today), out,
             sys.stdin.buffer if sys.stdin is not None else None)
    except errors.PasserelleError as exc:
        _say(out, error={"type": type(exc).__name__, "where": exc.where, "reason": exc.reason, "line": exc.line})
        return 2
    except BaseException as exc:  # noqa: BLE001 - said to the app, which shows it on one line
        _say(out, error={"message": f"{type(exc).__name__}: {exc}"})
        return 1
    return 0


def open_reader(path: Path, paths: Paths, today: date, store):
    """The reader process of a new export once it checked the export, or None: the app then
    reads the export itself, in a worker (the user's errors are raised, nothing drawn)."""
    reader = start_reader(path, paths, today)
    if reader is None:
        return None
    # Textual comes in while the reader checks the ZIP and imports Polars (about one core's
    # work): imported later, it would share the cores with the reading of the CSVs. Nothing
    # is drawn before the export is checked.
    importlib.import_module("tui.app")
    return checked(reader, store)


def start_reader(path: Path, paths: Paths, today: date):
    """The reader process of a new export, or None when it cannot be started (the app then
    reads the export itself, in a worker, as it did before there was one)."""
    try:
        return FirstOpen(path, paths, today)
    except OSError:
        return None


def checked(reader, store):
    """`reader` once it checked the export (its error is the user's: raised, nothing drawn),
    or None when it failed on its own before that (the app reads the export itself)."""
    try:
        reader.checked()
    except ReaderFailed:
        reader.close()
        return None
    except BaseException:
        reader.close()
        if store is not None:
            store.close()
        raise
    return reader


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
