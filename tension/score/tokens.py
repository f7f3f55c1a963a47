"""The cue matcher's word tokens: `tokenize` for one text, and `Tokenizer`, which gives the same tokens through a memo
of whitespace-separated chunks, with each word's candidate patterns and VADER's words of the text.

Scoring a statement used to run the token regex over the whole text and look every word up in each automaton's memo;
news vocabulary repeats, so most chunks ("the", "DPRK,", "warmongers") have been seen before. A chunk's tokens, their
spans inside it, their candidate patterns and VADER's word for the chunk are computed once; a text's are then its
chunks' chained in C, and character spans are computed only for the tokens a cue starts or ends on. VADER splits on
whitespace too, so one split and one memo look-up per chunk serve both (a look-up costs about what tokenizing the
chunk again would; sharing it is what makes the memo pay).

Why chunk by chunk gives exactly tokenize's tokens: no token can contain a whitespace character (nor the lower-case
of one), so no regex match crosses a chunk boundary, and a match never depends on what follows the chunk (nothing in
the pattern matches whitespace, so running into it fails as the end of the string does). Lower-casing is per
character unless it changes the text's length (tokenize then lowers character by character) or meets a capital
sigma (final or not, by context): such a text is tokenized whole, without the memo. The "May 5" date rule looks
past its chunk, so it is applied to the text's tokens, as tokenize applies it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain, compress, repeat
from operator import is_
from typing import Callable, Protocol

from tension.score.vader import words_of

# A number with thousands separators ("2,000") is one token: its commas are not clause breaks, so "sent 2,000
# more troops to" is one phrase. A hyphen before an abbreviation with dots ends the word ("Korea-U.S." is "korea",
# "u.s.", so both names are found; before, "korea-u", ".", "s", "."), except after "anti-"/"pro-", which stay
# one word with what follows as before ("anti-U.S." still matches the cue "anti-*").
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\w])|"
                    r"(?:[^\W\d_]\.){2,}|[^\W_]+(?:['’][^\W_]+)*(?:[-‐‑](?:(?<=anti-)|(?<=pro-)|(?![^\W\d_]\.[^\W\d_]\.))[^\W_]+)*|[.,;:!?()\[\]—–]")
# What VADER cannot see through: stock VADER strips only ASCII punctuation from a word's ends, so "idiot”" or
# "idiot—he" is not the lexicon's "idiot". One character for one, so offsets into the text stay valid; VADER reads
# the statement through this table, the cue matcher handles these characters itself (tension/score/tokens.py), and
# `content` keeps the original text.
TYPOGRAPHY = str.maketrans({**dict.fromkeys("‘’‚‛′‵", "'"), **dict.fromkeys("“”„‟″«»", '"'),
                            **dict.fromkeys("‐‑", "-"), **dict.fromkeys("–—―‒…\u200b", " ")})
CONTRACTIONS = ("n't", "'ll")  # split off their word as tokens of their own (markers: a negation, the future)
MEMO_CHUNKS = 100_000  # distinct whitespace chunks whose tokens a Tokenizer remembers
MONTH = "may-month"


class _Candidates(Protocol):
    def candidates(self, word: str) -> tuple[int, ...]: ...


def _lowered(text: str) -> str:
    """`text` lower-cased character by character, so that offsets into it are offsets into `text`."""
    lower = text.lower()
    if len(lower) != len(text):  # lower() changes the length of a few Unicode letters: keep the offsets right
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def _split_tokens(lower: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Regex tokens of lower-cased text and their spans; "didn't" -> "did", "n't", "they'll" -> "they", "'ll" (the
    future marker 'will|shall|'ll' reads it) and ’ -> '."""
    if lower.isalnum():  # one run of [^\W_] characters (half of all chunks): the regex's one token
        return [lower], [(0, len(lower))]
    matches = list(_TOKEN.finditer(lower))
    words = [m.group() for m in matches]
    spans = [m.span() for m in matches]
    if "‐" in lower or "‑" in lower:  # Unicode hyphens read as the ASCII one ("anti‑DPRK")
        words = [w.replace("‐", "-").replace("‑", "-") for w in words]
    if "'" in lower or "’" in lower:
        # only words with an apostrophe change; from the last, so a split does not shift the indices still to do
        for i in reversed([i for i, w in enumerate(words) if "'" in w or "’" in w]):
            word = words[i].replace("’", "'")
            words[i] = word
            if word.endswith(CONTRACTIONS) and len(word) > 3:  # "they'll" -> "they", "'ll"
                start, end = spans[i]
                words[i : i + 1] = [word[:-3], word[-3:]]
                spans[i : i + 1] = [(start, end - 3), (end - 3, end)]
    return words, spans


