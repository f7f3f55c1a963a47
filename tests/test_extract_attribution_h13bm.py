"""Rules of the sixty-second tuning round (branch h13bm): KCNA's relayed voices credited to KCNA.

- a sentence in the outlet's loaded words that ends with a frame pointing back to a relayed voice ("..., the
  statement said", "..., it warned") is that voice's words, not the outlet's own paraphrase: the back-reference
  names who speaks (a civic council of the South, a friendship society abroad), so the house vocabulary is the
  outlet's translation of their text, not its own account (guideline: relayed voices keep their identity). KCNA's own
  account in the same loaded words with no frame stays KCNA's (guideline: house vocabulary).

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

