"""The received and sent lists at 80 to 100 columns: words cut after a whole word, a note that reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from snapshot_apps import SAMPLE, settle, snapshot_app
from tui.ui.widgets.cut_words import cut_at_word


def shown_cells(table, key: str) -> list[tuple[str, str]]:
    """(the whole cell, what the screen shows of it) for column `key`, row by row on screen."""
    widths = table._column_widths(table.scrollable_content_region.width)
    index = [c.key for c in table.columns].index(key)
    start = 2 + sum(widths[:index]) + index  # the mark, then each column and its gap
    out = []
    for y in range(1, min(table.row_count, table.size.height - 1) + 1):
        whole = table._cells_for(round(table.scroll_y) + y - 1)[index].plain
        out.append((whole, table.render_line(y).text[start:start + widths[index]].rstrip()))
    return out


def cut_after_a_word(whole: str, shown: str) -> bool:
    """`shown` is `whole`, or whole words of it then "…" (no lone symbol, no piece of a word)."""
    if shown == whole:
        return True
    head = shown.removesuffix("…")
    return (shown.endswith("…") and bool(head) and whole.startswith(head) and whole[len(head)] in " ,:;"
            and not (len(head.split(" ")[-1]) == 1 and not head[-1].isalnum()))


@pytest.mark.parametrize("size", [(80, 24), (90, 30), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("pane, keys, column", [("received", [], "_signals"), ("sent", ["2"], "_state")])
async def test_signal_and_state_words_are_cut_after_a_whole_word(tmp_path: Path, size, pane, keys, column) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=size) as pilot:
        await settle(pilot, keys)
        cells = shown_cells(app.query_one(f"#{pane}-table"), column)
        assert len(cells) >= 8 and any(whole for whole, _shown in cells)
        assert [c for c in cells if not cut_after_a_word(*c)] == []
        if pane == "sent":  # the usual states stay whole even beside the detail
            assert all(shown == whole for whole, shown in cells if whole == "follow up now")


async def test_the_sent_note_reads_beside_the_detail_at_100x30(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot, ["2"])
        table = app.query_one("#sent-table")
        notes = shown_cells(table, "note")
        assert all(len(shown) >= 16 for whole, shown in notes if len(whole) >= 17), notes
        names = shown_cells(table, "name")
        assert all(shown == whole or len(shown) >= 17 for whole, shown in names)  # names keep 16 and "…"


async def test_at_80_columns_every_sent_state_is_whole(tmp_path: Path) -> None:
    app = snapshot_app(SAMPLE, tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, ["2"])
        assert [c for c in shown_cells(app.query_one("#sent-table"), "_state") if c[0] != c[1]] == []


def test_a_cut_keeps_whole_signals_and_drops_a_lone_symbol() -> None:
    assert cut_at_word("✎ note ✉ talked", 14) == "✎ note…"
    assert cut_at_word("⚠ suspicious ✎ note", 13) == "⚠ suspicious…"
    assert cut_at_word("ancienne : retirer ?", 13) == "ancienne…"
    assert cut_at_word("✎ note", 6) == "✎ note"
    assert cut_at_word("Dominique-Alexandra", 8) == "Dominiq…"  # one long word: nothing better fits