_OPENING = "(["  # brackets a word may open with: each a token of its own (_TOKEN's last alternative)
_CLOSING = ".,;:!?)]"  # punctuation a word may end with: each a token of its own


def _simple_chunk(lower: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...], int, int] | None:
    """`_split_tokens(lower)` as tuples, for a chunk that is one run of letters and digits between opening brackets
    and closing punctuation ("(kcna)", "war.", "dprk,"): each bracket or mark a token, the run one; with the run's
    start and end. None for any other chunk (the regex decides). The run holds no "'", "-" or ",", so no rule of
    _TOKEN but the letters-and-digits one and the punctuation one can match in it or across its ends."""
    if lower.isalnum():
        return (lower,), ((0, len(lower)),), 0, len(lower)
    opened = lower.lstrip(_OPENING)
    word = opened.rstrip(_CLOSING)
    if not word.isalnum():
        return None
    start = len(lower) - len(opened)
    end = start + len(word)
    return ((*lower[:start], word, *lower[end:]),
            (*((i, i + 1) for i in range(start)), (start, end), *((i, i + 1) for i in range(end, len(lower)))),
            start, end)


def _months(text: str, words: list[str], span: Callable[[int], tuple[int, int]]) -> list[int]:
    """Indices of the "may" tokens that are the month May: capitalised and followed by a number ("May 5")."""
    if "May" not in text or "may" not in words:
        return []
    return [i for i, w in enumerate(words) if w == "may" and _is_month(text, *span(i))]


def _is_month(text: str, start: int, end: int) -> bool:
    """Whether the "may" at text[start:end] is a date, not a hedge."""
    return text[start] == "M" and text[end : end + 3].strip()[:1].isdigit()


