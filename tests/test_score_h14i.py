"""Ninth round (issue 14): T2's errors read (T1 the guard) and batch 2's tune half. Every sentence here is written
for the test (no corpus text); each class is tested with two sentences written differently and a counter-case."""
import pytest

from conftest import cue_of, gold_or_skip  # noqa: F401 (cue_of: used by the scorer tests below)


@pytest.mark.parametrize("argv", [["--split", "check", "--errors", "5"],
                                  ["--split", "check", "--errors", "5", "--errors-of", "t2"],
                                  ["--split", "both", "--errors", "5", "--errors-of", "t2"],
                                  ["--split", "t1", "--errors", "5", "--errors-of", "t2"],
                                  ["--split", "t2", "--errors", "5"]])
def test_errors_are_never_listed_for_the_check_half_nor_the_other_part(argv, capsys):
    from evaluation.gold.hostility import main

    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "never the check half" in capsys.readouterr().err


def test_errors_of_t2_lists_t2_statements_only(capsys):
    from evaluation.gold.hostility import gold_rows, main

    gold_or_skip()
    rows, _, _ = gold_rows()
    part = dict(zip(rows["unit_id"], rows["part"]))
    assert main(["--split", "t2", "--errors", "6", "--errors-of", "t2"]) == 0
    listed = [line.split(") ", 1)[1].split(" ", 1)[0] for line in capsys.readouterr().out.splitlines()
              if line.startswith("[") and ") " in line]
    assert len(listed) == 6 and {part[u] for u in listed} == {"t2"}


@pytest.mark.parametrize("text", ["Tokyo's naval build-up seriously threatens the security of the region.",
                                  "Busan threatens regional stability with its drills."])
def test_threatening_the_peace_is_an_accusation_not_a_threat(scorer, text):
    # T2 (KCNA): a charge that the other side endangers the peace read as the speaker's own threat (130, kind threat),
    # which lifts the cap of words alone; it is an accusation
    result = scorer.score(text)
    assert cue_of(result, "threaten")["kind"] == "accusation"
    assert result.raw_hostility <= 0.55


def test_a_threat_to_strike_is_still_a_threat(scorer):
    result = scorer.score("Busan threatened to strike Tokyo's bases.")
    assert cue_of(result, "threaten")["kind"] == "threat" and result.raw_hostility > 0.55


@pytest.mark.parametrize("text", ["Busan's leaflets insult the dignity of Tokyo's mayor.",
                                  "Tokyo accused the mayor of tarnishing the national prestige of Busan."])
def test_hurting_the_dignity_is_an_accusation(scorer, text):
    # T2 (KCNA 2012): the charge of harming the leadership's dignity had no cue (score 0, class +2)
    result = scorer.score(text)
    assert any(c["kind"] == "accusation" and c["contribution"] > 0 and c["matched"].endswith(("dignity", "prestige"))
               for c in result.cues)
    assert result.hostility > 0.2


def test_dignity_without_harm_is_no_accusation(scorer):
    result = scorer.score("Busan restored the dignity of its veterans with a new memorial.")
    assert not any("dignity" in c["matched"] for c in result.cues)


@pytest.mark.parametrize("text", ["Our navy should be prepared to annex the islands, the admiral of Busan told Tokyo.",
                                  "The general said his army is prepared to seize the islands held by Tokyo."])
def test_declared_readiness_to_take_territory_is_a_threat(scorer, text):
    # T2 (Russian state media): a declared readiness to occupy read as an intent (x0.7), halved again by 'must' (a
    # request marker): +0.31 for a class +3 threat of force
    result = scorer.score(text)
    assert any(c["kind"] == "threat" and c["contribution"] >= 0.7 for c in result.cues)
    assert result.hostility > 0.7


@pytest.mark.parametrize("text", ["Busan is ready to seize the opportunity for talks.",
                                  "Busan urged Tokyo to refrain from threatening war."])
