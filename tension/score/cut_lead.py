"""A lead the feed cut before its end, scored with its headline (round 29).

Russian state media's feeds (and some RSS descriptions) stop a lead at about sixty characters, often mid-word and
before the object of the act: what is left may hold no hostile word although the headline above it says what the
act was and how the speaker judged it. The labellers read such a lead with its document in view (the guideline's
unit), and the extractor already gives a cut lead its headline's targets (tension/extract/targets.py, `_cut_off`).
Here its hostility is the larger in magnitude of its own text's and its headline statement's (the first headline
statement of the same speaker country), unless a cue of the lead's own words points the other way, and the
explanation says so. A finished sentence is never touched.

Pure: the statements of one document and their scores in, the scores out.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from tension.extract.targets import _cut_off  # the extractor's test: its characters are in the extractor's version
# (a change of them re-extracts, and so rescores), not imported by the scorer's version module, which would load the
# whole extractor for `tension score` (0.07 -> 0.23 s at start)
from tension.score.formula import Score
from tension.score.scorer import Scorer

CUT_LEAD_NOTE = "cut lead: scored with its headline"
HEADLINE_ENDS = (".", ":")  # a document's first sentence ending so is its story's opening, not a headline


class Statement(Protocol):
    """What scoring reads of a statement: the extractor's Statement in a run, a stored row in `tension rescore`."""

    content: str
    modality: str
    targets: list[str]
    speaker_country: str | None
    sentence_index: int
    sentence: str


def score_document(scorer: Scorer, statements: Sequence[Statement]) -> list[Score]:
    """One document's statements scored as the pipeline scores them, in a run and in `tension rescore` alike: each
    toward its targets and speaker country (a cue aimed at a third country counts 0: tension/score/direction.py), a
    cut lead with its headline statement."""
    return score_cut_leads(statements, [scorer.score(s.content, s.modality, s.targets, s.speaker_country)
                                        for s in statements])


def headline_of(statements: Sequence[Statement]) -> dict[str, int]:
    """The first headline statement (sentence 0, not a finished sentence) of each speaker country, by index."""
    found: dict[str, int] = {}
    for i, statement in enumerate(statements):
        if not statement.sentence_index and statement.speaker_country and \
                not statement.sentence.rstrip().endswith(HEADLINE_ENDS):
            found.setdefault(statement.speaker_country, i)
    return found


def is_cut_lead(statement: Statement) -> bool:
    """Whether the statement stands in a sentence after the headline that the feed cut before its end."""
    return statement.sentence_index > 0 and _cut_off(statement.sentence)


def with_headline(own: Score, headline: Score) -> Score:
    """The cut lead's score: its own, or its headline's when that is larger in magnitude and does not turn a cue of
    the lead's own words the other way (marked as such)."""
    if abs(headline.hostility) <= abs(own.hostility):
        return own
    if own.cue_sum and own.hostility * headline.hostility < 0:
        return own  # what the lead's own words say keeps its direction: the headline fills in what was cut, it does
        # not reverse what is there ("said on Thursday that Seoul would face consequences" under "praises talks")
    return replace(headline, cut_lead=CUT_LEAD_NOTE, own_hostility=own.hostility)


def score_cut_leads(statements: Sequence[Statement], scores: list[Score]) -> list[Score]:
    """`scores` of one document's statements, each cut lead's taken with its headline statement's (same country)."""
    if len(statements) < 2:
        return scores
    heads = headline_of(statements)
    if not heads:
        return scores
    out = scores
    for i, statement in enumerate(statements):
        head = heads.get(statement.speaker_country or "")
        if head is not None and is_cut_lead(statement):
            chosen = with_headline(scores[i], scores[head])
            if chosen is not scores[i]:
                out = list(scores) if out is scores else out
                out[i] = chosen
    return out
