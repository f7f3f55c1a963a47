"""Targets from context: when a statement's content names none (`tension.extract.places` finds those it names),
the sentence before when the content only points back (`tension.extract.carried`), or those the act implies
(`tension.extract.implied`: a DPRK launch bears on KOR, JPN and USA), flagged `targets_inferred`; a place named alone
is the target then. Praise of one's own leader has no target (adjudication 10). What the walk carries on from a
statement (its targets, its voice) is set here."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words

from tension.extract import context
from tension.extract.carried import carry_targets, people, points_back
from tension.extract.findings import Statement, outside_quotes
from tension.extract.implied import implied_targets, unnamed_provocation
from tension.extract.kinds import Kinds
from tension.extract.places import _topic_verb_words, make_statement  # noqa: F401 (re-exported: tests, callers)
from tension.extract.scan import Anchored, WordPattern, phrase_alternatives, word_alternatives
from tension.extract.sentences import Sentence
from tension.extract.walk import RELAYED_GROUPS, Walk, as_mention


def complete_targets(statement: Statement, sentence: Sentence, doc: Walk, kinds: Kinds | None,
                      anaphor: Anchored | None, co_actors: list[str | None] = ()) -> None:
    """Targets from context when the content only points back, or implied by the act when it names none
    (act_types.tsv: a DPRK launch bears on KOR, JPN and USA). `co_actors`: the countries doing the same act in the
    sentence ("Iran and Syria held joint drills"), never the counterpart an act implies."""
    content = statement.content
    located: list[str] = []  # carried targets this sentence names only as places (kept for the sentences after it)
    worded = _add_target_words(statement)
    if "-Korea" in content or "Koreas" in content or "orth-" in content or "outh-" in content:
        both = _both_koreas().search(statement.content)
        if both is not None and (both.group(0).lower().startswith(("inter", "intra")) or "Koreas" in both.group(0)
                                 or doc.korea and (
                both.group(0)[0].islower() or not _IN_A_NAME.match(statement.content, both.end()))):
            # "called for improving inter-Korean relations", "urged the two Koreas": both, the speaker's own aside
            statement.targets.extend(c for c in ("KOR", "PRK") if c != statement.speaker_country
                                     and c not in statement.targets)
    act, implied = implied_targets(statement, sentence, doc, kinds)
    if implied and statement.targets and act.actor_country != "*" and (statement.is_act or implied[0] not in statement.targets):
        # "fired a missile toward Japan": the act's other targets; words about it naming the South keep it (round 67)
        statement.targets.extend(t for t in implied if t not in statement.targets and t != statement.speaker_country)
    if not statement.targets and statement.speaker_country:
        if implied:
            if implied == ("counterpart",):
                counterpart = doc.counterpart(statement.speaker_country, co_actors)
                implied = (counterpart,) if counterpart else ()
            statement.targets = [t for t in implied if t != statement.speaker_country]
            statement.targets_inferred = bool(statement.targets)
        elif points_back(statement, sentence, doc, anaphor):
            located = carry_targets(statement, sentence, doc, anaphor)
    if not statement.targets and statement.speaker_country and sentence.index > 0 and \
            (headline := doc.headline_targets.get(statement.speaker_country)) and _cut_off(sentence.text):
        # a lead the feed cut before its object ("... will bring back their annual military"): what its act bears on
        # is what the headline's statement of the same country does (round 30; the guideline's unit: the document
        # context resolves)
        statement.targets = list(headline)
        statement.targets_inferred = True
    if not statement.targets and statement.places and not context.adversary().search(statement.content):
        # (not when the content aims at an adversary it names with no country: "foreign forces must withdraw from
        # south Korea" is aimed at them, not at the place)
        statement.targets = [t for t in statement.places if t != statement.speaker_country]  # only a place: it is
    elif worded and statement.targets == worded and statement.places and sentence.text.startswith(_PERSON_BEFORE):
        # "He failed to utter a word about the GIs' assaults against <the South's> girls": the person named before
        # (the South's leader, "He" opening the sentence) is of the victims' country and accused, as when the GIs
        # named no country; a "he" inside the sentence is the soldier himself (round 47's guard; round 70)
        statement.targets.extend(t for t in statement.places if t != statement.speaker_country and
                                 t not in statement.targets)
    if doc.eulogy and statement.targets and statement.speaker_country and kinds is not None and \
            context.own_leader_praised(statement.content, statement.speaker_country, statement.speaker_role,
                                       people(sentence, doc)) and \
            not kinds.house.search(body := outside_quotes(statement.content)) and not kinds.evaluative.search(body):
        # "He made a new history of national reunification", "His feats for the north-south summits will last
        # forever": praise of one's own leader is domestic self-praise, no target (adjudication 10); not when the
        # words also evaluate the other side ("slamming the south Korean authorities for blocking condolences")
        statement.targets, statement.targets_inferred = [], False
    if not statement.targets and doc.korea:
        unnamed_provocation(statement)  # (state voices only: it checks the kind)
    if statement.targets and sentence.index == 0 and statement.speaker_country and \
            not sentence.text.rstrip().endswith((".", ":")):
        # (a headline: a story's opening sentence, which ends with a full stop or a colon, is none)
        doc.headline_targets.setdefault(statement.speaker_country,
                                        [t for t in statement.targets if t != statement.speaker_country])
    if statement.targets:
        doc.previous_targets = [*statement.targets, *located,
                                *([statement.speaker_country] if statement.speaker_country else [])]
        # (a sentence telling where a third state's forces are drops the South for itself, not for the "they" after
        # it: a commentary's "they are going to start a war" still means both; round 47, gold-free KCNA)
        doc.previous_index = sentence.index
        doc.previous_speaker = statement.speaker_actor
        doc.previous_act = (statement.speaker_country, statement.char_start) if (
            statement.is_act and statement.speaker_country) else None
    if (statement.speaker_country or statement.speaker_kind == "diaspora_foreign" or _unplaced_group(statement, doc)) \
            and (
            not statement.is_act or (doc.narrator is not None and statement.speaker_kind in RELAYED_GROUPS) or (
                doc.narrator is not None and statement.speaker_kind == "state_media" and
                statement.speaker_actor != doc.narrator.actor)) and \
            not statement.attribution.startswith(("document", "continued")):
        # (a group whose act an outlet relays is who "they" are next: "The Council held a rally. ... they said"; so is
        # a paper the outlet relays, its headline told as an act: "<Rodong Sinmun> Accuses ...", then "the article
        # says, and goes on:" — round 61: the paper's kind had been civic, and it went on; as state media it did not)
        # (the outlet's own sentences do not change who "it" and "the statement" point back to)
        doc.last_speaker = as_mention(statement)
        doc.last_kind = statement.speaker_kind
        doc.crowd = None
    elif doc.narrator is not None and statement.is_act and statement.speaker_kind == "people" and \
            statement.speaker_country and statement.speaker_country != doc.narrator.country and \
            not statement.attribution.startswith(("document", "continued")):
        doc.crowd = as_mention(statement)  # "Workers of <the other side> staged a rally": "they" next
    elif _unplaced_crowd(statement, doc):
        doc.crowd = as_mention(statement)  # "Speakers at the rally said ...": "they" next, not the outlet

# How a sentence ends when the feed cut it off: a word, a digit, a comma or a dash (a finished sentence ends with a
# full stop, a question or exclamation mark, a closing quote or bracket, a colon). Not an ellipsis: RSS 2024's
# descriptions stop at one, mostly in a clause of background ("as ... struggles to ..."), and the one gold-free row
# it changed was worse (round 30).
_CUT_OFF = frozenset(",;-\u2013\u2014")


def _cut_off(text: str) -> bool:
    """Whether the sentence stops before its end (a feed's lead cut at sixty characters, mid-word)."""
    last = text.rstrip()[-1:]
    return last.isalnum() or last == "_" or last in _CUT_OFF


def _unplaced_group(statement: Statement, doc: Walk) -> bool:
    """Whether the statement is a civic group's own words an outlet relays with no country known for it ("The <an
    unlisted council> in a statement denounced ..."): it is still who "it" and "the statement" are next, not a voice
    named before it (issue 13 round 24: its relayed sentences went to the outlet's own voice or to the state before).
    Only in place of a voice that is no placed relayed group (none, a state's, a person's, an unplaced group's): after a placed group ("The
    France-Korea Friendship Association ..." after another French body) "the statement" keeps the placed one and its
    country. Not a bare "group": in a KCNA release that is the outlet's epithet for the South's rulers ("the Lee group"),
    read as a civic speaker only for want of a country."""
    return doc.narrator is not None and statement.speaker_kind == "civic" and not statement.is_act and \
        bool(statement.cue) and not (statement.speaker or "").lower().endswith("group") and \
        not (doc.last_kind in RELAYED_GROUPS and doc.last_speaker is not None and doc.last_speaker.country)


def _unplaced_crowd(statement: Statement, doc: Walk) -> bool:
    """Whether the statement is the words of a relayed crowd the text places in no country ("Speakers at the rally
    said ...", "Participants demanded ..."; a noun phrase of no state) in an outlet's story: who "they" are next (round
    37: the next "They demanded ..." went to the outlet's own voice, a pair row of the outlet's side). Only "they":
    "it", "he" and "the commentary" keep pointing where they did (a first version that made such a crowd the last
    speaker gave the outlet's own sentences about the other side's regime to it). Not in place of a placed voice or
    crowd told before it ("Farmers of <a country> rallied. Participants said ... They demanded ..." are the farmers)."""
    return doc.narrator is not None and not statement.is_act and not statement.speaker_country and \
        statement.attribution == "speech verb (no state)" and \
        (doc.last_speaker is None or not doc.last_speaker.country) and not (doc.crowd is not None and doc.crowd.country)


# A sentence opening with a person told before: "He failed to ...", "His remarks ..." (round 70).
_PERSON_BEFORE = ("He ", "His ", "She ", "Her ")


def _add_target_words(statement: Statement) -> list[str]:
    """Adds the countries of the target words the content says outside its speaker's own name (reference_words.tsv,
    target_word: "demanded punishment of the GI", "GIs' crimes" aim at the US; issue 13 round 70), each a named
    target unless it is the speaker's country; returns those it added."""
    content, speaker = statement.content, statement.speaker or ""
    added: list[str] = []
    if not any(needle in content for needle in _target_needles()):
        return added  # (a substring test first: the search's look-behind at every character cost 2% of extraction)
    named = content.find(speaker) if speaker else -1
    for found in _target_words().finditer(content):
        if 0 <= named <= found.start() < named + len(speaker):
            continue  # (inside the speaker's name: "the Joint Conference for Settling GIs' Crimes")
        country = _target_countries()[found.group(0)]
        if country != statement.speaker_country and country not in statement.targets:
            statement.targets.append(country)
            added.append(country)
    return added


@lru_cache(maxsize=1)
def _target_countries() -> dict[str, str]:
    """target word -> its country (reference_words.tsv, use target_word, "WORD COUNTRY")."""
    return dict(row.rsplit(" ", 1) for row in load_reference_words().get("target_word", ()))


@lru_cache(maxsize=1)
def _target_needles() -> tuple[str, ...]:
    """The target words none of which holds another ("GI", not "GIs" too): one of them is in every content a target
    word is in."""
    words = _target_countries()
    return tuple(w for w in words if not any(o != w and o in w for o in words))


@lru_cache(maxsize=1)
def _target_words() -> re.Pattern:
    """The target words as written (case kept: "GI", not the "Gi" of a romanised name), whole words; a possessive's
    "'s" or "'" after them does not stop the match ("GIs' crimes", "a GI's wife")."""
    return re.compile(r"(?<![\w-])(?:" + word_alternatives(sorted(_target_countries(), key=len, reverse=True))
                      + r")(?![\w-])")


# A capitalised word after "North-South": a name ("the Solidarity for Implementing the South-North Joint Declaration").
_IN_A_NAME = re.compile(r"\s+[A-Z]")


@lru_cache(maxsize=1)
def _both_koreas() -> WordPattern:
    """A word for the two Koreas together (reference_words.tsv, use both_koreas), as a whole word."""
    phrases = load_reference_words().get("both_koreas", ())
    return WordPattern(re.compile(r"\b(?:" + phrase_alternatives(phrases) + r")\b", re.I),
                       [p.split(" ")[0] for p in phrases])  # (searched from each phrase's first word)

