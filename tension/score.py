"""Score: hostility of a statement in [-1, +1], with every part of the explanation kept.

    hostility = tanh( sum_i(cue_weight_i * negation_i) + VADER_WEIGHT * (-vader_compound) ) * modality_factor

+1 is a threat of war, 0 neutral, -1 warm cooperation. Cue weights come from tension/data/cues.tsv, anchored on
the CAMEO category's Goldstein value (weight = -Goldstein/10 unless the row says why not). A cue preceded by a
negation ("did not threaten", "denied launching") counts for nothing: a denied attack is not an attack.
METHODOLOGY.md explains the choice of constants.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tension.config import CUES_FILE, read_tsv

FORMULA_VERSION = "1"
# VADER's compound is a sentiment of tone, not of conflict: it carries half the weight of one strong cue.
VADER_WEIGHT = 0.5
MODALITY_FACTORS = {
    "asserted": 1.0,
    "threat_or_future": 1.0,  # a threat is itself the hostile act
    "reported": 0.8,  # a third party's account of what an actor did
    "hypothetical": 0.5,  # "could", "might": half of the asserted act
    "negated": 0.5,  # the negated cue itself counts zero; the rest of the tone is halved
}
NEGATION_WINDOW = 3  # words before a cue that can negate it
_NEGATORS = re.compile(r"\b(?:not|never|no|without|den(?:y|ies|ied|ying)|n't|refus(?:e|es|ed|ing) to)\b|n't\b", re.I)


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a phrase pattern and its hostility weight."""

    pattern: str
    weight: float
    cameo: str
    kind: str


@dataclass
class Score:
    """A statement's hostility and the parts it is made of."""

    hostility: float
    vader_compound: float
    cue_sum: float
    modality: str
    modality_factor: float
    cues: list[dict] = field(default_factory=list)
    scorer_version: str = ""

    def explanation(self) -> dict:
        """The parts, as stored with the score and printed by the CLI."""
        return {
            "vader_compound": self.vader_compound,
            "vader_part": round(VADER_WEIGHT * -self.vader_compound, 4),
            "cues": self.cues,
            "cue_sum": self.cue_sum,
            "modality": self.modality,
            "modality_factor": self.modality_factor,
            "formula": "tanh(cue_sum + 0.5*(-vader_compound)) * modality_factor",
        }


def _cue_regex(pattern: str) -> str:
    """'summon* * ambassador' -> a regex: '*' alone is one to three words, a trailing '*' any word ending."""
    parts = []
    for token in pattern.split():
        if token == "*":
            parts.append(r"[\w'’-]+(?:\s+[\w'’-]+){0,2}")  # one to three words
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(token))
    return r"\b" + r"\s+".join(parts) + r"\b"


def load_cues(path: Path = CUES_FILE) -> list[Cue]:
    """The cue lexicon, most specific patterns first (more words, then longer text)."""
    cues = [Cue(r["cue"], float(r["weight"]), r.get("cameo", ""), r.get("kind", "")) for r in read_tsv(path)]
    return sorted(cues, key=lambda c: (-len(c.pattern.split()), -len(c.pattern.replace("*", ""))))


class Scorer:
    """VADER plus the cue lexicon; build once and reuse (VADER loads its lexicon on construction)."""

    def __init__(self, cues: list[Cue] | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()
        self.vader = SentimentIntensityAnalyzer()
        self.pattern = re.compile("|".join(f"({_cue_regex(c.pattern)})" for c in self.cues), re.I)
        digest = hashlib.sha256(
            "\n".join(f"{c.pattern}\t{c.weight}" for c in self.cues).encode() + FORMULA_VERSION.encode()
        ).hexdigest()[:8]
        self.version = f"{FORMULA_VERSION}-{digest}"

    def find_cues(self, text: str) -> list[dict]:
        """Every cue in `text` with its weight and whether a negation cancels it."""
        found = []
        for match in self.pattern.finditer(text):
            cue = self.cues[match.lastindex - 1]
            window = text[max(0, match.start() - 40) : match.start()].split()[-NEGATION_WINDOW:]
            negated = bool(_NEGATORS.search(" ".join(window)))
            found.append({
                "cue": cue.pattern,
                "matched": match.group(0),
                "weight": cue.weight,
                "cameo": cue.cameo,
                "negated": negated,
            })
        return found

    def score(self, text: str, modality: str = "asserted") -> Score:
        """Hostility of one statement's text under its modality."""
        compound = self.vader.polarity_scores(text)["compound"]
        cues = self.find_cues(text)
        cue_sum = sum(0.0 if c["negated"] else c["weight"] for c in cues)
        factor = MODALITY_FACTORS.get(modality, 1.0)
        hostility = math.tanh(cue_sum + VADER_WEIGHT * -compound) * factor
        return Score(
            hostility=round(max(-1.0, min(1.0, hostility)), 4),
            vader_compound=compound,
            cue_sum=round(cue_sum, 4),
            modality=modality,
            modality_factor=factor,
            cues=cues,
            scorer_version=self.version,
        )
