"""Palette commands that hand the user a file: the decisions CSV and the network report.

In a browser (`passerelle serve`) the file goes through the browser's own download
(`App.deliver_text`, which textual-serve streams), since a path on this machine's disk
means nothing to a browser tab. In a terminal it is written to the Downloads folder
(`DIR/downloads` with --home DIR) and the notice says where.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand

from tui.i18n import _
from tui.paths import Paths


def export_commands(app: App) -> Iterator[SystemCommand]:
    """The "export: …" palette commands."""
    yield SystemCommand(_("export: decisions CSV"), _("Your decisions as a spreadsheet file (as passerelle decisions)"),
                        partial(_export, app, "decisions", "csv", "text/csv", decisions_csv))
    yield SystemCommand(_("export: report"), _("Your network's figures as Markdown (as passerelle report)"),
                        partial(_export, app, "report", "md", "text/markdown", report_markdown))


def decisions_csv(app: App) -> str:
    """The action sheet `passerelle decisions` prints, formulas neutralised."""
    from tui.outputs.decisions_sheet import COLUMNS, sheet_rows, spreadsheet_cell

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in sheet_rows(app.context.paths, False):
        writer.writerow([spreadsheet_cell(row.get(c)) for c in COLUMNS])
    return out.getvalue()


def report_markdown(app: App) -> str:
    """The report `passerelle report` writes, on the export the app has open."""
    from tui.outputs.stats_figures import load
    from tui.outputs.report import render

    return render(load(str(app.source) if app.source else None, (), app.context.paths).stats)


def downloads_folder(paths: Paths) -> Path:
    """Where a terminal session writes exports: DIR/downloads under --home DIR, else Downloads."""
    root = paths.data.parent
    if paths.config == root / "config" and paths.cache == root / "cache":
        return root / "downloads"
    import platformdirs

    return platformdirs.user_downloads_path()


def _export(app: App, what: str, suffix: str, mime: str, build: Callable[[App], str]) -> None:
    name = f"passerelle-{what}-{date.today().isoformat()}.{suffix}"

    def work() -> None:  # a thread: the report reads the export
        text = build(app)
        if app.is_web:
            app.call_from_thread(_to_browser, app, name, text, mime)
        else:
            from tui.core.files import write_text_atomic

            path = downloads_folder(app.context.paths) / name
            write_text_atomic(path, text)
            app.call_from_thread(app.notify, _("Saved {path}").format(path=path), title=_("Export"), markup=False)

    app.run_worker(work, thread=True, exit_on_error=False, group="deliveries", name=f"Exporting the {what}")


def _to_browser(app: App, name: str, text: str, mime: str) -> None:
    app.deliver_text(io.StringIO(text), save_filename=name, mime_type=mime)
    app.notify(_("{file}: sent to your browser's downloads").format(file=name), title=_("Export"), markup=False)
