"""The user's written contact strategy (TOML) → suggestions with the rule that fired.

Regexes from the file are only ever run by Polars (Rust `regex`, linear time), so a
pattern like `(a+)+$` can't hang the app; they are validated by compiling them there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from tui.core import phrasebook
from tui.core.errors import ConfigError
from tui.core.files import read_small_file
from tui.core.toml_files import parse_toml
from tui.triage.queue_frames import RECEIVED_DECISIONS, regex_escape
from tui.triage.strategy_starter import STARTER_STRATEGY, starter_strategy  # noqa: F401 - for `strategy --init`
from tui.i18n import _

MAX_BYTES = 1_000_000
FIELDS = {"company": "company", "name": "name", "title": "position", "url": "url"}
MATCHES = ("exact", "contains", "regex")
BOOL_CONDITIONS = ("has_note", "suspicious", "bridge", "messaged_before", "mass_invite", "target")
CONDITIONS = BOOL_CONDITIONS + ("waited_days_over", "note_contains", "tag")
RULE_KEYS = ("name", "when", "decide", "reason")
TOP_KEYS = ("targets", "protected", "refused", "rules")
TARGET_KEYS = ("sectors", "roles", "keywords")



@dataclass(frozen=True)
class Entry:
    """One protected or refused entry."""

    field: str
    match: str
    value: str

    def describe(self) -> str:
        """`company contains 'Acme'`, in English as stored (`phrasebook.describe` shows it)."""
        said = {"exact": phrasebook.ENTRY_IS, "contains": phrasebook.ENTRY_CONTAINS,
                "regex": phrasebook.ENTRY_MATCHES}[self.match]
        return said(field=self.field, value=self.value)


@dataclass(frozen=True)
class Rule:
    """An ordered rule: when all conditions hold, suggest `decide` because `reason`."""

    name: str
    when: tuple[tuple[str, Any], ...]
    decide: str
    reason: str


@dataclass(frozen=True)
class Strategy:
    """A loaded strategy file; `Strategy()` is the empty strategy (suggests nothing)."""

    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    protected: tuple[Entry, ...] = ()
    refused: tuple[Entry, ...] = ()
    rules: tuple[Rule, ...] = ()
    source: str = ""

    @property
    def targets(self) -> tuple[str, ...]:
        return self.sectors + self.roles + self.keywords

    @property
    def suggests_anything(self) -> bool:
        return bool(self.rules or self.protected or self.refused)


class _Lines:
    """Find the line a key sits on, within the n-th [[table]] block when known."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.blocks: dict[str, list[int]] = {}
        for i, line in enumerate(self.lines):
            head = re.match(r"\s*\[\[?\s*([A-Za-z0-9_\-]+)\s*\]?\]", line)
            if head:
                self.blocks.setdefault(head.group(1), []).append(i)

    def of(self, key: str, table: str | None = None, index: int | None = None) -> int | None:
        start, end = 0, len(self.lines)
        if table in self.blocks:
            starts = self.blocks[table]
            if index is not None and index < len(starts):
                start = starts[index]
                later = [s for b in self.blocks.values() for s in b if s > start]
                end = min(later, default=end)
        pattern = re.compile(rf"(^|[\s{{,\[.]){re.escape(key)}\s*(=|\]|\.)")
        for i in range(start, end):
            if pattern.search(self.lines[i].split("#", 1)[0]):
                return i + 1
        return start + 1 if table in self.blocks else None


def regex_problem(pattern: str) -> str | None:
    """Compile `pattern` with Polars' engine; return its complaint or None when valid."""
    try:
        pl.select(pl.lit("", dtype=pl.Utf8).str.contains(pattern))
    except pl.exceptions.PolarsError as exc:
        text = str(exc)
        found = re.findall(r"^error: (.+)$", text, re.M)
        if found:
            return found[-1].strip()
        return _("compiled regex too large") if "size limit" in text else _("invalid regex")
    return None


