"""An outlet's account of what happened in an earlier year is background, no statement of this week (labelling
guideline, adjudication 1): a state outlet's retelling of its leader's past proposals ("In August 1981 he proposed a
north-south summit") made the DPRK look cooperative toward the ROK in anniversary weeks. Sentences written for these
tests."""

from __future__ import annotations

from datetime import date

from conftest import voices_on

DAY = date(2012, 4, 14)


def voices(ctx, text: str) -> list[tuple]:
    return voices_on(ctx, text, DAY, "KCNA")


def test_an_outlets_account_opening_with_an_earlier_year_gives_no_row(ctx):
    assert voices(ctx, "In August 1981 he proposed a summit to the south Korean authorities.") == []
    assert voices(ctx, "In the 1970s, the President put forward a plan for a confederation with south Korea.") == []
    assert voices(ctx, "In 1998, relations with south Korea entered a new stage of reconciliation.") == []
    assert voices(ctx, "In Aug. 3, 1991, a joint event with south Korea was held in friendship.") == []
    # the same sentence in the document's own year is the outlet's account of this week
    assert voices(ctx, "In 2012, relations with south Korea entered a new stage of reconciliation.") == [
        ("PRK", "state_media", ("KOR",))]


def test_this_years_time_or_a_time_inside_the_sentence_keeps_the_outlets_account(ctx):
    # Hard cases: the year of the document is not background, nor is a year that is not the sentence's opening time
    assert voices(ctx, "In April 2012 the south Korean puppets staged war drills against the north.") == [
        ("PRK", "state_media", ("KOR",))]
    assert voices(ctx, "Independent observers see in 2012 a turning point for south Korea.") != []


def test_a_named_speaker_after_an_earlier_year_is_left_to_the_clause_rules(ctx):
    # Not covered (measured): as a rule for every clause, an opening earlier year took away a true statement of
    # the held-out tune part; a voice found in the clause keeps its row here (not a state: no pair)
    assert voices(ctx, "In 1998 the council praised south Korean students.") == [(None, "civic", ("KOR",))]


def test_a_speaker_going_on_after_a_colon_who_tells_the_past_says_it_now(ctx):
    # "what a speaker says about the past is the speaker's statement now": the commentary goes on in its own voice
    found = voices(ctx, "The paper's commentary goes on:\nIn 2010 the U.S. drew south Korea into war games against "
                        "the north.")
    assert found and all("KOR" in targets for _, _, targets in found)


def test_a_late_leader_does_nothing_this_week(ctx):
    # Kim Il Sung died in 1994 (actors.tsv: "late head of state" after): his proposals are history as told in 2012
    assert voices(ctx, "Kim Il Sung proposed a north-south summit to south Korea.") == []
    assert voices(ctx, "President Kim Il Sung said that the north and the south should reunify.") == []


def test_a_living_leader_acts_this_week(ctx):
    # Hard case: the same sentence of the leader in office is his statement of this week
    assert voices(ctx, "Kim Jong Un proposed a north-south summit to south Korea.") == [("PRK", "government", ("KOR",))]
    assert voices_on(ctx, "Kim Il Sung proposed a north-south summit to south Korea.", date(1990, 5, 2), "KCNA") == [
        ("PRK", "government", ("KOR",))]


def test_a_late_leader_named_inside_anothers_words_leaves_their_statement(ctx):
    # Hard case: the spokesman speaks now; the late leader is only named (kept even where it is attributed to him)
    found = voices_on(ctx, "The demise of Kim Jong Il is a great loss, the spokesman said, condemning the south "
                           "Korean authorities for blocking condolence visits.", date(2011, 12, 21), "KCNA")
    assert any(country == "PRK" and "KOR" in targets for country, _, targets in found)
