"""The scorer's lexicons as data: cue phrases with their weights (cues.tsv, cues_insults.tsv), the markers that change
the cues after them (cues_modifiers.tsv) and VADER's lexicon changes for this domain (cues_vader.tsv). Loading only:
how they are matched and combined is tension/score/scorer.py and tension/score/rules.py."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tension.config import CUES_FILE, DATA_DIR, read_tsv

INSULTS_FILE = DATA_DIR / "cues_insults.tsv"
MODIFIERS_FILE = DATA_DIR / "cues_modifiers.tsv"
VADER_FILE = DATA_DIR / "cues_vader.tsv"
CHARGES_FILE = DATA_DIR / "cues_charges.tsv"
POLICY_WORDS_FILE = DATA_DIR / "cues_policy_words.tsv"


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a phrase pattern and its hostility weight."""

    pattern: str
    weight: float
    cameo: str
    kind: str


@dataclass(frozen=True)
class Marker:
    """A word or phrase that changes the cues after it: negation, hedge, request, intensifier."""

    pattern: str
    kind: str
    hostile_factor: float  # applied to a cue with weight > 0
    cooperative_factor: float  # applied to a cue with weight < 0
    window: int  # how many words before the cue it reaches
    statement_modality: str = ""  # the statement modality it expresses at a cue (then not applied again)


def load_cues(*paths: Path) -> list[Cue]:
    """The cue lexicon (cues.tsv, then the insults and epithets), in file order (the automaton prefers the most
    specific match itself)."""
    cues = [Cue(r["cue"], float(r["weight"]), r.get("cameo", ""), r.get("kind", ""))
            for path in paths or (CUES_FILE, INSULTS_FILE) for r in read_tsv(path)]
    seen: set[str] = set()
    for cue in cues:
        if cue.pattern in seen:
            raise ValueError(f"{paths}: duplicate cue {cue.pattern!r}")
        seen.add(cue.pattern)
    return cues


def load_markers(path: Path = MODIFIERS_FILE) -> list[Marker]:
    """Negations, hedges, requests and intensifiers with their factors on hostile and cooperative cues (the rows of
    kind statement_* are the extractor's statement-modality words: tension/extract/modality.py)."""
    return [Marker(r["marker"], r["kind"], float(r["hostile_factor"]), float(r["cooperative_factor"]),
                   int(r["window"]), r.get("statement_modality", ""))
            for r in read_tsv(path) if not r["kind"].startswith("statement_")]


def load_statement_hedges(path: Path = MODIFIERS_FILE) -> tuple[str, ...]:
    """The extractor's words that make a statement hypothetical (rows of kind statement_hedge and statement_condition:
    "could", "may", "if", "in case"), which the scorer reads to tell whether a hedge is the statement's own
    (hedges.hedge_in_main_clause)."""
    return tuple(r["marker"] for r in read_tsv(path) if r["kind"] in ("statement_hedge", "statement_condition"))


def load_vader_overrides(path: Path = VADER_FILE) -> dict[str, float | None]:
    """VADER lexicon changes for this domain: a valence, or None to drop a word ('United', 'Party')."""
    return {r["word"].lower(): (float(r["valence"]) if r["valence"] else None) for r in read_tsv(path)}


def load_charge_cues(path: Path = CHARGES_FILE) -> frozenset[str]:
    """The cue patterns (of cues.tsv) that open a charge whose object follows them (cues_charges.tsv;
    rules.charged_cooperation)."""
    return frozenset(row["cue"] for row in read_tsv(path))


def load_policy_words(path: Path = POLICY_WORDS_FILE) -> frozenset[str]:
    """The epithet patterns (of cues.tsv) that name the other side's policy, not the other side (cues_policy_words.tsv;
    sums.epithet_charge)."""
    return frozenset(row["cue"] for row in read_tsv(path))
