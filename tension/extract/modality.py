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
from tension.extract.scan import NEVER, Anchored, lowercase_view, trie_regex

MODALITY_FILE = DATA_DIR / "cues_modifiers.tsv"
_REPORTING_WORDS = ("said", "says", "stressed", "reiterated", "added", "told", "noted", "vowed", "pledged", "declared",
                    "affirmed", "announced", "warned", "threatened", "insisted", "claimed")
_REPORTING = Anchored(re.compile(r"\b(?:" + "|".join(_REPORTING_WORDS) + r")\b", re.I), _REPORTING_WORDS,
                      word_start=True)
_WOULD = Anchored(re.compile(r"\bwould\b", re.I), ("would",), word_start=True)
_NONE: frozenset[str] = frozenset()
_NON_WORD_TO_SPACE = bytes(b if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(256))
# a capitalised "May" after one of these, or before a day's number, is the month ("in May", "since May", "May 3"),
# not the hedge "may" (the rows are read as words, case-insensitive). tension/score/rules.py reads the same set.
MONTH_BEFORE = frozenset({"in", "since", "until", "till", "from", "through", "during", "early", "late", "mid", "last",
                          "next", "of", "by", "on", "this", "before"})
_DAY_AFTER = re.compile(r"\s+\d")
# a verb or adverb after "May" makes it the modal whatever stands before it ("Why This May Be Kim's Last Chance")
MODAL_AFTER = re.compile(r"\s+(?:be|not|also|well|soon|still|never|yet|even|only|need|face|take|become|seek|"
                         r"lead|come|help|want|bring|prove|lose|win|get|see|make|find|try|use)\b", re.I)
_WORD_BEFORE = re.compile(r"(\w+)\W*$")


def is_month(text: str, match: re.Match) -> bool:
    """Whether a hedge match is the month May: "May" capitalised, before a day's number or after MONTH_BEFORE."""
    if match.group() != "May":
        return False
    if _DAY_AFTER.match(text, match.end()):
        return True
    if MODAL_AFTER.match(text, match.end()):
        return False
    before = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    return before is not None and before.group(1).lower() in MONTH_BEFORE


def _hedged(text: str, view: str | None, hedge: Anchored) -> bool:
    """Whether the text has a hedge word that is not the month May."""
    if "May" not in text:
        return hedge.found_in(text, view)
    return any(not is_month(text, m) for m in hedge.finditer(text, view))


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
    # `_key_words`: a word of every row, looked for in the spaced view of an ASCII text; the groups of each word
    # and stem; the rows' literals that are not words ("n't") with theirs
    key: re.Pattern | None = None
    key_exact: dict | None = None
    key_stems: tuple = ()
    key_literals: tuple = ()


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


def _key_words(groups: dict[str, list[str]]) -> tuple[re.Pattern | None, dict, tuple, tuple]:
    """What tells, from an ASCII text's words, which groups of rows may match it: a pattern finding in the text's
    spaced view (non-word characters made spaces, a space in front) every word that is one row's key word, each
    key word's groups, each key stem's groups, and the literals (with their groups) of rows that have no key word.

    A row's choice of letters matches only a whole word of the text, and a choice ending in '*' only a word that
    starts with its stem (each is preceded by a word start or white space, followed by white space or a word end);
    a choice with another character ("n't") is matched as it is written. So for each row one of its words (the
    least common-looking: a stem, else the longest) is enough: a group none of whose rows' key words the text has
    cannot match it, and its scan is skipped (most statements have none of the words and skip all six scans)."""
    if not all(p.isascii() for patterns in groups.values() for p in patterns):
        return None, {}, (), ()  # under re.I a non-ASCII letter may match an ASCII one ("ſ", "K"): always scan
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    literals: dict[str, set[str]] = {}
    for group, patterns in groups.items():
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
                    literals.setdefault(choice.rstrip("*"), set()).add(group)
                elif choice.endswith("*"):
                    stems.setdefault(choice[:-1], set()).add(group)
                else:
                    exact.setdefault(choice, set()).add(group)
    frozen = (({w: frozenset(g) for w, g in exact.items()}), tuple((w, frozenset(g)) for w, g in sorted(stems.items())),
              tuple((w, frozenset(g)) for w, g in sorted(literals.items())))
    if not exact and not stems:
        return (None, *frozen)
    # (the whole word is taken, so that a word matching two keys, a stem and a longer word, gets both's groups; the
    # stems and the words as tries: the lookahead at each blank tries a shared first letter once, not every key)
    return (re.compile(" (?=" + "|".join([*([trie_regex(stems)] if stems else []),
                                          "(?:" + (trie_regex(exact) if exact else NEVER) + ")(?!\\w)"])
                       + ")(\\w+)"), *frozen)


