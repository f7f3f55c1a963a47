"""vaderSentiment's analyzer without its quadratic steps; `polarity_scores` returns exactly what stock 3.3.2 returns.

Stock VADER lower-cases the sentence's whole word list again inside `_negation_check` (up to three calls per
lexicon word), `_special_idioms_check` (one per lexicon word) and `_but_check`, so a sentence of n words with k
lexicon words costs ~4·k·n `lower()` calls: on a 400-character news sentence that is most of VADER's time. Here
`polarity_scores` lowers the words once and those checks read that list, indexing it exactly as stock does (same
indices, same negative-index wrap-around, same order of tests); words that are neither boosters nor in the lexicon
are scored 0 without the stock per-word method call, text without emoji skips the per-character emoji loop, and
`SentiText` is built without a method call per word. `sentiment_valence`, `_least_check` and `score_valence` are
stock. The vaderSentiment module itself is never patched: this is a subclass, used by `tension.score.Scorer`.
tests/test_vader.py compares every output with the stock analyzer, on hard cases and on the real corpora.
"""

from __future__ import annotations

import string

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
)

_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation  # what stock SentiText strips from each token's ends
_SO_THIS = ("so", "this")


def _is_negation(word: str) -> bool:
    """Stock `negated([word])` for one word: a NEGATE entry or containing "n't" (a set lookup, not its list loop)."""
    word = word.lower()
    return word in _NEGATE or "n't" in word


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """Stock VADER scoring with the sentence's words lowered once instead of once per check."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # (word list object, its lowered copy) for the sentence `polarity_scores` is scoring now. One attribute, read
        # once per check, so a concurrent call in another thread can only make a check recompute, never mix lists;
        # cleared after each sentence, so a direct call with a reused or mutated list never reads a stale copy.
        self._current: tuple[list | None, list[str] | None] = (None, None)

    def _lowered(self, words: list) -> list[str]:
        """`words` lower-cased, as every stock check computes it; free while scoring the sentence `words` belong to."""
        source, lowered = self._current
        if source is words:
            return lowered
        return [str(w).lower() for w in words]

    def _describe_emojis(self, text: str) -> str:
        """Each emoji character replaced by its description, with a space before it unless the text so far is empty
        or ends in a space (stock's rule; nothing is put after a description)."""
        parts: list[str] = []
        after_space = True
        for char in text:
            if char in self.emojis:
                if not after_space:
                    parts.append(" ")
                parts.append(self.emojis[char])
                after_space = False
            else:
                parts.append(char)
                after_space = char == " "
        return "".join(parts)

    @staticmethod
    def _sentitext(text: str) -> SentiText:
        """Stock SentiText(text) for a str, without a method call per word: each whitespace-separated token with its
        leading and trailing punctuation stripped unless that leaves 2 characters or fewer (an emoticon such as ":)"),
        and whether some but not all of those tokens are ALL CAPS."""
        sentitext = SentiText.__new__(SentiText)
        sentitext.text = text
        words = [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in text.split()]
        sentitext.words_and_emoticons = words
        sentitext.is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)
        return sentitext

    def polarity_scores(self, text):
        """Stock result: {"neg", "neu", "pos", "compound"}."""
        if not isinstance(text, str):
            return super().polarity_scores(text)  # whatever stock does with it (usually a TypeError)
        if not self.emojis.keys().isdisjoint(text):  # a C-level scan; news text rarely has an emoji
            text = self._describe_emojis(text)
        text = text.strip()
        sentitext = self._sentitext(text)
        words = sentitext.words_and_emoticons
        lowered = [w.lower() for w in words]
        self._current = (words, lowered)
        try:
            lexicon = self.lexicon
            last = len(words) - 1
            sentiments: list = []
            for i, word in enumerate(lowered):
                # boosters and "kind of" score 0 (they act on the next word); so does a word outside the lexicon,
                # which is all stock sentiment_valence does for it
                if word in BOOSTER_DICT or word not in lexicon or (word == "kind" and i < last and lowered[i + 1] == "of"):
                    sentiments.append(0)
                else:
                    sentiments = self.sentiment_valence(0, sentitext, words[i], i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)
        finally:
            self._current = (None, None)

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        """Stock rule: the word 1, 2 or 3 before a lexicon word (start_i 0, 1, 2) negates it, except "never so/this"
        (×1.25) and "without doubt" (unchanged). At start_i 2 stock's condition reads (never and so/this two back)
        or (so/this one back): kept as it is."""
        low = self._lowered(words_and_emoticons)
        if start_i == 0:
            if _is_negation(low[i - 1]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if low[i - 2] == "never" and low[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif _is_negation(low[i - 2]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if (low[i - 3] == "never" and low[i - 2] in _SO_THIS) or low[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif _is_negation(low[i - 3]):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence, words_and_emoticons, i):
        """Stock rule: a special-case phrase around the word sets its valence; a booster bigram before it adds."""
        low = self._lowered(words_and_emoticons)
        # all five built before any test, as stock does (so an out-of-range index fails the same way)
        one_zero = f"{low[i - 1]} {low[i]}"
        two_one_zero = f"{low[i - 2]} {low[i - 1]} {low[i]}"
        two_one = f"{low[i - 2]} {low[i - 1]}"
        three_two_one = f"{low[i - 3]} {low[i - 2]} {low[i - 1]}"
        three_two = f"{low[i - 3]} {low[i - 2]}"
        for phrase in (one_zero, two_one_zero, two_one, three_two_one, three_two):
            if phrase in SPECIAL_CASES:
                valence = SPECIAL_CASES[phrase]
                break
        if len(low) - 1 > i:
            phrase = f"{low[i]} {low[i + 1]}"
            if phrase in SPECIAL_CASES:
                valence = SPECIAL_CASES[phrase]
        if len(low) - 1 > i + 1:
            phrase = f"{low[i]} {low[i + 1]} {low[i + 2]}"
            if phrase in SPECIAL_CASES:
                valence = SPECIAL_CASES[phrase]
        for n_gram in (three_two_one, three_two, two_one):  # this order: float sums must add up identically
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def _but_check(self, words_and_emoticons, sentiments):
        """Stock rule: after the first "but" ×1.5, before it ×0.5. Stock looks each value up with list.index (the
        first equal value, not necessarily its own position) and rewrites that slot; kept, quirk and all."""
        low = self._lowered(words_and_emoticons)
        if "but" in low:
            bi = low.index("but")
            for value in sentiments:  # the list keeps its length, so iterating while rewriting slots is stock's walk
                si = sentiments.index(value)
                if si < bi:
                    sentiments[si] = value * 0.5
                elif si > bi:
                    sentiments[si] = value * 1.5
        return sentiments
