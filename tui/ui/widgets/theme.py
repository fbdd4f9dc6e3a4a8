"""The theme named in config.toml; every colour with a meaning comes from its variables."""

from __future__ import annotations

from textual.app import App

from tui.i18n import _


def use_theme(app: App, name: str) -> list[str]:
    """Switch `app` to the theme `name`; a notice (the known names) when there is no such theme."""
    if not name:
        return []
    if name not in app.available_themes:
        known = ", ".join(sorted(app.available_themes))
        return [_("Settings: theme '{name}' is not known, so the default stays. Known themes: {known}.").format(
            name=name, known=known)]
    app.theme = name
    return []
