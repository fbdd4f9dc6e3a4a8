"""Search as people type: case, accents and ligatures folded, query words matched at word starts.

`fold` (Python) and `fold_expr` (Polars) give the same text (a property test holds them
together), so a column is folded once, vectorised, and each keystroke folds only the query.
Written here rather than with anyascii/unidecode: those transliterate in a Python loop per
row (30,000 names) and turn non-Latin scripts into guessed Latin, where folding only needs
to drop what French and English typists leave out: case, accents, ligatures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import polars as pl

# Letters NFKD does not split into a base letter and a mark (ligatures, stroked letters),
# and the final sigma, which lower-casing writes differently at a word's end.
LETTERS = {
    "œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
    "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l", "ς": "σ", "’": "'", "ʼ": "'",
}
_WORD = re.compile(r"\w+")


def _fold_char(char: str) -> str:
    out = []
    for part in unicodedata.normalize("NFKD", char).lower():
        if not unicodedata.category(part).startswith("M"):
            out.append(LETTERS.get(part, part))
    return "".join(out)


def fold(text: str | None) -> str:
    """Lower case, no accents, ligatures spelled out: `Œuvre Médicale` → `oeuvre medicale`."""
    return "".join(_fold_char(c) for c in text or "")


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index of the character it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        part = _fold_char(char)
        folded.append(part)
        origin.extend([i] * len(part))
    return "".join(folded), origin


def fold_expr(expr: pl.Expr) -> pl.Expr:
    """`fold` as a Polars expression (nulls become "")."""
    out = expr.fill_null("").str.normalize("NFKD").str.to_lowercase().str.replace_all(r"\p{M}", "")
    return out.str.replace_many(list(LETTERS), list(LETTERS.values()))


def query_words(query: str) -> list[str]:
    """The folded words of what was typed (punctuation separates words)."""
    return _WORD.findall(fold(query))


def prefix_expr(words: pl.Expr, query: str) -> pl.Expr:
    """True where every query word starts a word of `words` (a column made with `words_expr`)."""
    condition = pl.lit(True)
    for word in query_words(query):
        condition = condition & words.str.contains(" " + word, literal=True)
    return condition


def matches(query: str, text: str) -> bool:
    """Every query word starts a word of `text` (`amel dur` matches `Amélie Durand`)."""
    words = _WORD.findall(fold(text))
    return all(any(w.startswith(q) for w in words) for q in query_words(query))


# What may stand between words: spaces, ASCII and Latin-1 punctuation, general punctuation
# (’ “ – …), arrows and symbols, CJK punctuation, emoji. Spelled out: Unicode \W is 3× slower.
SEPARATORS = (
    r"[\s\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E\u00A0-\u00BF\u00D7\u00F7\u2000-\u206F"
    r"\u2190-\u2BFF\u3000-\u303F\U0001F000-\U0001FAFF]+"
)
FUZZY_CUTOFF = 75  # rapidfuzz ratio (0–100) of a typed word to a word of the person: `taylr` ~ `taylor` 91
FUZZY_MIN_LETTERS = 3  # shorter words are near too many others: prefixes only


def words_expr(expr: pl.Expr) -> pl.Expr:
    """A folded column as " word word " (punctuation → one space), so that "starts a word"
    is the literal " " + word, which Polars finds far faster than a regex."""
    return pl.lit(" ") + fold_expr(expr).str.replace_all(SEPARATORS, " ").str.strip_chars() + pl.lit(" ")


def _near(word: str, candidates: list[str], cutoff: float = FUZZY_CUTOFF) -> dict[str, float]:
    """Candidates that are typos of `word` or start with it, with their score (100 = prefix)."""
    from rapidfuzz import fuzz, process

    out = {c: 100.0 for c in candidates if c.startswith(word)}
    if len(word) >= FUZZY_MIN_LETTERS:
        for found, score, _i in process.extract(word, candidates, scorer=fuzz.ratio, limit=64, score_cutoff=cutoff):
            out.setdefault(found, score)
    return out


@dataclass(frozen=True, eq=False)
class PeopleIndex:
    """People with their `search` text folded by `words_expr`, and every distinct word in
    it, made once (~0.3 s for 35,000 people: build it in a thread): a keystroke is then a
    fuzzy pass over the words (thousands, not rows) and one Aho-Corasick filter over the rows."""

    people: pl.DataFrame
    vocabulary: list[str]

    @classmethod
    def of(cls, people: pl.DataFrame) -> PeopleIndex:
        """From a people frame whose `search` column holds the text to search, unfolded."""
        people = people.with_columns(words_expr(pl.col("search")).alias("search"))
        words = people.select(pl.col("search").str.split(" ").explode().unique().sort())["search"]
        return cls(people, [w for w in words.to_list() if w])

    def find(self, query: str, limit: int = 20) -> pl.DataFrame:
        """Best `limit` people: every query word starts a word of theirs (name first, then
        company, position) or is a typo of one (`taylr` → Taylor), best score first."""
        words = query_words(query)
        if not words:
            return self.people.head(limit)
        near = [_near(w, self.vocabulary) for w in words]
        if not all(near):
            return self.people.clear()
        frame = self.people.with_row_index("_row")
        exact = frame.filter(prefix_expr(pl.col("search"), query))
        if exact.height >= limit:  # enough people start with every word: no typo can outrank them
            return self._best(exact, words[0], pl.lit(100.0), limit)
        total = pl.lit(0.0)
        for word, scores in zip(words, near):
            starts = pl.col("search").str.contains(" " + word, literal=True)
            typos = {w: score for w, score in scores.items() if not w.startswith(word)}
            frame = frame.filter(starts | pl.col("search").str.contains_any([f" {w} " for w in typos]) if typos else starts)
            typo_score = pl.max_horizontal(
                pl.when(pl.col("search").str.contains(f" {w} ", literal=True)).then(score).otherwise(0.0)
                for w, score in typos.items()
            ) if typos else pl.lit(0.0)
            total = total + pl.when(starts).then(100.0).otherwise(typo_score)
        return self._best(frame, words[0], total, limit)

    def _best(self, frame: pl.DataFrame, first: str, score: pl.Expr, limit: int) -> pl.DataFrame:
        """The `limit` best rows by score, people whose name starts with the first word first."""
        ranked = frame.with_columns(_score=score, _name=pl.col("search").str.starts_with(" " + first))
        rows = ranked.sort(["_score", "_name"], descending=True, maintain_order=True).head(limit)["_row"].to_list()
        return self.people[rows] if rows else self.people.clear()


def nearest(query: str, texts: list[str], limit: int = 3) -> list[int]:
    """Indices of the `limit` texts nearest to `query` (folded, fuzzy over the whole text)."""
    from rapidfuzz import fuzz, process

    choices = [fold(t) for t in texts]
    return [i for _t, _s, i in process.extract(" ".join(query_words(query)), choices, scorer=fuzz.WRatio, limit=limit)]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def highlight_spans(query: str, text: str) -> list[Span]:
    """Where the query's letters are in `text` (indices into `text`, not into its fold): for
    each query word, the start of a word it begins, else the letters it shares with the
    word it is a typo of."""
    from rapidfuzz.distance import Indel

    folded, origin = fold_with_map(text)
    found = [(m.start(), m.group()) for m in _WORD.finditer(folded)]
    hits: list[tuple[int, int]] = []
    for word in query_words(query):
        near = _near(word, [w for _s, w in found])
        if not near:
            continue
        best = max(near, key=lambda w: (near[w], -[x for _s, x in found].index(w)))
        start = next(s for s, w in found if w == best)
        if best.startswith(word):
            hits.append((start, start + len(word)))
            continue
        for tag, _a, _b, t0, t1 in Indel.opcodes(word, best):
            if tag == "equal":
                hits.append((start + t0, start + t1))
    spans = sorted({(origin[a], origin[b - 1] + 1) for a, b in hits if b > a})
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(end, merged[-1].end))
        else:
            merged.append(Span(start, end))
    return merged
