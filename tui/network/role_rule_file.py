"""Add a keyword to a role family in the user's config.toml, from the unclassified-titles
table: one write, atomic, keeping the user's other settings, comments and layout (tomlkit
edits the document in place, where tomllib could only read it)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tui.core.errors import ConfigError
from tui.i18n import _

MAX_KEYWORD = 200


def title_keyword(title: str) -> str:
    """The keyword that matches `title` as the classifier reads it: folded, abbreviations
    expanded ("Sr. Recruteur" → "senior recruteur"), so it fits this title and any title holding it."""
    import polars as pl

    from tui.network.roles import title_expr

    keyword = pl.select(title_expr(pl.lit(title, dtype=pl.Utf8))).item() or ""
    return keyword.strip("*").strip()[:MAX_KEYWORD]


def add_role_keyword(path: Path, family: str, keyword: str, defaults: Iterable[str]) -> str:
    """Add `keyword` to `family` under [role_families] in `path` and return the entry written
    ("+sales/business" extends a default family; a family of the user's own gets the keyword
    in its list). The file must load as it is: a broken config.toml is never rewritten."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    from tui.config import MAX_SETTINGS_BYTES, load_settings
    from tui.core.files import read_small_file, write_text_atomic

    keyword = keyword.strip()
    if not keyword:
        raise ConfigError(path, _("no keyword to add (the title has no letters or digits)"))
    load_settings(path)  # raises ConfigError, naming the problem, before anything is written
    try:
        text = read_small_file(path, MAX_SETTINGS_BYTES).decode("utf-8")
    except FileNotFoundError:
        text = ""
    try:
        doc = tomlkit.parse(text)
    except TOMLKitError as exc:  # tomllib read it, tomlkit did not: leave the file alone
        raise ConfigError(path, _("cannot be edited here ({problem}); add the keyword by hand").format(problem=exc)) from None
    table = doc.get("role_families")
    if table is None:
        table = tomlkit.table()
        doc["role_families"] = table
    mine = [k for k in table if k.lstrip("+") == family]
    entry = mine[0] if mine else (f"+{family}" if family in set(defaults) else family)
    words = table.get(entry)
    if words is None:
        table[entry] = tomlkit.array()
        words = table[entry]
    if keyword not in [str(w) for w in words]:
        words.append(keyword)
    out = tomlkit.dumps(doc)
    import tomllib

    written = tomllib.loads(out).get("role_families", {}).get(entry)  # reads back before it is written
    if not isinstance(written, list) or keyword not in written:
        raise ConfigError(path, _("cannot be edited here; add the keyword by hand"))
    write_text_atomic(path, out)
    return entry
