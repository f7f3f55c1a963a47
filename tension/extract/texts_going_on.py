"""Texts going on in a state outlet's story: whose text a sentence with no frame of its own belongs to when a body's
or a relayed voice's text is going on (after a colon frame or an issuing lead: `Walk.continuing`) — the outlet's own
side's body (round 40), its evaluation inside that text (round 41), a relayed voice of no state after its colon frame
(round 62). Used by tension.extract.voices.relayed_voices, which decides whose voice each statement is."""

from __future__ import annotations

import re

from tension.extract.findings import Statement
from tension.extract.kinds import POLITICAL_VOICES, Kinds
from tension.extract.mentions import Mention
from tension.extract.walk import Walk

# The kinds of a relayed voice of no state (a civic group, an opposition party, a paper, an association abroad) whose
# text the outlet tells going on (goes_on.relayed_issuer_going_on, a colon frame).
NON_STATE_VOICES = frozenset({"civic", "opposition", "media", "academic", "diaspora_foreign", "people"})


def own_body_going_on(doc: Walk) -> Mention | None:
    """The body of the outlet's own side whose text the story is telling (a colon frame's or an issuing lead's voice
    going on: doc.continuing), when it is a state voice or a front body, not the outlet itself; None otherwise."""
    body = doc.continuing
    if body is None or body.actor == doc.narrator.actor or body.country != doc.narrator.country or \
            doc.continuing_kind not in OWN_BODY_KINDS:
        return None
    return body


# "It is <an evaluation> ...", "It was against this backdrop that ...", "It is said that ...": "it" before a copula
# and no verb of its own (not "It is staging ..."): an empty subject or the text's own evaluation, not an act of the
# voice named before ("act subject (it/they)", attribution.py).
_EXPLETIVE_IT = re.compile(r"It\s+(?:is|was|will\s+be|would\s+be|has\s+been|had\s+been)\b"
                           r"(?!(?:,[^,]{1,40},)?\s+(?:\w+ly\s+)?(?:also\s+|still\s+|now\s+)?[a-z]+ing\b)")


def evaluation_going_on(statement: Statement, doc: Walk) -> Mention | None:
    """The voice of the outlet's own side whose text is going on (a paper's commentary or a body's statement after a
    colon frame or an issuing lead: doc.continuing) when the statement gives an "It is <an evaluation> ..." sentence
    of that text to another side's voice named before as its act (issue 13 round 41: in gold-free KCNA draws such
    rows were the South's, KOR->PRK, inside a DPRK paper's text); None otherwise."""
    if statement.attribution != "act subject (it/they)" or statement.speaker_country in (None, doc.narrator.country) or \
            not _EXPLETIVE_IT.match(statement.content):
        return None
    body = doc.continuing
    if body is None or body.country != doc.narrator.country or doc.continuing_kind not in OWN_BODY_KINDS:
        return None
    return body


def relayed_text_going_on(doc: Walk, kinds: Kinds) -> Mention | None:
    """The relayed voice of no state (a civic group or a party of the other side, a paper, an association abroad)
    whose text goes on after a colon frame ("..., the statement said, and went on:"): a sentence of that text in the
    outlet's loaded words is the voice's text as the outlet translates it, not the outlet's own paraphrase (round 62;
    round 40 did this for the outlet's own side's bodies). None for a voice going on after an issuing lead with no
    colon (round 43: the outlet's loaded words in such a story stay its own paraphrase), of the outlet's side, or
    named by a state office (a kind of no state read for the South's leader or a ministry is another fault)."""
    body = doc.continuing
    if body is None or not doc.continuing_colon or body.actor == doc.narrator.actor or \
            body.country == doc.narrator.country or doc.continuing_kind not in NON_STATE_VOICES or \
            not body.country and doc.continuing_kind != "diaspora_foreign":
        return None  # (a person of no country read may be of the outlet's side: "he said, adding:" of its official)
    role = body.role or ""
    if role not in _PLACED_ONLY and kinds.by_role.get(role) not in NON_STATE_VOICES and not any(
            role.startswith(prefix) and kind in NON_STATE_VOICES for prefix, kind in kinds.by_role_prefix):
        return None  # (a state office the dictionary knows, "Lee"'s text or a ministry's: a kind read wrong before)
    return body


# The roles of a voice placed only by its country or a demonym (a group "of south Korea", "British"): no office.
_PLACED_ONLY = frozenset({"", "state", "demonym"})


# The kinds of a body of the outlet's own side whose text goes on in the outlet's story (own_body_going_on).
OWN_BODY_KINDS = POLITICAL_VOICES | {"civic", "academic"}
