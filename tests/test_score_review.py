"""Seventh round (issue 14): the scorer defects a line-by-line review of tension/score found. Every sentence here
is written for the test (no corpus text)."""
import pytest

from tension.score.scorer import Scorer

from conftest import cue_of


@pytest.mark.parametrize("verb", ["reject", "oppose"])
def test_a_negated_refusal_or_opposition_flips_nothing(scorer, verb):
    # H4: "did not reject the talks" is not a refusal of talks; the talks keep their cooperative sign and the
    # refusal itself counts 0 (before: the talks were flipped hostile, +0.36, as hostile as a refusal)
    negated = scorer.score(f"Busan did not {verb} the talks.", "negated")
    asserted = scorer.score(f"Busan {verb}ed the talks." if verb == "reject" else "Busan opposed the talks.")
    assert cue_of(asserted, "talks")["contribution"] > 0
    talks = cue_of(negated, "talks")
    assert talks["contribution"] < 0 and talks["markers"] == []
    assert negated.hostility < 0 < asserted.hostility


def test_the_negated_marker_does_not_mark_the_modality_in_the_text(scorer):
    # 'dismiss' is a refusal marker and no cue: negated, it negates no cue in the text, so the statement's negated
    # factor applies (before: +0.36 with factor 1.0, the refusal counted as the text's negation)
    result = scorer.score("Busan did not dismiss the talks.", "negated")
    assert cue_of(result, "talks")["contribution"] < 0
    assert result.modality_factor == 0.5 and result.explanation()["modality_marked_in_text"] is False
    # a refusal that is itself a cue and negated is the text's negation, counted at that cue (0), not again
    rejected = scorer.score("Busan never formally rejected cooperation.", "negated")
    assert cue_of(rejected, "rejected")["contribution"] == 0 and rejected.modality_factor == 1.0
    assert cue_of(rejected, "cooperation")["markers"] == []


def test_the_cap_of_words_alone_applies_to_the_hostile_side_only(scorer):
    # M1: the cap was applied to the net sum, so a capped pile of accusations erased the cooperative cue beside it
    charges = "Busan accused Lyon of aggression, war crimes, provocations and hostility"
    alone = scorer.score(charges + ".")
    beside = scorer.score(charges + " but welcomed the aid.")
    assert alone.cue_sum == 0.5  # VERBAL_CAP: words alone
    cooperative = sum(c["contribution"] for c in beside.cues if c["contribution"] < 0)
    assert cooperative < 0
    assert beside.cue_sum < alone.cue_sum  # (before: both 0.5)
    assert beside.hostility < alone.hostility


def test_only_an_act_lifts_the_cap(scorer):
    # M2: a launch that is only the topic of a condemnation is words about it, not an act of the statement
    condemned = scorer.score("Busan condemned the missile launch as a grave provocation.")
    assert condemned.capped and condemned.cue_sum == 0.5
    fired = scorer.score("Busan fired a missile, a grave provocation.")
    assert not fired.capped and fired.cue_sum > 0.5
    assert fired.hostility > condemned.hostility


def test_complaints_are_words_and_capped(scorer):
    # M2: the CAMEO 114 rows (protest, grave concern, regret, 'unacceptable', objection, a summons) were kind
    # coercion and lifted the cap; the guideline rates a complaint +1 (a summons +2): words
    result = scorer.score("Busan expressed grave concern, lodged a protest and called the aggression unacceptable.")
    assert {c["kind"] for c in result.cues if c["contribution"] > 0} >= {"complaint", "accusation"}
    assert result.capped and result.cue_sum == 0.5
    assert result.explanation()["capped"] is True


def test_a_cooperative_cue_turned_hostile_does_not_lift_the_cap(scorer):
    # M2: 'sabotaged the talks' is a rejection (words), however strong the epithets beside it
    result = scorer.score("The warmongers and traitors sabotaged the talks.")
    assert any(c["contribution"] > 0 and c["weight"] < 0 for c in result.cues)
    assert result.capped


def test_consider_hedges_an_act_considered_not_an_evaluation(scorer):
    # M12: 'consider~' hedged any cue after it, so an evaluation ("considers the launch a grave provocation") was
    # read at 0.3 of the act; now only considering an act (-ing form, "whether", "if") hedges it
    evaluation = scorer.score("Busan considers the drills a grave provocation.")
    assert all(m["kind"] != "hypothetical" for c in evaluation.cues for m in c["markers"])
    for text in ("Busan is considering imposing sanctions.", "Busan considers whether to impose sanctions."):
        [cue] = scorer.score(text).cues
        assert [m["kind"] for m in cue["markers"]] == ["hypothetical"] and cue["factor"] == 0.5, text


