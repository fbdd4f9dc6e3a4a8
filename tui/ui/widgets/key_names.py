"""The key a binding answers to, as the active key map sets it, for sentences that name it.

Translated text never holds a key letter: it holds `{key}`, filled from here, so a remapped
key (config.toml [keys]) shows in the palette, the help and the status lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding

WORD_KEYS = frozenset({"enter", "space", "escape", "tab", "backspace", "delete", "home", "end", "pageup", "pagedown"})


def bindings_of(node) -> dict[str, str]:
    """binding id → its default keys, for `node` and every widget in it (their own BINDINGS)."""
    out: dict[str, str] = {}
    nodes = [node, *node.query("*")] if hasattr(node, "query") else [node]
    for kind in dict.fromkeys(type(n) for n in nodes):
        for klass in kind.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    out.setdefault(binding.id, binding.key)
    return out


def key_of(app, binding_id: str, default: str = "", known: dict[str, str] | None = None) -> str:
    """How the key of `binding_id` is shown (`a`, `ctrl+t`, `?`): the key map's, else the default."""
    keymap = getattr(app, "key_map", {}) or {}  # the `[keys]` remaps in effect
    keys = keymap.get(binding_id) or (known or {}).get(binding_id) or default
    first = keys.split(",")[0].strip()
    if first[:1] == "f" and first[1:].isdigit():
        return first.upper()  # F6, as the keyboard says it
    if not first or "+" in first or first in WORD_KEYS:
        return first  # ctrl+t, enter as people read them (Textual shows ^t, ⏎)
    return app.get_key_display(Binding(first, ""))  # question_mark → ?


def with_keys(node, entries: Iterable[tuple]) -> list[tuple[str, str, object]]:
    """A pane's palette entries (title, help, callback[, binding id]) in the active language,
    the key appended to the help from the key map: `Accept the invitation (a)`."""
    from tui.i18n import _

    app, known = node.app, bindings_of(node)
    out = []
    for title, help_text, callback, *binding in entries:
        help_text = _(help_text)
        key = key_of(app, binding[0], known=known) if binding else ""
        out.append((_(title), f"{help_text} ({key})" if key else help_text, callback))
    return out
