"""The app's start in stages: first rows from the store, then the footer and the store's
panes, then the export's frames (Polars) in a thread worker, and the panes that need them.

A mix-in for PasserelleApp (before `App`); it uses the app's `context`, `source`, `first_open`, `panes`
(a PaneDeck), `refresh_header`, `notify_all`, `apply_keys`, `action_show_pane`,
`on_open_composer`, `hold_keys` and `release_keys`.
"""

from __future__ import annotations

from dataclasses import replace

from textual.widget import AwaitMount
from textual.worker import Worker, WorkerState

from tui.core import start_gc
from tui.i18n import _
from tui.context import AppContext

READING = ("export", "prepare")  # the worker groups that read the export


class StagedStart:
    """Mounts the panes as their data comes and reads the export in a worker."""

    _wanted_pane: str | None = None  # asked for while the export was loading
    _composing = None  # an OpenComposer asked for meanwhile

    def _after_first_rows(self) -> None:
        """The footer (its keys cost about as much to lay out as the rows: it comes right
        after them) and the sent pane, which reads the store too; the export's frames
        (Polars) are read only when a pane needs them (network, composer): importing Polars
        in a thread holds the GIL for a good while, and the keys typed meanwhile would wait."""
        start_gc.release()  # after the first frame (tui.core.start_gc)
        if self.first_open is not None:  # a new export: the footer comes with its rows (`_export_ready`),
            return  # the reader process needs the cores now
        self._mount_footer()
        if self.context.triage_set is None:  # the start's worker mounts them once it has written the rows
            return
        self._mount_store_panes()
        if self.context.export is not None:
            self.mount_export_panes()

    def _mount_footer(self) -> None:
        from tui.ui.widgets.ranked_footer import RankedFooter  # here: imported after the first frame

        self.mount(RankedFooter())

    def _mount_store_panes(self) -> None:
        """The sent and to-do panes, then the `[keys]` remaps again: a remap onto a key one of
        them uses (Sent's `d` onto `1`) is refused at start, not once Network is first shown."""
        mounting = self.panes.mount_store_panes()

        async def apply_when_mounted() -> None:
            await mounting
            self.apply_keys()

        self.call_later(apply_when_mounted)

    def mount_export_panes(self) -> AwaitMount:
        """The network and composer panes; the `[keys]` remaps once every pane is there."""
        first = not self.panes.export_panes_asked
        done = self.panes.mount_export_panes()
        if first:
            self.call_later(self._apply_keys_when_mounted)
        return done

    async def _apply_keys_when_mounted(self) -> None:
        await self.mount_export_panes()
        self.apply_keys()

    def need_export(self, pane_id: str) -> None:
        """Read the export for `pane_id`, then show it (said on screen meanwhile); the keys
        typed meanwhile wait for it."""
        self._wanted_pane = pane_id
        self.hold_keys()
        if not any(w.group in READING and w.is_running for w in self.workers):
            self.notify(_("Reading the export for this pane…"), title="Passerelle", timeout=4, markup=False)
            self.read_export("export")

    def read_export(self, group: str) -> None:
        """Read the export (Polars and all) in a thread; `prepare` also writes its triage rows."""
        from tui.export.source import drop_kept
        from tui.launch import after_load, load, prepared, rows_from

        context, source, reader = self.context, self.source, self.first_open

        def read():  # works on a copy of the context: the app takes its fields on its own thread
            work = replace(context, notices=[])
            if group == "prepare" and reader is not None:  # another process reads it
                return work, rows_from(reader, work, on_step=self._reading_step)
            # Read before the app without a terminal; the frames' cache is written once the rows show.
            work.export = context.export or load(source, context.paths, write_cache=False, rows=context.triage_set)
            drop_kept()  # the bytes checked before the app, if the frames came from the cache instead
            return work, prepared(work, source, work.export) if group == "prepare" else after_load(work, source, age=False)

        self.run_worker(read, thread=True, exit_on_error=False, group=group, name=_("Reading the export"))

    def _reading_step(self, done: int, steps: int) -> None:
        """A step the reader process said, from the worker's thread: posted to the received
        pane's reading bar, not waited for (an app that is leaving may never run it)."""
        received = self.panes.pane("received")
        if received is not None:
            received.call_later(received.reading_step, done, steps)

    def _save_frames(self) -> None:
        """The export's frames in the Parquet cache (for the next open and `stats`), in a thread
        after the first rows: a first open does not wait for it."""
        from tui.export.frame_cache import save_frames

        export, source, cache = self.context.export, self.source, self.context.paths.frames_cache
        if export is not None and source is not None:
            self.run_worker(lambda: save_frames(source, cache, export), thread=True, exit_on_error=False,
                            group="cache", name=_("Saving the export's frames for the next start"))

    async def _export_ready(self, group: str, work: AppContext, notices: list[str]) -> None:
        """The export's frames are in: the received pane reads its new rows, the other panes come."""
        context = self.context
        context.export, context.store = work.export, work.store
        if group == "prepare":
            context.triage_set = work.triage_set
        self.notify_all(notices)
        if group == "prepare":
            received = self.panes.pane("received")
            if received is not None:
                received.start()
            if self.first_open is not None:  # the footer waited for the rows (`_after_first_rows`)
                self.call_after_refresh(self._mount_footer)
            self.call_after_refresh(self._mount_store_panes)  # the first rows are painted before them
        self.refresh_header()
        if self.first_open is not None and group == "prepare":  # the reader goes on once the rows are on screen
            self.call_after_refresh(self.run_worker, self.first_open.rest, thread=True, exit_on_error=False,
                                    group="first-open", name="Recording the import")
        if context.export is not None:  # None when another process read it: the frames come when a pane needs them
            self.call_after_refresh(self._save_frames)
            await self.mount_export_panes()
        wanted, self._wanted_pane = self._wanted_pane, None
        composing, self._composing = self._composing, None
        if composing is not None:
            await self.on_open_composer(composing)
        elif wanted:
            self.action_show_pane(wanted)
        if self._wanted_pane is None and self._composing is None:  # not waiting on a second read
            self.release_keys()

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The export read at start goes in (or the app leaves with its error); any other
        worker that fails shows why, instead of failing silently."""
        if event.worker.group == "first-open" and event.state == WorkerState.SUCCESS:
            self.notify_all(event.worker.result)
            return
        if event.worker.group in READING:
            if event.state == WorkerState.SUCCESS:
                await self._export_ready(event.worker.group, *event.worker.result)
            elif event.state == WorkerState.ERROR:
                self.startup_error = event.worker.error
                self.exit(return_code=2)
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                _("{task} failed: {kind}: {error}").format(
                    task=event.worker.name or _("A background task"), kind=type(error).__name__, error=error),
                title=_("Something went wrong"), severity="error", timeout=10, markup=False,
            )