def test_a_leading_star_is_any_beginning_and_cannot_open_a_pattern():
    from tension.score.patterns import _Automaton

    automaton = _Automaton(["consider~ *ing"])
    words = ["they", "considered", "launching", "it"]
    assert automaton.find(words, [automaton.candidates(w) for w in words]) == [(0, 1, 3)]
    words = ["they", "considered", "the", "launch"]
    assert automaton.find(words, [automaton.candidates(w) for w in words]) == []
    with pytest.raises(ValueError):
        _Automaton(["*ing launch"])


def test_us_in_capitals_is_the_country_not_the_first_person(scorer):
    # M7: the words are lower-cased, so "US" read as the pronoun "us" and the rule "cooperation between the targets"
    # never fired when the text wrote "US"
    text = "The US and South Korea agreed to expand cooperation."
    between = scorer.score(text, targets=["USA", "KOR"], speaker_country="PRK")
    assert between.cues and all(c["contribution"] == 0 for c in between.cues)
    assert all(c["markers"][-1]["kind"] == "third party" for c in between.cues)
    spoken = scorer.score("The US and South Korea agreed to help us expand cooperation.", targets=["USA", "KOR"],
                          speaker_country="PRK")  # the first person: the speaker is part of it
    assert spoken.hostility < 0


def test_the_contraction_ll_is_the_future_marker(scorer):
    # M5: the tokenizer kept "they'll" whole, so the marker alternative 'll never matched
    from tension.score.tokens import tokenize

    assert tokenize("They’ll go.")[0] == ["they", "'ll", "go", "."]
    contracted = scorer.score("They'll launch a missile.")
    assert contracted.hostility == scorer.score("They will launch a missile.").hostility
    assert [m["kind"] for m in contracted.cues[0]["markers"]] == ["future"]


def test_rejecting_an_accusation_cancels_it_as_denying_does(scorer):
    # M10: the refusal row's note said "'rejected the accusation' cancels the accusation", the code exempted
    # accusations from refusals (+0.68 vs +0.15 for "denied"); one rule now, the guideline's: a rejected charge is
    # denied. The rejection itself stays its own cue (CAMEO 12 reject).
    rejected = scorer.score("Busan rejected the accusation.")
    denied = scorer.score("Busan denied the accusation.")
    assert cue_of(rejected, "accusation")["contribution"] == 0 == cue_of(denied, "accusation")["contribution"]
    assert rejected.cue_sum == cue_of(rejected, "rejected")["contribution"]
    # a condemnation still does not make the speaker's own accusation a mere topic
    assert cue_of(scorer.score("Busan condemned the provocation."), "provocation")["factor"] == 1.0


def test_warning_is_read_by_the_verb_row_and_warnings_by_the_noun_row(scorer):
    # M4: the noun row 'warning|warnings' never got 'warning' (warn~ matched it first); the decision: the singular
    # (mostly the participle, "..., warning that") is the verb's, the plural the noun's
    assert cue_of(scorer.score("Busan issued a warning."), "warning")["cue"] == "warn~"
    assert cue_of(scorer.score("Busan ignored the warnings."), "warnings")["cue"] == "warnings"


def test_tension_score_prints_the_parts_that_reproduce_the_number():
    # METHODOLOGY §2: `tension score` prints the stored explanation's parts; it left out raw_hostility, vader_weight,
    # the formula, and now the cap
    import json
    import math

    from typer.testing import CliRunner

    from tension.cli import app

    printed = json.loads(CliRunner().invoke(app, [
        "score", "Busan expressed grave concern, lodged a protest and called the aggression unacceptable."]).output)
    parts = printed["explanation"]
    assert parts["capped"] is True and "at most 0.5" in parts["formula"]
    raw = math.tanh(parts["cue_sum"] + parts["vader_weight"] * -parts["vader_compound"]) * parts["modality_factor"]
    assert parts["raw_hostility"] == pytest.approx(raw, abs=1e-3)
    assert {"hostility", "scorer_version", "explanation"} <= set(printed)
    assert {"cues", "modality_marked_in_text", "vader_part"} <= set(parts)
