"""The one choke point for showing text from the export: sanitise, then wrap in Content.

Textual parses plain strings as markup almost everywhere and passes terminal escape
sequences through to the pty, so every string from the export or a user file goes
through `display_text` (or `sanitize` + `markup=False`) before it reaches a widget.
The raw value stays in storage; only what is shown changes.
"""

from __future__ import annotations

from textual.content import Content

from tui.core.unsafe_chars import BIDI, ZERO_WIDTH

# Actions a planted `[@click=…]` could abuse; we never bind them (defence in depth).
REFUSED_ACTIONS = frozenset({
    "screenshot", "simulate_key", "push_screen", "switch_screen", "switch_mode",
    "add_class", "remove_class", "toggle_class",
})

BIDI_MARK = "⇆"  # stands in for an invisible direction override (Trojan Source)
ZERO_WIDTH_MARK = "·"  # stands in for an invisible zero-width character
C1_MARK = "\ufffd"


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):  # C0 → the Control Pictures block (␀ … ␟, ␛ for ESC)
        if code not in (0x09, 0x0A):
            table[code] = chr(0x2400 + code)
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):  # C1: 0x9B/0x9D start CSI/OSC without an ESC
        table[code] = C1_MARK
    for code in range(0xD800, 0xE000):  # lone surrogates cannot be written to a terminal
        table[code] = C1_MARK
    for code in BIDI:
        table[code] = BIDI_MARK
    for code in ZERO_WIDTH:
        table[code] = ZERO_WIDTH_MARK
    return table


_TABLE = _table()
_ONE_LINE = {0x0A: "⏎", 0x09: " "}


def sanitize(s: object) -> str:
    """Replace control, bidi and zero-width characters with visible placeholders.

    CR LF and lone CR count as line ends (files re-saved on Windows), not as data.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if text.isprintable():  # the usual case, checked in C: every character the table replaces is unprintable
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_TABLE)


DISPLAY_CAP = 2_000  # characters any one cell shows: a note is 300; wrapping 25 MB froze the screen


def capped(text: str, cap: int = DISPLAY_CAP) -> str:
    """`text` cut to `cap` characters, saying how many more there were."""
    if len(text) <= cap:
        return text
    return f"{text[:cap]}… ({len(text) - cap:,} more)"


def one_line(s: object) -> str:
    """Sanitised text on one line (newlines shown as ⏎, tabs as spaces), for table cells."""
    text = sanitize(capped(s if isinstance(s, str) else ("" if s is None else str(s))))
    return text if text.isprintable() else text.translate(_ONE_LINE)


def truncate(text: str, max_len: int | None) -> str:
    """Cut `text` to `max_len` characters, ending with … when something was cut."""
    if max_len is None or len(text) <= max_len:
        return text
    if max_len <= 0:
        return ""
    return text[: max_len - 1] + "…"


def display_text(s: object, max_len: int | None = None) -> Content:
    """Sanitised text as Content: never parsed as markup, so `[/]` and `[EMEA]` show literally.

    At most DISPLAY_CAP characters (then "… (N more)"), cut before sanitising, so a huge
    cell costs no more than a short one on every redraw.
    """
    text = s if isinstance(s, str) else ("" if s is None else str(s))
    return Content(truncate(sanitize(capped(text)), max_len), strip_control_codes=False)


def editor_safe(text: str) -> str:
    """Template text for the editor: control and bidi characters made visible, emoji kept whole."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t\u200c\u200d" else sanitize(ch) for ch in text)
