"""Which keys are read together, gathered from the mounted panes, for `config.key_collisions`."""

from __future__ import annotations

from textual.binding import Binding

from tui.config import key_collisions
from tui.i18n import _


def key_name(keys: str) -> str:
    """Keys as Textual names them ("?" → question_mark), comma-separated."""
    return ",".join(_one_key_name(k.strip()) for k in keys.split(","))


def _one_key_name(key: str) -> str:
    """One key as a binding on it is stored: Textual spells a one-character key by its Unicode
    name when it declares a binding, so ask it to declare one."""
    if len(key) != 1:
        return key
    return next(iter(Binding.make_bindings([Binding(key, "")]))).key


def _declared(kind: type) -> list[tuple[str, str]]:
    """(id, keys) of the bindings our own classes declare (Textual's built-in ones have no id
    a user could remap)."""
    out = []
    for klass in kind.__mro__:
        if klass.__module__.startswith("textual."):
            continue
        for binding in klass.__dict__.get("BINDINGS", []):
            binding = binding if isinstance(binding, Binding) else Binding(*binding)
            if binding.id:
                out.append((binding.id, key_name(binding.key)))
    return out


def binding_scopes(app, panes: list[tuple[str, object]]) -> dict[str, list[tuple[str, str]]]:
    """For each mounted pane (title, widget): the app's keys and those of everything in it."""
    scopes = {}
    for title, pane in panes:
        rows = _declared(type(app))
        for kind in dict.fromkeys(type(w) for w in [pane, *pane.query("*")]):
            rows += _declared(kind)
        scopes[_("the {pane} pane").format(pane=title)] = rows
    return scopes


def checked_keymap(app, panes: list[tuple[str, object]], keys: dict[str, str], where: object):
    """(the remaps to apply, one line per refused one)."""
    wanted = {binding_id: key_name(key) for binding_id, key in keys.items()}
    return key_collisions(binding_scopes(app, panes), wanted, where)


def apply_keys(app) -> None:
    """`[keys]` from config.toml on the app, minus remaps onto a key another binding of the same
    pane uses (both keep their defaults, and one line says so, once)."""
    from tui.ui.panes.catalog import PANES

    keys = app.context.settings.keys
    if not keys:
        return
    panes = [(_(spec.title), pane) for spec in PANES if (pane := app.pane(spec.id)) is not None]
    kept, refused = checked_keymap(app, panes, dict(keys), app.context.paths.settings_file)
    app.set_keymap(kept)
    app.key_map = {binding_id: key_name(binding_keys) for binding_id, binding_keys in kept.items()}
    app.notify_all([line for line in refused if line not in app.keys_said])
    app.keys_said.update(refused)
    if app.screen.query("#title-bar"):  # not while the app is leaving
        app.refresh_header()  # the tab line names the keys as they are now
