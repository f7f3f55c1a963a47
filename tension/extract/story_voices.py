"""Whose story a whole document is: passes over one document's statements after the sentence walk.

A state outlet's story may be, from its first sentence, another voice's: a gathering of Koreans abroad
(diaspora_voices) or a South Korean voice of no state putting out its words (relayed_lead_voices). What the walk
could only give to "people" or to the outlet's own name is then that voice's. The per-sentence reading of relayed
voices is tension/extract/voices.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Statement, outside_quotes
from tension.extract.kinds import Kinds
from tension.extract.mentions import Mention
from tension.extract.references import words_pattern
from tension.extract.speaker_kind import DIASPORA


# The lead's subject is a diaspora body or gathering: what comes before its first verb names Koreans abroad ("Koreans
# in <country> held ...", "A festival of Koreans in <region> was held ...", "The committee of the association of
# Korean residents in <country> gave ..."); a verb of the lead, a few common forms, ends the subject.
_LEAD_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|held|gave|sent|issued|made|took|met|said|called|"
                        r"[a-z]+ed)\b")


def diaspora_lead(body: str) -> bool:
    """Whether the story's first sentence has a diaspora body or gathering of Koreans abroad as its subject (before
    its first verb)."""
    first = re.split(r"[.!?](?:\s|,|$)", body.lstrip(), maxsplit=1)[0]
    verb = _LEAD_VERB.search(first)
    return bool(DIASPORA.search(first, 0, verb.start() if verb else len(first)))


def diaspora_voices(statements: list[Statement], body: str, narrator: Mention | None, kinds: Kinds | None
                    ) -> list[Statement]:
    """In a state outlet's story about a diaspora body or gathering, a relayed voice of no country the walk could
    only call `people` (a named official, "the speakers", "lecturers", an unresolved "the statement") is a voice of
    that diaspora: `diaspora_foreign` (adjudication 6 and 34; a person of the outlet's own or another named country
    keeps it)."""
    if narrator is None or kinds is None or kinds.of_mention(narrator) != "state_media" or not diaspora_lead(body):
        return statements
    for statement in statements:
        if statement.speaker_kind == "people" and statement.speaker_country is None and \
                statement.speaker_actor != narrator.actor:
            statement.speaker_kind = "diaspora_foreign"
    return statements


# The attributions of a row the outlet speaks in its own name for want of another speaker (relayed_lead_voices).
_OUTLET_OWN = frozenset({"document", "document (account of an act)", "document (house vocabulary)"})
# What a subject that holds its own finite verb is not (the lead's subject is what comes before the relay verb).
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says|will|would|began)\b"
                     r"|\b[a-z]{3,}ed\b(?!\s+(?:with|to|by|of|in|for|from|under|as)\b)")


@lru_cache(maxsize=1)
def _relay_lead_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The relay verb, the South's place words and the state words of a relayed lead (reference_words.tsv)."""
    words = load_reference_words()
    act = re.compile(r"\b(?:" + words_pattern(words.get("relay_lead_act", ())) + r")\b")
    place = re.compile(r"\b(?:" + words_pattern(words.get("relay_lead_place", ())) + r")\b")
    state = re.compile(r"\b(?:" + words_pattern(words.get("relay_lead_state", ())) + r")\b", re.I)
    return act, place, state


@lru_cache(maxsize=1)
def _disowned() -> re.Pattern:
    """The words by which the outlet disowns what the lead's voice put out (reference_words.tsv relay_lead_disowned)."""
    return re.compile(r"\b(?:" + words_pattern(load_reference_words().get("relay_lead_disowned", ())) + r")\b", re.I)


def relayed_lead(body: str, house: re.Pattern) -> str | None:
    """The voice of no state of the South that the story's lead (its first sentence, after a headline with no full
    stop) tells putting out its words ("A coalition of civic groups of south Korea held a press conference ...",
    "<a poet> of south Korea posted an article ..."): the words before the relay verb, when they place the voice in
    the South and name no state body (relay_lead_state) nor in the outlet's house vocabulary ("the puppet
    authorities"); None otherwise."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if not paragraphs:
        return None
    lead = paragraphs[1] if len(paragraphs) > 1 and not re.search(r"[.!?:]\W*$", paragraphs[0]) else paragraphs[0]
    act, place, state = _relay_lead_words()
    verb = next((m for m in act.finditer(lead, 0, 400) if not lead.startswith(" by ", m.end())), None)
    if verb is None:  # (not "talks held by them": a participle)
        return None
    subject = lead[:verb.start()].strip(" ,")
    if _disowned().search(lead, verb.end(), verb.end() + 40):
        return None  # ("<a paper> released a false report ...": the outlet denounces it, its story is its own)
    if not subject or len(subject) > 250 or not place.search(subject) or state.search(subject) or \
            house.search(subject) or _FINITE.search(subject):
        return None
    return _LEAD_TIME.sub("", subject)  # ("<the group> on Feb. 10 held ...": the group, not its day)


# A day or a manner between a lead's subject and its verb ("... on Feb. 10", "... Tuesday", "... jointly").
_LEAD_TIME = re.compile(r"(?:,?\s+(?:on\s+[A-Z][a-z]+\.?(?:\s+\d+)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                        r"recently|jointly|simultaneously))+\s*$")


def relayed_lead_voices(statements: list[Statement], body: str, narrator: Mention | None, kinds: Kinds | None
                        ) -> list[Statement]:
    """In a state outlet's story whose lead tells a voice of no state of the South putting out its words (relayed_lead),
    the rows the outlet would speak in its own name for want of another speaker (_OUTLET_OWN) are that voice's: a
    domestic voice of the South (civic, reported by the outlet; its own country's targets dropped), not the outlet's
    statement toward the South (guideline: a state outlet relaying a civic group; issue 13 round 43: 7 of 70 KCNA
    pair rows of a gold-free draw)."""
    if narrator is None or kinds is None or kinds.of_mention(narrator) != "state_media" or not narrator.country:
        return statements
    voice = relayed_lead(body, kinds.house)
    if voice is None:
        return statements
    out = []
    for statement in statements:
        if statement.speaker_actor == narrator.actor and statement.attribution in _OUTLET_OWN and \
                not kinds.house.search(outside_quotes(statement.content)):
            # (in the outlet's house vocabulary, "The puppet warmongers staged ...", it stays the outlet's own
            # paraphrase, as everywhere: guideline, house vocabulary; round 10)
            statement = replace(statement, speaker=voice, speaker_actor=voice, speaker_country="KOR",
                                speaker_role=None, cue="", is_act=False, attribution="relayed lead (story)",
                                targets=[t for t in statement.targets if t != "KOR"], speaker_kind="civic",
                                reported_by=narrator.text, targets_inferred=False)
        out.append(statement)
    return out
