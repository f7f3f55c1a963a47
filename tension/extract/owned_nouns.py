"""A reporting verb's word after a possessive is a noun ("Tokyo's claims to Dokdo", "Japan's territorial claim to the
islets", "the north's claim"): no words are said, so its owner is no speaker (decision 2: a speech noun without content
gives no row; issue 13 round 68, the Japan-desk tester's finding 4 — Seoul protesting Tokyo's claims to Dokdo became
Tokyo's words toward the South). With content the noun still speaks ("Japan's claim that the islets are its own",
"North Korea's claim to have no cases"): the reporting verb's rules read it as before. The words: reference_words.tsv,
use owned_noun."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words

# a possessive right before the word, with at most one lower-case modifier between ("Japan's territorial claim",
# "the authorities' loud claim")
_POSSESSIVE_BEFORE = re.compile(r"\w(?:['\u2019]s|s['\u2019])\s+(?:[a-z][\w-]*\s+)?$")
# content after the noun: "that ...", or "to <verb>" (a lower-case word that is no determiner: "to have")
_CONTENT_AFTER = re.compile(r"\s+(?:that\b|to\s+(?!(?:the|a|an|its|their|his|her|this|these|those|our|all|some|"
                            r"every|both|sovereignty)\b)[a-z])")


@lru_cache(maxsize=1)
def _owned_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_reference_words().get("owned_noun", ()))


def owned_noun(blanked: str, anchor: re.Match, verb: str, c_end: int) -> bool:
    """Whether the reporting verb `verb` at `anchor` is a noun its possessive owns, with no content after it."""
    return verb.lower() in _owned_nouns() and \
        _POSSESSIVE_BEFORE.search(blanked, max(0, anchor.start() - 40), anchor.start()) is not None and \
        _CONTENT_AFTER.match(blanked, anchor.end(), c_end) is None
