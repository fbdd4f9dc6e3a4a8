"""`passerelle stats [SOURCE] [--json]`: network figures, headless and read-only."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from tui.cli.human import band_word, basis_word, count, shown
from tui.core.unsafe_chars import strip_unsafe
from tui.i18n import N_, _, ngettext
from tui.i18n.formats import day, percent
from tui.paths import Paths

HELP = N_("Show the size, band and composition of your network (nothing is written).")
# The only columns the figures use: the cache is read without the message texts and the
# search columns (a parse, on the first run, still gives every column).
STATS_COLUMNS = {
    "connections": ("full_name", "url", "key", "email", "company", "position", "connected_on"),
    "invitations": ("direction", "key", "connected"),
    "messages": ("sent_at", "sender_key", "recipient_keys", "is_draft"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON"))


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """SOURCE and --qualify, shared with `passerelle report`."""
    parser.add_argument("source", nargs="?", help=_("export ZIP, folder or CSV (default: last import, else the sample)"))
    parser.add_argument(
        "--qualify",
        action="append",
        default=[],
        metavar="FAMILY",
        help=_("count contacts of this role family as qualified (repeatable; default: the strategy's targets)"),
    )


def sample_source() -> Path:
    """The bundled sample export."""
    from tui.paths import SAMPLE_EXPORT

    return SAMPLE_EXPORT


@dataclass(eq=False)
class Loaded:
    export: object
    stats: dict
    families: dict


def load(args: argparse.Namespace, paths: Paths) -> Loaded:
    """Load the export (SOURCE, last import, else sample) and compute every figure; write nothing."""
    from tui.config import load_settings
    from tui.export.frame_cache import load_export_cached

    settings = load_settings(paths.settings_file)
    _check_families(args.qualify, settings.role_families)
    records = _imports(paths)
    source = _source(args, records)
    # Read-only: reuse the Parquet cache the app or `import` left, never write one.
    export = load_export_cached(source, paths.frames_cache, write=False, columns=STATS_COLUMNS,
                                content_hash=known_hash(source, paths))
    stats = figures(export, source, paths, settings, tuple(args.qualify), records)
    return Loaded(export, stats, dict(settings.role_families))


def _source(args: argparse.Namespace, records: list) -> Path:
    """SOURCE, else the current export (gone → say so, never describe the sample instead), else the sample."""
    if args.source:
        return Path(args.source)
    if records:
        source = Path(records[-1].source)
        if not source.exists():
            from tui.core.errors import ExportError
            from tui.export.source import missing_current_export

            raise ExportError(source, missing_current_export())
        return source
    return sample_source()


def figures(export, source: Path, paths: Paths, settings, qualify: tuple[str, ...], records: list) -> dict:
    """Every figure `stats --json` prints, from the export's frames."""
    from tui.network.changes import previous_frames
    from tui.network.figures import network_stats

    previous = previous_frames(records, export.content_hash)
    strategy = _strategy(paths)
    from tui.network.companies_file import companies_file, load_company_rules

    rules = load_company_rules(companies_file(paths.config))
    stats = network_stats(
        export, settings, strategy=strategy, previous=previous, picked_families=qualify,
        companies=rules,
    )
    from datetime import date

    from tui.export.archive import archive_figures
    from tui.export.age import export_age

    return {"source": str(source), **stats, "export_age": export_age(export.exported_on, date.today()),
            "archive": archive_figures(export), "profile": _profile(export.owner),
            "across_imports": _across(records, rules)}


def _profile(owner) -> dict | None:
    """Profile.csv's industry and location (`Industry`, `Geo Location`), when the export has them."""
    if owner is None or not (owner.industry or owner.geo_location):
        return None
    return {"industry": owner.industry, "geo_location": owner.geo_location}


