"""Defects a code review found in the tenth tuning round of issue 13, fixed after it (docs/evaluation-extraction.md,
"Review fixes after the tenth round"). Every sentence here is written for these tests (never copied from the
corpora); each class has two sentences written differently and a counter-case that must not change."""

from __future__ import annotations

from datetime import date

from conftest import kcna_voices as found

DIASPORA_ARTICLE = ("The Association of Koreans in Canada published an article on the anniversary. It said:\n\n"
                    "The south Korean authorities must stop their confrontation moves.\n\n")


# --- 1. a speaker going on after a colon stops at the outlet's own dated news lead (continuation.ends_continuation) ---

def test_a_colon_frame_ends_at_an_own_side_persons_dated_act(ctx):
    # Before: the last two sentences were the South Korean group's (KOR civic -> CUB, PRK; -> USA).
    text = ("The Workers Solidarity of south Korea released a statement on March 8. The statement noted: the puppet "
            "conservatives are driving the peninsula to the brink of war. Choe Ryong Hae received a Cuban friendship "
            "delegation on Tuesday. The U.S. warmongers are to blame for the tension.")
    voices = found(ctx, text)
    assert voices[1][:2] == ("KOR", "civic")  # the relayed statement itself keeps the group's voice
    assert voices[2][:2] == ("PRK", "people") and voices[2][2] == ("CUB",)  # his act, not the group's words
    assert voices[3] == ("PRK", "state_media", ("USA",))


def test_a_said_colon_at_a_sentence_end_ends_at_a_leaders_dated_visit(ctx):
    # The older frame ("It said:" ending its sentence), a diaspora body, a month's day: the outlet's narration again.
    voices = found(ctx, DIASPORA_ARTICLE + "Kim Jong Un inspected a fish farm on June 4. The south Korean warmongers "
                                           "are hell-bent on arms buildup.")
    assert voices[1] == (None, "diaspora_foreign", ("KOR",))
    assert voices[2][:2] == ("PRK", "government")
    assert voices[3] == ("PRK", "state_media", ("KOR",))


def test_a_relayed_voice_telling_a_leaders_history_or_praising_him_goes_on(ctx):
    # Counter-cases: a dated act with its year is history the relayed voice tells; praise with no day is its words.
    for middle in ("Kim Il Sung visited a steel mill on April 5, 1975. ",
                   "Kim Jong Un always works for the well-being of the people. "):
        voices = found(ctx, DIASPORA_ARTICLE + middle + "The south Korean warmongers are hell-bent on arms buildup.")
        assert [v[:2] for v in voices[1:]] == [(None, "diaspora_foreign")] * 3, middle


# --- 2. "withdraw ... from X" makes X a place only when forces are withdrawn (context._forces_withdrawn) ------------

def test_an_ambassador_withdrawn_from_a_country_leaves_it_a_target(ctx):
    # Before: "withdraw" was a host word, so Japan was only the place and the target was PRK alone.
    text = ("South Korea said it would withdraw its ambassador from Japan over the fishing dispute, and criticized "
            "North Korea.")
    assert found(ctx, text, "", date(2025, 12, 10)) == [("KOR", "government", ("JPN", "PRK"))]


def test_a_trade_delegation_withdrawn_from_the_south_leaves_it_a_target(ctx):
    text = "Japan said it will withdraw its trade delegation from South Korea after the row, and blamed China for it."
    assert found(ctx, text, "", date(2025, 12, 10)) == [("JPN", "government", ("CHN", "KOR"))]


def test_troops_withdrawn_from_the_south_leave_it_the_place(ctx):
    # Counter-case (tenth round, adjudication 7): the South is where the troops are, the demand is aimed at the U.S.
    assert found(ctx, "The U.S. must withdraw its troops from south Korea at once.") == \
        [("PRK", "state_media", ("USA",))]
    assert found(ctx, "It is necessary for the U.S. to withdraw its nuclear weapons from south Korea.") == \
        [("PRK", "state_media", ("USA",))]


# --- 3. a Korean living in Korea is no diaspora (speaker_kind.kind_of_speaker: the place after "in") ---------------

def test_a_korean_resident_in_seoul_is_a_person_of_the_south(ctx):
    # Before: the head row "Korean resident in" made him diaspora_foreign of no state.
    text = "A Korean resident in Seoul told a radio station that North Korea should halt its missile tests."
    assert found(ctx, text, "", date(2025, 12, 10)) == [("KOR", "people", ("PRK",))]


def test_a_korean_living_in_pyongyang_is_a_person_of_the_north(ctx):
    text = "A Korean living in Pyongyang said that the U.S. should give up its hostile policy."
    assert found(ctx, text)[0] == ("PRK", "people", ("USA",))


def test_a_korean_resident_abroad_stays_diaspora_and_the_whole_nation_no_person(ctx):
    # Counter-cases: abroad is diaspora (tenth round); the whole nation "in the north, the south and abroad" is no
    # person living in Korea: the call stays the outlet's own.
    assert found(ctx, "A Korean resident in Germany wrote that the U.S. should leave the peninsula.")[0] == \
        (None, "diaspora_foreign", ("USA",))
    text = "All the Koreans in the north, the south and abroad should unite to foil the U.S. war moves."
    assert found(ctx, text) == [("PRK", "state_media", ("KOR", "USA"))]


# --- 4. a title-case headline's verb ends a body's name (kinds._body_after; reference_words.tsv name_break) --------

def test_students_protesting_against_an_alliance_in_a_headline_are_people(ctx):
    # Before: "Students ... Alliance" read as a body's name, so the students were a civic body.
    text = "South Korean Students Protest Against U.S. Alliance\n\nStudents said the U.S. must stop its pressure."
    assert found(ctx, text, "", date(2025, 12, 10))[0] == ("KOR", "people", ("USA",))


def test_workers_slamming_an_alliance_in_a_headline_are_people(ctx):
    # Written differently: a verb with no preposition after it, the body's head word later in the headline.
    assert found(ctx, "Angry South Korean Workers Slam U.S. Security Alliance", "", date(2025, 12, 10)) == \
        [("KOR", "people", ("USA",))]


def test_a_body_named_after_its_members_stays_civic(ctx):
    # Counter-cases: members named inside a body's name, a preposition after the head ("for Peace").
    for text in ("The Citizens Federation for Peace of south Korea said the puppet authorities must stop the drills.",
                 "The Korean Teachers and Education Workers Union of south Korea denounced the puppet authorities."):
        assert found(ctx, text)[0][:2] == ("KOR", "civic"), text
