"""vaderSentiment's analyzer without its quadratic steps; `polarity_scores` returns exactly what stock 3.3.2 returns.

Stock VADER lower-cases the sentence's whole word list again inside `_negation_check` (up to three calls per
lexicon word), `_special_idioms_check` (one per lexicon word) and `_but_check`, so a sentence of n words with k
lexicon words costs ~4·k·n `lower()` calls: on a 400-character news sentence that is most of VADER's time. Here the
words are lowered once and every check reads that list, indexing it exactly as stock does (same indices, same
negative-index wrap-around, same order of tests, same float operations). Only lexicon words are visited one by one
(found by a C-level scan; every other word scores stock's int 0); `_valence` is stock `sentiment_valence` on the
lowered list, and skips the special-idiom phrases when no word around can be part of one. An ASCII text skips the
per-character emoji scan, a text without "but" the `_but_check` walk, and `SentiText` is built without a method call
per word. `compound` is `polarity_scores(...)["compound"]` for the Scorer, which passes the words it memoised per
whitespace chunk. `score_valence` is stock. The vaderSentiment module itself is never patched: this is a subclass,
used by `tension.score.Scorer`. tests/test_vader.py compares every output with the stock analyzer, on hard cases,
random sentences of VADER's trigger words and the real corpora.
"""

from __future__ import annotations

import string
from itertools import compress

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    normalize,
)

_NEGATE = frozenset(NEGATE)
_PUNCTUATION = string.punctuation  # what stock SentiText strips from each token's ends
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
# Every word of the multi-word SPECIAL_CASES and BOOSTER_DICT keys. VADER's words have no whitespace in them, so a
# phrase of them joined by single spaces can only be such a key if each of its words is in this set.
_PHRASE_WORDS = frozenset(word for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key for word in key.split(" "))


def words_of(tokens: list[str]) -> list[str]:
    """Stock SentiText's words of whitespace-separated `tokens`: each with its leading and trailing punctuation
    stripped, unless that leaves 2 characters or fewer (an emoticon such as ":)")."""
    return [token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped for token in tokens]


def _booster_scalar(word: str, lowered: str, valence: float, is_cap_diff: bool) -> float:
    """Stock `scalar_inc_dec(word, valence, is_cap_diff)`, given `word` lowered already; 0.0, as stock, for a word
    that is not a booster."""
    if lowered not in BOOSTER_DICT:
        return 0.0
    scalar = BOOSTER_DICT[lowered]
    if valence < 0:
        scalar *= -1
    if word.isupper() and is_cap_diff:
        if valence > 0:
            scalar += C_INCR
        else:
            scalar -= C_INCR
    return scalar


def _is_negation(word: str) -> bool:
    """Stock `negated([word])` for one word: a NEGATE entry or containing "n't" (a set lookup, not its list loop)."""
    word = word.lower()
    return word in _NEGATE or "n't" in word


def _negation(valence: float, low: list[str], start_i: int, i: int) -> float:
    """Stock _negation_check: the word 1, 2 or 3 before a lexicon word (start_i 0, 1, 2) negates it, except "never
    so/this" (×1.25) and "without doubt" (unchanged). At start_i 2 stock's condition reads (never and so/this two
    back) or (so/this one back): kept as it is."""
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


def _may_be_a_phrase(low: list[str], i: int) -> bool:
    """Whether one of the phrases _special_idioms tests around word i (i >= 3) can be a key, each of its words being a
    phrase word: those without word i itself are words i-2 and i-1, i-3 i-2 i-1, or i-3 and i-2."""
    return low[i] in _PHRASE_WORDS or (low[i - 2] in _PHRASE_WORDS
                                       and (low[i - 1] in _PHRASE_WORDS or low[i - 3] in _PHRASE_WORDS))


def _special_idioms(valence: float, low: list[str], i: int) -> float:
    """Stock _special_idioms_check: a special-case phrase around the word sets its valence; a booster bigram before it
    adds."""
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


