"""A state's own courts, prosecutors, police and investigators named with no country; a state's market or figure
that is no actor (issue 13, eleventh round).

"The Supreme Court upheld ...", "an appellate court overturned ...", "Prosecutors indicted ...", "a special
counsel team asked for ..." in a wire story: the dictionary knows no court, so the sentence had no actor and
no row, while adjudication 9 makes courts, prosecutors, police and coast guards their state's `government`. Such a
body is its story's home state's: the country of the outlet whose dateline it is ("SEOUL, Dec. 31 (Yonhap) --": the
ROK), else of the dateline's city ("SEOUL, January 13. /TASS/.": a TASS story from Seoul is about Seoul's court). With
neither (a bare headline) it stays unknown, as before; a body with a country named right after it ("a court in South
Korea") is left to the rules that read that country, as before. Only in a document with no declared speaker: a KCNA release's "the puppet
prosecution" is KCNA's own account (house vocabulary), not the South's act.

The nouns are data (reference_words.tsv, use `domestic_body`; the words that may stand between "the" and the noun,
use `domestic_modifier`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.actors import ActorDictionary
from tension.extract.mentions import Mention
from tension.extract.scan import word_alternatives

# A dateline's city at the start of the body: "SEOUL, Dec. 31 (Yonhap) --", "SEOUL, January 13. /TASS/.",
# "GYEONGJU /Republic of Korea/, November 1. /TASS/." (a wire header may come first: the search looks near the start)
_DATELINE_PLACE = re.compile(r"(?:^|\s)(?P<city>[A-Z][A-Z'-]{2,20}(?: [A-Z][A-Z'-]{2,20})?)(?:\s*/(?P<country>[^/\n]{2,40})/)?"
                             r",\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern:
    """ "the [top|Supreme|special ...] court", "Prosecutors", "a special prosecutor's team", "the police"."""
    words = load_reference_words()
    nouns = sorted(words.get("domestic_body", ()), key=len, reverse=True)
    modifiers = sorted(words.get("domestic_modifier", ()), key=len, reverse=True)
    # "a lower court ruling", "the police investigation": the body only modifies the noun after it, which acts
    not_head = r"(?!\s+(?:" + "|".join(map(re.escape, words.get("domestic_not_head", ()))) + r")\b)"
    modifier = r"(?:(?:" + "|".join(map(re.escape, modifiers)) + r")\s+)" if modifiers else ""
    return re.compile(r"(?:\b(?P<det>[Tt]he|[Aa]n?)\s+)?\b" + modifier + r"{0,3}(?P<noun>"
                      + "|".join(map(re.escape, nouns)) + r")(?:(?:['’]s)?\s+(?:team|office))?\b(?!-)" + not_head)


# Nouns that act with no article before them ("Prosecutors indicted ...", "police arrested ..."); "court" needs one
# ("took the case to court" names no body).
_BARE = frozenset({"prosecutors", "police", "investigators"})


def _cue(body: str) -> bool:
    """Whether the body may name such a body at all (a cheap test before the pattern): a noun without its first
    letter, whose case varies ("ourt" for "Court" and "court"), is in it."""
    return any(part in body for part in _cue_parts())


@lru_cache(maxsize=1)
def _cue_parts() -> tuple[str, ...]:
    return tuple(sorted({noun[1:] for noun in load_reference_words().get("domestic_body", ())}))


def dateline_country(body: str, actors: ActorDictionary, published: date) -> str | None:
    """The country of the dateline's city (or of the country a TASS dateline names between slashes), if any."""
    found = _DATELINE_PLACE.search(body, 0, 800)
    if found is None:
        return None
    for name in (found.group("country"), found.group("city").title()):
        entry = actors.lookup(name.strip(), published) if name else None
        if entry is not None and entry.country and entry.kind in ("capital", "state"):
            return entry.country
    return None


