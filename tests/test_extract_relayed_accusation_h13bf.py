"""Issue 13, attribution round 56 (branch h13bf), from a blind count of gold-free KCNA's counted South->North rows
(never gold): an act of the South told inside the text of a voice the outlet relays — an association of Koreans
abroad, a foreign friendship group — in that voice's own evaluating words is the voice's accusation of the South,
not the South's act aimed at the North. Every sentence here is written for these tests (never copied from the
corpora). Figures: docs/evaluation-extraction.md, "Fifty-sixth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 4, 18)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker country, speaker kind, targets) of each statement of the text, in order."""
    return [(s.sentence_index, s.speaker_country, s.speaker_kind, tuple(s.targets))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _south_at_north(rows: list[tuple], index: int) -> list[tuple]:
    return [r for r in rows if r[0] == index and r[1] == "KOR" and "PRK" in r[3]]


def test_an_association_abroad_accusing_the_south_after_a_colon_is_not_the_souths_act(ctx):
    rows = _rows(ctx, "Overseas Koreans Blast Lee Group\n\n"
                      "The Association of Koreans in Portugal issued a statement on Monday, which said:\n\n"
                      "The Lee Myung Bak group recklessly staged a smear campaign against the DPRK on the eve of "
                      "its national holiday.")
    assert not _south_at_north(rows, 2), rows
    assert any(r[0] == 2 and r[1] != "KOR" and "KOR" in r[3] for r in rows), rows


def test_a_foreign_groups_statement_said_with_loaded_words_is_the_groups(ctx):
    rows = _rows(ctx, "War Drills Denounced by Irish Group\n\n"
                      "The Irish Committee for Korean Friendship released a statement on August 12 denouncing the "
                      "war drills in the south.\n\n"
                      "The south Korean army is staging hostile exercises near the border in collusion with the "
                      "U.S., the statement said.")
    assert not _south_at_north(rows, 2), rows


def test_a_plain_act_of_the_south_told_by_such_a_group_stays_the_souths(ctx):
    # Counter-case (adjudication 2: "X said Y did Z" is Y's act, reported): no evaluating word of the group's.
    rows = _rows(ctx, "War Drills Reported by Irish Group\n\n"
                      "The Irish Committee for Korean Friendship released a statement on August 12 on the drills in "
                      "the south.\n\n"
                      "The south Korean army is staging exercises near the border together with the U.S., the "
                      "statement said.")
    assert _south_at_north(rows, 2), rows
