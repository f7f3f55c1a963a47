"""The extractor's statement modality: emphasis is not negation (issue 14; guideline: 'Negation vs emphasis')."""

import pytest

from tension.extract.statements import modality


@pytest.mark.parametrize("text, expected", [
    ("North Korea never ceased its provocations.", "asserted"),
    ("Pyongyang said it will never tolerate the puppets' hostile acts.", "threat_or_future"),
    ("No one can deny the crimes of the traitors.", "asserted"),
    ("Seoul should not be allowed to provoke again.", "asserted"),
    ("The army did not hesitate to fire back.", "asserted"),
    ("It is not only a provocation.", "asserted"),
    ("Seoul did not threaten anyone.", "negated"),
    ("The Kremlin denied that troops were deployed.", "negated"),
    ("He said he would not attend the talks.", "negated"),
    ("North Korea didn't fire any missiles this week.", "negated"),
    ("Not content with that, the regime staged another provocation.", "asserted"),
    ("Words of protest are not enough to stop the aggressors.", "asserted"),
    ("The envoy was not satisfied with the answer and left.", "asserted"),
    ("The talks were not enough to end the war, and Seoul did not reply.", "negated"),
])
def test_emphasis_and_denial(text, expected):
    assert modality(text, False) == expected


def test_statement_rows_are_one_lexicon_with_the_scorer_markers():
    from tension.config import read_tsv
    from tension.extract.modality import MODALITY_FILE, modality_words
    from tension.extract.statements import MODALITIES
    from tension.score.scorer import MODIFIERS_FILE, load_markers

    assert MODALITY_FILE == MODIFIERS_FILE  # the extractor and the scorer read the same file
    rows = [r for r in read_tsv(MODALITY_FILE) if r["kind"].startswith("statement_")]
    assert {r["kind"] for r in rows} == {"statement_negation", "statement_hedge", "statement_condition",
                                         "statement_threat", "statement_future"}
    assert all(r["statement_modality"] in MODALITIES for r in rows)
    assert not [m for m in load_markers() if m.kind.startswith("statement_")]  # no factors on a cue
    assert "emphasis" in {m.kind for m in load_markers()}  # the emphasis rows serve both
    assert modality_words() is modality_words()  # compiled once, on first use
