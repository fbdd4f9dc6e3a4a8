"""Composer data: recipients, advice for one person, monthly/weekly budgets, follow-up ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import polars as pl

from tui.core.errors import ConfigError
from tui.export.person_keys import profile_key
from tui.network.figures import band
from tui.core.search import PeopleIndex, fold_expr, nearest, query_words
from tui.composer.templates import clean_value
from tui.i18n import N_, _

PEOPLE_SCHEMA = {
    "key": pl.String,
    "full_name": pl.String,
    "first_name": pl.String,
    "last_name": pl.String,
    "company": pl.String,
    "position": pl.String,
    "url": pl.String,
    "source": pl.String,
    "search": pl.String,
}

# Words that show the note proposes something outside LinkedIn (EN + FR).
_OUTSIDE = r"(?i)\b(call|phone|e-?mail|coffee|meet|appel|téléphone|telephone|café|rencontr|visio|zoom)"


@dataclass(frozen=True)
class Recipient:
    """Who the note is for; connection_count is only known when the user types it."""

    full_name: str
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    position: str = ""
    url: str = ""
    key: str | None = None
    connection_count: int | None = None

    @classmethod
    def from_row(cls, row: dict, connection_count: int | None = None) -> Recipient:
        full = clean_value(row.get("full_name"))
        first = clean_value(row.get("first_name"))
        last = clean_value(row.get("last_name"))
        if full and not first:
            first, _, last = full.partition(" ")
        return cls(
            full_name=full or " ".join(p for p in (first, last) if p),
            first_name=first,
            last_name=last,
            company=clean_value(row.get("company")),
            position=clean_value(row.get("position")),
            url=clean_value(row.get("url")),
            key=row.get("key") or profile_key(row.get("url"), full),
            connection_count=connection_count,
        )


@dataclass(frozen=True)
class Advice:
    kind: str  # band, length, outside, follow-up, no-note
    text: str


@dataclass(frozen=True)
class Budget:
    used: int
    limit: int

    @property
    def share(self) -> float:
        return self.used / self.limit if self.limit else 1.0

    @property
    def over(self) -> bool:
        return self.used >= self.limit


@dataclass(frozen=True)
class Budgets:
    notes: Budget  # personalised notes this calendar month
    invitations: Budget  # invitations in the last 7 days
    warning: str


MASS_WARNING = N_(
    "Invite people you have a reason to write to. Mass invitations are mostly ignored, and "
    "many pending or ignored invitations get an account restricted."
)


TYPED_IN = N_("typed in")  # `_()` where shown: how the screens mark a company or position the user typed with `e`


def typed_info(info: pl.DataFrame | None, key: str | None) -> dict:
    """What the user typed about this person (`e`): company, position, connection_count,
    only the fields they filled in."""
    if info is None or key is None or info.height == 0:
        return {}
    found = info.filter(pl.col("key") == key)
    if found.height == 0:
        return {}
    row = found.row(0, named=True)
    return {k: row[k] for k in ("company", "position", "connection_count") if row.get(k) not in (None, "")}


def with_typed_info(row: dict, info: pl.DataFrame | None) -> tuple[dict, int | None]:
    """A person's row with the company and position the user typed in place of the export's
    (what the user typed is what they know now), and the connection count they typed."""
    typed = typed_info(info, row.get("key"))
    merged = {**row, **{k: v for k, v in typed.items() if k in ("company", "position")}}
    return merged, typed.get("connection_count")


def my_name_for(configured: str, owner: object | None) -> str:
    """The sender's name: the one set in config.toml, else the export owner's (Profile.csv)."""
    if configured.strip():
        return configured.strip()
    return (getattr(owner, "full_name", "") or "").strip()


def values_for(recipient: Recipient, my_name: str = "", event: str = "", relay_name: str = "",
               met: str = "") -> dict[str, str]:
    """Placeholder values for a recipient; empty strings count as missing."""
    return {
        "first_name": recipient.first_name,
        "last_name": recipient.last_name,
        "full_name": recipient.full_name,
        "company": recipient.company,
        "position": recipient.position,
        "my_first_name": my_name.split(" ")[0] if my_name.strip() else "",
        "my_name": my_name.strip(),
        "event": event,
        "relay_name": relay_name,
        "met": met,
    }


def people_frame(connections: pl.DataFrame, invitations: pl.DataFrame) -> pl.DataFrame:
    """Everyone the composer can write to: connections, then invitation counterparts, one row per key."""
    conns = connections.select(
        "key", "full_name", "first_name", "last_name", "company", "position", "url",
        pl.lit("connection").alias("source"),
    )
    name = pl.col("counterpart_name").str.strip_chars()
    invs = invitations.select(
        "key",
        name.alias("full_name"),
        name.str.split(" ").list.first().alias("first_name"),
        name.str.splitn(" ", 2).struct.field("field_1").alias("last_name"),
        pl.lit(None, pl.String).alias("company"),
        pl.lit(None, pl.String).alias("position"),
        pl.col("counterpart_url").alias("url"),
        pl.when(pl.col("direction") == "INCOMING").then(pl.lit("received")).otherwise(pl.lit("sent")).alias("source"),
    )
    both = pl.concat([conns, invs], how="vertical_relaxed").filter(pl.col("key").is_not_null())
    both = both.unique(subset="key", keep="first", maintain_order=True)
    search = pl.concat_str(
        [pl.col(c).fill_null("") for c in ("full_name", "company", "position")], separator=" "
    )
    # Raw here: folding 35,000 rows takes ~0.3 s, so PeopleIndex folds it where it can wait.
    return both.with_columns(search.alias("search")).cast(PEOPLE_SCHEMA)


def find_people(people: pl.DataFrame, query: str, limit: int = 20) -> pl.DataFrame:
    """Word-prefix matches, then fuzzy ones, case, accents and ligatures folded (see search)."""
    return PeopleIndex.of(people).find(query, limit)


def find_person(people: pl.DataFrame, wanted: str) -> dict:
    """One person by profile URL or full name (case, accents folded); ConfigError otherwise,
    naming the three nearest names when nobody has this one."""
    wanted = wanted.strip()
    if "linkedin.com/in/" in wanted.lower() or wanted.lower().startswith("/in/"):
        key = profile_key(wanted, None)
        found = people.filter(pl.col("key") == key) if key else people.clear()
    else:
        name = " ".join(query_words(wanted))
        found = people.filter(fold_expr(pl.col("full_name")).str.extract_all(r"\w+").list.join(" ") == name)
    if found.height == 0:
        nearest = _nearest_names(people, wanted)
        hint = _("; nearest: {names}").format(names=", ".join(f'"{n}"' for n in nearest)) if nearest \
            else _(" (try the profile URL)")
        raise ConfigError("--to", _("no connection or invitation matches this person{hint}").format(hint=hint))
    if found.height > 1:
        raise ConfigError("--to", _("{count} people have this name; give the profile URL instead").format(count=found.height))
    return found.row(0, named=True)


def _nearest_names(people: pl.DataFrame, wanted: str) -> list[str]:
    """The three full names nearest to `wanted` (fuzzy, folded), as one would retype them."""
    names = people["full_name"].fill_null("").to_list()
    return [clean_value(names[i]) for i in nearest(wanted, names, 3)]


def advice(recipient: Recipient | None, text: str, length: int, limit: int, follow_up_days: int = 7) -> list[Advice]:
    """Short, concrete advice for this note and this recipient (domain notes, our words)."""
    out: list[Advice] = []
    count = recipient.connection_count if recipient else None
    if count is None:
        out.append(Advice("band", _("Their connection count is unknown (the export doesn't hold it); type it in if you can see it.")))
    elif band(count) == "starting":
        out.append(Advice("band", _("{count} connections: they may never see the invitation. Try to get an email or phone number instead.").format(count=count)))
    elif band(count) == "selective":
        out.append(Advice("band", _("{count} connections: they choose whom they accept, so add a note.").format(count=count)))
    else:
        out.append(Advice("band", _("{count} connections: they accept widely; a note is optional.").format(count=count)))
    if not text.strip():
        out.append(Advice("no-note", _("No note: light, but it leaves the initiative to them and saves a monthly note.")))
        return out
    if length > limit:
        out.append(Advice("length", _("{count} characters over the {limit} limit: LinkedIn will not take it.").format(
            count=length - limit, limit=limit)))
    else:
        out.append(Advice("length", _("Keep it short: many notes are never read on mobile, so put the point first.")))
    if not pl.Series([text]).str.contains(_OUTSIDE).item():
        out.append(Advice("outside", _("Propose something outside LinkedIn: a short call or an email exchange.")))
    if "?" in text:
        out.append(Advice("follow-up", _("The note asks something: plan a follow-up (marking it sent sets one in {count} days).").format(
            count=follow_up_days)))
    return out


def _sent_drafts(drafts: pl.DataFrame) -> pl.DataFrame:
    return drafts.filter(pl.col("sent_at").is_not_null())


def budgets(drafts: pl.DataFrame, invitations: pl.DataFrame, notes_per_month: int, invitations_per_week: int, today: date) -> Budgets:
    """Notes this calendar month and invitations in the last 7 days, from the export and sent drafts.

    A draft and an export invitation to the same person count once (the later export
    holds the invitation the draft recorded).
    """
    month_start = datetime(today.year, today.month, 1)
    week_start = datetime.combine(today - timedelta(days=6), datetime.min.time())
    end = datetime.combine(today + timedelta(days=1), datetime.min.time())
    out_inv = invitations.filter(pl.col("direction") == "OUTGOING").select(
        "key",
        pl.col("sent_at").cast(pl.Datetime("us")).alias("at"),
        (pl.col("message").fill_null("").str.strip_chars() != "").alias("with_note"),
    )
    sent = _sent_drafts(drafts).select(
        "key",
        pl.col("sent_at").cast(pl.Datetime("us")).alias("at"),
        (pl.col("text").fill_null("").str.strip_chars() != "").alias("with_note"),
    )
    events = pl.concat([out_inv, sent], how="vertical_relaxed")

    def count(frame: pl.DataFrame) -> int:
        keyed = frame.filter(pl.col("key").is_not_null())["key"].n_unique()
        return keyed + frame.filter(pl.col("key").is_null()).height

    notes = count(events.filter(pl.col("with_note") & (pl.col("at") >= month_start) & (pl.col("at") < end)))
    week = count(events.filter((pl.col("at") >= week_start) & (pl.col("at") < end)))
    inv = Budget(week, invitations_per_week)
    warning = _(MASS_WARNING)
    if inv.over:
        warning = _("{count} invitations this week: stop here for now. {advice}").format(count=week, advice=warning)
    elif inv.share >= 0.8:
        warning = _("{count} invitations this week: close to the weekly limit. {advice}").format(count=week, advice=warning)
    return Budgets(Budget(notes, notes_per_month), inv, warning)


def ledger_rows(drafts: pl.DataFrame, connections: pl.DataFrame) -> pl.DataFrame:
    """Each draft marked sent, with `accepted` (the person is a connection in the current export)."""
    conns = connections.select("key", pl.col("connected_on").alias("_on")).filter(pl.col("key").is_not_null())
    conns = conns.unique(subset="key", keep="first")
    sent = _sent_drafts(drafts).with_columns(pl.col("sent_at").cast(pl.Datetime("us")))
    joined = sent.join(conns, on="key", how="left", coalesce=True)
    # Connected before the note was sent means the note did not win the acceptance.
    accepted = pl.col("_in") & (pl.col("_on").is_null() | (pl.col("_on") >= pl.col("sent_at").dt.date()))
    joined = joined.with_columns(pl.col("key").is_in(conns["key"].implode()).alias("_in"))
    return joined.with_columns(accepted.fill_null(False).alias("accepted")).drop("_in", "_on")


def ledger(drafts: pl.DataFrame, connections: pl.DataFrame) -> pl.DataFrame:
    """Acceptance per template: template, sent, accepted, rate (0–1), most sent first."""
    rows = ledger_rows(drafts, connections).filter(pl.col("template").fill_null("").str.strip_chars() != "")
    return (
        rows.group_by("template")
        .agg(pl.len().cast(pl.Int64).alias("sent"), pl.col("accepted").sum().cast(pl.Int64).alias("accepted"))
        .with_columns((pl.col("accepted") / pl.col("sent")).alias("rate"))
        .sort(["sent", "template"], descending=[True, False])
    )
