"""The views bar writes its counts as the header writes its own: 1,734 (and 1 734 in French)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui import i18n
from tui.ui.widgets.view_tabs import ViewTabs

VIEWS = ("All", "With note", "No note")


class TabsApp(App):
    def compose(self) -> ComposeResult:
        yield ViewTabs(VIEWS)


@pytest.mark.parametrize("language, shown", [("en", "1,734"), ("fr", "1\u202f734")])
async def test_view_counts_are_grouped_in_thousands_as_the_language_writes_them(language: str, shown: str) -> None:
    i18n.set_language(language)
    try:
        app = TabsApp()
        async with app.run_test(size=(120, 3)) as pilot:
            tabs = app.query_one(ViewTabs)
            tabs.show("All", {"All": 1734, "With note": 749, "No note": 985})
            await pilot.pause()
            line = str(tabs.render())
            assert f" {shown} " in line and " 749 " in line and "1734" not in line
    finally:
        i18n.set_language("en")
