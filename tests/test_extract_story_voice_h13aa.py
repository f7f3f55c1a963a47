"""Rules of issue 13's twenty-sixth tuning round, from gold-free samples of KCNA (never gold): a KCNA story that
opens with a DPRK body issuing a text and then *is* that text, with no "It said:" frame, is the body's words, not
KCNA's own (`state_media`); people's reactions framed with a colon after it are not the body's; DPRK front bodies the
dictionary did not know speak as PRK civic (guideline decision 12). Every sentence here is written for these tests
(never copied from the corpora). Figures: docs/evaluation-extraction.md, "Twenty-sixth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker actor, speaker country, speaker kind) of each statement of the text, in order."""
    return [(s.sentence_index, s.speaker_actor, s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


_CPRK = "Committee for the Peaceful Reunification of Korea"

# --- hard cases first ---------------------------------------------------------------------------------------------


def test_a_white_paper_told_with_no_frame_is_the_issuer_s_text(ctx):
    # The lead tells the issuing as an act with a participle ("... condemning ..."), then the paper's own sentences
    # follow with no "It said:": they are the CPRK's (government), not KCNA's own voice.
    rows = _rows(ctx, "The Secretariat of the Committee for the Peaceful Reunification of Korea released a white "
                      "paper on Monday condemning the south Korean authorities for wrecking the talks.\n\n"
                      "The authorities tore up every accord reached before and chose confrontation. "
                      "Their hostile moves brought the relations to the worst state in history.")
    later = [r for r in rows if r[0] >= 1]
    assert later and all(r[1:] == (_CPRK, "PRK", "government") for r in later), rows


def test_an_indictment_of_the_defence_commission_goes_on_in_its_voice(ctx):
    rows = _rows(ctx, "The National Defence Commission of the DPRK issued an indictment on Friday accusing the "
                      "puppet military of provocations.\n\nThe puppet warmongers fired shells near the border "
                      "again. This is a grave challenge to peace.")
    later = [r for r in rows if r[0] >= 1]
    assert later and all(r[2:] == ("PRK", "government") and r[1] != "KCNA" for r in later), rows


def test_a_white_paper_framed_after_a_participle_phrase_is_the_front_body_s(ctx):
    # The frame's own subject is the paper, with a participle phrase naming the South between commas: the text is the
    # committee's (a front body, PRK civic), not the South's government's.
    rows = _rows(ctx, "The Korean Anti-Nuke Peace Committee on Tuesday released a white paper on the nuclear arms in "
                      "the south.\n\nThe white paper, released on the eve of an international meeting to be held in "
                      "south Korea, said:\n\nNuclear arms have been brought into south Korea for decades. "
                      "The arms are a grave threat to peace.")
    assert rows[-1][1:] == ("Korean Anti-Nuke Peace Committee", "PRK", "civic"), rows


def test_a_north_headquarters_of_a_pan_national_alliance_is_a_dprk_front_body(ctx):
    # Unknown before: the lead's row and the statement's sentences went to the South or to KCNA.
    rows = _rows(ctx, "A spokesman for the North Headquarters of Pomminryon issued a statement on Monday denouncing "
                      "the puppet regime.\n\nThe regime has thrown patriots behind bars again.")
    assert rows and all(r[1:] == ("North Headquarters of the Pan-national Alliance for Korea's Reunification", "PRK",
                                  "civic") for r in rows), rows


def test_reactions_framed_with_a_colon_after_the_statement_are_not_the_body_s(ctx):
    # Counter-case: after the lead, people are quoted reacting to the statement; their words are not the commission's
    # (they stay as before this round: the frame's person is unknown).
    rows = _rows(ctx, "The DPRK National Defence Commission released a statement on Friday denouncing the south "
                      "Korean regime.\n\nUpon reading the statement, Ri Song Chol, a worker at a Pyongyang machine "
                      "plant, told KCNA:\n\n\"The regime will pay dearly for its crimes against the compatriots.\"")
    assert all("Defence Commission" not in (r[1] or "") for r in rows if r[0] >= 1), rows


def test_a_body_of_the_south_issuing_a_statement_does_not_take_kcna_s_sentences(ctx):
    # Counter-case: the rule is for the outlet's own state's bodies; a South Korean group's statement told in the
    # lead leaves KCNA's later account KCNA's.
    rows = _rows(ctx, "The Korean Confederation of Trade Unions issued a statement on Tuesday denouncing the "
                      "authorities.\n\nThe puppet authorities are cracking down on the workers.")
    assert [r for r in rows if r[0] >= 1][-1][1] == "KCNA", rows


def test_an_issuing_sentence_far_into_the_story_does_not_make_it_the_text(ctx):
    # Counter-case: KCNA's own article that mentions, in its fourth sentence, a statement issued earlier.
    rows = _rows(ctx, "The puppet group staged war drills near the border. The drills raised tension. "
                      "People in the north were angered. The Committee for the Peaceful Reunification of Korea "
                      "issued a statement last week denouncing the drills.\n\nThe puppet group is to blame for "
                      "the crisis.")
    assert rows[-1][1] == "KCNA", rows
