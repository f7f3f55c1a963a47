"""Rules of the thirty-first tuning round (branch h13af): in a state outlet's story about a diaspora body or gathering
of Koreans abroad, the voices it relays that the walk could only call `people` (a named official, "the speakers", a
statement it could not tie to its issuer) are that diaspora's (`diaspora_foreign`, country `-`: guideline decisions 6
and 34); a person of a named country, and a story whose lead's subject is no diaspora, keep theirs. Every sentence
here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Thirty-first tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements
from tension.extract.story_voices import diaspora_lead

_DAY = date(2011, 9, 14)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker, speaker country, speaker kind, reported_by) of each statement of the text."""
    return [(s.sentence_index, s.speaker, s.speaker_country, s.speaker_kind, s.reported_by)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- hard cases first ---------------------------------------------------------------------------------------------


def test_lecturers_at_a_festival_of_koreans_abroad_speak_for_the_diaspora(ctx):
    # Reported speech inside the outlet's report of a diaspora gathering: the lecturers' words relayed by KCNA are a
    # diaspora voice (no country: the lead does not say North or South), not people of no kind.
    rows = _rows(ctx, "A festival of Koreans in Scandinavia was held in Oslo on Saturday to mark the anniversary of "
                      "the joint declaration.\n\nLecturers said that the south Korean authorities are pushing the "
                      "situation to the brink of war.")
    spoken = [r for r in rows if r[0] == 1 and r[4] == "KCNA"]
    assert spoken and all(r[2:4] == (None, "diaspora_foreign") for r in spoken), rows


def test_speakers_at_a_gathering_of_koreans_abroad_are_that_diaspora(ctx):
    rows = _rows(ctx, "A meeting of Koreans in Brazil took place in Sao Paulo on Sunday to mark the anniversary of "
                      "the joint declaration.\n\nThe speakers said that the south Korean authorities wrecked the "
                      "inter-Korean relations.")
    spoken = [r for r in rows if r[0] == 1 and r[4] == "KCNA"]
    assert spoken and all(r[2:4] == (None, "diaspora_foreign") for r in spoken), rows


# --- counter-cases ------------------------------------------------------------------------------------------------


def test_a_dprk_person_interviewed_keeps_his_country(ctx):
    # A story about the North's own people is no diaspora story, even where it names compatriots abroad later.
    rows = _rows(ctx, "Inhabitants of a coastal village were interviewed by reporters in Pyongyang on Tuesday.\n\n"
                      "Kim Yong Nam, a fisherman, said that the puppet navy detained him for a month.\n\n"
                      "He thanked overseas compatriots for their support.")
    assert not any(r[3] == "diaspora_foreign" for r in rows), rows


def test_a_south_korean_group_named_in_a_diaspora_story_keeps_its_country(ctx):
    rows = _rows(ctx, "A meeting of Koreans in Germany took place in Berlin on Saturday.\n\nA civic group of south "
                      "Korea sent a message to the meeting, denouncing the conservative authorities.")
    assert any(r[2] == "KOR" for r in rows) and not any(r[2] == "KOR" and r[3] == "diaspora_foreign"
                                                        for r in rows), rows


def test_the_lead_s_subject_decides_not_a_diaspora_named_after_its_verb():
    assert diaspora_lead("Koreans in China held a meeting on Monday. They denounced the drills.")
    assert diaspora_lead("A festival of Koreans in Europe was held in Paris on Sunday.")
    assert diaspora_lead("The committee of the General Association of Korean Residents in Japan gave a reception.")
    assert not diaspora_lead("Kim Jong Il received a letter from the association of Korean residents in Japan.")
    assert not diaspora_lead("The DPRK delegation met overseas compatriots in Tokyo.")
