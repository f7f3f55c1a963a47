"""The formula of the hostility score, its constants and the explanation it leaves: what a statement's cue_sum, VADER
compound and modality become (tension/score/scorer.py finds the cues and sums them; METHODOLOGY.md §2).

    raw = tanh( cue_sum  +  VADER_WEIGHT × (−vader_compound) ) × modality_factor

Every constant here is part of the scorer version (tension/score/version.py hashes them). The Scorer reads them
through tension.score.scorer, where evaluation/fit_scorer.py and its tests move them (`monkeypatch.setattr(scorer,
"VADER_WEIGHT", ...)`), so they are imported there by name, not read from this module.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from tension.score.rules import CAP_KEEPING_MARKERS, CAPPED_KINDS, REST_WEIGHT, VERBAL_CAP

FORMULA_VERSION = "3"  # 3: typography, insults and epithets (style terms), emphasis vs negation, names, calibration
# VADER's compound is tone, not conflict: at its strongest it weighs one criticism (CAMEO 111, −2.0 → 0.2).
VADER_WEIGHT = 0.2
# VADER's positive tone is read as cooperation only beside a cooperative cue (an act: talks, aid, thanks, a visit).
# Alone it is praise, pride or good news, not cooperation between states: KCNA's praise of its own leaders (no cue,
# VADER +0.5..+0.9) read −0.67 after calibration, as cooperative as a summit, and made the April 2012 centenary
# week of the KCNA DPRK–ROK index its most cooperative. Negative tone without a hostile
# cue still counts (an insult the lexicon lacks is still hostile). docs/evaluation-scoring.md measures it.
UNCUED_POSITIVE_TONE = 0.0
MODALITY_FACTORS = {
    "asserted": 1.0,
    "threat_or_future": 1.0,  # a threat is itself the hostile act
    # a third party's account of what an actor did counts as the act: the labelling guideline rates "Seoul said North
    # Korea fired" as the launch (class +3, modality reported); 0.8 before, which put relayed launches below their class
    "reported": 1.0,
    "hypothetical": 0.5,  # "could", "might": half of the asserted act
    "negated": 0.5,  # the negated cue itself counts zero; the rest of the tone is halved
}


@dataclass(slots=True)  # slots: one of these per statement, no __dict__ each
class Score:
    """A statement's hostility and the parts it is made of."""

    hostility: float
    vader_compound: float
    cue_sum: float
    modality: str
    modality_factor: float
    cues: list[dict] = field(default_factory=list)
    scorer_version: str = ""
    raw_hostility: float | None = None  # before calibration (tension/score/calibration.py); None: not calibrated
    vader_weight: float = VADER_WEIGHT  # the weight VADER's compound had (UNCUED_POSITIVE_TONE × it without a
    # cooperative cue when the tone is positive)
    capped: bool = False  # the hostile side was capped at VERBAL_CAP (words or force posture alone, no act)
    # hypothetical, but its hedges are a relative clause's or the month May: the factor is 1.0
    # (hedges.hedge_in_main_clause)
    hedge_outside_main_clause: bool = False
    # a cut lead scored with its headline statement's score (tension/score/cut_lead.py): the note, and the hostility
    # its own text had
    cut_lead: str = ""
    own_hostility: float | None = None

    def explanation(self) -> dict:
        """The parts, as stored with the score and printed by the CLI."""
        return {
            "vader_compound": self.vader_compound,
            "vader_part": round(self.vader_weight * -self.vader_compound, 4),
            "cues": self.cues,
            "cue_sum": self.cue_sum,
            "modality": self.modality,
            "modality_factor": self.modality_factor,
            # 1.0 although the modality has a factor: the text marks it at a cue, where it was counted once
            "modality_marked_in_text": self.modality_factor != MODALITY_FACTORS.get(self.modality, 1.0)
            and not self.hedge_outside_main_clause,
            # 1.0 for a hypothetical statement whose hedges stand in a relative clause ("a pact that could ...") or are
            # the month May: its main clause is asserted
            "hedge_outside_main_clause": self.hedge_outside_main_clause,
            "vader_weight": self.vader_weight,
            "raw_hostility": self.raw_hostility,
            # the hostile side's aggregate was more than VERBAL_CAP and no cue was an act: it counted VERBAL_CAP
            "capped": self.capped,
            "formula": _formula(self.vader_weight),
            # (only for a cut lead scored with its headline: every other explanation is as before)
            **({"cut_lead": self.cut_lead, "own_hostility": self.own_hostility} if self.cut_lead else {}),
        }


@functools.lru_cache(maxsize=8)
def _formula(vader_weight: float) -> str:
    """The explanation's formula line (one per VADER weight in use: built once, not for every statement)."""
    return (f"hostility = calibrate(raw_hostility); raw_hostility = tanh(cue_sum + {vader_weight}"
            f"*(-vader_compound)) * modality_factor (VADER's weight is {VADER_WEIGHT}, {UNCUED_POSITIVE_TONE} x that "
            f"for a positive tone without a cooperative cue); cue_sum = hostile side + cooperative side; a side = its largest "
            f"contribution + {REST_WEIGHT} * the others; the hostile side at most {VERBAL_CAP} (capped) when no "
            f"hostile cue is an act (an act: a hostile cue not of the kinds {', '.join(sorted(CAPPED_KINDS))}, and changed "
            f"by no marker of kind {', '.join(sorted(CAP_KEEPING_MARKERS))}); contribution = weight * factor")


def combine(cue_sum: float, vader_compound: float, modality_factor: float,
            use_cues: bool = True, use_vader: bool = True, vader_weight: float = VADER_WEIGHT) -> float:
    """The formula; `use_cues`/`use_vader` switch a component off for the evaluation's ablation rows."""
    raw = (cue_sum if use_cues else 0.0) + (vader_weight * -vader_compound if use_vader else 0.0)
    return max(-1.0, min(1.0, math.tanh(raw) * modality_factor))