def domestic_bodies(body: str, mentions: list[Mention], home_of: Callable[[], str | None]) -> list[Mention]:
    """`mentions` with the state's own courts, prosecutors and police the dictionary cannot name added, in order, as
    bodies of the story's home state, `home_of()` (asked only when the body may name one)."""
    if not _cue(body) or not (home := home_of()):
        return mentions
    added: list[Mention] = []
    dropped: list[Mention] = []
    for match in _body_pattern().finditer(body):
        start, end = match.start(), match.end()
        noun = match.group("noun").lower()
        if not match.group("det") and noun not in _BARE:
            continue
        inside = [m for m in mentions if m.start < end and start < m.end]
        if any(m.country or m.start < start or m.end > end for m in inside) or any(
                m.end <= start and start - m.end < 4 and body[m.end:start].strip() in ("", "'s", "’s") for m in mentions):
            continue  # "South Korean prosecutors", "the Seoul Central District Court": the name says whose
        after = next((m for m in mentions if m.start >= end), None)
        if after is not None and after.country and re.fullmatch(r"\s+(?:in|of)\s+(?:the\s+)?",
                                                                             body[end:after.start]):
            continue  # ("A court in South Korea", "police of Japan": the country named says whose, as before)
        if _foreign_body_before(body, noun, start, mentions, home):
            continue  # "A U.S. federal court ruled ... The court said": that court, not the home state's
        country = home
        added.append(Mention(start, end, body[start:end], f"{noun} ({country})", country, "organisation", noun))
        dropped.extend(inside)  # ("Military" of "Military investigators" points back to no military)
    if not added:
        return mentions
    return sorted([*(m for m in mentions if m not in dropped), *added], key=lambda m: m.start)


def _foreign_body_before(body: str, noun: str, start: int, mentions: list[Mention], home: str) -> bool:
    """Whether the document named a body of this noun of another country before `start` ("a U.S. federal court",
    "Japanese police"): a later "the court" is that one."""
    for found in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", body[:start], re.I))):  # a word: not "courtesy"
        at = found.start()
        if any(m.country and m.country != home and m.end <= at and at - m.end <= 40 for m in mentions):
            return True
    return False


def is_domestic_body(statement) -> bool:
    """Whether a statement's speaker is a body `domestic_bodies` named ("court (KOR)")."""
    return bool(statement.speaker_role in _nouns() and statement.speaker_actor and statement.speaker_country
                and statement.speaker_actor == f"{statement.speaker_role} ({statement.speaker_country})")


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in load_reference_words().get("domestic_body", ()))


def relative_clause_of_body(statement) -> bool:
    """Whether a body's row is only a relative clause's, its antecedent taken for the body ("cleared him under
    the labour law, which bans ...": the law, which the dictionary does not know, is the one that "bans"): the
    content does not name the body."""
    return is_domestic_body(statement) and bool(statement.speaker) and statement.speaker not in statement.content


def domestic_act(statement) -> None:
    """A court's ruling, a prosecutor's indictment, a police arrest are aimed at their domestic object (adjudication
    10: a sentence or fine toward its domestic object): no target, whatever country the charges or the defendant's
    deeds name ("upheld the acquittal of an activist who praised the North's late leader")."""
    if statement.targets and is_domestic_body(statement):
        statement.targets, statement.targets_inferred = [], False


def statistic_subject(blanked: str, end: int, c_end: int) -> bool:
    """Whether a country word opening a clause only owns or names what the clause is about — a market, a currency,
    a statistic ("South Korea's main stock index closed higher", "the Korea Stock Exchange Index (KSEI)
    rose", "Japan's birth rate fell"): no act of the state (adjudication 15: financial-market items and
    figures have no statement). The nouns: reference_words.tsv, use `statistic`."""
    return _statistic_after().match(blanked, end, c_end) is not None


@lru_cache(maxsize=1)
def _statistic_after() -> re.Pattern:
    nouns = sorted(load_reference_words().get("statistic", ()), key=len, reverse=True)
    # between the country word and the noun: its possessive and up to four words ("South Korea's main stock index"),
    # or a name's capitalised words ("the Korea Stock Exchange Index"); never a verb of the clause ("North Korea
    # attacked the South Korean economy", "China banned Japanese seafood imports": acts; review, session 6)
    return re.compile(r"(?:['’]s(?:\s+(?!(?:to|will|would|may|might|can|could|should|must|is|are|was|were|has|have|"
                      r"had|said|says)\b)[\w-]+){0,4}?|(?:\s+(?-i:[A-Z])[\w-]*){0,4}?)\s+(?:"
                      + word_alternatives(nouns)
                      + r")\b(?!['’])(?=\s*(?:\(|,|$)|\s+(?:[a-z]+ed|rose|fell|grew|shrank|hit|stood|is|was|are|were|has|"
                      r"have|had|to|will|could|may|might|remains?|stays?)\b)", re.I)
