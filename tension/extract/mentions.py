"""Mentions: a stretch of text that names an actor (`Mention`, with the kinds a mention may have), and the
back-references among a text's words that stand for one named before them — "she", "it", "the [foreign] ministry",
"the South", "the two countries" — which ActorDictionary.find_mentions (tension.extract.actors) adds to the names the
dictionary finds; tension.extract.references resolves what each stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from operator import attrgetter
from typing import NamedTuple

from tension.extract.scan import Anchored
from tension.extract.word_index import WordIndex, is_word_char

# Kinds whose mention names a whole state rather than a person or an office.
STATE_KINDS = frozenset({"state", "demonym", "capital"})
PERSON = "person"
TITLE = "title"


class Mention(NamedTuple):
    """A stretch of text that names an actor (possibly only an office, resolved later).

    A named tuple rather than a frozen dataclass: a document makes a few of them per sentence, and a frozen
    dataclass costs four times as much to build.
    """

    start: int
    end: int
    text: str
    actor: str | None
    country: str | None
    kind: str
    role: str
    gender: str = ""
    backref: str = ""  # "she", "the ministry", "the South", "the two countries"... when not a name
    refers_to: tuple["Mention", ...] = ()  # what the mention stands for, once back-references are resolved

    @property
    def resolved(self) -> bool:
        """Whether the mention has a country."""
        return bool(self.country)


_START = attrgetter("start")


def sentence_span(mentions: list["Mention"], start: int, end: int) -> tuple[int, int]:
    """Where the mentions that start in [start, end) lie in `mentions` (a text's, in order of start): the slice's
    bounds, for a caller that also looks just before it."""
    return bisect_left(mentions, start, key=_START), bisect_left(mentions, end, key=_START)


def mentions_in(mentions: list["Mention"], start: int, end: int) -> list["Mention"]:
    """The mentions (a text's, in order of start) that start in [start, end): a sentence's."""
    lo, hi = sentence_span(mentions, start, end)
    return mentions[lo:hi]


# Back-references: words that point to an actor named earlier in the document. A definite description is looked
# for back from its noun (`_starts_of_the`; the nouns: tension/data/reference_words.tsv, use "definite"), the
# pronouns where the document has them.


def backref_pattern(nouns: Iterable[str]) -> Anchored:
    """Pronouns and definite descriptions ("the [foreign] ministry") whose noun is one of `nouns`."""
    return Anchored(re.compile(
        r"\b(?P<pron>[Ss]he|[Hh]e)\b|\b(?P<it>[Ii]t|[Tt]hey)\b"
        r"|\b(?P<def>[Tt]he)\s+(?:(?:foreign|defen[cs]e|unification|news|same|top|chief|senior|state)\s+)?"
        r"(?P<noun>" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True))) + r")\b"
    ), ("She", "she", "He", "he", "It", "it", "They", "they", "The", "the"), word_start=True)


# "the South", "the nuclear-armed North": Korea by context, never followed by a capitalised name.
# KCNA writes them lower-case ("the compatriots in the north", "the south side").
_SIDE = Anchored(re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?P<side>[Nn]orth|[Ss]outh)\b"
                            r"(?!\s*[A-Z]|-|\s+of\s+(?:the\b|[A-Z]|its?\b))"),
                 ("The", "the"), word_start=True, needs=("North", "South", "north", "south"))
# A bare "North"/"South" after a preposition, as headlines write it ("suspends pact with North"), and not a name's
# start ("toward North Korea", "to North-South talks", "of South's").
_BARE_SIDE_BEFORE = re.compile(r"\b(?:with|toward|towards|against|to|from|over|on|by|for|at|into|across|between|and)\s+$")
_BARE_SIDE_AFTER = re.compile(r"\s*[A-Z]|-|['’]|\s+of\b|\w")
# ... or a headline verb's object ("accuses North of", "warned South over"), or a possessive ("to counter North's
# drones"), never the first of "North and South Korea" (issue 13 round 64; round 46 measured the verb half)
_BARE_SIDE_VERB = re.compile(r"\b[a-z]{3,}(?:s|ed)\s+$")
_BARE_SIDE_AFTER_VERB = re.compile(r"[ \t]*[A-Z]|-|['’]|\w|\s+and\s+(?:North|South)\b")
_BARE_SIDE_OWNER = re.compile(r"['’]s\b")
_TWO = Anchored(re.compile(r"\b[Tt]he\s+two\s+(?:countries|nations|sides|neighbou?rs|states|governments)\b"),
                ("The", "the"), word_start=True, needs=("two",))
_NAME_FOLLOWS = re.compile(r"\s*[A-Z]")  # "south Korea", "North Korean": a name, never "the South"
PRONOUNS = ("She", "she", "He", "he", "It", "it", "They", "they")
SIDE_WORDS = ("North", "South", "north", "south", "two")  # what `_backref_starts` asks, with the nouns


def _overlaps(start: int, end: int, spans: list[tuple[int, int]], ends: list[int]) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping each other; `ends` their ends)."""
    i = bisect_right(ends, start)
    return i < len(spans) and spans[i][0] < end


def _backref_starts(text: str, words: set[str], nouns: Iterable[str]) -> tuple[set[int], set[int], set[int]]:
    """Where `backref_pattern(nouns)`, `_SIDE` and `_TWO` may match: every match starts at one of these (the pattern
    decides).

    Pronouns are whole words; "the ministry"-like phrases are found back from their nouns, which are too.
    """
    whole = (words if isinstance(words, WordIndex) else WordIndex(text)).starts
    pronouns = {at for word in words.intersection(PRONOUNS) for at in whole(word)}
    definite = _starts_of_the(text, [at for noun in words.intersection(nouns) for at in whole(noun)], 1)
    # (not "north-south relations": a side is never followed by a hyphen, and KCNA writes that one often)
    sides = _starts_of_the(text, [at for side in ("North", "South", "north", "south") for at in whole(side)
                                  if text[at + 5 : at + 6] != "-" and not _NAME_FOLLOWS.match(text, at + 5)], 2)
    two = _starts_of_the(text, whole("two"), 0)
    return pronouns | definite, sides, two


def _starts_of_the(text: str, heads: Iterable[int], most: int) -> set[int]:
    """Where "the" may open a phrase ending in a word starting at one of `heads`, with at most `most` lowercase
    words between.

    "the [foreign] ministry", "the [nuclear-armed] North", "the two countries": back from each head, over the
    white space and the words before it. Every such phrase starts at one of these (the pattern then decides).
    """
    starts: set[int] = set()
    for at in heads:
        end = at
        for _ in range(most + 1):
            blank = _blank_before(text, end)
            if blank == end:
                break
            if blank >= 3 and text.startswith(("the", "The"), blank - 3):
                starts.add(blank - 3)
            end = blank  # the word before the blank ([a-z][\w-]*), if any
            while end and (is_word_char(text[end - 1]) or text[end - 1] == "-"):
                end -= 1
            if end == blank or not "a" <= text[end] <= "z":
                break
    return starts


def _blank_before(text: str, end: int) -> int:
    """The start of the run of white space that ends at `end` (`end` itself when there is none)."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _bare_side_of_verb_or_owner(text: str, at: int) -> bool:
    """Whether the bare side at `at` is a verb's object or an owner ("accuses North of", "counter North's drones"),
    not "the North's" (a side found with its article) nor the start of a line."""
    if _BARE_SIDE_OWNER.match(text, at + 5) is not None:
        return at > 0 and text[at - 1] == " " and not text[max(0, at - 4) : at].lower().startswith("the")
    return (_BARE_SIDE_VERB.search(text, max(0, at - 16), at) is not None
            and not _BARE_SIDE_AFTER_VERB.match(text, at + 5))


def find_backrefs(text: str, taken: list[tuple[int, int]], words: set[str], pattern: Anchored, nouns: Iterable[str]
              ) -> list[Mention]:
    """Pronouns, definite descriptions, 'the South/North' and 'the two countries' (resolved later)."""
    found: list[Mention] = []
    ends = [e for _, e in taken]
    backrefs, sides, two = _backref_starts(text, words, nouns)
    for match in pattern.finditer(text, text, anchors=(), starts=backrefs):
        if _overlaps(match.start(), match.end(), taken, ends):
            continue
        if match.group("it"):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, TITLE, "",
                                 backref=match.group("it").lower()))
        elif match.group("pron"):
            word = match.group("pron").lower()
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, PERSON, "",
                                 "f" if word == "she" else "m", backref=word))
        else:
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, TITLE,
                                 match.group("noun"), backref="the " + match.group("noun")))
    for match in _SIDE.finditer(text, text, anchors=(), starts=sides):
        if not _overlaps(match.start(), match.end(), taken, ends):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, "state", "",
                                 backref="the " + match.group("side").lower()))
    if "North" in words or "South" in words:
        whole = (words if isinstance(words, WordIndex) else WordIndex(text)).starts
        for side in ("North", "South"):
            for at in whole(side):
                # a headline's bare side after a preposition: "pact with North", "gesture toward North"
                if (_BARE_SIDE_BEFORE.search(text, max(0, at - 12), at) and not _BARE_SIDE_AFTER.match(text, at + 5)
                        or _bare_side_of_verb_or_owner(text, at)) and not _overlaps(at, at + 5, taken, ends):
                    found.append(Mention(at, at + 5, side, None, None, "state", "", backref="the " + side.lower()))
    for match in _TWO.finditer(text, text, anchors=(), starts=two):
        if not _overlaps(match.start(), match.end(), taken, ends):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, "state", "",
                                 backref="the two"))
    return found
