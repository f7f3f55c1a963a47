"""Twenty-sixth round (branch h14z): drills held are force posture done, the guideline's class +2, and weigh the cap of
words alone (0.5), where a condemnation or an accusation lands. Wire copy tells its drills in neutral words (a verb
and the noun: held, began, extended, resumed drills) and read 0.36-0.47 on main, where the noun alone counted as a
topic word (0.35-0.45), below the class-2 statements of KCNA, whose drills come with loaded words. Jets scrambled
weigh the same. Found on gold T1 (by corpus and class) and confirmed on gold-free wire draws labelled before their
scores were read. Every sentence here is written for the test (no corpus text); counter-cases keep a stronger word
inside the phrase, drills mentioned, a drill not held, restraint exercised and the house name 'war drills' where they
were."""
import pytest

from conftest import scored


@pytest.mark.parametrize("text", [
    "The two armies held drills south of the capital on Wednesday.",
    "Washington and Seoul extended their air drills by a week.",
    "The two navies resumed their drills after a short pause.",
    "Both navies began maneuvers near the islands on Monday.",
])
def test_drills_held_weigh_as_class_two(scorer, text):
    """Drills held, begun, extended or resumed reach the class-2 level (0.36-0.42 on main, a topic word)."""
    assert scored(scorer, text).hostility > 0.55


def test_jets_scrambled_weigh_as_drills_held(scorer):
    """Jets scrambled are a show of force done, class +2 as drills held (0.47 on main)."""
    assert scored(scorer, "The air force scrambled jets on Tuesday.").hostility > 0.55


@pytest.mark.parametrize("text", [
    "The marines staged a shelling drill on the island.",
    "The navy staged bombardment exercises off the coast.",
])
def test_a_stronger_word_between_verb_and_drills_keeps_its_weight(scorer, text):
    """Counter-case: only words that describe drills stand between the verb and the noun, so shelling and bombardment
    keep their own, higher weight (0.85-0.87, as on main)."""
    assert scored(scorer, text).hostility > 0.8


@pytest.mark.parametrize("held, mentioned", [
    ("The two armies held drills south of the capital on Wednesday.",
     "Officials said the drills were discussed at the meeting."),
])
def test_drills_held_rank_above_drills_mentioned(scorer, held, mentioned):
    """Counter-case: the noun alone stays a topic word, below the act."""
    assert scored(scorer, held).hostility > scored(scorer, mentioned).hostility + 0.2


@pytest.mark.parametrize("text, high", [
    ("The navy did not hold drills this year.", 0.05),
    ("Both sides continued to exercise restraint.", 0.0),
])
def test_drills_not_held_and_restraint_exercised_stay_low(scorer, text, high):
    """Counter-cases: the negation still cancels the act; 'continue to exercise restraint' is no exercise."""
    assert scored(scorer, text).hostility <= high


def test_war_drills_keep_their_house_name_weight(scorer):
    """Counter-case: 'staged war drills' keeps the longer 'war drill' row's weight, at least the plain drills' level."""
    assert (scored(scorer, "The puppets staged war drills again.").hostility
            >= scored(scorer, "The two armies held drills south of the capital on Wednesday.").hostility)
