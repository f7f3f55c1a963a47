"""A statement's found cues summed into the formula's inputs (tension/score/formula.py): its cue_sum — on each side
the strongest cue in full and the rest by REST_WEIGHT (rules.aggregate_sides), the hostile side at most the cap of
words alone when no hostile cue is an act (rules.lifts_cap), the cooperative side added after it — and the modality
factor it keeps once its text has marked that modality at a cue. Pure functions; moved out of
tension/score/scorer.py (round 46, output identical). The cap is passed in by the Scorer, which reads VERBAL_CAP by
its own name, so that evaluation/fit_scorer.py still moves it on the scorer's module.
"""
from __future__ import annotations

from tension.score.rules import UNNEGATED_HOSTILE_KEEPS, aggregate_sides, lifts_cap


def cue_sum_of(cues: list[dict], cap: float) -> tuple[float, bool]:
    """(cue_sum, capped) of a statement's found cues (at least one), the hostile side at most `cap` when no hostile
    cue is an act."""
    if len(cues) == 1:
        cue_sum = cues[0]["contribution"]
        if cue_sum > cap and not lifts_cap(cues[0]):
            return cap, True
        return cue_sum, False
    hostile_side, cooperative_side = aggregate_sides([c["contribution"] for c in cues])
    capped = False
    if hostile_side > cap and not any(lifts_cap(c) for c in cues):
        hostile_side, capped = cap, True  # words or force posture alone: at most class +2 (the hostile side: the
        # cooperative cues beside it still count, "... but welcomed the aid")
    return hostile_side + cooperative_side, capped


def marked_factor(factor: float, modality: str, cues: list[dict], cue_sum: float,
                  marked_by: dict[str, set[str]]) -> float:
    """The statement's modality factor once its cues are summed: 1.0 when a marker at a cue already expresses the
    modality (`marked_by`: the marker kinds of each statement modality), or when a negated statement's cues sum
    hostile (no negation reached a cue), else `factor`."""
    marked = marked_by.get(modality, ())
    if marked and any(m["kind"] in marked for c in cues for m in c["markers"]):
        return 1.0  # the text marks this modality at the cue already: count it once
    if modality in UNNEGATED_HOSTILE_KEEPS and cue_sum > 0:
        return 1.0  # no negation reached a cue, and the cues sum hostile: the negation is of words that are no cue
        # ('will never escape punishment') or the cue's own ('denied the agreement'; rules.py)
    return factor
