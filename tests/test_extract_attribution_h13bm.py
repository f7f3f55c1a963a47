"""Rules of the sixty-second tuning round (branch h13bm): KCNA's relayed voices credited to KCNA.

- a sentence in the outlet's loaded words that ends with a frame pointing back to a relayed voice ("..., the
  statement said", "..., it warned") is that voice's words, not the outlet's own paraphrase: the back-reference
  names who speaks (a civic council of the South, a friendship society abroad), so the house vocabulary is the
  outlet's translation of their text, not its own account (guideline: relayed voices keep their identity). KCNA's own
  account in the same loaded words with no frame stays KCNA's (guideline: house vocabulary).
- a sentence in the outlet's loaded words inside the text of a relayed voice of no state going on after its colon
  frame ("..., it noted, and went on:" of a southern party, a paper abroad, an association of Koreans abroad) is that
  voice's text, as round 40 made it for the outlet's own side's bodies; after an issuing lead with no colon the loaded
  words stay the outlet's own paraphrase (round 43).

Every sentence here is written for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md,
"Sixty-second tuning round (branch h13bm)"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_KCNA_DAY = date(2012, 5, 2)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker actor, speaker country, kind, sorted targets, attribution, content) of each statement."""
    return [(s.speaker_actor, s.speaker_country, s.speaker_kind, ",".join(sorted(s.targets)), s.attribution, s.content)
            for s in extract_statements(text, _KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")]


def _of(rows: list[tuple], start: str) -> list[tuple]:
    return [r for r in rows if r[5].startswith(start)]


def test_a_friendship_societys_statement_going_on_in_loaded_words_is_not_kcnas(ctx):
    rows = _rows(ctx, "Statement of Friendship Society\n\nThe Portuguese Society for Friendship with Korea in a "
                      "statement on Friday denounced the Lee Myung Bak group of south Korea.\n\nThe traitors of south "
                      "Korea are a cancer in the way of reunification and will be punished, it warned.\n")
    said = _of(rows, "The traitors of south Korea")
    assert said and not any(r[0] == "KCNA" or r[1] == "PRK" for r in said), rows


def test_kcnas_own_account_in_loaded_words_stays_kcnas(ctx):
    rows = _rows(ctx, "Warmongers Stage Drills\n\nThe puppet warmongers of south Korea staged frantic firing drills "
                      "near the border on Monday, a grave provocation.\n")
    own = _of(rows, "The puppet warmongers")
    assert own and any(r[0] == "KCNA" and r[1] == "PRK" and "KOR" in r[3] for r in own), rows


def test_a_dprk_papers_words_in_loaded_words_stay_a_dprk_voice(ctx):
    rows = _rows(ctx, "Rodong Sinmun Slams Puppets\n\nRodong Sinmun on Monday carried an article on the south Korean "
                      "regime.\n\nThe puppet traitors of south Korea will meet a miserable end, the article said.\n")
    said = _of(rows, "The puppet traitors")
    assert said and all(r[1] == "PRK" and "KOR" in r[3] for r in said), rows


def test_a_southern_partys_text_after_its_colon_frame_is_not_kcnas(ctx):
    rows = _rows(ctx, "Party Statement Issued\n\nThe Progressive Party of south Korea issued a statement on Monday.\n\n"
                      "The party will never tolerate the regime's moves, it noted, and went on:\n\nThe party will "
                      "expose the sycophantic traitors who sell the nation to outside forces.\n")
    said = _of(rows, "The party will expose")
    assert said and not any(r[0] == "KCNA" or r[1] == "PRK" for r in said), rows


def test_kcnas_own_loaded_words_after_a_groups_lead_with_no_colon_stay_kcnas(ctx):
    rows = _rows(ctx, "Rally Held in Seoul\n\nA council of farmers in Kyonggi Province staged a rally on Monday.\n\n"
                      "The puppet traitors who drove the farmers to ruin will be punished by the people.\n")
    own = _of(rows, "The puppet traitors")
    assert own and any(r[0] == "KCNA" and r[1] == "PRK" for r in own), rows
