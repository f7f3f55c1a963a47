"""A clause's subject: the actor opening it (after a leading "Since ..., " phrase; not a topic, "the North Korea
issue", nor the owner of an object), and the actors coordinated with it ("The US, Russia, and Switzerland met").
Split from tension/extract/acts.py (session 26), unchanged."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from tension.config import load_reference_words
from tension.extract.mentions import Mention
from tension.extract.mutual import joint_heads
from tension.extract.scan import Anchored, phrase_alternatives


# A leading subordinate phrase up to its comma ("Since invading Ukraine in 2022, "), after a conjunction if any; a
# conjunction alone is skipped by itself ("But [the government objected ..., expressing regret]": its main clause).
LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:(?:Also|Still|Yet|But|And)\b\s*,?\s*)?"
    r"(?:(?:Since|After|Before|While|When|Although|Though|As|If|Despite|Following|Amid|In|On|At|During|"
    r"Earlier|Later|Meanwhile|However|Separately|Referring|With|Holding|Under)\b[^,]*,\s*)?"
)


_THAT = Anchored(re.compile(r"\bthat\s+"), ("that",), word_start=True)
# A noun before "that" makes what follows the noun's content, not the clause's subject ("on learning the news
# that the leader had died": the one who learns is not the leader).
_NEWS_THAT = re.compile(r"\b(?:news|report|reports|fact|word|rumou?rs?)\s+$")
PREPOSITIONS = frozenset(
    "of to with on in at for from by about against toward towards into over between among including than "
    "after before since under upon via across amid despite like as".split()
)


MAX_SUBJECT_OFFSET_WORDS = 3


# A past-tense verb right before an object ("discussed", "condemned"; not "-based", "so-called", "newly elected").
_VERB_BEFORE = re.compile(r"(?!(?:elected|appointed|named|called|so-called|united|allied|armed|based|led|backed|"
                          r"isolated|reclusive)$)[a-z]{3,}ed$")


COUNTRY_WORDS = frozenset({"state", "demonym", "capital"})


def clause_subject(blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention],
                   antecedent: list[Mention], begin: int | None = None) -> Mention | None:
    """The actor opening the clause (after a leading 'Since ..., ' phrase), or a relative clause's antecedent.

    `begin`: where the clause starts after such a phrase, when the caller has found it (`after_lead`).
    """
    clause = blanked[c_start:c_end]
    if rel in ("which", "who") and antecedent and not (outside and clause[: outside[0].start - c_start].strip() == ""):
        return antecedent[0]  # ", who is set to visit": the antecedent does it
    if begin is None:
        begin = after_lead(blanked, c_start, c_end)
    that: re.Match | None | Literal[False] = False  # searched for when first needed
    for mention in outside:
        if mention.start < begin:
            continue
        words = blanked[begin : mention.start].split(None, MAX_SUBJECT_OFFSET_WORDS)  # enough to tell "too many"
        if len(words) > MAX_SUBJECT_OFFSET_WORDS:
            if that is False:
                that = _THAT.first(clause[begin - c_start :])
            if that and mention.start == begin + that.end() and not _NEWS_THAT.search(
                    clause, max(0, begin - c_start + that.start() - 20), begin - c_start + that.start()):
                return mention
            continue
        if blanked[mention.end : mention.end + 1] == "-" or blanked[mention.start - 1 : mention.start] == "-":
            continue  # "the Russia-North Korea alliance", "Russia-Ukraine war live": a compound modifies its noun
        if mention.kind in COUNTRY_WORDS and topic_noun_after().match(blanked, mention.end, c_end):
            continue  # "Lee discussed the North Korea issue with Xi": an agenda item, no actor (adjudication 7)
        if mention.kind in COUNTRY_WORDS and topic_verb_after().match(blanked, mention.end, c_end):
            continue  # "North Korea is expected to feature in the summit": a topic, no actor (adjudication 7)
        if mention.kind in COUNTRY_WORDS and blanked[mention.end : mention.end + 1] in "'’" and \
                inference_after().match(blanked, mention.end, c_end):
            continue  # "North Korea's choice of words suggests ...": the writer's reading of it, no act of the country
        if words and mention.kind in COUNTRY_WORDS and _VERB_BEFORE.match(words[-1]) and \
                blanked[mention.end : mention.end + 2] in ("'s", "’s"):
            continue  # "The leaders discussed North Korea's nuclear program": the object's owner, a topic, no actor
        if words and words[-1].lower() in PREPOSITIONS:
            # "A court in Guyana", "Opponents of Rwanda's Senate": the place names the subject's country.
            if len(words) <= 3 and words[-1].lower() in ("in", "of") and verb_follows(blanked, mention.end, c_end):
                return mention
            if len(words) <= 3 and words[-1].lower() in ("of", "from") and \
                    not joint_heads().isdisjoint(w.lower() for w in words) and \
                    _list_then_verb(mention, blanked, outside, c_end):
                return mention  # "Top leaders from South Korea, China and Japan discussed ...": the list acts
            continue
        return mention
    return None


@lru_cache(maxsize=1)
def topic_noun_after() -> re.Pattern:
    """Right after a country, a noun that makes it an agenda item ("[North Korea] issue", "[North Korean] nuclear
    programme"; reference_words.tsv, use topic_noun); a possessive ("North Korea's policy") is the country's own."""
    nouns = sorted(load_reference_words().get("topic_noun", ()), key=len, reverse=True)
    alternatives = phrase_alternatives(nouns)
    return re.compile(r"\s+(?:" + alternatives + r")\b")


@lru_cache(maxsize=1)
def topic_verb_after() -> re.Pattern:
    """Right after a country, auxiliaries and a verb whose subject is a topic ("[North Korea] is expected to feature
    in", "[the DPRK] will be discussed"; reference_words.tsv, use topic_verb)."""
    verbs = phrase_alternatives(sorted(load_reference_words().get("topic_verb", ()), key=len, reverse=True))
    return re.compile(r"(?:['’]s(?:\s+[a-z][\w-]*){1,2})?(?:\s+(?:is|are|was|were|will|would|could|may|might|likely|"
                      r"also|expected|set|to|be|again|once|\w+ly))*\s+(?:" + verbs + r")\b")


@lru_cache(maxsize=1)
def inference_after() -> re.Pattern:
    """After a country, what it owns and a verb of the writer's inference ("[North Korea]'s choice of words
    suggests", "['s] move signals"; reference_words.tsv, use inference_verb): the sentence reads the country's act,
    it tells none."""
    verbs = phrase_alternatives(sorted(load_reference_words().get("inference_verb", ()), key=len, reverse=True))
    return re.compile(r"['’]s?(?:\s+[\w\"“”'’-]+){1,5}?\s+(?:" + verbs + r")\b")


def after_lead(blanked: str, c_start: int, c_end: int) -> int:
    """Where the clause starts after a leading subordinate phrase ("Since ..., "), or its start."""
    lead = LEADING_SUBORDINATE.match(blanked[c_start:c_end])
    return c_start + (lead.end() if lead else 0)


def _list_then_verb(mention: Mention, blanked: str, outside: list[Mention], end: int) -> bool:
    """Whether the mention opens a list of actors ("leaders of South Korea and Japan", "officials from Russia,
    China and Iran") that a predicate follows: the delegation head before it (attribution.tsv joint_head) is the
    list's (issue 13 twelfth round)."""
    group = coordinated(mention, blanked, outside)
    return len(group) > 1 and verb_follows(blanked, group[-1].end, end)


def verb_follows(blanked: str, start: int, end: int) -> bool:
    """Whether the words after a mention go on like a predicate (a lowercase word, not a preposition or 'and')."""
    rest = re.match(r"(?:['’]s)?(?:\s+[A-Z][\w'-]*)*\s+([a-z]+)", blanked[start:end])
    return bool(rest) and rest.group(1) not in PREPOSITIONS and rest.group(1) not in ("and", "or")


def coordinated(first: Mention, blanked: str, outside: list[Mention]) -> list[Mention]:
    """`first` and the actors joined to it by 'and' or commas: 'The US, Russia, and Switzerland met'.

    Commas alone make an apposition ("Rudenko, Russia's deputy foreign minister, met"): a list needs its 'and'.
    """
    group, has_and = [first], False
    for mention in outside:
        if mention.start <= group[-1].start:
            continue
        between = blanked[group[-1].end : mention.start]
        link = re.fullmatch(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", between)
        if not link:
            break
        group.append(mention)
        if "and" in between:
            has_and = True
            break
    # "Japan, Turkey, Canada, South Korea keen to join": a headline's list of three states or more needs no "and"
    many_states = len(group) >= 3 and all(m.kind == "state" for m in group)
    # "U.S., S Korea hold joint drills": a headline's comma between two states, a verb right after the second
    two_states = len(group) == 2 and all(m.kind == "state" for m in group) and "," in blanked[
        group[0].end : group[1].start] and verb_follows(blanked, group[1].end, len(blanked))
    return group if has_and or many_states or two_states else [first]

