"""A cue directed at a country that is neither the statement's target nor its speaker's own counts 0
(tension/score/direction.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tension.score.scorer import Scorer


def contribution(result, fragment: str) -> float:
    # (by the cue's pattern: "shipping weapons to Moscow" is matched by the longer transfer row since the ninth round)
    return next(c["contribution"] for c in result.cues if fragment in c["cue"])


TEXT = "Pyongyang pledged its support to Moscow in the war against Kyiv, officials said."


def test_without_targets_nothing_changes(scorer):
    plain = scorer.score(TEXT)
    assert scorer.score(TEXT, "asserted", None, "PRK").hostility == plain.hostility
    assert contribution(plain, "war") > 0


def test_a_war_against_a_third_country_is_not_hostility_toward_the_target(scorer):
    toward_russia = scorer.score(TEXT, "asserted", ["RUS"], "PRK")
    toward_ukraine = scorer.score(TEXT, "asserted", ["UKR"], "PRK")
    assert contribution(toward_russia, "war") == 0.0
    assert any(m["kind"] == "direction" and m["marker"] == "directed at UKR"
               for c in toward_russia.cues for m in c["markers"])
    assert contribution(toward_ukraine, "war") > 0
    assert contribution(toward_ukraine, "support") == 0.0 and contribution(toward_russia, "support") < 0
    assert toward_russia.hostility < 0 < toward_ukraine.hostility


def test_cooperation_with_a_third_country_is_not_cooperation_with_the_target(scorer):
    text = "Tokyo deepened its cooperation with Canberra as the dispute with Beijing went on."
    toward_china = scorer.score(text, "asserted", ["CHN"], "JPN")
    toward_australia = scorer.score(text, "asserted", ["AUS"], "JPN")
    assert contribution(toward_china, "cooperat") == 0.0
    assert contribution(toward_australia, "cooperat") < 0
    assert toward_china.hostility > toward_australia.hostility


def test_an_act_toward_the_speaker_itself_still_counts(scorer):
    text = "Seoul said the North fired a missile toward South Korea on Monday."
    result = scorer.score("North Korea threatened war against South Korea.", "asserted", ["PRK"], "KOR")
    assert contribution(result, "war") > 0
    assert scorer.score(text, "asserted", ["PRK"], "KOR").hostility > 0


def test_a_lower_case_word_is_not_a_country(scorer):
    text = "The ministry signed an agreement with turkey farmers."
    result = scorer.score(text, "asserted", ["FRA"], "DEU")
    assert all(m["kind"] != "direction" for c in result.cues for m in c["markers"])


def test_an_indictment_at_home_is_not_hostility_toward_a_foreign_target(scorer):
    text = "The activist was indicted for sending letters across the border last spring."
    toward_north = scorer.score(text, "asserted", ["PRK"], "KOR")
    assert contribution(toward_north, "indict") == 0.0
    assert any(m["kind"] == "domestic" for c in toward_north.cues for m in c["markers"])
    # with no foreign target (a domestic statement) the act keeps its weight, as the guideline rates it
    assert contribution(scorer.score(text, "asserted", ["KOR"], "KOR"), "indict") > 0
    assert contribution(scorer.score(text), "indict") > 0


def test_an_arrest_of_a_targets_national_still_counts(scorer):
    text = "Police in Moscow arrested a Japanese businessman on Tuesday."
    assert contribution(scorer.score(text, "asserted", ["JPN"], "RUS"), "arrest") > 0


def test_a_deployment_names_its_place_not_its_target(scorer):
    text = "The senator said Washington should deploy more bombers to Guam and South Korea."
    result = scorer.score(text, "asserted", ["PRK"], "USA")
    assert contribution(result, "deploy") > 0
    assert all(m["kind"] != "direction" for c in result.cues for m in c["markers"])


def test_cooperation_between_two_targets_is_not_cooperation_with_the_speaker(scorer):
    text = "The American envoy visited Seoul for talks on the joint drills."
    about_them = scorer.score(text, "asserted", ["KOR", "USA"], "PRK")
    assert contribution(about_them, "talks") == 0.0
    assert any(m["kind"] == "third party" for c in about_them.cues for m in c["markers"])
    # the speaker's own talks (named, or in the first person) still count
    ours = "We held talks with the American envoy and officials of Seoul."
    assert contribution(scorer.score(ours, "asserted", ["KOR", "USA"], "PRK"), "talks") < 0


def test_troops_sent_to_a_target_are_aid_to_it(scorer):
    text = "The North has sent another 2,000 troops to Russia to fight in the war against Ukraine."
    toward_russia = scorer.score(text, "asserted", ["RUS"], "PRK")
    toward_ukraine = scorer.score(text, "asserted", ["UKR"], "PRK")
    assert contribution(toward_russia, "troops") < 0  # a number with a thousands comma does not break the phrase
    # toward the side they are sent to fight, troops sent to a third country are hostile (guideline +3 anchor
    # "troops sent to fight"), not an act between others
    assert contribution(toward_ukraine, "troops") > 0 and contribution(toward_ukraine, "war") > 0
    assert toward_russia.hostility < toward_ukraine.hostility
    assert toward_russia.hostility < scorer.score(text).hostility
    assert contribution(scorer.score(text), "troops") > 0  # without targets: as before, hostile


def test_a_demonym_right_after_a_cue_is_its_topic_not_its_target(scorer):
    text = "The envoy visited Seoul to discuss the Ukrainian war with officials."
    result = scorer.score(text, "asserted", ["KOR"], "RUS")
    assert contribution(result, "discuss") < 0
    assert all(m["kind"] != "direction" for c in result.cues for m in c["markers"])


def test_an_accused_transfer_between_two_targets_stays_hostile(scorer):
    text = "Seoul accused the North of shipping weapons to Moscow."
    assert contribution(scorer.score(text, "asserted", ["PRK", "RUS"], "KOR"), "ship~|shipped") > 0


def test_troops_sent_to_a_third_country_count_toward_the_target(scorer):
    text = "The spy agency told lawmakers the North had sent 1,200 more soldiers to Russia."
    toward_ukraine = scorer.score(text, "asserted", ["UKR"], "PRK")
    assert contribution(toward_ukraine, "soldiers") > 0
    assert all(m["kind"] != "direction" for c in toward_ukraine.cues for m in c["markers"])
    assert toward_ukraine.hostility > 0.4
    # other directed cues still count 0 toward a third country
    assert contribution(scorer.score("Tokyo signed a pact with Canberra.", "asserted", ["CHN"], "JPN"), "pact") == 0.0


def test_a_hyphen_before_an_abbreviation_ends_the_word(scorer):
    from tension.score.tokens import tokenize

    words = tokenize("the south korea-u.s. drills, anti-u.s. rallies and a well-known u-turn")[0]
    assert words[2:4] == ["korea", "u.s."]
    assert "anti-u" in words and "well-known" in words and "u-turn" in words  # prefixes and compounds as before
    # so both names are found: talks between the two targets are not cooperation with the speaker
    text = "They held secret south Korea-U.S. military talks last week."
    result = scorer.score(text, "asserted", ["KOR", "USA"], "PRK")
    assert contribution(result, "talks") == 0.0
    assert any(m["kind"] == "third party" for c in result.cues for m in c["markers"])


def test_arms_received_from_the_one_target_are_cooperation_with_it(scorer):
    text = "Moscow has deepened its ties with a partner shipping weapons to Russia, officials said."
    from_north = scorer.score(text, "asserted", ["PRK"], "RUS")
    assert contribution(from_north, "ship~|shipped") < 0
    assert any(m["kind"] == "transfer" for c in from_north.cues for m in c["markers"])
    # with two foreign targets the giver is unknown: as before, hostile
    assert contribution(scorer.score(text, "asserted", ["PRK", "UKR"], "RUS"), "ship~|shipped") > 0
