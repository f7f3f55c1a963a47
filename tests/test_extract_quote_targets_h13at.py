"""A quotation's sentences whose speaker is found in another sentence (issue 13's forty-fifth attribution round,
branch h13at): a quotation going on after the sentence that named its speaker ("quote (continued)") and one whose
speaker comes after it ("quote (speaker after)") took the speaker's row with its targets emptied and never read what
the sentence itself names, so an analyst's conditional remark about a state's help had no target. Counted on a
gold-free draw: 4 of 40 wire statements (Yonhap 4 of 14). Every sentence here is written for these tests (never
copied from the corpora). Figures: docs/evaluation-extraction.md, "Forty-fifth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)


def _rows(ctx, text: str) -> list[tuple[int, str, str | None, list[str]]]:
    """(sentence index, attribution, speaker country, targets) of each statement."""
    return [(s.sentence_index, s.attribution, s.speaker_country, s.targets)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "")]


def test_a_quotation_going_on_names_its_own_targets(ctx):
    # the second sentence goes on in the command's voice and names two states of its own
    text = ('"We are aware of the launches and are consulting closely with our allies," the U.S. command said. '
            '"Japan and South Korea remain our closest partners."')
    rows = _rows(ctx, text)
    assert (1, "quote (continued)", "USA", ["JPN", "KOR"]) in rows


def test_a_quotation_going_on_that_names_no_one_keeps_no_target(ctx):
    text = ('"We are aware of the launches and are consulting closely with our allies," the U.S. command said. '
            '"We will say more when we know more."')
    assert (1, "quote (continued)", "USA", []) in _rows(ctx, text)


def test_a_quotation_going_on_does_not_target_the_speakers_own_country(ctx):
    text = ('"We are aware of the launches and are consulting closely with our allies," the U.S. command said. '
            '"Washington and Japan remain close partners."')
    assert (1, "quote (continued)", "USA", ["JPN"]) in _rows(ctx, text)


def test_a_quotation_before_its_speaker_names_its_own_targets(ctx):
    # the first sentence has no finding of its own: its speaker is the one the sentence after names
    text = ('"No one should doubt the alliance with Japan. We will answer any provocation," the South Korean defence '
            'minister said on Monday.')
    rows = _rows(ctx, text)
    assert (0, "quote (speaker after)", "KOR", ["JPN"]) in rows
