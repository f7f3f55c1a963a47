"""Rules of issue 13's fourth tuning round (the causes an independent judge found in the Yonhap sample, kept only
when the held-out T2 part of the tune half did not get worse), each with sentences written for these tests (never
copied from the corpora). Rules: docs/labelling-guideline.md, adjudication decisions; figures:
docs/evaluation-extraction.md, "Fourth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

from conftest import voices_on

DAY = date(2025, 12, 10)


def voices(ctx, text: str, speaker: str = "") -> list[tuple]:
    return voices_on(ctx, text, DAY, speaker)


# --- an earlier act is background: no row (adjudication 1) -----------------------------------------------------

def test_a_speech_act_framed_as_earlier_gets_no_row(ctx):
    assert voices(ctx, "Seoul previously warned that Pyongyang could send more troops to Russia.") == []
    assert voices(ctx, "Japan lodged a protest with China last month over the incursion.") == []
    assert voices(ctx, "Beijing said last week that it opposed the drills by Japan.") == []
    assert voices(ctx, "North Korea fired a ballistic missile toward Japan in 2022.") == []


def test_the_same_acts_of_this_week_keep_their_rows(ctx):
    assert voices(ctx, "Seoul warned on Monday that Pyongyang could send more troops to Russia.") == [
        ("KOR", "government", ("PRK", "RUS"))]
    assert voices(ctx, "Beijing said on Tuesday that it opposed the drills by Japan.") == [
        ("CHN", "government", ("JPN",))]


def test_a_time_that_is_not_the_acts_keeps_the_row(ctx):
    # Hard cases: the earlier time belongs to a noun ("last week's launch"), to a "since" clause, or is this
    # year; and an act the same sentence says happened this week.
    assert voices(ctx, "Seoul condemned last week's launch by North Korea.") == [("KOR", "government", ("PRK",))]
    assert voices(ctx, "Since invading Ukraine in 2022, Russia has forged closer ties with North Korea.") != []
    assert voices(ctx, "Tokyo protested to Beijing in 2025 over the ships.") == [("JPN", "government", ("CHN",))]
    assert voices(ctx, "Seoul said on Monday its exports to China rose from last year.") == [
        ("KOR", "government", ("CHN",))]
    assert voices(ctx, "North Korea fired a ballistic missile toward Japan on Tuesday.") == [
        ("PRK", "military", ("JPN", "KOR", "USA"))]


# --- a country that is only the agenda of talks is no actor, and a target only when nothing else is (adj. 7) -----

def test_a_country_before_issue_is_no_actor(ctx):
    # Before: "North Korea" was the clause's subject, a PRK statement toward China.
    assert [v for v in voices(ctx, "Lee discussed the North Korea issue with Xi on Monday.") if v[0] == "PRK"] == []
    # "issues" as a verb is still the act of its subject
    assert voices(ctx, "South Korea issues arrest warrant for the president") == [("KOR", "government", ())]


def test_the_agenda_of_talks_with_a_third_party_is_no_target(ctx):
    assert voices(ctx, "Japan held talks with the United States on North Korea on Monday.")[0] == (
        "JPN", "government", ("USA",))
    assert voices(ctx, "Japan held talks with the United States on Monday over North Korea's nuclear programme.")[
        0] == ("JPN", "government", ("USA",))


def test_an_agenda_that_is_all_there_is_or_a_stance_stays_a_target(ctx):
    # Hard cases: the agenda is the only country named; a stance toward the programme (no talks) is a target.
    assert voices(ctx, "Japan held talks on North Korea on Monday.") == [("JPN", "government", ("PRK",))]
    assert voices(ctx, "Seoul criticized North Korea's nuclear programme on Monday.") == [
        ("KOR", "government", ("PRK",))]


# --- "the ministry" is the last ministry named, or the outlet's own government's; never a news agency ----------

def speakers(ctx, text: str, speaker: str = "") -> list[tuple]:
    return [(s.speaker_actor, s.speaker_country)
            for s in extract_statements(text, DAY, ctx.actors, ctx.lexicon, speaker)]


def test_the_ministry_after_a_news_agency_is_the_outlets_government(ctx):
    found = speakers(ctx, "North Korea fired a missile on Monday, KCNA reported. The ministry said it regretted "
                          "the launch.", "Yonhap")
    assert found[-1][1] == "KOR" and "KCNA" not in (found[-1][0] or "") and "Central News" not in (found[-1][0] or "")


def test_the_ministry_is_the_last_ministry_named(ctx):
    # Hard case: a ministry of another country named before, in a South Korean outlet's story.
    found = speakers(ctx, "Japan's Foreign Ministry protested on Monday. The ministry said the claim was groundless.",
                     "Yonhap")
    assert found[-1][1] == "JPN"
    found = speakers(ctx, "The Ministry of Unification voiced regret on Monday. The ministry said talks must resume.",
                     "KCNA")
    assert found[-1] == ("Ministry of Unification (KOR)", "KOR")
