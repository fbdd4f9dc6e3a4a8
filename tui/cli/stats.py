"""`passerelle stats [SOURCE] [--json]`: network figures, headless and read-only."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from tui.core.unsafe_chars import strip_unsafe
from tui.paths import Paths

HELP = "Show the size, band and composition of your network (nothing is written)."
SAMPLE_NAME = "Basic_LinkedInDataExport_11-20-2026.zip"
# The only columns the figures use: the cache is read without the message texts and the
# search columns (a parse, on the first run, still gives every column).
STATS_COLUMNS = {
    "connections": ("full_name", "url", "key", "email", "company", "position", "connected_on"),
    "invitations": ("direction", "key", "connected"),
    "messages": ("sent_at", "sender_key", "recipient_keys", "is_draft"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """SOURCE and --qualify, shared with `passerelle report`."""
    parser.add_argument("source", nargs="?", help="export ZIP, folder or CSV (default: last import, else the sample)")
    parser.add_argument(
        "--qualify",
        action="append",
        default=[],
        metavar="FAMILY",
        help="count contacts of this role family as qualified (repeatable; default: the strategy's targets)",
    )


def sample_source() -> Path:
    """The bundled sample export."""
    import tui

    return Path(tui.__file__).parent.parent / "sample_data" / SAMPLE_NAME


@dataclass(eq=False)
class Loaded:
    export: object
    stats: dict
    families: dict


def load(args: argparse.Namespace, paths: Paths) -> Loaded:
    """Load the export (SOURCE, last import, else sample) and compute every figure; write nothing."""
    from tui.config import load_settings
    from tui.export.frame_cache import load_export_cached
    from tui.network.changes import previous_frames
    from tui.network.figures import network_stats

    settings = load_settings(paths.settings_file)
    _check_families(args.qualify, settings.role_families)
    records = _imports(paths)
    if args.source:
        source = Path(args.source)
    elif records:  # the current export; gone → say so, never describe the sample instead
        source = Path(records[-1].source)
        if not source.exists():
            from tui.core.errors import ExportError
            from tui.launch import missing_current_export

            raise ExportError(source, missing_current_export())
    else:
        source = sample_source()
    # Read-only: reuse the Parquet cache the app or `import` left, never write one.
    export = load_export_cached(source, paths.frames_cache, write=False, columns=STATS_COLUMNS)
    previous = previous_frames(records, export.content_hash)
    strategy = _strategy(paths)
    from tui.network.companies_file import companies_file, load_company_rules

    rules = load_company_rules(companies_file(paths.config))
    stats = network_stats(
        export, settings, strategy=strategy, previous=previous, picked_families=tuple(args.qualify),
        companies=rules,
    )
    from datetime import date

    from tui.export.archive import archive_figures
    from tui.export.age import export_age

    stats = {"source": str(source), **stats, "export_age": export_age(export.exported_on, date.today()),
             "archive": archive_figures(export),
             "across_imports": _across(records)}
    return Loaded(export, stats, dict(settings.role_families))


def _across(records: list) -> dict | None:
    """New, left, changed and accepted over every stored import (None with fewer than two)."""
    from tui.network.history import across_imports, load_imports

    return across_imports(load_imports(records)[0])


def _check_families(picked: list[str], overrides: dict) -> None:
    from tui.core.errors import ConfigError
    from tui.network.roles import family_names, role_families

    known = family_names(role_families(overrides))
    for name in picked:
        if name not in known:
            raise ConfigError("--qualify", f"unknown role family '{name}' (known: {', '.join(known)})")


def _imports(paths: Paths) -> list:
    """Import records from the store, opened read-only; [] when there is no database."""
    if not paths.database.is_file():
        return []
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return store.imports()
    finally:
        store.close()


def _strategy(paths: Paths):
    if not paths.strategy_file.is_file():
        return None
    try:
        from tui.triage.strategy import load_strategy
    except ImportError:
        return None
    return load_strategy(paths.strategy_file)


def pct(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.0f}%"


def open_people(counts: dict, people: int | None) -> str:
    """", from 51 people" when some sent more than one invitation: the app's header counts people."""
    if people is None or people == counts["open"]:
        return ""
    return f", from {people} {'person' if people == 1 else 'people'}: some sent more than one"


def summary(stats: dict) -> str:
    """A short readable summary for the terminal."""
    inv = stats["invitations"]
    nxt = stats["next_threshold"]
    from datetime import date

    from tui.export.age import age_line

    age = stats.get("export_age")
    lines = [
        f"Source: {clean(stats['source'])}",
        age_line(date.fromisoformat(age["exported_on"]) if age else None, date.today()),
        f"Connections: {stats['connections']}  (+{stats['hidden_connections']} hidden)",
        f"Band: {stats['band']} — {stats['band_explained']}",
    ]
    if nxt:
        eta = f", at this pace by {nxt['eta']}" if nxt["eta"] else ", no new connections in the last 90 days"
        lines.append(f"Next: {nxt['band']} at {nxt['at']} ({nxt['missing']} to go{eta})")
    lines.append(
        "Invitations: received {0[total]} ({0[open]} open{2}), sent {1[total]} ({1[open]} open)".format(
            inv["incoming"], inv["outgoing"], open_people(inv["incoming"], stats.get("people_waiting"))
        )
    )
    q = stats["qualified"]
    if q["count"] is not None:
        lines.append(f"Qualified contacts: {q['count']} of {stats['connections']} ({pct(q['share'])}, {q['basis']})")
    c = stats["concentration"]
    if c["companies_for_half"] is not None:
        lines.append(
            f"Concentration: {c['companies_for_half']} of {c['companies']} companies hold half; "
            f"top 20% hold {pct(c['top20_share'])}"
        )
    a = stats["active_estimate"]
    lines.append(f"Silent majority: ~{a['members']} active ({pct(a['share'])}) → ~{a['weekly_posts']} posts a week")
    m = stats["messaged"]
    lines.append(f"Messaged: {m['ever']} ever ({pct(m['ever_share'])}), {m['last_year']} in the last year")
    if stats["top_companies"]:
        top = ", ".join(f"{clean(r['company'])} {r['count']}" for r in stats["top_companies"][:5])
        lines.append(f"Top companies: {top}")
    ties = (stats.get("archive") or {}).get("people_with_ties")
    if ties:
        lines.append(f"Real ties: {ties} people endorsed or recommended you, or you them")
    across = stats.get("across_imports")
    if across:
        lines.append(
            f"Across your {across['imports']} imports: {len(across['new'])} new, {len(across['left'])} left, "
            f"{len(across['changed'])} job changes, {len(across['accepted'])} invitations accepted"
        )
    s = stats["since_last_import"]
    if s:
        lines.append(
            f"Since last import: {s['new_connections']} new, {s['invitations_accepted']} accepted, "
            f"{s['changed']} changed, {s['gone']} gone"
        )
    return "\n".join(lines)


def clean(text: str | None) -> str:
    """Export text printed to a terminal or Markdown: control, bidi and zero-width chars → space."""
    return strip_unsafe(text or "", replacement=" ")


def run(args: argparse.Namespace, paths: Paths) -> int:
    loaded = load(args, paths)
    if args.json:
        # ASCII escapes keep C1 and bidi characters from the export away from the terminal.
        print(json.dumps(loaded.stats, indent=2))
    else:
        print(summary(loaded.stats))
    return 0