def test_readiness_for_something_else_and_a_requested_threat_are_no_such_threat(scorer, text):
    # seizing an opportunity is no territory; a threat the speaker asks the other to drop stays halved (request)
    result = scorer.score(text)
    assert not any(c["matched"].lower().startswith(("ready", "must")) for c in result.cues)
    assert result.hostility < 0.7


@pytest.mark.parametrize("text", ["The warmongers of Tokyo scheme to whip up a war fever with their reckless drills.",
                                  "Busan's traitors are pushing the situation to the brink of war by their hostile "
                                  "acts and slanders."])
def test_the_word_war_is_no_act_that_lifts_the_cap(scorer, text):
    # T2 (KCNA): "war" (a topic noun, 0.35) was of kind fight, an act, so a pile of accusations around it was not
    # capped (+0.80 for a class +2 statement of words alone)
    result = scorer.score(text)
    assert [c["kind"] for c in result.cues if c["matched"].lower() == "war"] == ["tension"]
    assert result.capped and result.cue_sum == 0.5  # VADER adds its tone after the cap


def test_a_launch_beside_the_war_still_lifts_the_cap(scorer):
    result = scorer.score("The warmongers of Tokyo fired a ballistic missile, pushing the region to the brink of war.")
    assert not result.capped and result.raw_hostility > 0.6


@pytest.mark.parametrize("text", ["Busan has no plans to acquire nuclear arms of its own, a minister said.",
                                  "Tokyo says it has no intention to deploy missiles on the island."])
def test_a_disclaimed_plan_is_no_act(scorer, text):
    # T2 (Russian state media): a disclaimed weapons plan read as a weapons programme (+0.41, class 0): the bare 'no'
    # reaches two words, and 'plans to' and a verb are three
    result = scorer.score(text)
    assert all(c["contribution"] == 0 for c in result.cues if c["weight"] > 0)
    assert result.hostility < 0.2  # (VADER still reads the weapons as negative tone)


def test_a_plan_to_arm_is_still_a_plan(scorer):
    result = scorer.score("Busan has plans to acquire nuclear arms of its own, a minister said.")
    assert result.hostility > 0.2


@pytest.mark.parametrize("text", ["The repatriation of two prisoners of war from Tokyo to Busan is still pending.",
                                  "Busan said the POWs, prisoner of war status aside, would be sent home."])
def test_prisoners_of_war_name_no_war(scorer, text):
    # T2 (Yonhap): the repatriation of prisoners of war read as a war (+0.35) against the repatriation
    result = scorer.score(text)
    assert not any(c["contribution"] > 0 and "war" in c["matched"].lower() for c in result.cues)


def test_a_war_beside_prisoners_still_counts(scorer):
    result = scorer.score("Tokyo took prisoners in its war against Busan.")
    assert any(c["matched"] == "war" and c["contribution"] > 0 for c in result.cues)


@pytest.mark.parametrize("text, hope", [
    ("Tokyo's foreign minister arrived in Busan for a two-day visit.", "Tokyo hopes to improve ties with Busan."),
    ("The mayor of Busan met his Tokyo counterpart on Friday.",
     "Busan said it wants to improve relations with Tokyo.")])
def test_a_visit_or_meeting_held_is_at_least_as_cooperative_as_a_hope(scorer, text, hope):
    # T2 and batch 2: visits and meetings held (class -2 in the guideline) scored -0.2..-0.3, above statements of
    # mere hope for better ties (class -1, about -0.5): Goldstein's +1.9 for a visit is below the guideline's class
    visit = scorer.score(text).raw_hostility
    assert visit <= -0.3
    assert visit <= scorer.score(hope).raw_hostility + 0.25


def test_a_domestic_visit_is_still_no_cooperation(scorer):
    result = scorer.score("The leader visited a factory in Busan.")
    assert result.hostility == 0


@pytest.mark.parametrize("planned, held", [
    ("Tokyo's premier plans to visit Busan next month.", "Tokyo's premier visited Busan last month."),
    ("The two foreign ministers will meet in Busan on Monday.", "The two foreign ministers met in Busan on Monday.")])
