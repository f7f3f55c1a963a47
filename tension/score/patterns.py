"""Cue patterns: the phrase syntax of the lexicons and the automaton that finds them in a statement's words.

Pattern syntax (tension/data/cues.tsv, cues_insults.tsv, cues_modifiers.tsv): words separated by spaces; in one word
'|' separates choices, '~' adds regular inflections, a trailing '*' is any ending, a leading '*' any beginning
(not in a pattern's first word: '*ing'); a lone '*' is a gap of zero to
three words. Matching is one pass over the word tokens with a dictionary of the forms and prefixes of every
pattern's first word, not a loop over the lexicon.
"""

from __future__ import annotations

from itertools import compress

MEMO_WORDS = 200_000  # distinct words whose candidate patterns each automaton remembers
GAP_WORDS = 3  # a lone "*" in a cue pattern stands for zero to three words
_CLAUSE_BREAK = frozenset(".,;:!?()[]—–")


def inflections(stem: str) -> set[str]:
    """Regular inflections of a stem, with or without a final 'e': 'restor' -> restore, restores, restored,
    restoring; 'slam' -> slammed; 'deny' -> denies, denied. Over-generation ('threatenes') is harmless."""
    forms = {stem}
    for base in {stem, stem + "e"} if not stem.endswith("e") else {stem}:
        forms |= {base + "s", base + "es", base + "d", base + "ed", base + "ing"}
        if base.endswith("e") and not base.endswith("ee"):
            forms |= {base, base[:-1] + "ing"}
    if len(stem) > 2 and stem.endswith("y") and stem[-2] not in "aeiou":
        forms |= {stem[:-1] + "ies", stem[:-1] + "ied"}
    if len(stem) > 2 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
        forms |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}  # ban -> banned, commit -> committed
    return forms


def _token_matcher(token: str) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """'warn~|caution' -> (exact forms, prefixes, suffixes): '~' inflects, a trailing '*' is any ending, a leading '*'
    any beginning ('*ing': any -ing form; not in a pattern's first word), '|' separates choices."""
    exact: set[str] = set()
    prefixes: list[str] = []
    suffixes: list[str] = []
    for choice in token.lower().split("|"):
        if len(choice) > 1 and choice.startswith("*"):
            suffixes.append(choice[1:])
        elif choice.endswith("*"):
            prefixes.append(choice[:-1])
        elif choice.endswith("~"):
            exact |= inflections(choice[:-1])
        else:
            exact.add(choice)
    return frozenset(exact), tuple(prefixes), tuple(suffixes)


