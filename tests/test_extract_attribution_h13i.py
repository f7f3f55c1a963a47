"""Rules of issue 13's ninth tuning round, each kept only when the held-out T2 part of the tune half did not get
worse; every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md; figures: docs/evaluation-extraction.md, "Ninth round"."""

from __future__ import annotations

from datetime import date

from conftest import voices_on

DAY = date(2025, 12, 20)


def found(ctx, text: str, speaker: str = "") -> list[tuple]:
    return voices_on(ctx, text, DAY, speaker)


# --- "the ministry" of a Seoul story is Seoul's (references.py, actors.tsv "unification ministry") ------------------

def test_the_unification_ministry_is_seouls_with_no_country_named_before_it(ctx):
    # Before: no country at all, then "the ministry" went to the country named most (the North).
    text = ("The unification ministry said it will seek talks with North Korea on family reunions. "
            "North Korea has ignored every such offer. The ministry said it will keep trying.")
    voices = found(ctx, text)
    assert voices[0][0] == "KOR" and voices[-1][0] == "KOR"


def test_the_unification_ministry_after_a_north_korean_ministry_is_not_that_ministry(ctx):
    text = ("North Korea's foreign ministry denounced the joint drills as a rehearsal for invasion. "
            "The unification ministry said it regrets the North's hostile rhetoric.")
    assert [v[0] for v in found(ctx, text)] == ["PRK", "KOR"]


def test_the_ministry_in_a_yonhap_story_naming_no_ministry_is_seouls(ctx):
    # The dateline's outlet (a South Korean one) is whose government "the ministry" is.
    text = ("SEOUL, Dec. 20 (Yonhap) -- North Korea fired two ballistic missiles into the East Sea on Saturday. "
            "It was Pyongyang's third launch this month, and North Korea vowed more. "
            "The ministry said it strongly condemns the launch as a clear provocation.")
    assert found(ctx, text)[-1][0] == "KOR"


def test_the_ministry_after_a_north_korean_ministry_is_still_that_ministry(ctx):
    # Hard case: the ministry the story named before wins over the outlet's own government.
    text = ("SEOUL, Dec. 20 (Yonhap) -- North Korea's foreign ministry slammed the United States on Saturday. "
            "The ministry said Washington must stop its hostile policy.")
    assert [v[0] for v in found(ctx, text)] == ["PRK", "PRK"]


def test_the_ministry_with_no_dateline_and_no_ministry_named_keeps_the_main_country(ctx):
    # Hard case: with no outlet known, the office falls to the country named most, as before.
    text = ("Japan protested the landing. Japan said the island is its territory. "
            "The ministry said it summoned the envoy.")
    assert found(ctx, text)[-1][0] == "JPN"


# --- an act whose subject KCNA names in its house vocabulary is KCNA's account (voices._named_with_epithets) --------

KCNA_DAY = date(2011, 10, 31)


def kcna(ctx, text: str) -> list[tuple]:
    return voices_on(ctx, text, KCNA_DAY, "KCNA")


def test_warmongers_of_the_south_are_kcnas_account_not_the_souths_act(ctx):
    # Before: "of south Korea" made the subject people of the South, KOR -> PRK.
    assert kcna(ctx, "The warmongers of south Korea are fanning up war fever against the DPRK.") == [
        ("PRK", "state_media", ("KOR",))]


def test_the_puppet_group_after_an_opening_clause_is_kcnas_account(ctx):
    # Before: "experts" in the act made the puppet group an academic voice, KOR -> PRK.
    assert kcna(ctx, "Upset by this, the puppet group had experts interpret the situation in the north "
                     "in a biased way.") == [("PRK", "state_media", ("KOR",))]


def test_a_union_relayed_by_kcna_keeps_its_act_though_the_sentence_holds_an_epithet(ctx):
    # Hard case: the epithet is in the union's protest, not in the name of who acts.
    text = "A teachers' union in south Korea staged a march on June 2 to protest against the puppet authorities."
    assert [v[:2] for v in kcna(ctx, text)] == [("KOR", "civic")]


def test_an_epithet_in_an_earlier_clause_names_someone_else(ctx):
    # Hard case: the members named after the comma act; the epithet before it is about whom they brand.
    text = ("Members of a farmers' union of south Korea staged a sit-in on Monday, branding the puppet "
            "authorities traitors.")
    assert [v[:2] for v in kcna(ctx, text)] == [("KOR", "people")]


def test_a_south_korean_speaker_named_plainly_keeps_quoted_epithets_his_own(ctx):
    # Hard case: a speech, not an act, and the epithet is inside quotation marks.
    text = 'The south Korean defence minister said that "the puppet army" would hold a drill.'
    assert [v[:2] for v in kcna(ctx, text)] == [("KOR", "government")]


# --- the other side's state act told in loaded words is the telling voice's accusation (voices._accusing_voice) ------

def test_drills_told_in_kcnas_loaded_words_are_kcnas_accusation(ctx):
    # Before: the South's military act reported by KCNA (KOR -> PRK).
    text = "The south Korean military staged war drills in collusion with outside forces near the border on Monday."
    assert kcna(ctx, text) == [("PRK", "state_media", ("KOR",))]


def test_a_launch_called_reckless_is_kcnas_accusation(ctx):
    text = "The south Korean military recklessly fired artillery shells near the border on Monday."
    assert kcna(ctx, text) == [("PRK", "state_media", ("KOR",))]


def test_drills_told_in_plain_words_stay_the_souths_act(ctx):
    # Hard case: no loaded word: KCNA passes the act on.
    text = "The south Korean military staged artillery drills near the border on Monday."
    assert [v[:2] for v in kcna(ctx, text)] == [("KOR", "military")]


def test_a_submarine_calling_at_a_port_stays_the_navys_act(ctx):
    # Hard case: "call" is an evaluative word elsewhere, not here (the evaluative list is not used for acts).
    assert [v[:2] for v in kcna(ctx, "A U.S. nuclear submarine will call at a south Korean port next week.")] == [
        ("USA", "military")]
