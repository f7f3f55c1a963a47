"""Tenth round (issue 14): structural classes the scorer gets wrong, read from a confusion table of class × scored
band on the tune half. Every sentence here is written for the test (no corpus text); each class is tested with two
sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, scored



@pytest.mark.parametrize("text, asserted", [
    # the hedge is a relative clause's: what the statement names is asserted
    ("Tokyo's daily paper denounced the joint drills as a rehearsal for war, which might inflame the region.",
     "Tokyo's daily paper denounced the joint drills as a rehearsal for war."),
    ("Busan signed a defence treaty with Canada that could shift the balance of power.",
     "Busan signed a defence treaty with Canada."),
    ("Dozens of warplanes will fly over the strait in what would be the biggest air show of force in years.",
     "Dozens of warplanes will fly over the strait in the biggest air show of force in years."),
])
def test_a_hedge_outside_the_main_clause_does_not_halve_the_statement(scorer, text, asserted):
    # T1/T2 (KCNA, RSS 2024): "condemned the talks ..., which might aggravate", "a pact that could tilt", "in what would
    # mark the largest": the extractor makes the statement hypothetical and the formula halved all of it
    result = scored(scorer, text)
    assert result.modality == "hypothetical"
    assert result.modality_factor == 1.0 and result.explanation()["hedge_outside_main_clause"] is True
    assert abs(result.hostility) > 0.2
    assert result.hostility == pytest.approx(scored(scorer, asserted).hostility, abs=0.1)


@pytest.mark.parametrize("text, asserted", [
    ("The navy of Tokyo shelled the fishing boats near the islet on May 14.",
     "The navy of Tokyo shelled the fishing boats near the islet on June 14."),
    ("Tokyo's puppet army staged reckless firing drills in May, the paper charged.",
     "Tokyo's puppet army staged reckless firing drills in June, the paper charged."),
])
def test_the_month_may_is_no_hedge(scorer, text, asserted):
    # "May" the month: the extractor no longer reads it as a hedge (tension/extract/modality.py, MONTH_BEFORE), and
    # the scorer's own check (hedges.hedge_in_main_clause) would not halve it either
    result = scored(scorer, text)
    assert result.modality == "asserted"
    assert abs(result.hostility) > 0.2
    assert result.hostility == pytest.approx(scored(scorer, asserted).hostility, abs=0.1)
    assert scorer.score(text, "hypothetical").modality_factor == 1.0


@pytest.mark.parametrize("text", [
    "Tokyo may fire a missile which could reach the islands.",   # the main clause's hedge
    "The paper warned that could lead to a war with Busan.",      # 'that' after a verb of saying: the content's
    "Busan Could Impose Sanctions On Tokyo Firms",                 # a title-case headline: 'Could' is a hedge
    "Tokyo might sign a defence treaty with Canada.",
    "What could the new treaty with Canada bring to Tokyo?",     # a question: 'what' opens it
])
def test_a_hedge_in_the_main_clause_still_halves_it(scorer, text):
    result = scored(scorer, text)
    assert result.modality == "hypothetical"
    assert result.explanation()["hedge_outside_main_clause"] is False


@pytest.mark.parametrize("text, speaker, target", [
    ("Officials in Seoul said Japan fired two ballistic missiles into the sea on Friday.", "KOR", "JPN"),
    ("The ministry said Canada has again shelled the border villages overnight.", "BRA", "CAN"),
])
def test_the_targets_own_act_told_by_the_speaker_is_words_not_the_speakers_act(scorer, text, speaker, target):
    # T1 (RSS 2022): Seoul's row toward Pyongyang in "officials said North Korea fired ..." (class +1) read the launch
    # as Seoul's own act (+3); the guideline gives the act its actor's row and rates a state's account of the other
    # side's acts as words (+2 at most)
    result = scorer.score(text, "asserted", [target], speaker)
    [cue] = result.cues
    assert {"marker": f"done by {target}, a target", "kind": "target's act"} in cue["markers"]
    assert result.capped and result.cue_sum == 0.5
    own = scorer.score(text, "asserted", [speaker], target)  # counter-case: the same act told as the actor's own
    assert not own.capped and own.hostility > result.hostility + 0.1


def test_the_targets_act_needs_a_known_speaker(scorer):
    # counter-case: without a speaker country there is no telling whose account it is; the act stands
    result = scorer.score("Officials said Japan fired two ballistic missiles into the sea.", "asserted", ["JPN"])
    assert not result.capped and not any(m["kind"] == "target's act" for c in result.cues for m in c["markers"])


@pytest.mark.parametrize("text", ["A district court in Busan sentenced the union leader to three years in prison.",
                                  "The judges convicted two former ministers of abusing their power."])
def test_a_sentence_or_a_conviction_is_class_two_as_a_fine(scorer, text):
    # T1/T2 (KCNA, RSS 2024, Russian state media): domestic verdicts (class +2 in the guideline, decision 10: "a
    # sentence or fine 2 toward its domestic object") weighed 0.3-0.4, a criticism's weight, below 'fined' (0.5)
    verdict = scorer.score(text)
    [fine] = scorer.score("A district court in Busan fined the union leader ten million won.").cues
    assert [c["contribution"] for c in verdict.cues] == [fine["contribution"]] == [0.5]
    assert verdict.hostility > 0.6  # class +2 after calibration (0.667 is class 2)


def test_a_verdict_on_ones_own_national_is_no_act_toward_a_foreign_target(scorer):
    # counter-case: the legal-act rule still holds (direction.LEGAL_CAMEO): toward a foreign target with no national
    # of it named near the verdict, it counts 0
    result = scorer.score("A court in Seoul sentenced the union leader to three years in prison.", "asserted", ["PRK"],
                          "KOR")
    assert all(c["contribution"] == 0 for c in result.cues if c["cameo"] == "116")


@pytest.mark.parametrize("text, act", [("The party called for the punishment of the traitors in Tokyo.", "punishment"),
                                       ("Busan's unions urged a boycott of goods made in Tokyo.", "boycott")])
def test_a_hostile_act_called_for_counts_in_full(scorer, text, act):
    # T1/T2 (Russian state media, KCNA): "urge a boycott" (class +2) and "calling for the punishment of" (+3) were
    # halved as acts not done; the guideline rates the strongest element, and a call to punish or wipe out is +3
    # (decision 10)
    assert cue_of(scorer.score(text), act)["factor"] == 1.0


@pytest.mark.parametrize("text, act, factor", [
    # told to stop: a demand
    ("Busan urged Tokyo to refrain from staging the military drills.", "military drills", 0.5),
    ("Busan urged Tokyo to stop its military drills.", "military drills", 0.5),
    ("Busan urged Tokyo to hold talks.", "talks", 0.4),  # a cooperative act requested is not done
])
def test_an_act_the_other_side_is_told_to_stop_and_cooperation_requested_are_still_scaled(scorer, text, act, factor):
    assert cue_of(scorer.score(text), act)["factor"] == factor


@pytest.mark.parametrize("text, act", [("Busan urged Tokyo to halt the military drills.", "military drills"),
                                       ("The ministry called on Tokyo to suspend its naval exercises near the islets.",
                                        "exercises")])
def test_an_undoing_asked_of_the_other_side_is_a_demand_not_de_escalation(scorer, text, act):
    # written: with the call rows at full weight, "urged Tokyo to halt the drills" read the halt as done (cooperative,
    # -0.29); asked of the other side it is a demand about its act (as 'stop': half, hostile)
    cue = cue_of(scorer.score(text), act)
    assert cue["contribution"] > 0 and cue["factor"] == 0.5
    assert {"marker": "halt~|suspend~|cancel~|scrap~|freeze|froze|frozen|abandon~|postpone~|delay~|sever|severs|"
                      "severed|severing", "kind": "requested undoing"} in cue["markers"]


def test_an_undoing_done_is_still_de_escalation(scorer):
    # counter-case: the speaker's (or the other side's) own halt reverses the act
    assert cue_of(scorer.score("Tokyo halted the military drills on Monday."), "military drills")["contribution"] < 0
