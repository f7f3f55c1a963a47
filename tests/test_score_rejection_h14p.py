"""Sixteenth round (issue 14, branch h14p): a side that negates or denies the joint declarations rejects them, found on a
fresh gold-free KCNA sample (seed 61) and counted in the stored KCNA run. The agreement word read it as cooperation,
and the extractor's `negated` (from 'deny') halved what was left. Every sentence here is written for the test (no
corpus text); two sentences per form and counter-cases."""
import pytest

from conftest import cue_of, scored


@pytest.mark.parametrize("text, fragment", [
    ("The ruling party has flatly denied the joint declaration of the two leaders.", "denied the joint declaration"),
    ("By negating the May 3 joint statement, the cabinet dragged ties to their lowest point.", "negating"),
    ("The new cabinet keeps flouting every accord the two sides signed.", "flouting"),
])
def test_negating_an_agreement_is_a_rejection(scorer, text, fragment):
    result = scored(scorer, text)
    assert cue_of(result, fragment)["kind"] == "rejection"
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.35  # was cooperative or about 0.2: rejecting an agreement is CAMEO 12 (reject)


def test_the_rejection_is_the_negation_the_extractor_read(scorer):
    """'denied the declaration': the extractor calls the statement negated; the rejection cue is that negation, so
    the statement's factor (0.5) is not applied again (rules.UNNEGATED_HOSTILE_KEEPS)."""
    result = scored(scorer, "The ruling party has flatly denied the joint declaration of the two leaders.")
    assert result.modality == "negated"
    assert result.modality_factor == 1.0


@pytest.mark.parametrize("text", [
    "The ministry denied that it had fired a missile near the border.",  # a denied act stays denied
    "The spokesman denied reports of a new launch.",
])
def test_a_denied_act_stays_a_denial(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["kind"] == "rejection"]
    assert result.hostility < 0.3


def test_an_agreement_reaffirmed_stays_cooperative(scorer):
    result = scored(scorer, "Both governments reaffirmed the joint declaration and pledged to implement it.")
    assert cue_of(result, "joint declaration")["contribution"] < 0
    assert result.hostility < -0.2


def test_a_refusal_beside_warmer_words_keeps_the_statement_factor(scorer):
    """The rejection counts as the text's negation only when the cues sum hostile."""
    result = scored(scorer, "He refused to comment but praised the joint declaration and welcomed the talks.")
    assert result.modality == "negated" and result.cue_sum < 0
    assert result.modality_factor == 0.5
