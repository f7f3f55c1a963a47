"""A statement's found cues summed into the formula's inputs (tension/score/formula.py): its cue_sum — on each side
the strongest cue in full and the rest by REST_WEIGHT (rules.aggregate_sides), the hostile side at most the cap of
words alone when no hostile cue is an act (rules.lifts_cap), the cooperative side added after it — and the modality
factor it keeps once its text has marked that modality at a cue. Pure functions; moved out of
tension/score/scorer.py (round 46, output identical). The cap is passed in by the Scorer, which reads VERBAL_CAP by
its own name, so that evaluation/fit_scorer.py still moves it on the scorer's module.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from tension.score.lexicon import load_policy_words
from tension.score.rules import UNNEGATED_HOSTILE_KEEPS, aggregate_sides, lifts_cap

# Round 46 (h14aw, docs/evaluation-scoring.md): a charge in words strong enough to reach the cap — its hostile side
# capped, and one of its counted hostile cues an accusation or a house epithet — names the cooperation in it as what
# the other side is charged with ("the traitors blocked the reconciliation", "the puppets deter the climate of
# dialogue", "they pursued confrontation against the tide of improving relations"): that cooperation is the charge's
# object, not the speaker's, and counts CAPPED_CHARGE_COOPERATION (0). In a blind gold-free draw of counted
# cooperative cues scored under 0.3 (seed 4646) every such row was class 2 (5 of 5 KCNA rows). Posture alone at the
# cap (drills beside "closer cooperation" of allies) is no charge and keeps its cooperation, as a charge under the cap
# does ("called the regime reckless but welcomed the aid"), and so does a statement in the first person (the
# speaker's own offer beside its charge, as round 42's charged_cooperation: "we denounce the aggression and remain
# ready for dialogue").
CAPPED_CHARGE_KINDS = frozenset({"accusation", "epithet"})
CAPPED_CHARGE_COOPERATION = 0.0
# ... but not a cooperative cue told only after a contrast ("accused Lyon of aggression and war crimes but welcomed
# the aid": the seventh round's review, M1, keeps it): another act of the speaker's, not the charge's object. Read on
# the text: the cue's words do not occur before the first 'but' or ', yet' (not KCNA's "nothing but a farce", "all
# but", "cannot but", "not only ... but also", nor "not yet").
CONTRAST_WORDS = re.compile(r"(?<!nothing )(?<!anything )(?<!all )(?<!cannot )\bbut\b(?! also)|,\s*yet\b",
                            re.IGNORECASE)
# Round 47 (h14ax, docs/evaluation-scoring.md): the same under the cap when a counted hostile cue is a house epithet ("a
# fascist law obstructive to the process of reconciliation", "the puppet minister sent to conclude a pact", "the Lee
# group's office failed to witness any dialogue for reconciliation"): the epithet names the other side as the culprit,
# and the cooperation beside it is what it is charged with, counting EPITHET_CHARGE_COOPERATION (0). A blind gold-free
# KCNA draw of uncapped charges with a counted cooperative cue (seed 4701) held 13 class >= 2 rows of 15 with a counted
# epithet; the two class-1 rows were a demand ("should abandon confrontation and take the stand of reconciliation": the
# demand's object is the cooperation, not a charge) and a framing of drills "at the crossroads of dialogue and
# confrontation". A counted demand cue (EPITHET_CHARGE_KEEPS) keeps the cooperation; so do the first person and a
# contrast, as at the cap, and an epithet that names a policy, not the other side (POLICY_WORDS,
# tension/data/cues_policy_words.tsv: "confrontation" also stands in KCNA's own appeals for dialogue). An accusation
# alone is not enough under the cap: the wire's reporting words ("accused", "alleged", "a scheme") are accusations
# beside real cooperation (round 43's measure; T1's wire rows fell).
EPITHET_CHARGE_KINDS = frozenset({"epithet"})
EPITHET_CHARGE_KEEPS = frozenset({"demand"})
POLICY_WORDS = load_policy_words()
EPITHET_CHARGE_COOPERATION = 0.0


def cue_sum_of(cues: list[dict], cap: float, in_first_person: Callable[[], bool] = lambda: False,
               text: str = "") -> tuple[float, bool]:
    """(cue_sum, capped) of a statement's found cues (at least one), the hostile side at most `cap` when no hostile
    cue is an act; a capped charge's cooperative cues count CAPPED_CHARGE_COOPERATION, and an uncapped epithet
    charge's EPITHET_CHARGE_COOPERATION, unless the statement is in the first person (asked last)."""
    if len(cues) == 1:
        cue_sum = cues[0]["contribution"]
        if cue_sum > cap and not lifts_cap(cues[0]):
            return cap, True
        return cue_sum, False
    hostile_side, cooperative_side = aggregate_sides([c["contribution"] for c in cues])
    capped = False
    if hostile_side > cap and not any(lifts_cap(c) for c in cues):
        hostile_side, capped = cap, True  # words or force posture alone: at most class +2 (the hostile side)
        if (cooperative_side and any(c["contribution"] > 0 and c["kind"] in CAPPED_CHARGE_KINDS for c in cues)
                and not in_first_person()):
            cooperative_side = name_in_charge(cues, text)
    elif cooperative_side and epithet_charge(cues) and not in_first_person():
        cooperative_side = name_in_charge(cues, text, EPITHET_CHARGE_MARKER, EPITHET_CHARGE_COOPERATION)
    return hostile_side + cooperative_side, capped


def epithet_charge(cues: list[dict]) -> bool:
    """Whether a statement under the cap is a charge naming the other side by a house epithet: a counted hostile cue
    of EPITHET_CHARGE_KINDS that is no policy word (POLICY_WORDS), and no counted cue of EPITHET_CHARGE_KEEPS (a
    demand's object is its cooperation)."""
    counted = [c for c in cues if c["contribution"] > 0]
    return (any(c["kind"] in EPITHET_CHARGE_KINDS and c["cue"] not in POLICY_WORDS for c in counted)
            and not any(c["kind"] in EPITHET_CHARGE_KEEPS for c in counted))


CAPPED_CHARGE_MARKER = {"marker": "named in a charge at the cap", "kind": "capped charge"}
EPITHET_CHARGE_MARKER = {"marker": "named beside a house epithet", "kind": "epithet charge"}


def name_in_charge(cues: list[dict], text: str, marker: dict = CAPPED_CHARGE_MARKER,
                   factor: float = CAPPED_CHARGE_COOPERATION) -> float:
    """A charge's cooperative cues, but those told only after a contrast (CONTRAST_WORDS), counted `factor` each and
    marked `marker` in the explanation; the cooperative side they sum to now."""
    contrast = CONTRAST_WORDS.search(text)
    before = text[:contrast.start()].lower() if contrast else None
    for cue in cues:
        told_before = before is None or re.search(rf"\b{re.escape(cue['matched'].lower())}\b", before)
        if cue["contribution"] < 0 and told_before:
            cue["markers"] = cue["markers"] + [dict(marker)]
            cue["factor"] = round(cue["factor"] * factor, 4)
            cue["contribution"] = round(cue["weight"] * cue["factor"], 4)
    return aggregate_sides([c["contribution"] for c in cues])[1]


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
