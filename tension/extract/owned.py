"""Extract: a wire clause opening "<country>'s <thing>" whose verb says what the thing is or has ("North Korea's new
rocket has flaws", "... drills show that ..."): the thing is the subject, the country only owns it, and no act of the
country is told (adjudication 1; round 38). The verbs are reference_words.tsv use `owned_predicate`; the owned words
that name a speaker or body come from the caller's speaker kinds. Kin of acts.event_subject (an owned event or thing
named by its noun) and institutions.statistic_subject (an owned market or figure)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.mentions import Mention
from tension.extract.scan import word_alternatives


@lru_cache(maxsize=1)
def _owned_predicate() -> re.Pattern:
    verbs = sorted(load_reference_words().get("owned_predicate", ()), key=len, reverse=True)
    # "'s", one to four words of the thing (no verb of the clause, no comma), then the verb that says what it is or
    # has — not before a participle ("was launched", "have stolen", "has flown": the act told in the passive or the
    # perfect; "are fighting", "is harassing": in the progressive) nor a place ("troops are in Kursk": deployed)
    return re.compile(r"['’]s(?P<thing>(?:\s+(?!(?:to|will|would|may|might|can|could|should|must|not|said|says)\b)"
                      r"[\w-]+){1,4}?)\s+(?:" + word_alternatives(verbs)
                      + r")\b(?!['’-])(?!\s+(?:\w+(?:ed|en|wn|ing)|been|being|sent|shot|begun|held|struck|hit|"
                      r"in|at|on|near|inside|across|along|into|off|over|under|within|from|to|toward|towards|behind)\b)",
                      re.I)


_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were"})


def owned_thing_subject(blanked: str, actor: Mention, c_end: int, outside: list[Mention],
                        kind_of_head: Callable[[str], str | None]) -> bool:
    """Whether a clause opening "<country>'s <thing>" goes on with a verb saying what the thing is or has ("North
    Korea's new rocket has flaws", "... weapons tests have become more accurate", "... drills show that ..."): the
    thing is the subject and no act of the country is told (adjudication 1; reference_words.tsv owned_predicate).
    Not when the owned words name a speaker or body ("South Korea's defence minister has ...": `kind_of_head`
    gives their kind) or hold another actor ("South Korea's Yoon is ...")."""
    if actor.kind not in ("state", "capital") or not blanked.startswith(("'s", "’s"), actor.end):
        return False
    found = _owned_predicate().match(blanked, actor.end, c_end)
    if found is None or any(actor.end < m.start < found.end() for m in outside):
        return False
    if found.group(0).split()[-1].lower() in _AUXILIARIES and len(blanked[found.end() : c_end].split()) <= 1 and \
            not blanked[:c_end].rstrip().endswith((".", "!", "?")):
        return False  # "... watchdog has announce": a lead cut after its auxiliary, the act's verb lost
    return kind_of_head(found.group("thing")) is None