class _Automaton:
    """Phrase patterns indexed by the forms and prefixes of their first word. Matched left to right; at one start
    the pattern with the most words wins, then the longest span, then an exact form over a prefix, then file order."""

    def __init__(self, patterns: list[str]) -> None:
        self.steps: list[list[tuple[frozenset[str], tuple[str, ...], tuple[str, ...]] | None]] = []  # None is a gap
        self.exact: dict[str, list[int]] = {}
        self.prefix: dict[str, list[int]] = {}
        self.word_counts: list[int] = []
        self.first_forms: list[frozenset[str]] = []
        self.rests: list[tuple[tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool], ...]] = []
        for index, pattern in enumerate(patterns):
            steps = [None if t == "*" else _token_matcher(t) for t in pattern.split()]
            if not steps or steps[0] is None or steps[-1] is None:
                raise ValueError(f"cue pattern {pattern!r} must start and end with a word")
            self.steps.append(steps)
            forms, prefixes, suffixes = steps[0]
            if suffixes:
                raise ValueError(f"cue pattern {pattern!r}: a leading '*' (any beginning) cannot open a pattern")
            for form in forms:
                self.exact.setdefault(form, []).append(index)
            for prefix in prefixes:
                self.prefix.setdefault(prefix, []).append(index)
            # Precomputed once so that find() does no per-match work on the pattern itself: the word count (first
            # key of the rank), the first word's exact forms, and each later word as (forms, prefixes, after a gap).
            self.word_counts.append(sum(step is not None for step in steps))
            self.first_forms.append(forms)
            self.rests.append(tuple((*step, steps[k - 1] is None)
                                    for k, step in enumerate(steps) if k > 0 and step is not None))
        # each pattern's second word as (forms, prefixes) when it must follow the first directly (no gap) and has no
        # suffix choice, else None (tested in _match_rest)
        self.seconds: list[tuple[frozenset[str], tuple[str, ...]] | None] = [
            (rest[0][0], rest[0][1]) if rest and not rest[0][3] and not rest[0][2] else None for rest in self.rests]
        self.one_word = [not rest for rest in self.rests]  # patterns of one word: matched in find(), without _match_rest
        self.prefix_lengths = sorted({len(p) for p in self.prefix})
        # every prefix's first characters, as many as the shortest prefix has: a word that begins otherwise has none
        self.prefix_heads = frozenset(p[:self.prefix_lengths[0]] for p in self.prefix) if self.prefix else frozenset()
        self._memo: dict[str, tuple[int, ...]] = {}
        # a first word whose every candidate needs the next word to be one of some exact forms ('the' -> 'captured'):
        # those forms together, so that find() rules the start out with one test (function words start most of the
        # candidates and nearly all fail on the next word)
        self._gates: dict[str, frozenset[str]] = {}

    def _match_rest(self, index: int, words: list[str], start: int) -> int | None:
        """End (exclusive) of the shortest match of pattern `index` from `start`, or None; gaps do not cross
        punctuation. The first word is not tested: candidates() only offers patterns whose first word fits
        words[start], and find() never starts on punctuation. A word after a gap takes the first fitting word within
        the gap; when a later word of the pattern then fails, the latest gap left open resumes one word on (depth
        first, earliest positions first: the first full match found ends earliest, so it is the shortest)."""
        rest, count = self.rests[index], len(words)
        steps = len(rest)
        if not steps:
            return start + 1
        step, at = 0, start + 1
        last = at + GAP_WORDS if rest[0][3] else at
        retries: list[tuple[int, int, int]] = []  # (step, next word to try, the gap's last word) of each open gap
        while True:
            forms, prefixes, suffixes, after_gap = rest[step]
            fits = False
            while at < count:
                word = words[at]
                if word in _CLAUSE_BREAK:
                    break
                # (an empty tuple of prefixes or suffixes is tested without a call: most words have none)
                if word in forms or prefixes and word.startswith(prefixes) or suffixes and word.endswith(suffixes):
                    fits = True
                    break
                if at == last:
                    break
                at += 1
            if fits:
                if at < last:  # a later word within this gap may fit too: tried if the rest fails
                    retries.append((step, at + 1, last))
                step += 1
                if step == steps:
                    return at + 1
                at += 1
                last = at + GAP_WORDS if rest[step][3] else at
            elif retries:
                step, at, last = retries.pop()
            else:
                return None

    def candidates(self, word: str) -> tuple[int, ...]:
        """Patterns whose first word can be `word` (memoised: news vocabulary repeats)."""
        found = self._memo.get(word)
        if found is None:
            hits = list(self.exact.get(word, ()))
            if word[:self.prefix_lengths[0]] in self.prefix_heads if self.prefix_lengths else False:
                for length in self.prefix_lengths:  # (most words begin as no prefix begins: no slicing for them)
                    if length > len(word):
                        break
                    hits.extend(self.prefix.get(word[:length], ()))
            found = tuple(hits)
            if len(self._memo) < MEMO_WORDS:
                self._memo[word] = found
                seconds = [self.seconds[index] for index in found]
                if seconds and all(second is not None and not second[1] for second in seconds):
                    self._gates[word] = frozenset().union(*(forms for forms, _ in seconds))
        return found

    def find(self, words: list[str], starts: list[tuple[int, ...]]) -> list[tuple[int, int, int]]:
        """Non-overlapping (pattern index, start, end) from left to right; at one start the most words wins.
        `starts` holds each word's candidates() (the gates of _gates are those of candidates(word))."""
        found: list[tuple[int, int, int]] = []
        free = 0  # words before this are inside a match already
        seconds, match_rest, last, one_word, gates = (self.seconds, self._match_rest, len(words) - 1, self.one_word,
                                                      self._gates)
        for i in compress(range(len(words)), starts):  # only the words some pattern can start with
            if i < free:
                continue
            word = words[i]
            following = words[i + 1] if i < last else ""
            gate = gates.get(word)  # (starts[i] is candidates(word): its gate, if it has one, rules for all of them)
            if gate is not None and following not in gate or word in _CLAUSE_BREAK:  # no match starts on punctuation
                continue
            best = None
            for index in starts[i]:
                second = seconds[index]
                # most candidates fail on the word right after the first: test that here, without a call
                if second is not None and following not in second[0] and not (
                        second[1] and following.startswith(second[1])):
                    continue
                if one_word[index]:  # (a pattern of one word matches on its first: no call)
                    end = i + 1
                else:
                    end = match_rest(index, words, i)
                    if end is None:
                        continue
                exact = words[i] in self.first_forms[index]  # an exact form beats a prefix ('anti-epidemic')
                rank = (self.word_counts[index], end - i, exact, -index)
                if best is None or rank > best[0]:
                    best = (rank, index, end)
            if best is not None:
                found.append((best[1], i, best[2]))
                free = best[2]
        return found
