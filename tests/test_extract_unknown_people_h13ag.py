"""Rules of the thirty-second tuning round (branch h13ag): a person the dictionary does not know, named with a post
("<name>, <post> of <body>,"), is whom a later "he"/"she" points back to, with the country the post's body names and
the kind its head words give; before, "he" went to the leader the dictionary knows and the text named last, or to no
one. A post of no country we can tell leaves "he" as it was. Every sentence here is written for these tests (never
copied from the corpora). Figures: docs/evaluation-extraction.md, "Thirty-second tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements
from tension.extract.unknown_people import unknown_people

_DAY = date(2012, 10, 9)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker actor, speaker country, speaker kind, reported_by) of each statement of the text."""
    return [(s.sentence_index, s.speaker_actor, s.speaker_country, s.speaker_kind, s.reported_by)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- hard cases first ---------------------------------------------------------------------------------------------


def test_he_after_an_unknown_minister_reported_inside_kcna_s_report_is_the_minister(ctx):
    # Reported speech inside reported speech: KCNA tells what the minister told a seminar.
    rows = _rows(ctx, "Ryu Chang Gon, minister of Unification of south Korea, spoke at a seminar in Seoul.\n\n"
                      "He said that the south is striving for dialogue, insisting the north must change first.")
    spoken = [r for r in rows if r[0] == 1]
    assert spoken and all(r[1:3] == ("Ryu Chang Gon", "KOR") and r[4] == "KCNA" for r in spoken), rows


def test_a_leader_named_inside_the_unknown_person_s_sentence_is_not_who_he_is(ctx):
    # The known leader is in the sentence's content; the subject, unknown to the dictionary, is who "He" is.
    rows = _rows(ctx, "Kim Tae Ho, chairman of the Seoul branch of the Korean Alliance of south Korea, criticised "
                      "Lee Myung Bak for his policy.\n\nHe said the traitor must step down.")
    spoken = [r for r in rows if r[0] == 1]
    assert spoken and all(r[1] == "Kim Tae Ho" and r[2] == "KOR" for r in spoken), rows


# --- counter-cases ------------------------------------------------------------------------------------------------


def test_a_known_person_keeps_he():
    assert unknown_people("Kim Jong Un met Xi Jinping. He said the two are friends.", []) == []


def test_a_post_of_no_country_leaves_he_alone(ctx):
    rows = _rows(ctx, "Choe Pyong Su, governor of a northern province, toured a farm.\n\nHe said the harvest was "
                      "good.")
    assert not any(r[1] == "Choe Pyong Su" for r in rows), rows


def test_the_name_is_the_person_not_the_title_before_it():
    found = unknown_people("Meanwhile Chairman Ri Song Chol, chairman of the union of south Korea, spoke.", [],
                           lambda post, inside: ("KOR", "civic"))
    assert [m.actor for m in found] == ["Ri Song Chol"]