class FastSentimentIntensityAnalyzer(SentimentIntensityAnalyzer):
    """Stock VADER scoring with the sentence's words lowered once instead of once per check."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # (word list object, its lowered copy) for the sentence `polarity_scores` is scoring now. One attribute, read
        # once per check, so a concurrent call in another thread can only make a check recompute, never mix lists;
        # cleared after each sentence, so a direct call with a reused or mutated list never reads a stale copy.
        self._current: tuple[list | None, list[str] | None] = (None, None)
        self._ascii_emojis = any(key.isascii() for key in self.emojis)

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
    def _sentitext(text: str, words: list[str] | None = None) -> SentiText:
        """Stock SentiText(text) for a str, without a method call per word: `words` (as words_of(text.split()) gives
        them, when the caller has them already), and whether some but not all of them are ALL CAPS."""
        sentitext = SentiText.__new__(SentiText)
        sentitext.text = text
        if words is None:
            words = words_of(text.split())
        sentitext.words_and_emoticons = words
        sentitext.is_cap_diff = 0 < len(words) - sum(map(str.isupper, words)) < len(words)
        return sentitext

    def _without_emojis(self, text: str) -> str:
        """Stock's emoji step: `text` itself when it has no emoji character (an ASCII text cannot, unless the emoji
        lexicon has an ASCII key, which stock's has not)."""
        if (text.isascii() and not self._ascii_emojis) or self.emojis.keys().isdisjoint(text):
            return text
        return self._describe_emojis(text)

    def polarity_scores(self, text):
        """Stock result: {"neg", "neu", "pos", "compound"}."""
        if not isinstance(text, str):
            return super().polarity_scores(text)  # whatever stock does with it (usually a TypeError)
        text = self._without_emojis(text).strip()
        return self.score_valence(self._sentiments(self._sentitext(text)), text)

    def compound(self, text: str, words: list[str] | None = None, lowered: list[str] | None = None) -> float:
        """`polarity_scores(text)["compound"]` without the neg/neu/pos proportions nobody reads in the Scorer.
        `words` is `words_of(text.split())` and `lowered` those lower-cased, when the caller has them already (the
        Scorer memoises them with the cue tokens of each whitespace chunk)."""
        described = self._without_emojis(text)
        if described is not text:
            words = lowered = None  # the words of the text with the emoji descriptions
        text = described.strip()
        sentiments = self._sentiments(self._sentitext(text, words), lowered)
        if not sentiments:
            return 0.0
        total = float(sum(sentiments))  # stock's sum, zeros included, so the float result is the same
        if total > 0:
            total += self._punctuation_emphasis(text)
        elif total < 0:
            total -= self._punctuation_emphasis(text)
        return round(normalize(total), 4)

    def _sentiments(self, sentitext: SentiText, lowered: list[str] | None = None) -> list:
        """Stock's per-word valences, then its "but" rule. Only lexicon words are looked at one by one (found with a
        C-level scan): boosters and "kind of" score 0 (they act on the next word), and so does a word outside the
        lexicon, which is all stock sentiment_valence does for it; stock's zeros are the int 0, as here. `lowered` is
        the words lower-cased, if the caller has them."""
        words = sentitext.words_and_emoticons
        if lowered is None:
            lowered = list(map(str.lower, words))
        self._current = (words, lowered)
        try:
            sentiments: list = [0] * len(words)
            last = len(words) - 1
            for i in compress(range(len(words)), map(self.lexicon.__contains__, lowered)):
                word = lowered[i]
                if word not in BOOSTER_DICT and not (word == "kind" and i < last and lowered[i + 1] == "of"):
                    sentiments[i] = self._valence(i, words, lowered, sentitext.is_cap_diff)
            if "but" in lowered:  # _but_check changes nothing unless a word is "but" (a C-level scan of the list)
                sentiments = self._but_check(words, sentiments)
            return sentiments
        finally:
            self._current = (None, None)

    def _valence(self, i: int, words: list[str], lowered: list[str], is_cap_diff: bool) -> float:
        """Stock `sentiment_valence` of lexicon word `i`, reading the lowered list instead of lowering each neighbour
        again; same tests in the same order, same float operations (`valence + 0.0` included: it turns -0.0 into
        0.0)."""
        lexicon = self.lexicon
        word = lowered[i]
        valence = lexicon[word]
        if word == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next lexicon word instead of counting itself
        if (i > 0 and lowered[i - 1] == "no") or (i > 1 and lowered[i - 2] == "no") \
                or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in _OR_NOR):
            valence = lexicon[word] * N_SCALAR
        if is_cap_diff and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            if i > start_i and (prior := lowered[i - (start_i + 1)]) not in lexicon:
                if prior in BOOSTER_DICT:  # (else stock's scalar is 0.0, and valence + 0.0 below is stock's sum)
                    scalar = _booster_scalar(words[i - (start_i + 1)], prior, valence, is_cap_diff)
                    if start_i == 1 and scalar != 0:
                        scalar = scalar * 0.95
                    if start_i == 2 and scalar != 0:
                        scalar = scalar * 0.9
                    valence = valence + scalar
                else:
                    valence = valence + 0.0
                # _negation changes the valence only when `prior` is a negation ("never" and "without" are NEGATE
                # entries) or, at start_i 2, when the word before the lexicon word is "so" or "this": only then called
                negates = (low := prior.lower()) in _NEGATE or "n't" in low
                if start_i == 0:
                    if negates:  # _negation at start_i 0, inline
                        valence = valence * N_SCALAR
                elif negates or (start_i == 2 and lowered[i - 1] in _SO_THIS):
                    valence = _negation(valence, lowered, start_i, i)
                if start_i == 2 and _may_be_a_phrase(lowered, i):
                    valence = _special_idioms(valence, lowered, i)
        if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":  # stock _least_check
            if lowered[i - 2] != "at" and lowered[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def _negation_check(self, valence, words_and_emoticons, start_i, i):
        """Stock rule, on the sentence's lowered words (see _negation)."""
        return _negation(valence, self._lowered(words_and_emoticons), start_i, i)

    def _special_idioms_check(self, valence, words_and_emoticons, i):
        """Stock rule, on the sentence's lowered words (see _special_idioms)."""
        return _special_idioms(valence, self._lowered(words_and_emoticons), i)

    def _but_check(self, words_and_emoticons, sentiments):
        """Stock rule: after the first "but" ×1.5, before it ×0.5. Stock looks each value up with list.index (the
        first equal value, not necessarily its own position) and rewrites that slot; kept, quirk and all."""
        low = self._lowered(words_and_emoticons)
        if "but" in low:
            bi = low.index("but")
            # Stock's list.index for every value made the walk quadratic; most values are zeros (words outside the
            # lexicon), and a zero's first equal slot is the first zero slot, which stays the first: a slot written
            # keeps being zero or not (a zero times 0.5 or 1.5 is zero; a valence times them is not, unless it
            # underflows, which moves `zero` too). So a zero is looked up once, every other value as stock does.
            zero = next((i for i, value in enumerate(sentiments) if value == 0), None)
            for k in range(len(sentiments)):  # the list keeps its length: stock's walk, reading each slot as it is
                value = sentiments[k]
                si = zero if value == 0 else sentiments.index(value)
                if si < bi:
                    sentiments[si] = value * 0.5
                elif si > bi:
                    sentiments[si] = value * 1.5
                else:
                    continue
                if value != 0 and sentiments[si] == 0 and (zero is None or si < zero):
                    zero = si  # (an underflow to zero: never a valence, but stock's walk all the same)
        return sentiments
