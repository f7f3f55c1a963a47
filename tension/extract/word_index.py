"""Which words a text has, and where: the words of a document (`word_set`, `WordIndex`), and the aliases of actors
and reporting verbs found from them (`AliasFinder`: an alias is looked for only where the document has all of its
words). Split from tension/extract/scan.py (session 26), unchanged; `tests/test_extract_scan.py` checks it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

try:  # a compiled build (mypyc, docs/performance.md) needs WordIndex left a plain class: it subclasses set
    from mypy_extensions import mypyc_attr
except ImportError:  # plain Python: the decorator says nothing
    def mypyc_attr(*args: object, **kwargs: object):  # type: ignore[misc]
        return lambda cls: cls

# Every ASCII byte that is not a regex word character, turned into a space: the words of an ASCII text are then
# what `bytes.split` returns (in C), which costs a fraction of `re.findall(r"\w+")`.
ASCII_NON_WORD_TO_SPACE = bytes(b if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(256))
_WORD = re.compile(r"\w+")


def _non_word_to_space(text: str) -> str:
    """`text` with every character that is not a regex word character turned into a space (same length).

    (`str.isalnum` or the underscore is what `\\w` matches; a non-ASCII text's other characters are few and
    distinct, so a table of them costs little, where a pattern run over the text would cost at every character.)
    """
    if text.isascii():
        return text.encode("ascii").translate(ASCII_NON_WORD_TO_SPACE).decode("ascii")
    table = {ord(c): " " for c in set(text) if not (c.isalnum() or c == "_")}
    return text.translate(table)


def word_set(text: str) -> set[str]:
    """The distinct words of `text`: its maximal runs of regex word characters (`\\w+`)."""
    return set(_non_word_to_space(text).split())


@mypyc_attr(native_class=False)
class WordIndex(set):
    """The distinct words of a text (as `word_set`), which also tells where a word occurs as a whole word.

    A short word looked for with `str.find` is mostly found inside longer ones ("he" in every "the"), each
    occurrence then checked in Python; in the text with every non-word character turned into a space, " he " is
    found only where "he" is a whole word. That spaced text is made once per document, with the word set.

    `vocabulary`: the only words the caller will ask about (the words of its aliases, say); the set then holds
    just the text's words among them, which is cheaper to build than the set of all, and to intersect.
    """

    __slots__ = ("_spaced", "_vocabulary")

    def __init__(self, text: str, vocabulary: frozenset[str] | None = None) -> None:
        self._spaced = " " + _non_word_to_space(text) + " "
        self._vocabulary = vocabulary
        words = self._spaced.split()
        super().__init__(words if vocabulary is None else vocabulary.intersection(words))

    def starts(self, word: str) -> list[int]:
        """Where `word` (a run of word characters) occurs as a whole word of the text, in order."""
        if word not in self and (self._vocabulary is None or word in self._vocabulary):
            return []
        found, needle = [], " " + word + " "
        find = self._spaced.find
        at = find(needle)
        while at >= 0:
            found.append(at)  # the spaced text has one character more in front: `at` is the word's start
            at = find(needle, at + 1)
        return found


# Past this many aliases to look up one by one (a long text with a large vocabulary), one pass of the pattern over
# the text costs less: so the cost stays linear in the length of the text.
MAX_LOOKUPS = 48


class AliasFinder:
    """The matches of an alias pattern (`tension.actors.alias_pattern`, optionally with more alternatives), found
    from the words the text contains instead of by trying the pattern at every character.

    An alias can match only where the text has all of its words (a match starts and ends at word boundaries, so
    each word of the alias is a whole word of the text), so only the aliases whose words the text has are looked
    for (with `str.find`), and the pattern is tried where one of them occurs. `extra` are the literal openings of
    the pattern's other alternatives (each a word or words); a pattern with an alias that does not start with a
    word character is always scanned in full.
    """

    __slots__ = ("pattern", "words", "_by_key", "_keys", "_scan")

    def __init__(self, pattern: re.Pattern, aliases: Iterable[str], extra: Iterable[str] = ()) -> None:
        self.pattern = pattern
        self._scan = False
        split = []
        for alias in [*aliases, *extra]:
            words = _WORD.findall(alias)
            if not words or not alias[0].isalnum():
                self._scan = True
            else:
                split.append((alias, frozenset(words)))
        # Each alias is filed under its word shared by the fewest aliases ("Jong Un", not "Kim"), so a text's words
        # call up few aliases to check.
        shared = Counter(word for _, words in split for word in words)
        self._by_key: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for alias, alias_words in split:
            key = min(sorted(alias_words), key=shared.__getitem__)
            self._by_key.setdefault(key, []).append((alias, alias_words))
        self._keys = frozenset(self._by_key)
        self.words = frozenset(word for _, words in split for word in words)  # all `possible` looks up

    def possible(self, words: set[str] | None) -> list[str] | None:
        """The aliases whose words are all in `words` (shortest first; None: scan with the pattern instead)."""
        if words is None or self._scan:
            return None
        found = [alias for key in words & self._keys for alias, needed in self._by_key[key] if needed <= words]
        found.sort()
        # An alias extending another found one ("Kim Jong Un" after "Kim") occurs only where that one does.
        return [alias for i, alias in enumerate(found) if not i or not alias.startswith(found[i - 1])]

    def finditer(self, text: str, possible: list[str] | None, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match]:
        """`pattern.finditer(text, pos, endpos)`, given `possible = self.possible(word_set(text))`.

        (A bound inside a word makes part of it a word of its own there: then the pattern scans.)
        """
        end = len(text) if endpos is None else endpos
        if possible is None or len(possible) > MAX_LOOKUPS or cuts_word(text, pos) or cuts_word(text, end):
            yield from self.pattern.finditer(text, pos, end)
            return
        starts: set[int] = set()
        find, add = text.find, starts.add
        for alias in possible:
            at = find(alias, pos, end)
            while at >= 0:
                add(at)
                at = find(alias, at + 1, end)
        last = pos
        match = self.pattern.match
        for at in sorted(starts):
            if at >= last and (found := match(text, at, end)) is not None:
                yield found
                last = found.end()


def is_word_char(char: str) -> bool:
    """Whether `char` is a regex word character (`\\w`: a letter, a digit or the underscore)."""
    return char.isalnum() or char == "_"


def cuts_word(text: str, at: int) -> bool:
    """Whether position `at` falls inside a word of `text` (between two word characters)."""
    return 0 < at < len(text) and is_word_char(text[at - 1]) and is_word_char(text[at])