def test_a_planned_visit_or_meeting_counts_as_one_held(scorer, planned, held):
    # T2 (RSS 2024): a planned visit (class -2 in the guideline, as a visit held; CAMEO 036 intent to meet +4.0) was
    # scaled by 'plans to' / 'will' (x0.7) as an intent to act
    cue = next(c for c in scorer.score(planned, "threat_or_future").cues if c["kind"] == "diplomacy")
    assert cue["factor"] == 1.0
    assert scorer.score(planned, "threat_or_future").raw_hostility == pytest.approx(
        scorer.score(held).raw_hostility, abs=0.05)


def test_a_visit_that_might_happen_is_still_hedged(scorer):
    cue = next(c for c in scorer.score("Tokyo's premier might visit Busan.", "hypothetical").cues
               if c["kind"] == "diplomacy")
    assert cue["factor"] == 0.5


@pytest.mark.parametrize("text, speaker, target", [
    ("Japan fires two missiles hours after Canada welcomes the Brazilian envoy.", "CAN", "BRA"),
    ("Russia has again shelled the border town, Chile said, as Peru and Chile signed a trade pact.", "CHL", "PER")])
def test_a_third_countrys_act_named_as_its_subject_counts_zero(scorer, text, speaker, target):
    # T2 (Russian state media): a headline's launch by a third country read as the hostility of the statement's
    # speaker toward its target (a cooperative KOR->USA statement of class -1 at +0.57)
    result = scorer.score(text, targets=[target], speaker_country=speaker)
    hostile = [c for c in result.cues if c["weight"] > 0]
    assert hostile and all(c["contribution"] == 0 for c in hostile)
    assert any(m["kind"] == "direction" and m["marker"].startswith("done by") for c in hostile for m in c["markers"])
    assert result.hostility < 0


@pytest.mark.parametrize("text, speaker, target", [
    ("Japan fires two missiles hours after Canada welcomes the Brazilian envoy.", "JPN", "CAN"),
    ("Japan and Canada staged drills near Brazil.", "BRA", "CAN")])
def test_the_speakers_own_act_and_a_joint_subject_still_count(scorer, text, speaker, target):
    # the actor is a party (the speaker), or one of several subjects (only a single subject is read)
    result = scorer.score(text, targets=[target], speaker_country=speaker)
    assert any(c["weight"] > 0 and c["contribution"] > 0 for c in result.cues)


@pytest.mark.parametrize("text", ["Busan took steps to reduce its long conflicts with Tokyo over leaflets and "
                                  "loudspeakers.",
                                  "Tokyo hopes to defuse the confrontation with Busan."])
def test_reducing_conflict_is_de_escalation(scorer, text):
    # T2 (Yonhap): a government's steps to reduce conflicts, with the loudspeakers named as examples, read as the
    # loudspeakers (+0.83, class -1): only 'tension' was a thing to ease
    result = scorer.score(text)
    assert any(c["kind"] == "cooperation" and c["contribution"] < 0 for c in result.cues)
    assert result.hostility < 0


def test_a_conflict_escalated_is_no_de_escalation(scorer):
    result = scorer.score("Busan stoked the confrontation with Tokyo by sending leaflets.")
    assert result.hostility > 0.3


@pytest.mark.parametrize("text", ["Busan froze the border pact intended to lower tension.",
                                  "Tokyo scrapped the accord it signed in 2018, designed to reduce tension along the "
                                  "border."])
def test_the_purpose_of_an_undone_agreement_is_no_cooperation(scorer, text):
    # T2 (RSS 2024): the easing named as the purpose of a suspended agreement read as cooperation (-0.60 against the
    # suspended agreement's +0.25: -0.10 for class +2)
    result = scorer.score(text)
    assert all(c["contribution"] >= 0 for c in result.cues)
    assert result.hostility > 0.2


