"""Which markers reach a cue: the same clause, within the marker's window, not a negation that belongs to a longer cue
phrase, not a polarity marker that is itself negated. And the bisection searches that keep a long text (many cues,
markers or quotations: a 30k-word UN speech) in linear time, where a scan of every marker for every cue took minutes.

Pure functions of the words and of the hits of tension/score/patterns.py's automata; the Scorer
(tension/score/scorer.py) calls them for each cue. The word sets here are part of the scorer version
(tension/score/version.py hashes them).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from tension.score.lexicon import Marker
from tension.score.patterns import _CLAUSE_BREAK
from tension.score.rules import NEGATABLE_KINDS, POLARITY_KINDS

# Words that end the reach of a marker: "would not work and warned that ..." does not negate "warned".
_SCOPE_BREAK = _CLAUSE_BREAK | {"and", "but", "while", "whereas", "although", "though", "however", "yet", "because",
                                "since", "after", "before", "when", "as", "which", "who", "where"}
# 'yet' right after a negation is an adverb, not a clause break: "has not yet rejected the talks" (eighth round)
# and 'but' after 'nothing', 'anything', 'all' ("nothing but a farce") is no conjunction
_ADVERB_AFTER = {"yet": frozenset({"not", "n't", "never"}), "but": frozenset({"nothing", "anything", "all"})}


def _breaks(words: list[str], start: int, end: int) -> bool:
    """Whether a word of words[start:end] ends a marker's reach (_SCOPE_BREAK), but for 'yet' after a negation."""
    return any(w in _SCOPE_BREAK and not (w in _ADVERB_AFTER and k > 0 and words[k - 1] in _ADVERB_AFTER[w])
               for k, w in enumerate(words[start:end], start))


def _containing(spans: list[tuple[int, int]], starts: list[int], start: int, end: int,
                longest: int) -> tuple[int, int] | None:
    """The first span (in order) of the sorted `spans` that holds [start, end): only those starting at most `longest`
    words before `start` can (a bisection, not a scan of every span)."""
    first = bisect_left(starts, start - longest)
    return next(((s, e) for s, e in spans[first:bisect_right(starts, start)] if end <= e), None)


def _inside_quote(quoted: list[tuple[int, int]], starts: list[int], char_start: int, char_end: int) -> bool:
    """Whether [char_start, char_end) lies inside one of the (sorted, non-overlapping) quotations."""
    index = bisect_right(starts, char_start) - 1
    return index >= 0 and char_end <= quoted[index][1]


def negated_markers(markers: list[Marker], words: list[str],
                    found_markers: list[tuple[int, int, int]]) -> dict[int, int]:
    """The polarity markers that a negation right before them negates ("did not reject", "never
    opposed", "did not deny"): {the negated marker's start: the negation's start}. Such a marker flips no cue
    after it, and its negation, which negates the marker, not the cue, does not reach those cues either."""
    negations = {end: start for index, start, end in found_markers
                 if markers[index].kind == "negation"}
    negated = {}
    for index, start, end in found_markers:
        if markers[index].kind in NEGATABLE_KINDS:
            before = negations.get(start)
            if before is None and start - 1 in negations and (
                    words[start - 1] not in _SCOPE_BREAK or not _breaks(words, start - 1, start)):
                before = negations[start - 1]  # one word between: "did not openly oppose", "never formally rejected"
            if before is not None:
                negated[start] = before
    return negated


def markers_before(markers: list[Marker], words: list[str], found_markers: list[tuple[int, int, int]],
                   cue_start: int, cue_spans: list[tuple[int, int]], cue_starts: list[int] | None,
                   longest: int, negated: dict[int, int] | None = None) -> list[tuple[Marker, int]]:
    """Markers that reach the cue starting at `cue_start`, with their distance: same clause, within their
    window, not a negation that belongs to a longer cue phrase ("never pardon" keeps its "never"), not a
    polarity marker that is itself negated, nor the negation of one that stands between it and the cue
    (`negated`, from negated_markers: "did not reject the talks" neither flips nor negates the talks). `cue_starts`
    (the starts of `cue_spans`, for a long text) has the enclosing cue phrase found by bisection, None by a scan."""
    reaching = []
    for index, start, end in found_markers:
        if end > cue_start:
            continue
        if negated and (start in negated or any(
                before == start and marker_start < cue_start for marker_start, before in negated.items())):
            continue
        marker = markers[index]
        if cue_start - end >= marker.window:
            continue
        if not _SCOPE_BREAK.isdisjoint(words[end:cue_start]) and _breaks(words, end, cue_start):
            continue  # a clause boundary between marker and cue (not the marker's own words: 'as if', fifteenth round)
        inside = _containing(cue_spans, cue_starts, start, end, longest) if cue_starts is not None else next(
            ((s, e) for s, e in cue_spans if s <= start and end <= e), None)
        if inside and (inside[1] - inside[0]) > (end - start) and marker.kind in POLARITY_KINDS:
            continue
        reaching.append((marker, cue_start - end))
    return reaching
