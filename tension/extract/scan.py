"""Fast, exact stand-ins for the extractor's regex scans.

Python's regex engine tries a pattern that opens with `\\b` or a lookbehind at every character of the text, which
costs tens of nanoseconds a character; the extractor runs a dozen such patterns over every sentence. `Anchored`
pairs a pattern with the literal strings one of which every match of it starts with: `str.find` (C speed) locates
those, and the pattern itself is tried only there, so the result is the pattern's own, match for match. (Actors and
reporting verbs are looked for from the words a document has: tension/extract/word_index.py.)

`lowercase_view` gives the text those literals are looked up in for a case-insensitive pattern; it refuses the
few texts where lower-casing would not line up with the regex's own case-folding (the result is then the plain
scan). `tests/test_extract_scan.py` checks every cue against its pattern on generated text.

A pattern that never matches has its one home here (sessions 16-17 found the idiom `(?!x)x` written out by hand in
32 places of tension/extract): `NEVER` is its text, for an alternation built from a data file's word list that
may be empty; `NEVER_MATCHES` the compiled pattern, for a default or a cue with no words; `word_alternatives` and
`phrase_alternatives` join escaped words (phrases) into an alternation in their order, or give `NEVER` when there
are none. A call site that escapes, sorts or joins its words its own way keeps that and writes `... or NEVER`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tension.extract.word_index import ASCII_NON_WORD_TO_SPACE, is_word_char

# Characters `re.IGNORECASE` matches to an ASCII letter that `str.lower` does not turn into it (checked over all
# of Unicode): Turkish dotted/dotless i, the long s and the Kelvin sign.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowercase_view(text: str) -> str | None:
    """`text.lower()` when it lines up character for character with `text` and agrees with `re.IGNORECASE`."""
    lower = text.lower()
    if len(lower) != len(text) or (not text.isascii() and _CASE_TRAPS.search(text)):
        return None
    return lower


class Anchored:
    """A compiled pattern and the literals its matches start with; `search`/`finditer` return the pattern's own.

    For a case-insensitive pattern the anchors are lowercase and are looked up in `lowercase_view(text)`; for a
    case-sensitive one, in the text itself. Every match must start with an anchor, and no match may be empty.
    `word_start`: a match starting with one of the anchors begins a word (the pattern has `\\b` or a lookbehind
    before it), so such an anchor found inside a word is skipped without trying the pattern; `inner` anchors may
    start inside a word ("n't"). `needs`: literals one of which every match contains (looked up like the anchors);
    a text with none of them has no match.
    """

    __slots__ = ("pattern", "ignore_case", "needs", "_anchors", "_word_starts", "_rest")

    def __init__(self, pattern: re.Pattern, anchors: tuple[str, ...], word_start: bool = False,
                 needs: tuple[str, ...] = (), inner: tuple[str, ...] = ()) -> None:
        self.pattern = pattern
        self.ignore_case = bool(pattern.flags & re.IGNORECASE)
        self.needs = needs
        self._anchors = tuple((a, word_start) for a in anchors) + tuple((a, False) for a in inner)
        # In an ASCII text, where the word-start anchors occur at a word start is found by one regex over the spaced
        # view (`_spaced`: non-word characters made spaces, a space in front): a space followed by an anchor (its
        # non-word characters made spaces too). A space is found at C speed, and the anchors are tried only there,
        # all in one call instead of one `str.find` a anchor plus a Python-level check of every occurrence inside a
        # word ("in" in "meeting"). Those are the places the anchors are found at a word start (a few more when an
        # anchor has a non-word character: the pattern decides); `_rest` (inner and non-ASCII anchors) as before.
        spaced = sorted({a.translate(_NON_WORD_TABLE) for a, ws in self._anchors if ws and a.isascii()},
                        key=lambda a: (-len(a), a))
        self._word_starts = re.compile(" (?=" + "|".join(map(re.escape, spaced)) + ")") if spaced else None
        self._rest = tuple((a, ws) for a, ws in self._anchors if not (ws and a.isascii()))

    @classmethod
    def of_words(cls, pattern: re.Pattern, words: Iterable[str]) -> "Anchored":
        """The pattern anchored on words: those opening with a word character looked up at word starts, the others
        ("'s") anywhere. Every match of the pattern must open with one of them."""
        words = tuple(words)
        return cls(pattern, tuple(w for w in words if is_word_char(w[0])), word_start=True,
                   inner=tuple(w for w in words if not is_word_char(w[0])))

    def view(self, text: str) -> str | None:
        """Where the anchors are looked up: the text, or its lowercase view (None: fall back to the pattern)."""
        return lowercase_view(text) if self.ignore_case else text

    def first(self, text: str) -> re.Match | None:
        """`pattern.search(text)`."""
        return self.search(text, self.view(text))

    def found_in(self, text: str, view: str | None) -> bool:
        """Whether `pattern.search(text)` finds anything (stops at the first match, wherever it is)."""
        if view is None:
            return self.pattern.search(text) is not None
        if not self._may_match(view, 0, len(text)):
            return False
        match = self.pattern.match
        anchors = self._anchors
        if self._word_starts is not None and (spaced := _spaced(view)) is not None:
            for found in self._word_starts.finditer(spaced):  # (found.start(): the anchor's start in the text)
                if match(text, found.start()):
                    return True
            anchors = self._rest
        find = view.find
        for anchor, word_start in anchors:
            at = find(anchor)
            while at >= 0:
                if (not word_start or not at or not ((c := text[at - 1]).isalnum() or c == "_")) and match(text, at):
                    return True
                at = find(anchor, at + 1)
        return False

    def search(self, text: str, view: str | None, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """`pattern.search(text, pos, endpos)`, given `view = self.view(text)` (shared by cues of one text)."""
        end = len(text) if endpos is None else endpos
        if view is None:
            return self.pattern.search(text, pos, end)
        if not self._may_match(view, pos, end):
            return None
        if len(self._anchors) <= _FEW_ANCHORS:
            # a match starts with an anchor inside [pos, end): with none there (a `find` or two, at C speed), no
            # match, without making the spaced view ("according to", "that" in most clauses)
            find = view.find
            for anchor, _ in self._anchors:
                if find(anchor, pos, end) >= 0:
                    break
            else:
                return None
        best: re.Match | None = None
        match = self.pattern.match
        anchors = self._anchors
        if self._word_starts is not None and (spaced := _spaced(view)) is not None:
            for word_start_at in self._word_starts.finditer(spaced, pos, end + 1):
                if (best := match(text, word_start_at.start(), end)) is not None:
                    break
            anchors = self._rest
        find = view.find
        for anchor, word_start in anchors:
            at = find(anchor, pos, end)
            while at >= 0 and (best is None or at < best.start()):
                if not word_start or not at or not ((c := text[at - 1]).isalnum() or c == "_"):
                    found = match(text, at, end)
                    if found is not None:
                        best = found
                        break
                at = find(anchor, at + 1, end)
        return best

    def finditer(self, text: str, view: str | None, pos: int = 0, endpos: int | None = None,
                 anchors: tuple[str, ...] | None = None, starts: Iterable[int] = ()) -> Iterator[re.Match]:
        """`pattern.finditer(text, pos, endpos)`, given `view = self.view(text)`: leftmost matches, no overlaps.

        `anchors`: the only anchors that can open a match in this text (the caller knows from its words), and
        `starts`: other positions where a match may start (the caller found them another way).
        """
        end = len(text) if endpos is None else endpos
        if view is None:
            yield from self.pattern.finditer(text, pos, end)
            return
        if anchors == () and not starts:
            return  # no anchor can open a match, and no other start was found
        last = pos
        match = self.pattern.match
        for at in sorted(self._starts(text, view, pos, end, anchors).union(starts)):
            if at >= last and (found := match(text, at, end)) is not None:
                yield found
                last = found.end()

    def _may_match(self, view: str, pos: int, end: int) -> bool:
        """False when [pos, end) lacks every literal that a match contains."""
        for need in self.needs:
            if view.find(need, pos, end) >= 0:
                return True
        return not self.needs

    def _starts(self, text: str, view: str, pos: int, end: int, only: tuple[str, ...] | None) -> set[int]:
        """Every position in [pos, end) where an anchor occurs (at a word start, when the pattern needs one)."""
        starts: set[int] = set()
        if not self._may_match(view, pos, end):
            return starts
        find, add = view.find, starts.add
        anchors = self._anchors
        if only is None and self._word_starts is not None and (spaced := _spaced(view)) is not None:
            starts.update(found.start() for found in self._word_starts.finditer(spaced, pos, end + 1))
            anchors = self._rest
        for anchor, word_start in anchors:
            if only is not None and anchor not in only:
                continue
            at = find(anchor, pos, end)
            while at >= 0:
                if not word_start or not at or not ((c := text[at - 1]).isalnum() or c == "_"):
                    add(at)
                at = find(anchor, at + 1, end)
        return starts


class WordPattern:
    """A case-insensitive pattern of words or phrases (`\\b(?:...)\\b`, re.I: kinds.word_pattern, the sport
    phrases) whose `search` gives the pattern's own match (every other attribute is the pattern's), found faster over
    a sentence: every match opens with one of `words` (a word's stem, a phrase's first word), so their lower-case
    forms are `Anchored` anchors — looked up at word starts, the pattern tried only there, instead of an alternation
    tried at every character. A short text (a speaker's phrase) is searched plainly, which costs less there.
    `tests/test_perf4.py` checks it against the pattern."""

    __slots__ = ("_pattern", "_words", "_anchored")

    def __init__(self, pattern: re.Pattern, words: list[str] | tuple[str, ...]) -> None:
        self._pattern, self._words = pattern, tuple(words)
        literals = sorted({w.lower() for w in words})
        # (a word opening with no word character has no word start before it: looked for anywhere; an empty one
        # could match anywhere: then the pattern is always searched plainly)
        self._anchored = None if "" in literals else Anchored.of_words(pattern, literals)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """`pattern.search(text, pos, endpos)`."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if end - pos < _PLAIN_BELOW or self._anchored is None:
            return self._pattern.search(text, pos, end)
        return self._anchored.search(text, lowercase_view(text), pos, end)

    def __getattr__(self, name: str):
        if name.startswith("_"):  # (not set yet: while unpickling or copying)
            raise AttributeError(name)
        return getattr(self._pattern, name)

    def __reduce__(self):
        return WordPattern, (self._pattern, self._words)


_PLAIN_BELOW = 48  # characters: below this, the plain pattern is the cheaper search


# Up to this many anchors, `search` first looks each up with `str.find` and gives up when none is in the range.
_FEW_ANCHORS = 3

_NON_WORD_TABLE = {b: " " for b in range(128) if not (chr(b).isalnum() or b == ord("_"))}
_last: tuple[str | None, str | None] = (None, None)  # the last view asked about and its spaced view


def _spaced(view: str) -> str | None:
    """" " + the ASCII `view` with every non-word character a space (None: not ASCII), remembered for the last view
    asked about (by identity: the cues and rules scanning one text share its view, so it is made once; the pair is
    one tuple, replaced whole, so threads sharing the module never see one view with another's spaced view)."""
    global _last
    last = _last
    if last[0] is view:
        return last[1]
    spaced = " " + view.encode("ascii").translate(ASCII_NON_WORD_TO_SPACE).decode("ascii") if view.isascii() else None
    _last = (view, spaced)
    return spaced


# A regex that never matches (a lookahead refusing the one character it then requires): the alternation of an empty
# word list, which "(?:)" would not be (the empty pattern matches everywhere).
NEVER = "(?!x)x"
# The same, compiled: the default of a pattern field and the pattern of a cue whose data file gives no words.
NEVER_MATCHES = re.compile(NEVER)


def word_alternatives(words: Iterable[str]) -> str:
    """Words (of a data file) as a regex alternation in their order, each escaped (a space matches only a space);
    `NEVER` when the alternation would be empty."""
    return "|".join(map(re.escape, words)) or NEVER


def phrase_alternatives(phrases: Iterable[str]) -> str:
    """Phrases (of a data file) as a regex alternation in their order, each space matching any white space; `NEVER`
    when the alternation would be empty."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or NEVER


def trie_regex(words: Iterable[str]) -> str:
    """A regex (no anchors, no flags) matching exactly `words`, built as a trie so shared prefixes are tried once;
    greedy optional tails make the longest word win. Used for the actors' aliases and modality's key words."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(trie)