def test_the_purpose_of_a_signed_agreement_is_cooperation(scorer):
    result = scorer.score("Busan signed an accord aimed at easing tensions.")
    assert all(c["contribution"] < 0 for c in result.cues) and result.hostility < -0.5


@pytest.mark.parametrize("text", ["Tokyo mocked Busan for dreaming of a reconciliation summit.",
                                  "The talks are nothing but a daydream, Tokyo said."])
def test_derided_cooperation_is_hostile(scorer, text):
    # T2 (Russian state media): a leader's derision of the other side's talk of reconciliation read as reconciliation
    # (-0.48 for class +2); derision of the other side's aims is a contemptuous characterisation
    result = scorer.score(text)
    assert all(c["contribution"] >= 0 for c in result.cues)
    assert result.hostility > 0.3


def test_a_cherished_dream_is_no_derision(scorer):
    result = scorer.score("Koreans have long cherished the dream of reunification.")
    assert result.hostility < 0


@pytest.mark.parametrize("text", ["Officials say Canada quietly shipped a large quantity of mortar shells to Japan.",
                                  "Canada shipped weapons to Japan last month."])
def test_arms_sent_to_the_target_are_aid_to_it(scorer, text):
    # T2 (RSS 2022): shells sent to the statement's one target, with the recipient after 'to', read as shells fired
    # (artillery, shells: +0.57 for class -2); only 'supply X with ...' named the recipient
    result = scorer.score(text, targets=["JPN"], speaker_country="CAN")
    assert any(c["kind"] == "transfer" and c["contribution"] < 0 for c in result.cues)
    assert result.hostility < 0


def test_arms_sent_against_the_target_stay_hostile(scorer):
    result = scorer.score("Canada sent a large number of shells to Japan.", targets=["BRA"], speaker_country="CAN")
    assert not any(c["kind"] == "transfer" and c["contribution"] < 0 for c in result.cues)


@pytest.mark.parametrize("text, act", [("Busan put sanctions on two shipping firms after a series of missile tests "
                                        "by Tokyo.", "missile tests"),
                                       ("The envoys held talks in Busan amid large-scale military drills.", "drills")])
def test_a_hostile_act_in_a_background_phrase_counts(scorer, text, act):
    # The ninth round set a hostile act in a background phrase ('after', 'following', 'amid', 'despite') behind
    # another cue to 0 (rules.background_acts); the tenth round's ablation found it gained on neither part of tune
    # (T1 unchanged, T2 AUC 0.930 without it 0.934) and removed it: the act counts, the statement's cues add up
    result = scorer.score(text)
    assert cue_of(result, act)["contribution"] > 0


def test_an_act_after_a_background_phrase_of_its_own_still_counts(scorer):
    # no cue before the background word: the launch is the main clause ("After the talks failed, Tokyo fired ...")
    result = scorer.score("Following weeks of silence, Tokyo fired two ballistic missiles.")
    assert result.hostility > 0.6


def test_a_cause_is_the_claim_not_a_background(scorer):
    # 'due to', 'because of' give the blame, the accusation itself (the seed's Zakharova statement): it counts
    result = scorer.score("Tokyo said tension rose due to the drills staged by Busan.")
    assert cue_of(result, "drills")["contribution"] > 0


@pytest.mark.parametrize("text", ["China and the US reach consensus on key economic problems.",
                                  "Tokyo and Busan reached an understanding on fishing quotas."])
def test_a_consensus_reached_is_an_agreement(scorer, text):
    # batch 2 (Russian state media): "reach consensus on ..." (class -2) read as the bare word 'consensus' (-0.34)
    assert any(c["kind"] == "agreement" and c["contribution"] <= -0.7 for c in scorer.score(text).cues)


def test_consensus_as_a_word_stays_mild(scorer):
    result = scorer.score("There is no consensus yet among the ministers.")
    assert not any(c["contribution"] <= -0.7 for c in result.cues)
