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
])
def test_emphasis_and_denial(text, expected):
    assert modality(text, False) == expected
