"""Rules of issue 13's twenty-third tuning round, from gold-free samples of KCNA and Yonhap (never gold): "the
bulletin" (a white paper, a memorandum, an indictment) is the body that issued it, not the South's ministry its text
named since. Every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md (reporter vs speaker: a relayed body's words are its own); figures:
docs/evaluation-extraction.md, "Twenty-third tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.references import issued_documents
from tension.extract.statements import extract_statements

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(speaker text, speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- "the bulletin" is its issuer, not the institution named last ---------------------------------------------------

def test_the_bulletin_after_the_south_s_ministry_is_the_dprk_body_that_issued_it(ctx):
    # Before: "the bulletin" pointed to the latest institution, the South's ministry its text denounced: KOR -> PRK.
    rows = _rows(ctx, "The Secretariat of the Committee for the Peaceful Reunification of Korea on Monday issued "
                      "information bulletin No. 77 denouncing the south Korean authorities. Officials of the "
                      "Ministry of Unification of south Korea staged a smear campaign against the north last week. "
                      "This is a grave provocation, the bulletin notes, and goes on: The traitors will pay dearly "
                      "for their crimes against the fellow countrymen in the south.")
    bulletin = [r for r in rows if r[0] == "the bulletin"]
    assert bulletin and all(r[1] == "PRK" for r in bulletin), rows
    assert all("KOR" in r[2] for r in bulletin), rows


def test_the_memorandum_released_by_a_dprk_front_is_its_own(ctx):
    rows = _rows(ctx, "The Central Committee of the Democratic Front for the Reunification of Korea released a "
                      "memorandum on Sunday. The Ministry of Defence of south Korea held a meeting on the drills. "
                      "The memorandum accused the puppet authorities of south Korea of driving the situation to war.")
    assert rows[-1][:2] == ("The memorandum", "PRK"), rows
    assert "KOR" in rows[-1][2], rows


def test_a_bulletin_issued_by_a_body_named_after_a_person_keeps_the_old_reading(ctx):
    # Counter-case: the name right before "issued" is a person in the body's own name (a foreign committee for a
    # leader's centenary): no issuer is taken, "the bulletin" resolves as before (never to the person).
    rows = _rows(ctx, "The Preparatory Committee for the Centenary of President Kim Il Sung in Lima on Monday "
                      "issued a bulletin. The bulletin said the U.S. should leave south Korea.")
    assert all(r[0] != "the bulletin" or r[1] != "PRK" for r in rows), rows


def test_the_ministry_after_an_issued_bulletin_is_still_the_ministry(ctx):
    # Counter-case: only the document's own noun points to its issuer; "the ministry" keeps the ministry.
    rows = _rows(ctx, "The Secretariat of the Committee for the Peaceful Reunification of Korea issued a bulletin "
                      "on Friday. The Ministry of Unification of south Korea said the north must apologise. "
                      "The ministry said it would never accept the demands of the north.")
    assert rows[-1][1] == "KOR", rows


def test_issuing_words_are_found_with_their_noun():
    body = ("A committee Thursday released its information bulletin No. 9. Another in its bulletin said so. "
            "The white paper was published. A group issued a memorandum.")
    found = issued_documents(body, ("bulletin", "white paper", "memorandum", "indictment"))
    assert [noun for _, noun in found] == ["bulletin", "bulletin", "memorandum"]
    assert issued_documents("Nothing issued here.", ("bulletin",)) == []


# --- a question frame opening the sentence is cut to its comma, not the whole content --------------------------------

def _contents(ctx, text: str) -> list[tuple]:
    """(speaker text, content) of each statement of a wire text (no declared speaker)."""
    return [(s.speaker, s.content) for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


def test_an_opening_question_frame_leaves_the_answer_as_content(ctx):
    # Before: the closing-frame pattern took everything after "asked" and left the content "When" (scored 0).
    rows = _contents(ctx, "When asked about the North's new missile, South Korean Defense Minister Ahn Gyu-back "
                          "replied that it is a grave threat that must be dealt with firmly.")
    assert rows and all(content != "When" for _, content in rows), rows
    assert any("grave threat" in content for _, content in rows), rows


def test_a_closing_question_frame_is_still_cut(ctx):
    # Counter-case: the frame closing the sentence goes as before.
    rows = _contents(ctx, "South Korean Defense Minister Ahn Gyu-back said the launch is a grave threat when asked "
                          "about the North's new missile.")
    assert any(content.endswith("grave threat") for _, content in rows), rows


# --- carried targets expire: a pointing sentence far from the last target takes none ---------------------------------

_DOMESTIC = ("Farmers of a cooperative farm harvested a rich crop of rice in autumn. Steel workers overfulfilled a "
             "quarterly quota. New houses were built for miners in a valley. Schoolchildren planted trees along "
             "river banks. ")


def test_a_domestic_sentence_far_after_the_south_takes_no_carried_target(ctx):
    # Before: "its" took the KOR of a sentence five sentences back (a DPRK editorial's domestic tasks as PRK->KOR).
    rows = _rows(ctx, "The south Korean puppet authorities are escalating confrontation with the north. "
                      + _DOMESTIC + "The sector of rail transport should increase its capacity and modernise "
                      "its locomotives.")
    assert not any("KOR" in targets for _, _, targets in rows[1:]), rows


def test_a_pointing_sentence_right_after_the_south_keeps_its_carried_target(ctx):
    # Counter-case: the sentence right after the one aimed at the South still points back to it.
    rows = _rows(ctx, "The south Korean puppet authorities are escalating confrontation with the north. "
                      "This is an unpardonable provocation that must be punished.")
    assert rows[-1][2] == ("KOR",), rows


def test_a_pointing_sentence_after_two_sentences_without_targets_keeps_it(ctx):
    # Counter-case: within three sentences of the last target, "their" still carries it.
    rows = _rows(ctx, "The south Korean puppet authorities are escalating confrontation with the north. "
                      "Farmers of a cooperative farm harvested a rich crop of rice in autumn. "
                      "Their reckless moves will only end in disgrace.")
    assert rows[-1][2] == ("KOR",), rows
