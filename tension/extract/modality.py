"""A statement's modality — asserted, threat_or_future, hypothetical, negated, reported — from the words of its frame.

The words are data: the rows of kind `statement_*` and `emphasis` in tension/data/cues_modifiers.tsv, the same
lexicon whose markers the scorer applies at each cue (one modality lexicon; the scorer does not apply a statement's
modality again where its text marks it at a cue). Rows are read as whole words, case-insensitive, with '|' between
choices and a trailing '*' for any ending; "n't" may start inside a word. A negation that an emphasis phrase covers
("never ceased", "did not hesitate to", "will never tolerate", "must not", "no one can deny") is emphasis or a
demand, not a denial (docs/labelling-guideline.md, "Negation vs emphasis").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tension.config import DATA_DIR, read_tsv
from tension.extract.scan import Anchored, lowercase_view

MODALITY_FILE = DATA_DIR / "cues_modifiers.tsv"
_REPORTING_WORDS = ("said", "says", "stressed", "reiterated", "added", "told", "noted", "vowed", "pledged", "declared",
                    "affirmed", "announced", "warned", "threatened", "insisted", "claimed")
_REPORTING = Anchored(re.compile(r"\b(?:" + "|".join(_REPORTING_WORDS) + r")\b", re.I), _REPORTING_WORDS,
                      word_start=True)
_WOULD = Anchored(re.compile(r"\bwould\b", re.I), ("would",), word_start=True)
_NON_WORD_TO_SPACE = bytes(b if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(256))


@dataclass(frozen=True)
class ModalityWords:
    """The compiled statement-modality rows of the lexicon."""

    negation: Anchored
    emphasis: re.Pattern
    hedge: Anchored
    condition: Anchored
    threat: Anchored
    future: Anchored
    emphasis_finder: Anchored | None = None  # `emphasis` with the literals its matches start with
    key: re.Pattern | None = None  # `_key_words`: a word of every row, in the spaced view of an ASCII text
    key_literals: tuple[str, ...] = ()  # and the rows' literals that are not words ("n't")


def _choice(choice: str) -> str:
    return re.escape(choice[:-1]) + r"\w*" if choice.endswith("*") else re.escape(choice)


def _alternative(pattern: str) -> tuple[str, list[str], list[str]]:
    """One row's regex and the literals its matches start with (word starts, and "n't"-like inner starts)."""
    words = pattern.lower().split()
    first = words[0].split("|")
    rest = r"\s+".join("(?:" + "|".join(map(_choice, w.split("|"))) + ")" for w in words[1:])
    inner = [c for c in first if c.startswith("n'")]
    starts = [c for c in first if not c.startswith("n'")]
    heads = ([r"\b(?:" + "|".join(map(_choice, starts)) + ")"] if starts else []) + [re.escape(c) for c in inner]
    regex = "(?:" + "|".join(heads) + ")" + (r"\s+" + rest if rest else "") + r"\b"
    return regex, [c.rstrip("*") for c in starts], [c for c in inner]


def _anchored(patterns: list[str]) -> Anchored:
    parts = [_alternative(p) for p in patterns]
    return Anchored(re.compile("|".join(r for r, _, _ in parts), re.I),
                    tuple(dict.fromkeys(a for _, anchors, _ in parts for a in anchors)), word_start=True,
                    inner=tuple(dict.fromkeys(i for _, _, inner in parts for i in inner)))


