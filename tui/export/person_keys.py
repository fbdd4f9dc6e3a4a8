"""Stable person keys: the normalised LinkedIn slug, else the normalised name.

Connections.csv percent-encodes slugs (`tom%C3%A1s`), Invitations.csv writes them raw
(`tomás`), so both sides are percent-decoded, lower-cased and NFC-normalised before joining.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Callable
from urllib.parse import unquote_to_bytes

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
    if match and (slug := _slug_text(match.group(1))):
        return "in:" + slug
    clean = _name_text(name or "")
    return "name:" + clean if clean else None


def _slug_keys(urls: pl.Series) -> pl.DataFrame:
    """(__u, __uk): `in:` keys for distinct URLs holding a slug (see `_keys`)."""
    slugs = urls.to_frame("__u").with_columns(__slug=slug_expr(pl.col("__u"))).drop_nulls("__slug")
    return _keys(slugs, "__u", "__slug", "__uk", "in:", r"^[\x00-\x24\x26-\x7f]*$",  # ASCII, no `%`
                 pl.col("__slug").str.to_lowercase(), _slug_text)


def _name_keys(names: pl.Series) -> pl.DataFrame:
    """(__n, __nk): `name:` keys for distinct names (see `_keys`)."""
    return _keys(names.to_frame("__n"), "__n", "__n", "__nk", "name:", r"^[\x00-\x7f]*$",
                 pl.col("__n").str.replace_all(_WS, " ").str.strip_chars(" ").str.to_lowercase(), _name_text)


def _keys(frame: pl.DataFrame, by: str, text: str, out: str, prefix: str, plain: str,
          in_polars: pl.Expr, in_python: Callable[[str], str]) -> pl.DataFrame:
    """(by, out): `prefix` + the key text of each `text`, null when blank.

    Values matching `plain` (ASCII: their key is their lower case) are done in Polars; the
    others (accents, percent-encoding) in Python, as `profile_key` does: 12,000 accented
    slugs of a 30,000-row Connections.csv take ~45 ms there, against ~300 ms for the hex-token
    rewrite of `_percent_decode` (kept for `profile_key_expr`) and 40-100 ms more for Polars'
    NFC pass, which ASCII text does not need.
    """
    simple = frame.get_column(text).str.contains(plain)
    other = frame.filter(~simple)
    done = pl.Series([in_python(v) for v in other.get_column(text).to_list()], dtype=pl.String)
    keyed = pl.concat([frame.filter(simple).select(by, __k=in_polars), other.select(by, __k=done)])
    return keyed.select(by, pl.when(pl.col("__k").str.len_chars() > 0).then(pl.lit(prefix) + pl.col("__k")).alias(out))


@lru_cache(maxsize=1 << 16)  # pure; messages.csv repeats the slugs Connections.csv decoded
def _slug_text(slug: str) -> str:
    """Percent-decoded when that gives valid UTF-8 (else as written), lower-cased, NFC."""
    if "%" in slug:
        try:  # the whole string's bytes: valid UTF-8 exactly when `unquote(errors="strict")` is
            slug = unquote_to_bytes(slug).decode("utf-8")
        except UnicodeError:
            pass
    return unicodedata.normalize("NFC", slug.lower())


def _name_text(name: str) -> str:
    """White space collapsed, trimmed, lower-cased, NFC."""
    return unicodedata.normalize("NFC", _WS_RE.sub(" ", name).strip(" ").lower())


def add_profile_key(frame: pl.DataFrame, url: str | None, name: str | None, out: str = "key") -> pl.DataFrame:
    """`frame` plus column `out` = profile key; same result as `profile_key_expr`, faster.

    Keys are computed once per distinct URL, then once per distinct name among the rows
    the URL left without a key, and looked up for each row: a 50,000-row file holds a few
    thousand people, and most rows with a URL never need their name. Each step is computed
    once (eagerly): as one lazy query, the rows were read again for each distinct set.
    """
    none = pl.repeat(None, frame.height, dtype=pl.String, eager=True)
    urls = frame.get_column(url).cast(pl.String) if url else none
    url_keys = none
    if url:
        table = _slug_keys(urls.unique().drop_nulls())
        url_keys = _look_up(urls, table)
    key = url_keys
    if name:
        names = frame.get_column(name).cast(pl.String)
        wanted = names.filter(url_keys.is_null()).unique().drop_nulls()
        key = url_keys.fill_null(_look_up(names, _name_keys(wanted)))
    return frame.with_columns(key.alias(out))


def _look_up(values: pl.Series, table: pl.DataFrame) -> pl.Series:
    """Each value's key in `table` (its two columns: value, key); null when not there."""
    source, keys = table.columns
    return values.replace_strict(table.get_column(source), table.get_column(keys), default=None,
                                 return_dtype=pl.String)


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

