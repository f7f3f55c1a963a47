"""The scorer version: FORMULA_VERSION and a hash of everything a score depends on — the cues, the markers, VADER's
overrides, the country names, every constant of the formula and of the per-cue rules, the scorer's code, and the
calibration — so a score stored under one version is never mixed with one computed under another
(tension/warehouse/rescore.py). The code is hashed as the extractor's is (tension/extract/version.py: its bytes), so
a changed condition with no constant of its own is a new version too; so is an edit of a comment, which costs one
`tension rescore` and never leaves a stale score.

What is hashed and its order are the version: a constant added to a rule goes at the END of CONSTANTS' tuple. Since
the code is hashed too, any edit of tension/score/*.py is a new version; the tables and constants above are what a
reader checks to see what changed.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from tension.score.direction import (_NOT_A_SINGLE_SUBJECT, _PASSIVE, ABBREVIATION_LETTERS, CLAUSE_OPENERS,
                                     CLAUSE_STARTS, COUNTRY_CASE, DIRECTING_WORDS, FIRST_PERSON, FOREIGN_LINK_WORDS,
                                     LEGAL_CAMEO, SUBJECT_KINDS, SUBJECT_LINKS, UNDIRECTED_CAMEO_PREFIX, CountryNames)
from tension.score.formula import FORMULA_VERSION, MODALITY_FACTORS, UNCUED_POSITIVE_TONE, VADER_WEIGHT
from tension.score.hedges import (CONDITION_HEDGED, CONDITION_WORDS, CONDITIONED_KINDS, HEDGE_WORDS_IN_CODE,
                                  MONTH_BEFORE, QUESTION_STARTS, RELATIVE_WORDS, THAT_NOT_RELATIVE_AFTER,
                                  CONCESSIVE_WORDS, CONCESSION_REACH)
from tension.score.lexicon import Cue, Marker
from tension.score.patterns import _CLAUSE_BREAK, GAP_WORDS
from tension.score.reach import _ADVERB_AFTER, _SCOPE_BREAK
from tension.score.listed import LIST_ENDS, LIST_JOINERS
from tension.score.sums import (CAPPED_CHARGE_COOPERATION, CAPPED_CHARGE_KINDS, CONTRAST_WORDS,
                               EPITHET_CHARGE_COOPERATION, EPITHET_CHARGE_KEEPS, EPITHET_CHARGE_KINDS,
                               POLICY_WORDS)
from tension.score.names import ACRONYM_LETTERS, NAME_JOINERS, NAME_LED_KINDS
from tension.score.rules import (_QUOTED, BACKGROUND_WINDOW, BACKGROUND_WORDS, CAP_KEEPING_MARKERS, CAPPED_KINDS,
                                 DEROGATION_LINKS, EXEMPTIONS, INTENSITY_KINDS, LOOK_AHEAD_SKIPS_NAMES,
                                 NEGATABLE_KINDS, ONCE_KINDS, POLARITY_KINDS, PURPOSE, PURPOSE_REACH,
                                 REQUESTED_UNDOING, REST_WEIGHT, SCALE_KINDS, SCARE_QUOTE_WORDS, TARGETS_ACT_KINDS,
                                 UNDOING_KINDS, VERBAL_CAP,
                                 CONTENT_LINKS, CONTENT_REACH, CONTENT_STOPS, TOPIC_KEEPS_TURNED,
                                 UNNEGATED_HOSTILE_KEEPS, SUBJECT_EPITHET_KINDS,
                                 TARGETS_BY_COUNTRY_NAME, TARGETS_COOPERATION_FACTOR, NOT_A_NAME,
                                 CHARGED_FORCE_KINDS, CHARGE_CUES, CHARGED_COOPERATION_FACTOR)
from tension.score.tokens import _TOKEN, CONTRACTIONS, TYPOGRAPHY

TOKEN_PATTERN = _TOKEN.pattern  # in the version: a change of the tokens changes what cues match


def constants() -> str:
    """Every constant of the formula and the rules, in the order the version has always hashed them."""
    return repr((VADER_WEIGHT, UNCUED_POSITIVE_TONE, MODALITY_FACTORS, GAP_WORDS, SCARE_QUOTE_WORDS, ONCE_KINDS, REST_WEIGHT,
                 sorted(CAPPED_KINDS), VERBAL_CAP, sorted(CAP_KEEPING_MARKERS), sorted(BACKGROUND_WORDS), BACKGROUND_WINDOW,
                 sorted(NAME_JOINERS), sorted(DIRECTING_WORDS), sorted(LEGAL_CAMEO), FOREIGN_LINK_WORDS,
                 sorted(SUBJECT_KINDS), sorted(SUBJECT_LINKS), sorted(_NOT_A_SINGLE_SUBJECT), sorted(_PASSIVE),
                 sorted(PURPOSE), PURPOSE_REACH, sorted(UNDOING_KINDS),
                 UNDIRECTED_CAMEO_PREFIX, sorted(FIRST_PERSON), COUNTRY_CASE, TOKEN_PATTERN, CONTRACTIONS,
                 sorted(TYPOGRAPHY.items()), POLARITY_KINDS, NEGATABLE_KINDS, sorted(EXEMPTIONS), SCALE_KINDS, INTENSITY_KINDS,
                 _QUOTED.pattern, sorted(_SCOPE_BREAK), sorted(_CLAUSE_BREAK), LOOK_AHEAD_SKIPS_NAMES,
                 sorted((w, sorted(b)) for w, b in _ADVERB_AFTER.items()), sorted(DEROGATION_LINKS),
                 sorted(RELATIVE_WORDS), sorted(THAT_NOT_RELATIVE_AFTER), HEDGE_WORDS_IN_CODE, sorted(MONTH_BEFORE),
                 sorted(TARGETS_ACT_KINDS), REQUESTED_UNDOING,
                 sorted(QUESTION_STARTS), sorted(CONTENT_LINKS), CONTENT_REACH, sorted(CONTENT_STOPS),
                 TOPIC_KEEPS_TURNED, ACRONYM_LETTERS, sorted(CONDITION_WORDS), sorted(CONDITIONED_KINDS),
                 sorted(CONDITION_HEDGED),
                 sorted(UNNEGATED_HOSTILE_KEEPS), sorted(CONCESSIVE_WORDS), CONCESSION_REACH,
                 sorted(NAME_LED_KINDS), sorted(SUBJECT_EPITHET_KINDS), TARGETS_COOPERATION_FACTOR,
                 sorted(CLAUSE_OPENERS), sorted(CLAUSE_STARTS), TARGETS_BY_COUNTRY_NAME, sorted(NOT_A_NAME),
                 ABBREVIATION_LETTERS, sorted(CHARGED_FORCE_KINDS), sorted(CHARGE_CUES), CHARGED_COOPERATION_FACTOR,
                 sorted(LIST_JOINERS), sorted(LIST_ENDS), sorted(CAPPED_CHARGE_KINDS), CAPPED_CHARGE_COOPERATION,
                 CONTRAST_WORDS.pattern, sorted(EPITHET_CHARGE_KINDS), sorted(EPITHET_CHARGE_KEEPS),
                 EPITHET_CHARGE_COOPERATION, sorted(POLICY_WORDS)))


def version_text(cues: list[Cue], markers: list[Marker], vader_overrides: dict[str, float | None],
                 country_names: CountryNames, statement_hedges: tuple[str, ...] = ()) -> list[str]:
    """The lines hashed for everything a score depends on but the calibration (scorer_version adds it, so a new
    calibration is a new version without these lines built again): a cue's CAMEO code too, which the legal-act and
    posture rules read."""
    return [
        *(f"{c.pattern}\t{c.weight}\t{c.kind}\t{c.cameo}" for c in cues),
        *(f"{m.pattern}\t{m.kind}\t{m.hostile_factor}\t{m.cooperative_factor}\t{m.window}\t{m.statement_modality}"
          for m in markers),
        *(f"{w}\t{v}" for w, v in sorted(vader_overrides.items())),
        constants(), FORMULA_VERSION,
        *(f"{' '.join(k)}\t{v}" for k, v in sorted(country_names.items())),
        *(f"statement hedge\t{h}" for h in statement_hedges),  # (tenth round: read by hedges.hedge_in_main_clause)
        *code_lines(),
    ]


@lru_cache(maxsize=1)
def code_lines(package: Path = Path(__file__).parent) -> tuple[str, ...]:
    """One line per module of the scorer's package: its name and the SHA-256 of its bytes (line ends as LF)."""
    digests = ((path.name, hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest())
               for path in sorted(package.glob("*.py")))
    return tuple(f"code\t{name}\t{digest}" for name, digest in digests)


def scorer_version(text: list[str], calibration_key: str) -> str:
    """FORMULA_VERSION and the first 8 hex digits of the SHA-256 of `text` (version_text) and the calibration's key."""
    digest = hashlib.sha256("\n".join([*text, calibration_key]).encode()).hexdigest()[:8]
    return f"{FORMULA_VERSION}-{digest}"