def _key_words(patterns: list[str]) -> tuple[re.Pattern | None, tuple[str, ...]]:
    """A pattern finding, in an ASCII text's spaced view (non-word characters made spaces, a space in front), a
    word that every match of one of the rows has, and the literals of the rows that have no such word.

    A row's choice of letters matches only a whole word of the text, and a choice ending in '*' only a word that
    starts with its stem (each is preceded by a word start or white space, followed by white space or a word end);
    a choice with another character ("n't") is matched as it is written. So for each row one of its words (the
    least common-looking: a stem, else the longest) is enough: a text where none is found has no match of any row,
    and its modality is told without running the six scans (most statements)."""
    exact: set[str] = set()
    stems: set[str] = set()
    literals: set[str] = set()
    for pattern in patterns:
        slots = []
        for word in pattern.lower().split():
            choices = word.split("|")
            if not all(c.rstrip("*").isascii() and c.rstrip("*").isalnum() for c in choices):
                slots.append((2, 0, word))  # a word with a literal choice: not a key unless it is the only one
            else:
                slots.append((0 if any(c.endswith("*") for c in choices) else 1,
                              -min(len(c.rstrip("*")) for c in choices), word))
        _, _, word = min(slots)
        for choice in word.split("|"):
            if not (choice.rstrip("*").isascii() and choice.rstrip("*").isalnum()):
                literals.add(choice.rstrip("*"))
            elif choice.endswith("*"):
                stems.add(choice[:-1])
            else:
                exact.add(choice)
    if not exact and not stems:
        return None, tuple(sorted(literals))
    longest_first = functools.partial(sorted, key=lambda w: (-len(w), w))
    return re.compile(" (?:" + "|".join([*map(re.escape, longest_first(stems)),
                                         "(?:" + "|".join(map(re.escape, longest_first(exact))) + ")(?!\\w)"])
                      + ")"), tuple(sorted(literals))


@functools.cache
def modality_words() -> ModalityWords:
    """The lexicon's statement-modality rows, compiled once per process on first use (not at import)."""
    rows = read_tsv(MODALITY_FILE)
    kind = {k: [r["marker"] for r in rows if r["kind"] == k]
            for k in ("statement_negation", "statement_hedge", "statement_condition", "statement_threat",
                      "statement_future", "emphasis")}
    # the words looked for: the statement_* rows and "would" (an emphasis phrase matters only after a negation)
    key, literals = _key_words([*(p for k in kind if k != "emphasis" for p in kind[k]), "would"])
    return ModalityWords(
        negation=_anchored(kind["statement_negation"]),
        emphasis=re.compile("|".join(_alternative(p)[0] for p in kind["emphasis"]), re.I),
        hedge=_anchored(kind["statement_hedge"]),
        condition=_anchored(kind["statement_condition"]),
        threat=_anchored(kind["statement_threat"]),
        future=_anchored(kind["statement_threat"] + kind["statement_future"]),
        emphasis_finder=_anchored(kind["emphasis"]),
        key=key,
        key_literals=literals,
    )


def _denies(text: str, view: str | None, words: ModalityWords) -> bool:
    """Whether a negation in `text` is not covered by an emphasis phrase."""
    emphatic = None
    position = 0
    while (found := words.negation.search(text, view, position)) is not None:
        if emphatic is None:  # (the phrases found from their first words, not by trying the pattern everywhere)
            emphatic = [m.span() for m in words.emphasis_finder.finditer(text, view)] \
                if words.emphasis_finder is not None else [m.span() for m in words.emphasis.finditer(text)]
        if not any(start <= found.start() < end for start, end in emphatic):
            return True
        position = found.end()
    return False


def modality(frame_text: str, reported: bool, directive: bool = False) -> str:
    """Modality from the words outside quotes: hedges inside a quote are the speaker's rhetoric.

    A negation inside a demand ("demanded that Lee no longer resort to...") is the demand's, not a denial;
    "would" after a reporting verb is a reported "will".
    """
    words = modality_words()
    view = lowercase_view(frame_text)
    if view is not None and words.key is not None and view.isascii() and words.key.search(
            " " + view.encode("ascii").translate(_NON_WORD_TO_SPACE).decode("ascii")) is None and not any(
            literal in view for literal in words.key_literals):
        return "reported" if reported else "asserted"  # none of the words (most statements): no scan can match
    if not directive and _denies(frame_text, view, words):
        return "negated"
    # A hedge makes it hypothetical; a condition does too, unless it conditions a threat ("vowed to strike if").
    if words.hedge.found_in(frame_text, view) or (
            words.condition.found_in(frame_text, view) and not words.threat.found_in(frame_text, view)):
        return "hypothetical"
    would = _WOULD.search(frame_text, view)
    if would and not _REPORTING.search(frame_text, view, 0, would.start()):
        return "hypothetical"
    if would or words.future.found_in(frame_text, view):
        return "threat_or_future"
    return "reported" if reported else "asserted"