def _groups(view: str, words: "ModalityWords") -> frozenset[str] | set[str] | None:
    """The groups of rows that may match the text of this lowercase `view` (None: not told, scan them all)."""
    if words.key is None or not view.isascii():
        return None
    found = words.key.findall(" " + view.encode("ascii").translate(_NON_WORD_TO_SPACE).decode("ascii"))
    groups: set[str] = set()
    for word in found:
        groups |= words.key_exact.get(word, _NONE)
        for stem, of in words.key_stems:
            if word.startswith(stem):
                groups |= of
    for literal, of in words.key_literals:
        if literal in view:
            groups |= of
    return groups


# The kinds of cues_modifiers.tsv rows the extractor reads (their marker words only); the other kinds are the
# scorer's, so the extractor's version hashes these rows alone (version.extraction_bytes).
MODALITY_KINDS = ("statement_negation", "statement_hedge", "statement_condition", "statement_threat",
                  "statement_future", "emphasis")


@functools.cache
def modality_words() -> ModalityWords:
    """The lexicon's statement-modality rows, compiled once per process on first use (not at import)."""
    rows = read_tsv(MODALITY_FILE)
    kind = {k: [r["marker"] for r in rows if r["kind"] == k] for k in MODALITY_KINDS}
    # the words looked for: the statement_* rows and "would" (an emphasis phrase matters only after a negation)
    key, exact, stems, literals = _key_words({
        "negation": kind["statement_negation"], "hedge": kind["statement_hedge"],
        "condition": kind["statement_condition"], "threat": kind["statement_threat"],
        "future": kind["statement_threat"] + kind["statement_future"], "would": ["would"]})
    return ModalityWords(
        negation=_anchored(kind["statement_negation"]),
        emphasis=re.compile("|".join(_alternative(p)[0] for p in kind["emphasis"]), re.I),
        hedge=_anchored(kind["statement_hedge"]),
        condition=_anchored(kind["statement_condition"]),
        threat=_anchored(kind["statement_threat"]),
        future=_anchored(kind["statement_threat"] + kind["statement_future"]),
        emphasis_finder=_anchored(kind["emphasis"]),
        key=key,
        key_exact=exact,
        key_stems=stems,
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
    may = _groups(view, words) if view is not None else None  # the groups whose words the text has (None: all)
    if may is not None and not may:
        return "reported" if reported else "asserted"  # none of the words (most statements): no scan can match
    if not directive and (may is None or "negation" in may) and _denies(frame_text, view, words):
        return "negated"
    # A hedge makes it hypothetical; a condition does too, unless it conditions a threat ("vowed to strike if").
    if ((may is None or "hedge" in may) and _hedged(frame_text, view, words.hedge)) or (
            (may is None or "condition" in may) and words.condition.found_in(frame_text, view) and not (
            (may is None or "threat" in may) and words.threat.found_in(frame_text, view))):
        return "hypothetical"
    would = _WOULD.search(frame_text, view) if may is None or "would" in may else None
    if would and not _REPORTING.search(frame_text, view, 0, would.start()):
        return "hypothetical"
    if would or ((may is None or "future" in may) and words.future.found_in(frame_text, view)):
        return "threat_or_future"
    return "reported" if reported else "asserted"