def stored(args: argparse.Namespace, paths: Paths) -> dict | None:
    """The figures kept in the store when SOURCE was imported, if nothing they depend on has
    changed since (standard library only); None otherwise, and always with --qualify."""
    if args.qualify or not paths.database.is_file():
        return None
    from tui.config import load_settings

    load_settings(paths.settings_file)  # a broken config.toml is said as on the frames' path
    from datetime import date

    from tui.store.queues import known_content_hash
    from tui.store.stats_answers import answer_key, find_answer
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        records = store.imports()
        source = _source(args, records)
        content = known_content_hash(store, source) or _read_hash(source)
        return find_answer(store, answer_key(content, paths, (), records), source, date.today()) if content else None
    finally:
        store.close()


def _read_hash(source: Path) -> str | None:
    """The content hash read from the files (a folder, a moved file); None when unreadable:
    the frames' path then says why."""
    from tui.core.errors import ExportError
    from tui.export.identity import read_content_hash

    try:
        return read_content_hash(source)  # its bytes are kept for the frames' read, if one follows
    except ExportError:
        return None


def remember(store, export, source: Path, paths: Paths) -> None:
    """At import, with the frames in memory: keep the figures `stats` will print for them."""
    from tui.config import load_settings
    from tui.core.errors import PasserelleError
    from tui.store.stats_answers import answer_key, save_answer

    try:
        settings = load_settings(paths.settings_file)
        records = store.imports()
        key = answer_key(export.content_hash, paths, (), records)
        save_answer(store, key, figures(export, source, paths, settings, (), records), export.exported_on)
    except PasserelleError:  # a broken config or strategy: `stats` says so itself, from the frames
        pass


def _across(records: list, rules=None) -> dict | None:
    """New, left, changed and accepted over every stored import (None with fewer than two)."""
    from tui.network.history import across_imports, load_imports

    return across_imports(load_imports(records)[0], rules)


def _check_families(picked: list[str], overrides: dict) -> None:
    from tui.core.errors import ConfigError
    from tui.network.roles import family_names, role_families

    known = family_names(role_families(overrides))
    for name in picked:
        if name not in known:
            raise ConfigError("--qualify", _("unknown role family '{name}' (known: {known})").format(
                name=name, known=", ".join(known)))


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


def known_hash(source: Path, paths: Paths) -> str | None:
    """The content hash the store (opened read-only) knows for `source` as it is now, else
    None (then the files are read to hash them)."""
    if not paths.database.is_file():
        return None
    from tui.store.queues import known_content_hash
    from tui.store.store import Store

    store = Store.open(paths.database, read_only=True)
    try:
        return known_content_hash(store, source)
    finally:
        store.close()


def _strategy(paths: Paths):
    if not paths.strategy_file.is_file():
        return None
    from tui.triage.strategy import load_strategy

    return load_strategy(paths.strategy_file)


def pct(share: float | None) -> str:
    return "–" if share is None else percent(share)


def open_people(counts: dict, people: int | None) -> str:
    """", from 51 people" when some sent more than one invitation: the app's header counts people."""
    if people is None or people == counts["open"]:
        return ""
    return ngettext(", from {count} person: some sent more than one", ", from {count} people: some sent more than one",
                    people).format(count=count(people))


def _day(iso: str) -> str:
    """An ISO day from the figures, as the language writes days."""
    from datetime import date

    return day(date.fromisoformat(iso))


def _band_meaning(stats: dict) -> str:
    """The band's meaning in the reader's language (the figures keep it English, for --json)."""
    from tui.core import bands

    return bands.meaning(stats["band"]) if stats["band"] in bands.BAND_NAMES else shown(stats["band_explained"])


