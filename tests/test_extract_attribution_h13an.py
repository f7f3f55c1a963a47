"""Rules of the thirty-ninth tuning round (branch h13an): in a state outlet's story (KCNA), a sentence opening "They"
with a verb of a crowd's own words ("They urged / vowed / demanded / called for ...") that the outlet's own voice took
is a relayed crowd's words: the crowd met last when the story has one, else a crowd the text places in no country (no
pair row of the outlet's side). Not when the words name the outlet's own side ("They accused the north ...": the other
side's rulers, paraphrased), nor for a bare "They called <it> <a name>". Every sentence here is written for these
tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Thirty-ninth tuning round (branch
h13an)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2011, 5, 3)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker, speaker country, kind, sorted targets) of each statement, in order, told by KCNA."""
    return [(s.speaker, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _kcna_rows_with_kor(rows: list[tuple]) -> list[tuple]:
    return [r for r in rows if r[0] == "KCNA" and "KOR" in r[3]]


# --- the hard cases: each failed before the rule ---------------------------------------------------------------------

def test_they_after_a_long_list_of_bodies_holding_a_press_conference_is_theirs(ctx):
    text = ("The Association for Fair Wages, the Union of Harbour Workers, the People's Party for Labour and other "
            "organizations and parties in south Korea held a press conference in Ulsan on Monday. They accused the "
            "puppet authorities of shielding the shipping companies.")
    rows = _rows(ctx, text)
    speaker, country, kind, _ = rows[-1]
    assert speaker == "They" and kind == "people" and country != "PRK", rows  # (was KCNA, PRK -> KOR)


def test_they_urged_after_a_foreign_person_and_other_speakers_is_theirs(ctx):
    text = ("A seminar on the reunification of Korea was held in Lima on Tuesday. Carlos Mendez, head of a study "
            "group, and other speakers referred to the significance of the reunification proposals. They urged the "
            "south Korean authorities to stop the war drills at once.")
    rows = _rows(ctx, text)
    assert rows[-1][0] == "They" and rows[-1][1] != "PRK", rows
    assert not _kcna_rows_with_kor(rows[-1:]), rows


# --- counter-cases: the same on main and on the branch ---------------------------------------------------------------

def test_they_accusing_the_north_stays_the_outlets_paraphrase(ctx):
    text = ("The south Korean puppet authorities staged war drills again. They accused the north of provocations, "
            "a shameless lie.")
    assert _rows(ctx, text)[-1][:2] == ("KCNA", "PRK")


def test_they_called_the_line_a_name_stays_the_outlets(ctx):
    text = ("The warmongers of south Korea held a meeting with their master to keep the bogus line. They called the "
            "line a sacred border.")
    assert _rows(ctx, text)[-1][:2] == ("KCNA", "PRK")


def test_they_are_for_the_other_sides_rulers_stays_the_outlets(ctx):
    text = "The south Korean puppet authorities staged war drills again. They are bent on confrontation."
    assert _rows(ctx, text)[-1] == ("KCNA", "PRK", "state_media", "KOR")