def load_strategy(path: Path) -> Strategy:
    """Read and validate a strategy file; raise ConfigError naming the line."""
    try:  # a FIFO or a link to /dev/zero is refused before anything is read
        raw_bytes = read_small_file(Path(path), MAX_BYTES)
    except FileNotFoundError:
        raise ConfigError(path, _("no strategy file (create one with: passerelle strategy --init)")) from None
    raw, text = parse_toml(path, raw_bytes)
    return _build(Path(path), raw, _Lines(text))


def _build(path: Path, raw: dict[str, Any], lines: _Lines) -> Strategy:
    def fail(reason: str, key: str, table: str | None = None, index: int | None = None) -> None:
        raise ConfigError(path, reason, line=lines.of(key, table, index))

    for key in raw:
        if key not in TOP_KEYS:
            fail(_("unknown section '{key}' (known: {top_keys})").format(key=key, top_keys=', '.join(TOP_KEYS)), key)
    targets = raw.get("targets", {})
    if not isinstance(targets, dict):
        fail(_("[targets] must be a table"), "targets")
    found: dict[str, tuple[str, ...]] = {}
    for key, value in targets.items():
        if key not in TARGET_KEYS:
            fail(_("unknown key '{key}' in [targets] (known: {target_keys})").format(key=key, target_keys=', '.join(TARGET_KEYS)), key, "targets")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(_("targets.{key} must be a list of texts").format(key=key), key, "targets")
        found[key] = tuple(v.strip() for v in value if v.strip())
    lists = {}
    for table in ("protected", "refused"):
        entries = raw.get(table, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            fail(_("{table} must be written as [[{table}]] tables").format(table=table), table)
        lists[table] = tuple(_entry(e, table, i, fail) for i, e in enumerate(entries))
    rules = raw.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        fail(_("rules must be written as [[rules]] tables"), "rules")
    built = tuple(_rule(r, i, fail) for i, r in enumerate(rules))
    return Strategy(
        sectors=found.get("sectors", ()), roles=found.get("roles", ()),
        keywords=found.get("keywords", ()), protected=lists["protected"],
        refused=lists["refused"], rules=built, source=str(path),
    )


def _entry(item: dict[str, Any], table: str, i: int, fail: Any) -> Entry:
    for key in item:
        if key not in ("field", "match", "value"):
            fail(_("unknown key '{key}' in [[{table}]] #{number} (known: field, match, value)").format(key=key, table=table, number=i + 1), key, table, i)
    field, match, value = item.get("field"), item.get("match", "contains"), item.get("value")
    if field not in FIELDS:
        fail(_("[[{table}]] #{number}: field must be one of {fields}").format(table=table, number=i + 1, fields=', '.join(FIELDS)), "field", table, i)
    if match not in MATCHES:
        fail(_("[[{table}]] #{number}: match must be one of {matches}").format(table=table, number=i + 1, matches=', '.join(MATCHES)), "match", table, i)
    if not isinstance(value, str) or not value.strip():
        fail(_("[[{table}]] #{number}: value must be a non-empty text").format(table=table, number=i + 1), "value", table, i)
    if match == "regex":
        problem = regex_problem(value)
        if problem:
            fail(_("[[{table}]] #{number}: bad regex: {problem}").format(table=table, number=i + 1, problem=problem), "value", table, i)
    return Entry(field, match, value)


def _rule(item: dict[str, Any], i: int, fail: Any) -> Rule:
    label = _("rule #{number}").format(number=i + 1)
    for key in item:
        if key not in RULE_KEYS:
            fail(_("{label}: unknown key '{key}' (known: {rule_keys})").format(label=label, key=key, rule_keys=', '.join(RULE_KEYS)), key, "rules", i)
    name = item.get("name", f"rule {i + 1}")
    if not isinstance(name, str) or not name.strip():
        fail(_("{label}: name must be a non-empty text").format(label=label), "name", "rules", i)
    label = _("rule '{name}'").format(name=name)
    when = item.get("when", {})
    if not isinstance(when, dict):
        fail(_("{label}: when must be a table like {{ has_note = true }}").format(label=label), "when", "rules", i)
    conditions: list[tuple[str, Any]] = []
    for key, value in when.items():
        if key not in CONDITIONS:
            fail(_("{label}: unknown condition '{key}' (known: {conditions})").format(label=label, key=key, conditions=', '.join(CONDITIONS)), key, "rules", i)
        if key in BOOL_CONDITIONS and not isinstance(value, bool):
            fail(_("{label}: {key} must be true or false").format(label=label, key=key), key, "rules", i)
        if key == "waited_days_over" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            fail(_("{label}: waited_days_over must be a whole number of days").format(label=label), key, "rules", i)
        if key in ("note_contains", "tag") and (not isinstance(value, str) or not value.strip()):
            fail(_("{label}: {key} must be a non-empty text").format(label=label, key=key), key, "rules", i)
        conditions.append((key, value))
    decide = item.get("decide")
    if decide not in RECEIVED_DECISIONS:
        fail(_("{label}: decide must be one of {received_decisions}").format(label=label, received_decisions=', '.join(RECEIVED_DECISIONS)), "decide", "rules", i)
    reason = item.get("reason", "")
    if not isinstance(reason, str):
        fail(_("{label}: reason must be text").format(label=label), "reason", "rules", i)
    return Rule(name.strip(), tuple(conditions), decide, reason.strip() or name.strip())


def reload(path: Path, last_good: Strategy | None) -> tuple[Strategy, ConfigError | None]:
    """Load `path`; on error keep `last_good` (or the empty strategy) and return the error.

    A missing file is not an error: there is simply no strategy yet.
    """
    if not Path(path).exists():
        return Strategy(), None
    try:
        return load_strategy(path), None
    except ConfigError as exc:
        return (last_good or Strategy()), exc


# ---- evaluation (Polars only) ------------------------------------------------------------

def _col(frame_columns: list[str], name: str) -> pl.Expr:
    return pl.col(name) if name in frame_columns else pl.lit(None, dtype=pl.Utf8)


def target_expr(strategy: Strategy, columns: tuple[str, ...] = ("company", "position")) -> pl.Expr:
    """True where any of `columns` holds a target sector/role/keyword (whole words, any case)."""
    words = [w for w in strategy.targets if w]
    if not words or not columns:
        return pl.lit(False)
    alts = "|".join(
        (r"\b" if w[0].isalnum() else "") + regex_escape(w) + (r"\b" if w[-1].isalnum() else "")
        for w in words
    )
    text = pl.concat_str([pl.col(c) for c in columns], separator=" | ", ignore_nulls=True)
    return text.str.contains(f"(?i)(?:{alts})").fill_null(False)


def is_target(frame: pl.DataFrame, strategy: Strategy) -> pl.Expr:
    """`target_expr` over whichever of company, position and note the frame has."""
    return target_expr(strategy, tuple(c for c in ("company", "position", "note") if c in frame.columns))


def _entry_expr(entry: Entry, columns: list[str]) -> pl.Expr:
    value = _col(columns, FIELDS[entry.field]).cast(pl.Utf8)
    if entry.match == "regex":
        hit = value.str.contains(entry.value)
    elif entry.match == "contains":
        hit = value.str.to_lowercase().str.contains(entry.value.lower(), literal=True)
    else:
        norm = value.str.strip_chars().str.to_lowercase()
        target = entry.value.strip().lower()
        if entry.field == "url":
            norm, target = norm.str.strip_chars_end("/"), target.rstrip("/")
        hit = norm == target
    return hit.fill_null(False)


def _rule_expr(rule: Rule, frame: pl.DataFrame, strategy: Strategy) -> pl.Expr:
    columns = frame.columns
    parts: list[pl.Expr] = []
    for key, value in rule.when:
        if key == "target":
            cond = is_target(frame, strategy)
        elif key == "waited_days_over":
            cond = _col(columns, "waited_days").cast(pl.Int64) > value
        elif key == "tag":  # `tags`: list of the person's tags, when the queue carries them
            tag = " ".join(value.split()).lower()
            cond = pl.col("tags").list.contains(tag) if "tags" in columns else pl.lit(False)
        elif key == "note_contains":
            cond = _col(columns, "note").str.to_lowercase().str.contains(value.lower(), literal=True)
        else:
            cond = _col(columns, key).cast(pl.Boolean)
        cond = cond.fill_null(False)
        parts.append(cond if value is not False else ~cond)
    return pl.all_horizontal(parts) if parts else pl.lit(True)


def rule_name(name: str) -> str:
    """A rule as people read it: the two branches (stored as rule names) translated, the user's
    own rules as written."""
    branches = (phrasebook.PROTECTED_RULE(), phrasebook.REFUSED_RULE())
    return phrasebook.describe(name) if name in branches else name


def _outcomes(strategy: Strategy) -> list[tuple[str, str, str]]:
    """(rule, suggestion, reason) per branch, in evaluation order."""
    out = [("protected", "accept", phrasebook.PROTECTED_BECAUSE(what=e.describe())) for e in strategy.protected]
    out += [("refused", "ignore", phrasebook.REFUSED_BECAUSE(what=e.describe())) for e in strategy.refused]
    out += [(r.name, r.decide, r.reason) for r in strategy.rules]
    return out


def _branch_index(frame: pl.DataFrame, strategy: Strategy) -> pl.Expr:
    conditions = [_entry_expr(e, frame.columns) for e in strategy.protected]
    conditions += [_entry_expr(e, frame.columns) for e in strategy.refused]
    conditions += [_rule_expr(r, frame, strategy) for r in strategy.rules]
    if not conditions:
        return pl.lit(None, dtype=pl.Int64)
    chain: Any = pl.when(conditions[0]).then(pl.lit(0, dtype=pl.Int64))
    for i, cond in enumerate(conditions[1:], start=1):
        chain = chain.when(cond).then(pl.lit(i, dtype=pl.Int64))
    return chain.otherwise(pl.lit(None, dtype=pl.Int64))


def suggest(frame: pl.DataFrame, strategy: Strategy) -> pl.DataFrame:
    """Add suggestion, suggestion_reason and rule (first match wins; null when none)."""
    outcomes = _outcomes(strategy)
    idx = _branch_index(frame, strategy)
    pick = lambda n: idx.replace_strict(  # noqa: E731
        list(range(len(outcomes))), [o[n] for o in outcomes], default=None, return_dtype=pl.Utf8)
    if not outcomes:
        none = pl.lit(None, dtype=pl.Utf8)
        return frame.with_columns(none.alias("suggestion"), none.alias("suggestion_reason"), none.alias("rule"))
    return frame.with_columns(
        pick(1).alias("suggestion"), pick(2).alias("suggestion_reason"), pick(0).alias("rule")
    )


def rule_counts(frame: pl.DataFrame, strategy: Strategy) -> dict[str, int]:
    """How many open rows (pending, when the frame says) each rule decides."""
    if "pending" in frame.columns:
        frame = frame.filter(pl.col("pending"))
    counts = suggest(frame, strategy).group_by("rule").len().drop_nulls("rule")
    return dict(zip(counts["rule"].to_list(), counts["len"].to_list(), strict=True))


def preview(frame: pl.DataFrame, old: Strategy | None, new: Strategy) -> list[tuple[str, int, int]]:
    """(rule, open rows it decides now, after the change) — new rules first, then removed ones."""
    before = rule_counts(frame, old) if old is not None else {}
    after = rule_counts(frame, new)
    names = list(dict.fromkeys([o[0] for o in _outcomes(new)] + [o[0] for o in _outcomes(old or Strategy())]))
    return [(n, before.get(n, 0), after.get(n, 0)) for n in names]