def summary(stats: dict) -> str:
    """A short readable summary for the terminal."""
    inv = stats["invitations"]
    nxt = stats["next_threshold"]
    from datetime import date

    from tui.export.age import age_line

    age = stats.get("export_age")
    lines = [
        _("Source: {source}").format(source=clean(stats["source"])),
        age_line(date.fromisoformat(age["exported_on"]) if age else None, date.today()),
        *_profile_line(stats.get("profile")),
        _("Connections: {count}  (+{hidden} hidden)").format(
            count=count(stats["connections"]), hidden=count(stats["hidden_connections"])),
        _("Band: {band} — {meaning}").format(band=band_word(stats["band"]), meaning=_band_meaning(stats)),
    ]
    if nxt:
        values = {"band": band_word(nxt["band"]), "at": count(nxt["at"]), "missing": count(nxt["missing"])}
        if nxt["eta"]:
            lines.append(_("Next: {band} at {at} ({missing} to go, at this pace by {day})").format(
                **values, day=_day(nxt["eta"])))
        else:
            lines.append(_("Next: {band} at {at} ({missing} to go, no new connections in the last 90 days)").format(
                **values))
    lines.append(
        _("Invitations: received {received} ({received_open} open{people}), sent {sent} ({sent_open} open)").format(
            received=count(inv["incoming"]["total"]), received_open=count(inv["incoming"]["open"]),
            people=open_people(inv["incoming"], stats.get("people_waiting")),
            sent=count(inv["outgoing"]["total"]), sent_open=count(inv["outgoing"]["open"]),
        )
    )
    q = stats["qualified"]
    if q["count"] is not None:
        lines.append(_("Qualified contacts: {count} of {connections} ({share}, {basis})").format(
            count=count(q["count"]), connections=count(stats["connections"]), share=pct(q["share"]),
            basis=basis_word(q["basis"])))
    c = stats["concentration"]
    if c["companies_for_half"] is not None:
        lines.append(_("Concentration: {few} of {companies} companies hold half; top 20% hold {share}").format(
            few=count(c["companies_for_half"]), companies=count(c["companies"]), share=pct(c["top20_share"])))
    a = stats["active_estimate"]
    lines.append(_("Silent majority: ~{members} active ({share}) → ~{posts} posts a week").format(
        members=count(a["members"]), share=pct(a["share"]), posts=count(a["weekly_posts"])))
    m = stats["messaged"]
    lines.append(_("Messaged: {ever} ever ({share}), {last_year} in the last year").format(
        ever=count(m["ever"]), share=pct(m["ever_share"]), last_year=count(m["last_year"])))
    if stats["top_companies"]:
        top = ", ".join(f"{clean(r['company'])} {count(r['count'])}" for r in stats["top_companies"][:5])
        lines.append(_("Top companies: {companies}").format(companies=top))
    ties = (stats.get("archive") or {}).get("people_with_ties")
    if ties:
        lines.append(ngettext("Real ties: {count} person endorsed or recommended you, or you them",
                              "Real ties: {count} people endorsed or recommended you, or you them",
                              ties).format(count=count(ties)))
    across = stats.get("across_imports")
    if across:
        lines.append(_("Across your {imports} imports: {new} new, {left} left, {changed} job changes, "
                       "{accepted} invitations accepted").format(
            imports=count(across["imports"]), new=count(len(across["new"])), left=count(len(across["left"])),
            changed=count(len(across["changed"])), accepted=count(len(across["accepted"]))))
    s = stats["since_last_import"]
    if s:
        lines.append(_("Since last import: {new} new, {accepted} accepted, {changed} changed, {gone} gone").format(
            new=count(s["new_connections"]), accepted=count(s["invitations_accepted"]),
            changed=count(s["changed"]), gone=count(s["gone"])))
    return "\n".join(lines)


def _profile_line(profile: dict | None) -> list[str]:
    parts = [clean(v) for v in (profile or {}).values() if v]
    return [_("Your profile: {industry_and_location}").format(industry_and_location=" · ".join(parts))] if parts else []


def clean(text: str | None) -> str:
    """Export text printed to a terminal or Markdown: control, bidi and zero-width chars → space."""
    return strip_unsafe(text or "", replacement=" ")


def run(args: argparse.Namespace, paths: Paths) -> int:
    stats = stored(args, paths)
    if stats is None:
        stats = load(args, paths).stats
    if args.json:
        # ASCII escapes keep C1 and bidi characters from the export away from the terminal.
        print(json.dumps(stats, indent=2))
    else:
        print(summary(stats))
    return 0
