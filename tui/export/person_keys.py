"""Stable person keys: the normalised LinkedIn slug, else the normalised name.

Connections.csv percent-encodes slugs (`tom%C3%A1s`), Invitations.csv writes them raw
(`tomás`), so both sides are percent-decoded, lower-cased and NFC-normalised before joining.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

import polars as pl

# A slug is whatever follows `/in/` up to `/`, `?`, `#` or whitespace.
SLUG_RE = r"(?i)/in/([^/?#\s]+)"
_SLUG = re.compile(SLUG_RE)
_HEX = "0123456789abcdefABCDEF"
# Unicode White_Space, spelled out so Python and Polars (Rust regex) agree exactly.
_WS = r"[\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
_WS_RE = re.compile(_WS)
# `%XY` seen as hex-encoded UTF-8 tokens ("25 58 59 ") → the byte token ("xy ").
_PERCENT_TOKENS = {
    f"25 {ord(a):02x} {ord(b):02x} ": f"{a}{b} ".lower() for a in _HEX for b in _HEX
}
# Valid UTF-8, byte by byte, as space-separated hex tokens (rejects overlongs/surrogates),
# so the Binary → String cast below can never fail.
_C = "[89ab][0-9a-f] "
_UTF8_TOKENS = (
    "^(?:[0-7][0-9a-f] "
    f"|(?:c[2-9a-f]|d[0-9a-f]) {_C}"
    f"|e0 [ab][0-9a-f] {_C}|(?:e[1-9a-c]|e[ef]) {_C}{_C}|ed [89][0-9a-f] {_C}"
    f"|f0 [9ab][0-9a-f] {_C}{_C}|f[1-3] {_C}{_C}{_C}|f4 8[0-9a-f] {_C}{_C}"
    ")*$"
)


def _percent_decode(slug: pl.Expr) -> pl.Expr:
    """Percent-decode in Polars; values that don't decode to valid UTF-8 stay as they are."""
    tokens = slug.str.encode("hex").str.extract_all(r"..").list.join(" ") + pl.lit(" ")
    decoded = tokens.str.replace_many(
        list(_PERCENT_TOKENS), list(_PERCENT_TOKENS.values())
    )
    valid = decoded.str.contains(_UTF8_TOKENS)
    safe_hex = pl.when(valid).then(decoded.str.replace_all(" ", "", literal=True)).otherwise(
        pl.lit("")
    )
    as_text = safe_hex.str.decode("hex").cast(pl.String)
    return (
        pl.when(slug.str.contains("%", literal=True) & valid).then(as_text).otherwise(slug)
    )


def slug_expr(url: pl.Expr) -> pl.Expr:
    """The raw slug of a `/in/<slug>` URL, else null (bare `/in`, URNs, other sites)."""
    return url.cast(pl.String).str.extract(SLUG_RE, 1)


def profile_key_expr(url: pl.Expr, name: pl.Expr) -> pl.Expr:
    """`in:<slug>` when the URL names a profile, else `name:<name>`, else null."""
    slug = slug_expr(url)
    slug_key = _percent_decode(slug).str.to_lowercase().str.normalize("NFC")
    clean_name = (
        name.cast(pl.String)
        .str.replace_all(_WS, " ")
        .str.strip_chars(" ")
        .str.to_lowercase()
        .str.normalize("NFC")
    )
    return (
        pl.when(slug.is_not_null() & (slug_key.str.len_chars() > 0))
        .then(pl.lit("in:") + slug_key)
        .when(clean_name.is_not_null() & (clean_name.str.len_chars() > 0))
        .then(pl.lit("name:") + clean_name)
        .otherwise(pl.lit(None, dtype=pl.String))
    )


def profile_key(url: str | None, name: str | None) -> str | None:
    """The same key as `profile_key_expr`, for one person in plain Python."""
    match = _SLUG.search(url or "")
    if match:
        slug = match.group(1)
        if "%" in slug:
            try:
                slug = unquote(slug, errors="strict")
            except UnicodeDecodeError:
                pass
        slug = unicodedata.normalize("NFC", slug.lower())
        if slug:
            return "in:" + slug
    clean = _WS_RE.sub(" ", name or "").strip(" ").lower()
    clean = unicodedata.normalize("NFC", clean)
    return "name:" + clean if clean else None


