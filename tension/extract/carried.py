"""Targets carried from the sentence before: a statement whose content names none and only points back ("it",
"they", "the regime") takes the previous statement's targets, within a few sentences, less its own country, the
act's actor alone for a reaction to an act, and not for a relayed group's words on its own state."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words

from tension.extract import context
from tension.extract.findings import Statement
from tension.extract.mentions import PERSON, Mention, mentions_in, sentence_span
from tension.extract.scan import Anchored, word_alternatives
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk


# How many sentences back a pointing sentence may take its targets from: the previous targets expire after this many
# sentences that set none (issue 13 round 23: in KCNA's long domestic texts — a New Year editorial's tasks, a law's
# articles, a eulogy — "its", "their", "this" took a KOR or USA named a dozen sentences before; measured on the
# gold-free copies: 3 kept more right than wrong, 2 and 1 lost KCNA's own rhetorical follow-ups about the South).
_CARRY_SPAN = 3


def _without_own_places(carried: list[str], places: list[str]) -> list[str]:
    """Carried targets less the countries the sentence itself names only as places, when another is left: "It is
    hurling its forces into <the South>" after a sentence aimed at the US and the South is aimed at the US, the South
    only where the forces go (issue 13 round 47: a third state's act in the South, told by KCNA)."""
    kept = [t for t in carried if t not in places]
    return kept if kept else carried


@lru_cache(maxsize=1)
def _sea_of() -> re.Pattern:
    """"the West Sea of [Korea]": a sea's name, no place a third state's act is told in (round 47: a joint drill over
    it is still the South's; reference_words.tsv sea_name); a capital after "in" likewise stays what it was ("a ball
    of the puppet army in [Seoul]")."""
    nouns = word_alternatives(sorted(load_reference_words().get("sea_name", ()), key=len, reverse=True))
    return re.compile(r"\b(?:" + nouns + r")\s+of\s+(?:the\s+)?$", re.I)


def _located(statement: Statement, sentence: Sentence, doc: Walk) -> list[str]:
    """The statement's places that the sentence names only as where something is or happens, or whose people it
    hurt (`context.is_place`: "forces in <X>", "areas of <X>", "schoolgirls of <X>") — not a victim of a denounced act
    ("struggle against <X>"), an agenda item or a topic, which a carried target may still be."""
    in_sentence = mentions_in(doc.mentions, sentence.start, sentence.end)
    located = []
    for country in statement.places:
        at = [(m.start - sentence.start, m.end - sentence.start, m.kind) for m in in_sentence
              if any(r.country == country for r in (m.refers_to or (m,)))]
        if at and all(0 <= a and kind != "capital" and _sea_of().search(sentence.text, 0, a) is None and
                      context.is_place(sentence.text, a, b, kind) for a, b, kind in at):
            located.append(country)
    return located


def _points_back_to_a_person(sentence: Sentence, anaphor: Anchored) -> bool:
    """Whether a word pointing back is "he"/"his"/"she"/"her": the person named before (the South's leader, silent
    about a foreign army's crime against the South's people) keeps his country among the carried targets even where
    the sentence names it only as the victims' country (round 47, gold-free KCNA)."""
    return any(m.group(0).lower() in _PERSONAL for m in anaphor.pattern.finditer(sentence.text))


def _carried_targets(statement: Statement, doc: Walk) -> list[str]:
    """The targets a statement that only points back takes from the one before: its targets and its speaker's
    country. A country an act of a sentence before bore on, pointing back to it, reacts to it: its target is the act's
    actor alone (a launch into the sea, then "Japan's defence ministry said the missile fell near its waters" or
    "Seoul called it a provocation": the launcher, not the others the launch bears on; issue 13 nineteenth round).
    Not a co-actor of the same sentence ("Washington, Seoul and Tokyo announced ...") nor after words (a reply to words
    may share their targets); not in a story of a declared speaker (KCNA), whose sentences pointing back are mostly
    its own comment on the act it told, aimed at all its parties (measured: most of 258 changed KCNA sentences worse)."""
    own = statement.speaker_country
    if own and doc.narrator is None and doc.previous_act is not None and own in doc.previous_targets and \
            doc.previous_act[0] != own and doc.previous_act[1] != statement.char_start:
        return [doc.previous_act[0]]
    carried = [t for t in doc.previous_targets if t != own]
    narrator = doc.narrator
    if narrator is not None and narrator.country and own and own != narrator.country and \
            doc.previous_speaker == narrator.actor and narrator.country not in doc.previous_targets[:-1]:
        # the outlet's own country is there only as the speaker of its own sentence before: it tells the story, the
        # relayed voice of the other side does not answer it ("KCNA: <headline on the South>. He said there are
        # doubts about the new minister" is a South Korean lawmaker on his own government, not aimed at the North;
        # issue 13 round 54, blind KCNA draws: 23 of 24 such rows wrong)
        carried = [t for t in carried if t != narrator.country]
    return carried


def points_back(statement: Statement, sentence: Sentence, doc: Walk, anaphor: Anchored | None) -> bool:
    """Whether a statement that names no target takes the sentence before's: targets set at most `_CARRY_SPAN`
    sentences back, a word pointing back to them, not only "he"/"his" for the speaker's own side, not a story's
    opening."""
    return bool(doc.previous_targets) and sentence.index - doc.previous_index <= _CARRY_SPAN and \
        anaphor is not None and anaphor.found_in(sentence.text, anaphor.view(sentence.text)) and \
        not _own_person_only(statement, sentence, doc, anaphor) and not context.opens_a_story(sentence.text)


def carry_targets(statement: Statement, sentence: Sentence, doc: Walk, anaphor: Anchored) -> list[str]:
    """Sets the targets a statement pointing back takes from the sentence before (flagged inferred); returns the
    carried ones this sentence names only as places (kept for the sentences after it)."""
    located: list[str] = []
    if _own_state_pointed_at(statement, doc):
        # a relayed group's act on its own state: a domestic statement, targets "-" (guideline, "KCNA: a
        # South Korean civic group denounced the Lee regime"), still a row
        doc.not_statements.pop(id(statement), None)
    else:
        statement.targets = _carried_targets(statement, doc)
        if statement.places and not _points_back_to_a_person(sentence, anaphor):
            carried = statement.targets
            statement.targets = _without_own_places(carried, _located(statement, sentence, doc))
            located = [t for t in carried if t not in statement.targets]
    statement.targets_inferred = bool(statement.targets)
    return located


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
# "her" before a noun it owns ("her visit"), not the object "met her in Seoul"
_POSSESSED = re.compile(r"\s+(?!(?:to|in|on|at|for|with|by|and|or|as|that|from|after|before|during)\b)[a-z]")


def people(sentence: Sentence, doc: Walk) -> list[Mention]:
    """The persons a sentence names or points to, in order; a sentence opening with "His"/"He" that names no one
    first points to the last person named before it."""
    lo, hi = sentence_span(doc.mentions, sentence.start, sentence.end)
    people = [r for m in doc.mentions[lo:hi] for r in (m.refers_to or (m,)) if r.kind == PERSON]
    if sentence.text.startswith(("His ", "He ")) and not (lo < hi and doc.mentions[lo].start == sentence.start):
        before = next((r for m in reversed(doc.mentions[max(0, lo - 20):lo]) for r in (m.refers_to or (m,))
                       if r.kind == PERSON), None)
        if before is not None:
            people.insert(0, before)
    return people


def _own_person_only(statement: Statement, sentence: Sentence, doc: Walk, anaphor: Anchored) -> bool:
    """Whether the only words pointing back are "he"/"his" for a person of the speaker's own side who did not give
    the previous targets: "He made a new history of national reunification", "His demise is a loss to the nation"
    in a DPRK outlet's eulogy are about its own leader, not aimed at the South the sentence before named (guideline:
    domestic self-praise has no target). "She said ..." after Zakharova's own statement keeps its targets."""
    words = list(anaphor.pattern.finditer(sentence.text))
    if any(m.group(0).lower() not in _PERSONAL for m in words):
        return False
    if statement.is_act and statement.person and words and (
            doc.narrator is None or doc.narrator.country == statement.speaker_country) and all(
            m.group(0).lower() == "his" or m.group(0).lower() == "her" and _POSSESSED.match(sentence.text, m.end())
            for m in words):
        # "Kim attended the opening of a factory built under his policy": in an act told of a person named before it,
        # "his"/"her" is that person's own (issue 13 round 21: a leader's domestic acts took the launch targets of
        # the story before); "Xi praised his efforts" (words, not an act) still points back. Not the other side's
        # leader in a state outlet's story ("Lee became undisguised in his behaviour"): the outlet's own account,
        # whose targets carry its story's (measured on gold-free KCNA: worse there)
        named = sentence.text.find(statement.speaker) if statement.speaker else -1
        if 0 <= named and all(named + len(statement.speaker) <= m.start() for m in words):
            return True
    people = [r for m in mentions_in(doc.mentions, sentence.start, sentence.end)
              if m.backref in _PERSONAL for r in m.refers_to]
    return bool(people) and all(r.country == statement.speaker_country and r.actor != doc.previous_speaker
                                for r in people)


# The kinds of a relayed voice that is no state (a crowd, a civic group) or speaks against its own government (a party:
# KCNA relays the South's opposition parties): what it says of "the authorities" is about its own state (issue 13
# round 21: parties' domestic demands took the outlet's own country as a carried target, KOR->PRK).
_NOT_STATE = frozenset({"people", "civic", "party_legislature", "opposition"})


def _own_state_pointed_at(statement: Statement, doc: Walk) -> bool:
    """Whether a relayed South Korean crowd's or group's back-reference ("the authorities", "the regime", after the
    outlet's own row about Seoul) points at its own state: the outlet's previous row was aimed at the speaker's
    country, so "they urged the authorities" is a domestic demand, not aimed at the outlet's side (issue 13
    eighteenth round: rally participants' words relayed by KCNA). The outlet's row or that of a body of its side
    whose text the story tells (round 40: "<the body> issued a statement. The puppet regime ... . They arrested
    ...")."""
    narrator = doc.narrator
    if narrator is None or statement.speaker_kind not in _NOT_STATE or not statement.reported_by:
        return False
    body = doc.continuing
    told_by = doc.previous_speaker == narrator.actor or body is not None and body.actor is not None and \
        body.country == narrator.country and doc.previous_speaker == body.actor
    return told_by and statement.speaker_country in doc.previous_targets[:-1]
