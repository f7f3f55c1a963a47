"""Quotations spanning sentences (issue 13's twenty-eighth tuning round, branch h13ac; a named hard case): straight
and curly quotes, a quotation opened in one sentence and closed in the next or the one after, a paragraph that
reopens a quotation without closing the last (news style), a quotation inside a quotation. Counting quote marks per
sentence took the closing mark of a quotation begun the sentence before for an opening one, so the next sentence
with no finding of its own was given to that quotation's speaker. Every sentence here is written for these tests
(never copied from the corpora). Figures: docs/evaluation-extraction.md, "Twenty-eighth tuning round"."""

from __future__ import annotations

from datetime import date

import pytest

from tension.extract.continuation import closes_quote, opens_quote
from tension.extract.sentences import split_sentences
from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)


def _quotes(text: str) -> list[tuple[str, bool, bool]]:
    """(first word, opens_quote, closes_quote) of each sentence of the text."""
    return [(s.text.split()[0], opens_quote(s), closes_quote(s)) for s in split_sentences(text, frozenset())]


def _attributions(ctx, text: str) -> dict[int, str]:
    """How each sentence's first statement was attributed, by sentence index."""
    out: dict[int, str] = {}
    for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, ""):
        out.setdefault(s.sentence_index, s.attribution)
    return out


# --- hard cases first: the state of a quotation across sentences ---------------------------------------------------

_NONE, _OPEN, _CLOSE, _BOTH = (False, False), (True, False), (False, True), (True, True)


@pytest.mark.parametrize("text, expected", [
    # opened in one sentence, closed in the next with its frame: the closing sentence opens nothing
    ('He said, "We will answer. Any strike will be met," the minister added. Talks resumed.',
     [("He", _OPEN), ("Any", _CLOSE), ("Talks", _NONE)]),
    # closed in the sentence after the next
    ('"We will answer. We are ready. Any strike will be met," he said. Talks resumed.',
     [('"We', _OPEN), ("We", _NONE), ("Any", _CLOSE), ("Talks", _NONE)]),
    # curly quotes, the same shape
    ("“We will answer. Any strike will be met,” he said. Talks resumed.",
     [("“We", _OPEN), ("Any", _CLOSE), ("Talks", _NONE)]),
    # news style: a paragraph reopens the quotation without closing the last; only the last paragraph closes it
    ('He said: "We will answer.\n\n"Any strike will be met. We are ready."\n\nTalks resumed.',
     [("He", _OPEN), ('"Any', _OPEN), ("We", _CLOSE), ("Talks", _NONE)]),
    # KCNA style: a quotation going on over paragraphs opens only the first and closes only the last
    ('He said:\n\n"We will answer.\n\nAny strike will be met."\n\nTalks resumed.',
     [("He", _NONE), ('"We', _OPEN), ("Any", _CLOSE), ("Talks", _NONE)]),
    # a quotation inside a quotation (straight marks inside curly ones) closes only the inner one
    ("“They call it a \"drill.\" It is a rehearsal for war,” he said. Talks resumed.",
     [("“They", _OPEN), ("It", _CLOSE), ("Talks", _NONE)]),
    # a closing quotation's speaker goes on in a quotation the next sentence opens at once, straight or curly
    ('"We will answer. Any strike will be met," he said. "We are ready." Talks resumed.',
     [('"We', _OPEN), ("Any", _BOTH), ('"We', _CLOSE), ("Talks", _NONE)]),
    ("“We will answer,” he said. “We are ready.” Talks resumed.",
     [("“We", _BOTH), ("“We", _CLOSE), ("Talks", _NONE)]),
    # a quotation opened in running text and neither closed nor reopened ends with its paragraph
    ('He said, "We will answer. We are ready.\n\nTalks resumed on Monday.',
     [("He", _OPEN), ("We", _CLOSE), ("Talks", _NONE)]),
    # a quotation closed within its sentence is no quotation across sentences
    ('He said, "We will answer." Talks resumed.', [("He", _CLOSE), ("Talks", _NONE)]),
])
def test_quote_state_across_sentences(text: str, expected: list) -> None:
    assert [(w, (o, c)) for w, o, c in _quotes(text)] == expected


# --- the walk: the sentence after a closing quotation is not the quoted speaker's ----------------------------------

def test_sentence_after_a_quote_closed_in_the_next_sentence_is_not_continued(ctx):
    # The quotation opens with the first sentence and closes, with its frame, in the second; the third sentence is
    # the reporter's own background, not the minister's words going on.
    text = ('South Korea\'s defence minister said, "North Korea will pay for any provocation. We are ready to respond '
            'at once," he told reporters. The border village was evacuated last year.')
    assert _attributions(ctx, text).get(2, "") != "quote (continued)"


def test_sentence_after_a_straight_quote_whose_frame_follows_it_is_not_continued(ctx):
    # "<quote sentence 1> <quote sentence 2>," X said. <reporter's sentence>
    text = ('"North Korea must stop its provocations. Its missile launches threaten the region," South Korea\'s '
            'foreign minister said. The village near the border holds a festival every spring.')
    assert _attributions(ctx, text).get(2, "") != "quote (continued)"


def test_quotation_going_on_in_a_reopened_paragraph_stays_the_speakers(ctx):
    # News style: the speaker's quotation opens, the next paragraph reopens it and closes it at its end; both of
    # its sentences are the speaker's.
    text = ('South Korea\'s defence minister warned, "North Korea will pay dearly for any provocation.\n\n'
            '"We are on alert. We are ready."\n\nThe village near the border held a festival.')
    got = _attributions(ctx, text)
    assert got.get(1) == "quote (continued)" and got.get(2) == "quote (continued)", got
    assert got.get(3, "") != "quote (continued)", got


def test_quotation_open_over_three_sentences_still_goes_on(ctx):
    # Counter-case (passes before and after): the speaker's quotation opened in the first sentence goes on with the
    # second and closes in the third.
    text = ('South Korea\'s defence minister warned, "North Korea will pay dearly for any provocation. We are on '
            'alert. We are ready." The village near the border held a festival.')
    got = _attributions(ctx, text)
    assert got.get(1) == "quote (continued)" and got.get(2) == "quote (continued)", got


def test_sentence_after_an_unclosed_quotation_in_running_text_is_not_continued(ctx):
    # A quotation opened after a comma is never closed; the next paragraph, not reopening it, is the reporter's.
    text = ('South Korea\'s defence minister warned, "North Korea will pay dearly for any provocation. We are ready.'
            '\n\nThe village near the border held a festival on Monday. Its mayor welcomed visitors.')
    got = _attributions(ctx, text)
    assert got.get(1) == "quote (continued)", got
    assert got.get(2, "") != "quote (continued)" and got.get(3, "") != "quote (continued)", got


def test_a_closing_speakers_quotation_goes_on_in_the_next_quoted_sentence(ctx):
    # '"...," X said. "..."': the quoted sentence right after the frame is X's; the reporter's sentence after it is not.
    text = ('"North Korea must stop its provocations. Its launches threaten the region," South Korea\'s foreign '
            'minister said. "We are ready." The village near the border held a festival on Monday.')
    got = _attributions(ctx, text)
    assert got.get(2) == "quote (continued)", got
    assert got.get(3, "") != "quote (continued)", got
