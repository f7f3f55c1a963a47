"""tension.extract.when: the day a statement's act happened or its words were said, from its own text (issue 15).
Sentences written for the test; dates are real calendar days (2022-03-21 was a Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from tension.extract.when import occurred

MON = date(2022, 3, 21)  # a Monday
SUN = date(2022, 3, 20)


def act(text: str, published: date = MON, sentence: str | None = None) -> date | None:
    return occurred(text, sentence or text, published, is_act=True)


def test_weekday_in_a_monday_item_is_the_day_before():
    assert act("North Korea fired a ballistic missile on Sunday.") == date(2022, 3, 20)


def test_possessive_weekday():
    assert act("Sunday's launch was the fourth this month.") == date(2022, 3, 20)


def test_weekday_equal_to_publication_day_is_that_day():
    assert act("North Korea fired a missile on Monday.") == MON


def test_weekday_after_publication_day_is_the_next_morning_in_korea():
    # a Sunday item (American date) about Korea's Monday morning: not six days before
    assert act("South Korea fired warning shots early Monday.", SUN) == date(2022, 3, 21)


def test_last_weekday_is_the_one_before_even_on_that_weekday():
    assert act("The North fired a missile last Friday.", date(2022, 3, 25)) == date(2022, 3, 18)
    assert act("The North fired a missile last Friday.", MON) == date(2022, 3, 18)


def test_act_is_dated_by_the_act_speech_by_the_saying():
    sentence = "Seoul said Monday that the North fired a missile on Saturday."
    content = "the North fired a missile on Saturday"
    assert occurred(content, sentence, MON, is_act=True) == date(2022, 3, 19)
    assert occurred(content, sentence, MON, is_act=False) == MON
    # words with no day of their saying stay undated, even when they name the day of what they talk about
    assert occurred("the North fired a missile on Saturday", "Officials said the North fired a missile on Saturday.",
                    MON, is_act=False) is None


def test_act_dated_by_its_sentence_when_its_own_text_names_no_day():
    sentence = "On Saturday, North Korea fired two missiles."
    assert occurred("North Korea fired two missiles", sentence, MON, is_act=True) == date(2022, 3, 19)


def test_relative_days():
    assert act("The North fired artillery yesterday.") == SUN
    assert act("Shells landed near the border last night.") == SUN
    assert act("North Korea fired a missile this morning.") == MON
    assert act("Yesterday the North fired a missile.") == SUN


def test_plans_and_spans_are_not_the_statement_day():
    assert act("The two Koreas will hold talks on Monday.", date(2022, 3, 19)) is None
    assert act("Seoul plans to resume drills next week.") is None
    assert act("The allies will meet next Monday.") is None
    assert act("The North has fired eight missiles since Jan. 21.") is None
    assert act("Drills run from March 7 until Friday.", date(2022, 3, 9)) is None
    # a span word passes its phrase over: the next one is the statement's
    assert act("After Sunday's launch, Seoul scrambled jets on Monday.", date(2022, 3, 22)) == MON


def test_month_day_forms():
    published = date(2022, 1, 25)
    assert act("The North fired two missiles on Jan. 21.", published) == date(2022, 1, 21)
    assert act("The North fired two missiles on January 21.", published) == date(2022, 1, 21)
    assert act("The North fired two missiles on 21 January.", published) == date(2022, 1, 21)
    assert act("The North fired two missiles on Sept. 3.", date(2022, 9, 5)) == date(2022, 9, 3)


def test_month_day_after_publication_or_long_before_is_no_date():
    assert act("The North fired a missile on Jan. 30.", date(2022, 1, 25)) is None  # ahead: a plan
    assert act("The North fired a missile on Oct. 4.", date(2022, 12, 20)) is None  # history
    assert act("The North fired a missile on Jan. 21, 2021.", date(2022, 1, 25)) is None  # a year before
    assert act("The North fired a missile on Jan. 21, 2022.", date(2022, 1, 25)) == date(2022, 1, 21)


def test_year_boundary():
    assert act("The North fired a missile on Dec. 30.", date(2023, 1, 2)) == date(2022, 12, 30)


def test_may_the_verb_is_no_date():
    assert act("North Korea may fire 2 more missiles.", date(2022, 5, 20)) is None
    assert act("All 21 May be tested soon.", date(2022, 5, 25)) is None
    assert act("North Korea fired a missile on May 4.", date(2022, 5, 6)) == date(2022, 5, 4)
    assert act("North Korea fired a missile on 4 May.", date(2022, 5, 6)) == date(2022, 5, 4)


def test_curly_quotes_and_dashes_around_the_phrase():
    assert act("North Korea fired a missile \u2014 on Sunday \u2014 into the sea.") == SUN
    assert act("\u201cOn Sunday\u201d the North fired a missile.") == SUN
    assert act("The North fired a missile\u2014on Sunday.") == SUN


def test_no_day_named():
    assert act("North Korea fired a ballistic missile into the sea.") is None
    assert act("The war ended in 1953.") is None
    assert act("The North has fired missiles since 2022.") is None


@pytest.mark.parametrize("published", [date(2022, 3, d) for d in range(14, 21)])
def test_every_weekday_lies_within_a_week_around_publication(published):
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        found = act(f"The North fired a missile on {name}.", published)
        assert found is not None and found.strftime("%A") == name
        assert -5 <= (found - published).days <= 1


def test_a_plan_in_the_words_around_a_frame_day_is_no_date():
    sentence = "The president said he would raise the issue when he meets his counterpart on Monday."
    content = "he would raise the issue"
    assert occurred(content, sentence, SUN, is_act=False) is None


def test_a_month_and_day_that_names_something_is_passed_over():
    published = date(2011, 6, 30)
    assert act("The June 15 Mountaineering Society held games in Seoul on June 26.", published) == date(2011, 6, 26)
    assert act("They called for implementing the June 15 joint declaration.", published) is None
    assert act("The group marked July 27, the day of victory.", date(2011, 7, 26)) is None  # after publication
