"""Back-references in a state outlet's story: a sentence whose subject points back to a relayed body ("They held a
rally", "The organization sent a letter") or tells the other side's collective's act in the passive is that body's
act or words, reported by the outlet — not the outlet's own statement. Used by tension.extract.voices.relayed_voices;
the words are reference_words.tsv's (use relayed_body)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Finding, Statement, outside_quotes
from tension.extract.groups import collective_act
from tension.extract.kinds import PARTY_KINDS, RELAYED_BODIES, Kinds
from tension.extract.mentions import Mention, mentions_in
from tension.extract.places import make_statement
from tension.extract.scan import NEVER
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk


# A sentence opening, after a short lead with no comma ("On Wednesday", "At the meeting", "In the message"), with a
# back-reference to a body ("they", "it", "the organization": reference_words.tsv, use relayed_body) and that body's
# own past-tense verb. What the outlet asks of a body ("They should ...") or says of it with "is"/"was" is not matched:
# only a verb of an act or of speech, and not a participle of a passive ("the movement staged by ...").
_LEAD = (r"(?:(?:On|At|In|During|Through|Then|Later|There|Also|Afterwards|Earlier)"
         r"(?:\s+(?!(?:it|they|the)\b)[\w.'’-]+|\s+the){0,3}\s+)?")
_PAST = (r"(?:also\s+|then\s+|later\s+|jointly\s+|again\s+)?(?:[a-z]+ed|held|met|sent|made|took|gave|put|set|began|"
         r"brought|led|stood|went|came|laid|paid|wrote|told|said|kept|sought|built|chose|drew|rose|spoke|won)\b"
         r"(?!\s+by\b)")
# A sentence closed by a speaker's frame (", he pointed out."): someone's words, whose "they" is what the words are
# about, not the body that acts.
_TRAILING_FRAME = re.compile(r",\s+(?:he|she|it|they|the\s+\w+)\s+(?:\w+ly\s+)?[a-z]+(?:\s+out)?[.\"”’\s]*$")


@lru_cache(maxsize=1)
def _back_reference() -> re.Pattern:
    """The opening of a sentence whose subject points back to a relayed body (see _LEAD)."""
    nouns = "|".join(sorted(map(re.escape, load_reference_words().get("relayed_body", ())), key=len, reverse=True))
    return re.compile(_LEAD + r"(?P<ref>[Ii]t|[Tt]hey|[Tt]he\s+(?P<noun>" + (nouns or NEVER) + r"))\s+" + _PAST)


# What "they" may point back to: a relayed body (kinds.RELAYED_BODIES), or a crowd.
_CROWD_KINDS = RELAYED_BODIES | {"people"}


def back_referenced_body(sentence: Sentence, doc: Walk, kinds: Kinds) -> tuple[Mention, str, str] | None:
    """The relayed body (a voice of no state of another side than the outlet's, the last to speak or act in the story)
    that the sentence's opening back-reference stands for: (the body, its kind, the back-reference's words). None when
    the sentence opens otherwise, when the last voice is a state's or of the outlet's own side, or when the sentence
    carries the outlet's house vocabulary ("they staged a puppet farce": the outlet's own account, round 10) or is
    closed by another's frame."""
    text = sentence.text
    if not text[:1].isupper() or (opening := _back_reference().match(text)) is None:
        return None
    ref = opening.group("ref").lower()
    body, kind = (doc.crowd, doc.crowd.kind) if ref == "they" and doc.crowd is not None else \
        (doc.last_speaker, doc.last_kind)
    if body is None or body.actor == doc.narrator.actor or body.country == doc.narrator.country or \
            kind not in (_CROWD_KINDS if ref == "they" else RELAYED_BODIES):
        return None
    if not body.country and kind != "diaspora_foreign":
        return None  # (a body the story does not place: left to the outlet, as before)
    if opening.group("noun") == "party" and kind not in PARTY_KINDS:
        return None  # ("the party" after a civic group is another's: the outlet's own ruling party, most often)
    if kinds.house.search(outside_quotes(text)) or _TRAILING_FRAME.search(text):
        return None
    return body, kind, opening.group("ref")


def collective_told(sentence: Sentence, doc: Walk, kinds: Kinds) -> tuple[Mention, str, str] | None:
    """The other side's collective whose act the sentence tells in the passive (groups.collective_act), unless the
    sentence carries the outlet's house vocabulary (its own loaded account, round 10) or a modal (its call)."""
    text = sentence.text
    if " were " not in text and " was " not in text and " been " not in text:
        return None  # (no passive: most of the outlet's own sentences)
    side = kinds.home.get(doc.narrator.country or "", frozenset()) - {doc.narrator.country}
    if not side:
        return None
    in_sentence = mentions_in(doc.mentions, sentence.start, sentence.end)
    if not any(m.country in side for m in in_sentence) or kinds.house.search(outside_quotes(text)) or \
            _MODAL.search(text):
        return None
    return collective_act(text, sentence.start, in_sentence, kinds, side)


_MODAL = re.compile(r"\b(?:should|must|will|would|shall)\s+(?:be|have)\b")


def told_of(body: tuple[Mention, str, str], sentence: Sentence, doc: Walk, narrator: Mention,
             how: str = "act subject (back-reference)") -> Statement:
    """The statement of a sentence that tells a relayed body's act or words, as that body's, reported by the outlet
    (instead of the outlet's own row); its targets the countries the sentence names but the body's own."""
    mention, kind, ref = body
    in_sentence = mentions_in(doc.mentions, sentence.start, sentence.end)
    told = make_statement(sentence, sentence.text, Finding([mention], ref, "", True, how),
                          [], in_sentence, offset=sentence.start, doc_cues=doc.cues)
    return replace(told, speaker_kind=kind, reported_by=narrator.text, speaker_actor=mention.actor,
                   speaker_role=mention.role or None)
