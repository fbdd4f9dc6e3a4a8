"""`R` on the received pane: re-read the strategy, preview what each rule would decide,
then store the new suggestions (Polars, only when asked for)."""

from __future__ import annotations

from tui.store import queues as queue
from tui.i18n import _
from tui.ui.widgets.key_names import key_of


def reload_strategy(pane) -> None:
    """Load the strategy file; on an error keep the last good one and say so; else preview."""
    from tui.triage import strategy as strategy_mod
    from tui.store.triage_tables import queue_frame, store_suggestions
    from tui.ui.screens.strategy_preview_modal import StrategyPreviewModal

    ctx = pane.context
    path = ctx.paths.strategy_file
    if not path.is_file():
        pane.app.notify(_("{path}: no strategy file yet. `passerelle strategy --init` writes a commented "
                          "starter; edit it, then press {key}.").format(path=path, key=key_of(pane.app, "reload-strategy", "R")),
                        severity="warning", timeout=10, markup=False)
        return
    new, error = strategy_mod.reload(ctx.paths.strategy_file, pane.strategy)
    pane.show_strategy_error(None if error is None else str(error))
    if error is not None:
        pane.app.notify(_("Strategy not reloaded: {error}").format(error=error), severity="error", timeout=10, markup=False)
        return
    rows = strategy_mod.preview(queue_frame(ctx.store, ctx.triage_set.id, ctx.today), pane.strategy, new)

    def apply(ok: bool | None) -> None:
        if not ok:
            return
        digest = queue.strategy_digest(ctx.paths.strategy_file, ctx.store, ctx.today)
        store_suggestions(ctx.store, ctx.triage_set.id, digest, new, None, ctx.today)
        pane.strategy = new if new.suggests_anything else None
        pane.digest, pane.suggests = digest, pane.strategy is not None
        pane.reload(keep_key=pane.table.current_key())
        pane.app.notify(_("Strategy applied."), markup=False)

    pane.app.push_screen(StrategyPreviewModal(rows), apply)