def _slug_keys(urls: pl.LazyFrame) -> pl.LazyFrame:
    """(__u, __uk): `in:` keys for distinct URLs holding a slug.

    Only slugs with a `%` go through the percent-decoding stages (Polars evaluates both
    when/then branches on every row, so splitting the rows is what saves the work).
    """
    slugs = urls.with_columns(__slug=slug_expr(pl.col("__u"))).filter(pl.col("__slug").is_not_null())
    has_pct = pl.col("__slug").str.contains("%", literal=True)
    plain = slugs.filter(~has_pct).select("__u", __sk=pl.col("__slug"))
    tokens = (pl.col("__slug").str.encode("hex").str.extract_all(r"..").list.join(" ") + pl.lit(" "))
    encoded = (
        slugs.filter(has_pct)
        .with_columns(__tok=tokens.str.replace_many(list(_PERCENT_TOKENS), list(_PERCENT_TOKENS.values())))
        .with_columns(__ok=pl.col("__tok").str.contains(_UTF8_TOKENS).fill_null(False))
        .with_columns(
            __hex=pl.when("__ok").then(pl.col("__tok").str.replace_all(" ", "", literal=True)).otherwise(pl.lit(""))
        )
        .select(
            "__u",
            __sk=pl.when("__ok").then(pl.col("__hex").str.decode("hex").cast(pl.String)).otherwise("__slug"),
        )
    )
    sk = pl.col("__sk").str.to_lowercase().str.normalize("NFC")
    return pl.concat([plain, encoded]).select(
        "__u", __uk=pl.when(sk.str.len_chars() > 0).then(pl.lit("in:") + sk)
    )


def _name_keys(names: pl.LazyFrame) -> pl.LazyFrame:
    """(__n, __nk): `name:` keys for distinct names."""
    clean = pl.col("__n").str.replace_all(_WS, " ").str.strip_chars(" ").str.to_lowercase().str.normalize("NFC")
    return names.select("__n", __nk=pl.when(clean.str.len_chars() > 0).then(pl.lit("name:") + clean))


def add_profile_key(frame: pl.DataFrame, url: str | None, name: str | None, out: str = "key") -> pl.DataFrame:
    """`frame` plus column `out` = profile key; same result as `profile_key_expr`, faster.

    Keys are computed once per distinct URL, then once per distinct name among the rows
    the URL left without a key, in one lazy query joined back to the rows: a 50,000-row
    file holds a few thousand people, and most rows with a URL never need their name.
    """
    query = frame.lazy().with_columns(
        __u=pl.col(url).cast(pl.String) if url else pl.lit(None, dtype=pl.String),
        __n=pl.col(name).cast(pl.String) if name else pl.lit(None, dtype=pl.String),
    )
    if url:
        urls = query.select("__u").unique().drop_nulls()
        query = query.join(_slug_keys(urls), on="__u", how="left", maintain_order="left")
    else:
        query = query.with_columns(__uk=pl.lit(None, dtype=pl.String))
    if name:
        names = query.filter(pl.col("__uk").is_null()).select("__n").unique().drop_nulls()
        query = query.join(_name_keys(names), on="__n", how="left", maintain_order="left")
    else:
        query = query.with_columns(__nk=pl.lit(None, dtype=pl.String))
    key = pl.coalesce("__uk", "__nk").alias(out)
    return query.with_columns(key).drop("__u", "__n", "__uk", "__nk").collect()


# Where Unicode case folding differs from lower-casing, for the letters names carry.
_FOLD = {"ß": "ss", "ς": "σ", "ſ": "s", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
         "ﬅ": "st", "ﬆ": "st"}


def name_match_expr(name: pl.Expr) -> pl.Expr:
    """A name to match people on: NFC, case-folded, white space collapsed; null when blank.

    Used where no profile URL exists (Invitations with URNs or a bare `/in`, recommendations):
    real Invitations names carry double spaces (`Marie  Dupont`).
    """
    clean = (
        name.cast(pl.String).str.normalize("NFC").str.to_lowercase()
        .str.replace_many(list(_FOLD), list(_FOLD.values()))
        .str.replace_all(_WS, " ").str.strip_chars(" ")
    )
    return pl.when(clean.str.len_chars() > 0).then(clean)

