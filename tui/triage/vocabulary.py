"""The triage vocabularies (scam, brand and ask words) and their patterns, without Polars.

Polars' linear-time Rust regex engine runs them at import; the sent queue's composer rows
are checked with Python's `re` on the same patterns (both dialects accept them).
"""

from __future__ import annotations

# Scam vocabulary (English and French). Matched case-insensitively on word boundaries by
# Polars' linear-time regex engine; the matched word is shown as the reason.
SCAM_WORDS = (
    "investment", "investments", "invest", "investing", "investor", "crypto", "cryptocurrency",
    "bitcoin", "btc", "forex", "trading", "trader", "whatsapp", "telegram", "kindly", "dear",
    "profit", "profits", "sugar", "sugar daddy", "passive income", "financial freedom",
    "binary options", "guaranteed returns", "wallet", "usdt",
    "placement", "placements", "rendement", "rendements", "investissement", "investir",
    "revenu passif", "revenus passifs", "gagner de l'argent", "liberté financière", "bénéfice",
    "bénéfices", "opportunité unique", "ma chérie", "mon cher",
)
# Words that make a display name look like an organisation rather than a person.
BRAND_WORDS = (
    "ltd", "limited", "inc", "llc", "llp", "plc", "corp", "corporation", "gmbh", "sas", "sasu",
    "sarl", "sa", "bv", "group", "groupe", "agency", "agence", "consulting", "official",
    "officiel", "crypto", "capital", "invest", "investments", "trading", "solutions",
    "services", "academy", "recruiting", "recrutement", "marketing", "media", "studio",
    "company", "global", "international", "holdings", "ventures", "fx", "forex",
)
# A note that asks for something (a call, a coffee, a meeting) deserves a follow-up.
ASK_WORDS = (
    "call", "coffee", "meet", "meeting", "chat", "talk", "zoom", "visio", "appel", "appeler",
    "café", "rendez-vous", "rdv", "échanger", "discuter", "rencontrer", "catch up",
)
STALE_SUGGESTION = "withdraw? LinkedIn then blocks re-inviting for about 3 weeks"
RECEIVED_DECISIONS = ("accept", "ignore", "later", "follow", "suspicious")
SENT_DECISIONS = ("followed_up", "withdrawn")


def _word_pattern(words: tuple[str, ...]) -> str:
    """`(?i)\\b(?:w1|w2…)\\b` with each word escaped for the Rust regex engine."""
    alts = "|".join(regex_escape(w) for w in sorted(set(words), key=len, reverse=True))
    return rf"(?i)\b(?:{alts})\b"


def regex_escape(text: str) -> str:
    """Escape regex metacharacters in the Rust `regex` dialect (a literal pattern)."""
    return "".join("\\" + c if c in r"\.+*?()|[]{}^$#&-~" else c for c in text)


SCAM_PATTERN = _word_pattern(SCAM_WORDS)
BRAND_PATTERN = _word_pattern(BRAND_WORDS)
ASK_PATTERN = r"\?|" + _word_pattern(ASK_WORDS)



# How the received queue is ordered, in words (one home: the score in tui/triage/queue_frames.py,
# with the bridge and known-company parts added in store_queue.RECEIVED_SQL; ties newest first).
ORDER_WORDS = ("Queue order: most promising first — a note (a longer one counts more), talked "
               "before, a bridge (a company none of your connections is at), a known company; "
               "suspicious and mass invitations sink; ties newest first.")
