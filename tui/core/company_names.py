"""Company names without Polars: the legal forms, the default exclusions, the user's rules
(aliases and exclusions from companies.toml) and `normalise`/`group_key` on one string.

The store's queue queries group a typed-in company with these on the start path, where
Polars is not loaded; `companies.normalise_expr` does the same over whole columns (a test
holds the two together).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.folding import fold

# Legal forms as they read once folded (lower case, dots and apostrophes dropped, other
# punctuation a space): "S.p.A." → "spa", "B.V." → "bv", "Co., Ltd." → "co ltd".
LEGAL_FORMS = (
    # France, Belgium, Switzerland, Luxembourg
    "sas", "sasu", "sarl", "eurl", "sa", "sca", "sci", "scop", "snc", "scs", "gie", "selarl", "sprl", "srl",
    # Europe
    "se", "gmbh", "ag", "kg", "kgaa", "ohg", "ug", "mbh", "spa", "sapa", "srls", "sl", "slu", "sau",
    "bv", "nv", "vof", "oy", "oyj", "ab", "publ", "as", "asa", "aps", "a/s", "sp zoo", "zoo", "kft", "sro",
    "ltda", "lda", "sgps", "plc", "ltd", "limited", "llp", "lp",
    # Americas, Asia, Oceania
    "inc", "incorporated", "corp", "corporation", "llc", "pllc", "co", "company", "pty", "pvt",
    "private limited", "kk", "sa de cv", "sab de cv", "sapi", "eireli", "bhd", "sdn bhd",
    "pte", "tbk", "jsc", "ojsc", "pjsc", "ooo", "oao", "zao",
)
DEFAULT_EXCLUSIONS = (
    "Freelance", "Freelancer", "Free-lance", "Self-employed", "Self employed", "Independent",
    "Indépendant", "Indépendante", "Auto-entrepreneur", "Micro-entrepreneur", "Autónomo",
    "Autonomo", "Autonoma", "Freiberuflich", "Selbstständig", "Selbständig", "Libero professionista",
    "Confidential", "Confidentiel", "Confidencial", "Stealth", "Stealth mode", "Stealth startup",
    "Stealth Mode Startup", "Undisclosed", "N/A", "None", "Aucune", "Ninguna", "Retired", "Retraité",
    "Open to work", "Looking for opportunities", "En recherche d'emploi", "Sans emploi", "Unemployed",
)


def _suffix_pattern() -> str:
    forms = sorted({f.replace("/", " ") for f in LEGAL_FORMS}, key=len, reverse=True)
    words = "|".join(f.replace(" ", r"\s+") for f in forms)
    # One or more legal forms at the very end, each after a space: the first word never goes.
    return rf"(?:\s+(?:{words}))+$"


SUFFIX_PATTERN = _suffix_pattern()
_DROPPED = re.compile(r"[.'’`´]")


@lru_cache(maxsize=1)
def _suffix() -> re.Pattern[str]:
    """The legal forms' pattern, compiled when a name is first normalised: ninety-odd
    alternatives take a millisecond or two, and a start that shows stored rows needs none."""
    return re.compile(SUFFIX_PATTERN)


def _word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


@lru_cache(maxsize=65536)
def normalise(text: str | None) -> str:
    """The folded name without legal forms at its end: "L'Oréal S.A." → "loreal"; "" for blank."""
    if not text:
        return ""
    folded = _DROPPED.sub("", fold(text))
    spaced = "".join(ch if _word_char(ch) else " " for ch in folded)
    return _suffix().sub("", " ".join(spaced.split()), count=1)


@dataclass(frozen=True)
class CompanyRules:
    """The user's aliases (name shown → spellings it covers) and names that mean no company."""

    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclusions: tuple[str, ...] = DEFAULT_EXCLUSIONS

    def alias_map(self) -> dict[str, str]:
        """Normalised spelling → normalised alias name (the alias name maps to itself)."""
        out: dict[str, str] = {}
        for name, variants in self.aliases.items():
            target = normalise(name)
            if not target:
                continue
            for variant in (name, *variants):
                if key := normalise(variant):
                    out[key] = target
        return out

    def alias_labels(self) -> dict[str, str]:
        """Normalised alias name → the name the user wrote, shown for the whole group."""
        return {normalise(name): name.strip() for name in self.aliases if normalise(name)}

    def excluded_keys(self) -> list[str]:
        """Normalised exclusions, minus any name an alias claims (an alias wins)."""
        claimed = set(self.alias_map())
        return sorted({k for e in self.exclusions if (k := normalise(e)) and k not in claimed})

    def group_key(self, text: str | None) -> str | None:
        """The company's group key under these rules; None for blank and excluded names."""
        key = normalise(text)
        key = self._aliases().get(key, key)
        return None if not key or key in self._excluded() else key

    def members(self, group: str | None) -> list[str]:
        """The normalised names a group key stands for: itself and the spellings aliased to it."""
        if not group:
            return []
        cached = self.__dict__.get("_members_cache")
        if cached is None:
            cached = {}
            for name, target in self._aliases().items():
                if name != target:
                    cached.setdefault(target, []).append(name)
            object.__setattr__(self, "_members_cache", cached)
        return [group, *cached.get(group, ())]

    def _aliases(self) -> dict[str, str]:
        cached = self.__dict__.get("_alias_cache")
        if cached is None:
            cached = self.alias_map()
            object.__setattr__(self, "_alias_cache", cached)
        return cached

    def _excluded(self) -> frozenset[str]:
        cached = self.__dict__.get("_excluded_cache")
        if cached is None:
            cached = frozenset(self.excluded_keys())
            object.__setattr__(self, "_excluded_cache", cached)
        return cached


DEFAULT_RULES = CompanyRules()
