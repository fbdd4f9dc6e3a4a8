"""FooterKey: one key of the ranked footer, drawn and clicked as Textual's own footer key.

Textual 8.2.8 keeps its footer key widget in a private module; this one uses public parts only.
It keeps Textual's class name on purpose: the Footer's stylesheet styles `FooterKey` (the
palette key docked right, the gaps of the compact footer), and the theme's footer colours
apply through the same component classes.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class FooterKey(Widget):
    """`key_display` then `description`; a click presses `key`, or rings the bell when unavailable."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled {
            text-style: dim;
        }
        &.-compact {
            .footer-key--key {
                padding: 0;
            }
            .footer-key--description {
                padding: 0 0 0 1;
            }
        }
    }
    """

    compact = reactive(True)

    def __init__(self, key: str, key_display: str, description: str, action: str,
                 disabled: bool = False, tooltip: str = "", classes: str = "") -> None:
        self.key = key
        self.key_display = key_display
        self.description = description
        self.action = action
        # Not Widget.disabled: a disabled widget gets no click, and this one must ring the bell.
        self.unavailable = disabled
        super().__init__(classes=f"{classes} -disabled" if disabled else classes)
        self.set_reactive(Widget.shrink, False)
        if tooltip:
            self.tooltip = tooltip

    def render(self) -> Text:
        key_style = self.get_component_rich_style("footer-key--key")
        key_pad = self.get_component_styles("footer-key--key").padding
        if self.description:
            words_style = self.get_component_rich_style("footer-key--description")
            words_pad = self.get_component_styles("footer-key--description").padding
            text = Text.assemble(
                (" " * key_pad.left + self.key_display + " " * key_pad.right, key_style),
                (" " * words_pad.left + self.description + " " * words_pad.right, words_style),
            )
        else:
            text = Text.assemble((self.key_display, key_style))
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.unavailable:
            self.app.bell()
        else:
            self.app.simulate_key(self.key)

    def watch_compact(self, compact: bool) -> None:
        self.set_class(compact, "-compact")
