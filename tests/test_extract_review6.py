"""Defects a code review found in session 6's extraction rounds (11-13) and the month fix, fixed after it. Every
sentence here is written for these tests; each class has a counter-case that must not change."""

from __future__ import annotations

from datetime import date

from conftest import kcna_voices, voices_on
from tension.extract.institutions import statistic_subject
from tension.extract.kinds import load_kinds
from tension.extract.modality import modality

DAY = date(2025, 12, 1)
MINISTRY = ("North Korea's foreign ministry issued a statement on Monday. The statement said the United States must "
            "stop its hostile policy at once.")


def test_the_statement_said_in_a_wire_story_is_the_ministrys(ctx):
    # round 13's guard for KCNA's relayed texts had made it "speaker unknown" in every story without a state narrator
    for speaker in ("", "Yonhap"):
        assert voices_on(ctx, MINISTRY, DAY, speaker)[1] == ("PRK", "government", ("USA",))


def test_the_declaration_said_in_kcnas_story_is_still_not_the_condemned_governments(ctx):
    text = "The puppet government of south Korea issued a statement on Monday. The declaration said the talks must go on."
    assert kcna_voices(ctx, text)[1][:2] != ("KOR", "government")


def _country_end(text: str) -> int:
    for name in ("South Korea", "North Korea", "China", "Russia", "Japan"):
        if text.startswith(name):
            return len(name)
    raise AssertionError(text)


def test_an_act_on_a_trade_noun_is_no_statistic():
    for text in ("North Korea attacked the South Korean economy, officials said",
                 "China banned Japanese seafood imports, citing safety",
                 "Russia sanctions Ukrainian exports, Kyiv said"):
        assert not statistic_subject(text, _country_end(text), len(text)), text
    for text in ("South Korea's main stock index closed higher", "Japan's birth rate fell"):
        assert statistic_subject(text, _country_end(text), len(text)), text


def test_a_military_strike_that_kills_workers_is_still_a_military_act():
    kinds = load_kinds()
    assert kinds.implied_act("RUS", "A Russian strike killed five workers at a power plant.", True) is not None
    assert kinds.implied_act("RUS", "As more doctors join the strike, hospitals struggle.", True) is None


def test_denying_anothers_claim_of_a_launch_does_not_make_the_state_its_military(ctx):
    denied = voices_on(ctx, "North Korea said South Korean claims that it fired shells near the border were a lie.",
                       DAY)
    assert denied[0][:2] == ("PRK", "government")
    told = voices_on(ctx, "North Korea said it fired shells near the border.", DAY)
    assert told[0][:2] == ("PRK", "military")


def test_a_vow_to_cut_ties_makes_no_joint_cooperation(ctx):
    cut = voices_on(ctx, "South Korea, Japan vow to cut ties with the regime", DAY)
    assert all(targets == () for _c, _k, targets in cut)
    joint = voices_on(ctx, "South Korea, Japan vow to deepen cooperation", DAY)
    assert [t for _c, _k, t in joint] == [("JPN",), ("KOR",)]


def test_may_before_a_verb_is_the_modal_even_after_this():
    assert modality("Why This May Be the Last Chance for Talks", True) == "hypothetical"
    assert modality("This May the two sides met twice.", False) == "asserted"

