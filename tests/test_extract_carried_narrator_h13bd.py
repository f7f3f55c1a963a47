"""Issue 13, attribution round 54 (branch h13bd), from a blind count of gold-free KCNA (never gold): in a story of a
declared speaker, a relayed voice of the other side that only points back ("he", "they") does not take the outlet's
own country as a target because the outlet's own sentence came before it — the outlet tells the story, the voice does
not answer it. A South Korean lawmaker's or union's words on their own government, relayed by KCNA after its own
headline, got the North as an inferred target. Every sentence here is written for these tests (never copied from the
corpora). Figures: docs/evaluation-extraction.md, "Fifty-fourth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 5, 21)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker country, targets, inferred) of each statement of the text, in order."""
    return [(s.sentence_index, s.speaker_country, tuple(s.targets), s.targets_inferred)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def test_a_southern_lawmaker_on_his_own_government_does_not_aim_at_the_north(ctx):
    rows = _rows(ctx, "S. Korean Opposition Member Blasts Handing of \"Government\" Posts to Cronies\n\n"
                      "A member of the Democratic Party, an opposition party, on Tuesday blasted the present "
                      "\"government\" for handing top posts to its cronies, according to the south Korean KBS.\n\n"
                      "He made it clear that there are many doubts about the pick for the new minister of Labour.")
    assert not [r for r in rows if r[1] == "KOR" and "PRK" in r[2]], rows


def test_a_southern_assemblyman_on_corruption_does_not_aim_at_the_north(ctx):
    rows = _rows(ctx, "Graft of Officials Rampant in S. Korea\n\n"
                      "Graft cases of public servants have grown in south Korea since the present regime took "
                      "office, south Korean MBC said on Thursday.\n\n"
                      "On the other hand, penalties taken against the officials charged with graft became lighter, "
                      "an assemblyman deplored.")
    assert not [r for r in rows if r[1] == "KOR" and "PRK" in r[2]], rows


def test_a_southern_general_pointing_back_to_his_own_words_on_the_north_keeps_it(ctx):
    # Counter-case: the sentence before is the general's own, aimed at the North: "he" carries it.
    rows = _rows(ctx, "A south Korean general said on Monday that the north can provoke at any time.\n\n"
                      "He called for an immediate and strong reprisal.")
    assert any(r[0] == 1 and r[1] == "KOR" and "PRK" in r[2] for r in rows), rows
