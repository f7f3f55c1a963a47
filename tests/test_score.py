import math

import pytest
from hypothesis import given, settings, strategies as st

from tension.score import MODALITY_FACTORS, Scorer, load_cues


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer()


def test_missile_launch_is_hostile_where_plain_vader_is_neutral(scorer):
    result = scorer.score("North Korea launched a cruise missile into the Yellow Sea.")
    assert result.vader_compound >= 0.0  # VADER has no entry for missile or launch: it reads this as harmless
    assert result.hostility > 0.4
    assert [c["cue"] for c in result.cues] == ["launch* * missile*"]


def test_negated_cue_counts_for_nothing(scorer):
    asserted = scorer.score("Russia threatened South Korea.")
    negated = scorer.score("Russia did not threaten South Korea.")
    assert asserted.hostility > 0.3
    assert [c["negated"] for c in negated.cues] == [True]
    assert negated.cue_sum == 0.0
    assert negated.hostility < asserted.hostility


def test_denial_cancels_the_act(scorer):
    result = scorer.score("Pyongyang denied launching a ballistic missile.")
    assert all(c["negated"] for c in result.cues)


def test_cooperation_is_negative(scorer):
    result = scorer.score("The two governments signed a friendship treaty and agreed to hold talks.")
    assert result.hostility < -0.4


def test_modality_scales_the_score(scorer):
    text = "North Korea will launch a ballistic missile."
    asserted = scorer.score(text, "asserted")
    hypothetical = scorer.score(text, "hypothetical")
    assert hypothetical.hostility == pytest.approx(asserted.hostility * MODALITY_FACTORS["hypothetical"], abs=1e-4)


def test_explanation_reproduces_the_score(scorer):
    result = scorer.score("Seoul summoned the Russian ambassador to protest the rude remarks.")
    parts = result.explanation()
    recomputed = math.tanh(parts["cue_sum"] + parts["vader_part"]) * parts["modality_factor"]
    assert result.hostility == pytest.approx(recomputed, abs=1e-3)
    assert {c["matched"] for c in parts["cues"]} >= {"summoned the Russian ambassador", "protest", "rude"}


def test_longest_cue_wins(scorer):
    cues = scorer.find_cues("They threatened war.")
    assert [c["cue"] for c in cues] == ["threaten* war"]


def test_version_changes_with_the_lexicon():
    cues = load_cues()
    changed = [cues[0].__class__(cues[0].pattern, cues[0].weight + 0.1, cues[0].cameo, cues[0].kind), *cues[1:]]
    assert Scorer(cues).version != Scorer(changed).version


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), modality=st.sampled_from(sorted(MODALITY_FACTORS)))
def test_hostility_in_range_for_arbitrary_text(scorer, text, modality):
    result = scorer.score(text, modality)
    assert -1.0 <= result.hostility <= 1.0
