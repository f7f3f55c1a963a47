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
