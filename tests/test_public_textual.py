"""What replaced two private parts of Textual does exactly what they did.

The footer key is Passerelle's own widget now and `[keys]` remaps are spelled through the
public `Binding.make_bindings`; these tests hold them to Textual's own table and widget, so
a remap to "?" still collides with help and the footer looks and clicks as before.
"""

from __future__ import annotations

import string

from textual.app import App, ComposeResult
from textual.keys import _character_to_key  # Textual's table, the one a pressed key is named by
from textual.widgets import Footer
from textual.widgets._footer import FooterKey as TextualFooterKey

from tui.ui.keymap_check import key_name
from tui.ui.widgets.footer_key import FooterKey

# A `[keys]` value cannot hold a lone comma (it separates keys) or a space (stripped): "space" says it.
TYPED = [c for c in string.printable if c not in string.whitespace and c != ","]


def test_every_printable_key_is_spelled_as_textual_names_a_pressed_key() -> None:
    assert len(TYPED) == 93
    assert {c: key_name(c) for c in TYPED} == {c: _character_to_key(c) for c in TYPED}
    assert key_name("?") == "question_mark" and key_name("/, a") == "slash,a" and key_name("ctrl+t") == "ctrl+t"


KEYS = [("a", "a", "Accept", "accept", False, ""), ("i", "i", "Ignore the invitation", "ignore", True, ""),
        ("question_mark", "?", "", "help", False, ""), ("ctrl+p", "^p", "palette", "palette", False, "-command-palette")]


class KeysApp(App):
    TITLE = "keys"
    BINDINGS = [("a", "accept", "Accept"), ("i", "ignore", "Ignore")]

    def __init__(self, kind: type) -> None:
        super().__init__()
        self.kind, self.done = kind, []

    def compose(self) -> ComposeResult:
        kind = self.kind

        class KeysFooter(Footer):
            def compose(self) -> ComposeResult:
                for key, display, words, action, disabled, classes in KEYS:
                    item = kind(key, display, words, action, disabled=disabled, tooltip=words, classes=classes)
                    yield item.data_bind(compact=Footer.compact) if not classes else item

        yield KeysFooter(compact=True)

    def action_accept(self) -> None:
        self.done.append("accept")

    def action_ignore(self) -> None:
        self.done.append("ignore")

    def bell(self) -> None:
        self.done.append("bell")


async def _screen(kind: type, size: tuple[int, int]) -> str:
    app = KeysApp(kind)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return app.export_screenshot()


async def test_the_footer_key_looks_as_textuals_own_at_80_and_160_columns() -> None:
    for size in ((80, 24), (160, 50)):
        assert await _screen(FooterKey, size) == await _screen(TextualFooterKey, size)


async def test_a_click_on_a_footer_key_presses_it_and_an_unavailable_one_rings() -> None:
    app = KeysApp(FooterKey)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = list(app.query(FooterKey))
        assert await pilot.click(keys[0])
        await pilot.pause()
        assert await pilot.click(keys[1])  # unavailable: the bell, not the action
        await pilot.pause()
        assert app.done == ["accept", "bell"]
        assert [k.has_class("-compact") for k in keys] == [True] * 4