def tokenize(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Lower-cased word and punctuation tokens and their character spans; "didn't" -> "did", "n't"; "they'll" ->
    "they", "'ll"; the month
    May -> "may-month"."""
    words, spans = _split_tokens(_lowered(text))
    for i in _months(text, words, spans.__getitem__):
        words[i] = MONTH
    return words, spans


def _flat(words: tuple, lowered: tuple) -> tuple[list[str], list[str]]:
    """VADER's words of a text and those lowered, from its chunks' entries: a str for a chunk that is one word (a
    C-level copy when all are), a tuple for a chunk that typography splits into several or none ("idiot—he", "—");
    an entry of `lowered` is a str exactly when the same entry of `words` is."""
    try:
        "".join(words)  # a C-level test that every entry is a str
    except TypeError:
        return ([w for entry in words for w in ((entry,) if isinstance(entry, str) else entry)],
                [w for entry in lowered for w in ((entry,) if isinstance(entry, str) else entry)])
    return list(words), list(lowered)


def _chunk_starts(text: str, chunks: list[str]) -> tuple[list[int], int]:
    """Offset of each of `text.split()`'s chunks in `text`, as (offsets, step): chunk c starts at offsets[c] + step × c.
    In a text of single spaces (nearly all) the offsets are the lengths of the chunks before and the step 1 (the
    spaces), so no second list is built for a text whose spans are asked; else the offsets themselves, step 0."""
    lengths_before = list(accumulate(map(len, chunks), initial=0))
    if lengths_before[-1] + len(chunks) - 1 == len(text):  # single spaces only, nothing leading or trailing
        return lengths_before, 1
    starts, at = [], 0
    for chunk in chunks:  # the first match from `at` is the chunk: only whitespace lies between
        at = text.find(chunk, at)
        starts.append(at)
        at += len(chunk)
    return starts, 0


class Tokens:
    """One text's tokens: `words`, each automaton's candidate patterns per word, VADER's words of the text, and
    character spans on demand. Made from the chunks' records turned into columns (`zip(*records)`, one C pass instead
    of one per field): words, spans in the chunk, VADER's word, that lowered, then each automaton's candidates."""

    __slots__ = ("words", "vader_words", "vader_lowered", "_columns", "_text", "_chunks", "_layout", "_replaced")

    def __init__(self, columns: tuple, text: str, chunks: list[str]) -> None:
        self._columns = columns
        self.words: list[str] = list(chain.from_iterable(columns[0]))
        # tension.vader.words_of(text.translate(TYPOGRAPHY).split()) and those lower-cased, or None if the columns
        # have none
        if columns[2] is None:
            self.vader_words = self.vader_lowered = None
        else:  # (a chunk's lowered entry is a str exactly when its VADER entry is: one test for both columns)
            self.vader_words, self.vader_lowered = _flat(columns[2], columns[3])
        self._text, self._chunks = text, chunks
        self._layout: tuple[list[int], tuple[list[int], int]] | None = None
        self._replaced: dict[int, tuple] = {}  # word index -> its candidates per automaton, where a word was replaced

    def replace(self, index: int, word: str, candidates: tuple) -> None:
        """Make word `index` `word`, with these candidates per automaton."""
        self.words[index] = word
        self._replaced[index] = candidates

    def candidates(self, automaton: int) -> list[tuple[int, ...]]:
        """Candidate patterns of automaton number `automaton` for each word."""
        found = list(chain.from_iterable(self._columns[4 + automaton]))
        for index, candidates in self._replaced.items():
            found[index] = candidates[automaton]
        return found

    def span(self, index: int) -> tuple[int, int]:
        """Character span of token `index` in the text."""
        if self._layout is None:
            self._layout = (list(accumulate(map(len, self._columns[0]))), _chunk_starts(self._text, self._chunks))
        token_ends, (offsets, step) = self._layout
        chunk = bisect_right(token_ends, index)  # chunks without a token share their predecessor's end: skipped
        start, end = self._columns[1][chunk][index - (token_ends[chunk - 1] if chunk else 0)]
        at = offsets[chunk] + step * chunk
        return at + start, at + end


class Tokenizer:
    """`tokenize` with each word's candidate patterns in `automata` and VADER's words, memoised by whitespace chunk."""

    def __init__(self, automata: tuple[_Candidates, ...]) -> None:
        self.automata = automata
        self._memo: dict[str, tuple] = {}
        self._shared: dict = {}  # the records' parts, each value once (most are shared: ((0, 3),), ((),), "the")
        self._no_chunks = ((),) * (4 + len(automata))  # the columns of a text without a chunk

    def _record(self, chunk: str) -> tuple:
        """(words, spans in the chunk, VADER's word, that lowered, each automaton's candidates per word) of a chunk."""
        record = self._memo.get(chunk)
        if record is None:
            lower = chunk.lower()
            simple = _simple_chunk(lower) if chunk.isascii() else None
            if simple is not None:  # one ASCII word, perhaps with brackets or punctuation (most new chunks)
                words, spans, start, end = simple
                # VADER strips the punctuation from the word unless that leaves 2 characters or fewer (words_of)
                vader = chunk if end - start <= 2 or end - start == len(chunk) else chunk[start:end]
                lowered = vader.lower()
            else:
                words, spans = _split_tokens(lower)
                # VADER's words of the chunk as VADER reads it (straight quotes, dashes as spaces): usually one
                # word, none for a lone dash, two for "idiot—he"
                vader_words = words_of([chunk] if chunk.isascii() else chunk.translate(TYPOGRAPHY).split())
                # one word (a str, nearly always) or a tuple of them (none or several: see _flat)
                vader, lowered = ((vader_words[0], vader_words[0].lower()) if len(vader_words) == 1 else
                                  (tuple(vader_words), tuple(w.lower() for w in vader_words)))
                words, spans = tuple(words), tuple(spans)
            record = (words, spans, vader, lowered,
                      *[tuple(map(automaton.candidates, words)) for automaton in self.automata])
            if len(self._memo) < MEMO_CHUNKS:
                record = tuple(map(self._shared.setdefault, record, record))  # equal parts kept once: a smaller memo
                self._memo[chunk] = record
        return record

    def _whole(self, text: str) -> Tokens:
        """The text tokenized in one piece, as one chunk at offset 0, without VADER's words (not memoised)."""
        words, spans = tokenize(text)
        columns = ((words,), (spans,), None, None,
                   *((list(map(automaton.candidates, words)),) for automaton in self.automata))
        return Tokens(columns, text, [text])

    def tokens(self, text: str) -> Tokens:
        """tokenize(text)'s words and spans, with candidates and VADER's words."""
        if not text.isascii() and (len(text.lower()) != len(text) or "Σ" in text):
            return self._whole(text)
        chunks = text.split()
        records = list(map(self._memo.get, chunks))  # most chunks are memoised: look up in C
        if None in records:  # (a C-level test first: once the memo is warm, most texts have no new chunk)
            for i in compress(range(len(records)), map(is_, records, repeat(None))):  # chunks seen the first time
                records[i] = self._record(chunks[i])
        tokens = Tokens(tuple(zip(*records)) or self._no_chunks, text, chunks)
        for i in _months(text, tokens.words, tokens.span):
            tokens.replace(i, MONTH, tuple(automaton.candidates(MONTH) for automaton in self.automata))
        return tokens
