"""Thirty-fifth round (issue 14): whose cooperation is it? A cooperative cue in a clause whose subject is one of the
statement's targets — named by a house name the cue tables count as an epithet ('the Lee group', 'the puppets'), and,
with rules.TARGETS_BY_COUNTRY_NAME, by its country name — is the other side's cooperation told by the speaker
(talked about, scrapped, touted), not the speaker's: it counts 0 and says so (marker kind "target's cooperation").
Counted in a blind gold-free KCNA draw of rows scored cooperative (docs/evaluation-scoring.md, round 35). Every
sentence here is written for the test (no corpus text)."""
import pytest

import tension.score.scorer as scorer_module
from tension.score.scorer import Scorer


@pytest.fixture
def by_country_name(monkeypatch):
    """The measured variant: the target's country name opening the clause counts as its subject too."""
    monkeypatch.setattr(scorer_module, "TARGETS_BY_COUNTRY_NAME", True)


def _theirs(result) -> list[dict]:
    return [c for c in result.cues if any(m["kind"] == "target's cooperation" for m in c["markers"])]


EPITHET_LED = ["The Lee group again talked about dialogue and cooperation to hide its true colours."]
NAME_LED = ["The south Korean authorities made every effort to tear up the reconciliation agreements.",
            "Seoul boasts of its humanitarian aid while staging drills."]


def _counted_zero(result) -> None:
    theirs = _theirs(result)
    assert theirs and all(c["weight"] < 0 and c["contribution"] == 0 for c in theirs)
    assert not [c for c in result.cues if c["contribution"] < 0]


@pytest.mark.parametrize("text", EPITHET_LED)
def test_the_targets_cooperation_under_a_house_name_counts_zero(scorer: Scorer, text: str) -> None:
    _counted_zero(scorer.score(text, "asserted", ["KOR"], "PRK"))


@pytest.mark.parametrize("text", NAME_LED)
def test_under_its_country_name_only_in_the_measured_variant(scorer: Scorer, text: str, monkeypatch) -> None:
    assert not _theirs(scorer.score(text, "asserted", ["KOR"], "PRK"))
    monkeypatch.setattr(scorer_module, "TARGETS_BY_COUNTRY_NAME", True)
    _counted_zero(scorer.score(text, "asserted", ["KOR"], "PRK"))


@pytest.mark.parametrize("text, targets, speaker", [
    # the speaker's own side offers it
    ("The DPRK proposed talks to improve relations with the South.", ["KOR"], "PRK"),
    ("We are ready for dialogue and cooperation with the South.", ["KOR"], "PRK"),
    # the subject is the speaker's country (a reported act's actor is its speaker)
    ("North Korea agreed to hold talks with South Korea next week.", ["KOR"], "PRK"),
    # the target named after a preposition is not the subject
    ("Talks with Seoul will resume next month.", ["KOR"], "PRK"),
    # both sides as the subject
    ("Seoul and Pyongyang agreed to expand cooperation.", ["KOR"], "PRK"),
])
def test_cooperation_that_is_not_the_targets_alone_is_kept(scorer: Scorer, by_country_name, text: str, targets,
                                                            speaker) -> None:
    result = scorer.score(text, "asserted", targets, speaker)
    assert not _theirs(result)
    assert [c for c in result.cues if c["contribution"] < 0]


def test_without_targets_nothing_changes(scorer: Scorer, by_country_name) -> None:
    text = "The Lee group boasts of its humanitarian aid while staging drills."
    assert not _theirs(scorer.score(text))


def test_a_name_after_a_preposition_is_not_the_subject_nor_its_second_word(scorer: Scorer, by_country_name) -> None:
    text = "The whole city of South Korea's capital offered condolences over the accident."
    assert not _theirs(scorer.score(text, "asserted", ["KOR"], "PRK"))


@pytest.mark.parametrize("text", [
    "He flew from Seoul on Monday to offer condolences at the memorial.",  # a name after a verb is its object
    "Because of the South, cooperation stalled for a year.",
])
def test_a_name_that_does_not_open_the_clause_is_not_its_subject(scorer: Scorer, by_country_name, text: str) -> None:
    assert not _theirs(scorer.score(text, "asserted", ["KOR"], "PRK"))


def test_the_subject_of_a_subordinate_clause_opening_the_sentence(scorer: Scorer) -> None:
    text = "Even though the puppets apologize, nothing will calm the army's anger."
    result = scorer.score(text, "asserted", ["KOR"], "PRK")
    assert not [c for c in result.cues if c["contribution"] < 0]


@pytest.mark.parametrize("text", [
    # an epithet-kind word that names a state of things, not a group
    "The confrontation between the two sides makes any discussion of reunification impossible.",
    # a period inside an abbreviation does not open a clause for the house name after it
    "The report says checking the pro-U.S. conservative forces is linked with preventing the danger of war.",
])
def test_no_house_name_opens_the_clause(scorer: Scorer, text: str) -> None:
    assert not _theirs(scorer.score(text, "asserted", ["KOR"], "PRK"))


def test_a_house_name_given_to_one_of_several_subjects(scorer: Scorer) -> None:
    text = "Traitor Kim Chul Soo, his ministers and other conservatives talked about dialogue."
    assert not _theirs(scorer.score(text, "asserted", ["KOR"], "PRK"))
