"""The statement's hedges: whether a hypothetical statement's hedge is its own (in its main clause, not a relative
clause's, not the month May) and whether its hedges are all the condition of a threat. Pure functions and their
constants; the Scorer (tension/score/scorer.py) applies them to a statement's modality factor. Every constant here is
part of the scorer version (tension/score/version.py hashes them).
"""
from __future__ import annotations

from tension.extract.modality import MONTH_BEFORE  # a capitalised "May" after one of these is the month
from tension.score.tokens import MONTH


# A hedge is the statement's own only in its main clause (tenth round). The extractor makes a statement hypothetical
# from any hedge word outside quotes (tension/extract/modality.py), and the formula then halves all of it; but a hedge
# right after a relative word belongs to a clause that describes something the statement names ("condemned the talks
# as a war confab, which might aggravate the situation", "to fly 200 jets in what would be the largest drill", "a
# defence pact that could tilt the balance"): the condemnation, the flights, the pact are asserted, and a cue inside
# that clause is hedged by the marker 'could|might|may|would' itself (cues_modifiers.tsv, window 5). "May" the month
# ("on May 3", "in May") is no hedge either: the extractor reads words, not dates (the cue matcher's tokens already
# make "May 3" a month, tension/score/tokens.py). A statement is still halved when one of its hedges is none of these.
RELATIVE_WORDS = frozenset({"which", "who", "whom", "what", "that"})
# 'that' right after these is a conjunction or a demonstrative ("warned that could lead to war", "and that may"): the
# hedge is then the statement's own content
THAT_NOT_RELATIVE_AFTER = frozenset({"said", "says", "say", "warned", "warns", "warn", "noted", "added", "stressed",
                                     "claimed", "argued", "insisted", "believe", "believes", "believed", "think",
                                     "thinks", "thought", "fear", "fears", "feared", "suggested", "suggests", "and",
                                     "but", ","})
# a relative word that opens the text or a sentence asks a question ("What could the next years bring?"): its hedge is
# the statement's
QUESTION_STARTS = frozenset({".", ":", ";", "?", "!", "(", "[", "—", "–"})
# the extractor's one hedge written in its code, not in the rows: 'would' (tension/extract/modality.py, _WOULD)
HEDGE_WORDS_IN_CODE = ("would",)


def compile_hedges(patterns: tuple[str, ...]) -> tuple[tuple[tuple[frozenset[str], tuple[str, ...]], ...], ...]:
    """The statement hedge rows (lexicon.load_statement_hedges) and HEDGE_WORDS_IN_CODE as word sequences: per word,
    its exact choices and the stems of its '*' choices."""
    return tuple(tuple((frozenset(c for c in word.split("|") if not c.endswith("*")),
                        tuple(c[:-1] for c in word.split("|") if c.endswith("*"))) for word in pattern.lower().split())
                 for pattern in (*patterns, *HEDGE_WORDS_IN_CODE))


def _hedge_at(words: list[str], i: int, pattern) -> bool:
    """Whether the hedge `pattern` (one of compile_hedges) matches the words from `i`."""
    exact, stems = pattern[0]
    word = words[i]
    return bool((word in exact or stems and word.startswith(stems)) and i + len(pattern) <= len(words) and all(
        words[i + k] in pattern[k][0] or pattern[k][1] and words[i + k].startswith(pattern[k][1])
        for k in range(1, len(pattern))))


# Fourteenth round: a threat under a condition ("If they dare fire, we will deal deadly blows"; "promises retaliation
# if Seoul joins ...") is a threat, as the extractor already reads "vowed to strike if" (guideline decisions 8, 25: the
# warning is the act). The extractor keeps such a statement `threat_or_future` only when a word of its
# statement_threat row (threat, vow, warn, pledge) stands in it; KCNA's threats without one read hypothetical and
# were halved (31 of 158 KCNA 2011-12 statements with 'if' and 'will': 0.1-0.5, class +3).
CONDITION_WORDS = frozenset({"if", "unless", "case"})  # the statement_condition rows: "if", "unless", "in case"
# a cue hedged or asked of the other side ("they should punish the traitors if they want talks") is no threat made
CONDITION_HEDGED = frozenset({"hypothetical", "request"})
CONDITIONED_KINDS = frozenset({"threat", "fight", "assault", "coercion"})  # a threat, force or coercion announced (not
# posture, not words)


def conditioned_threat(words: list[str], hedges, cues: list[dict]) -> bool:
    """Whether a hypothetical statement is a threat under a condition: every hedge of the statement it has
    (compile_hedges; the month May aside) is a condition (CONDITION_WORDS), and a cue of CONDITIONED_KINDS counts
    hostile with no hypothetical or request marker on it (a threat inside the condition, "if they strike", is hedged
    there; "they should punish …" is asked of the other side)."""
    if not any(c["kind"] in CONDITIONED_KINDS and c["contribution"] > 0
               and not any(m["kind"] in CONDITION_HEDGED for m in c["markers"]) for c in cues):
        return False
    found = False
    for i, word in enumerate(words):
        if word == MONTH:
            continue
        for pattern in hedges:
            if _hedge_at(words, i, pattern):
                if words[i + len(pattern) - 1] not in CONDITION_WORDS:
                    return False  # "could", "may", "would": a hedge, not a condition
                found = True
    return found


def hedge_in_main_clause(words: list[str], hedges, text: str, span) -> bool:
    """Whether the text has a hedge of the statement (one of `hedges`, compile_hedges) that is not right after a
    relative word (RELATIVE_WORDS) and is not the month May; True too when no hedge is found at all (the extractor
    saw something else: the statement's modality then stands)."""
    found = False
    for i, word in enumerate(words):
        if word == MONTH:
            found = True  # "May 3": the extractor's hedge, the tokens' month
            continue
        for pattern in hedges:
            if not _hedge_at(words, i, pattern):
                continue
            found = True
            before = words[i - 1] if i else ""
            if before in RELATIVE_WORDS and i >= 2 and words[i - 2] not in QUESTION_STARTS and (
                    before != "that" or words[i - 2] not in THAT_NOT_RELATIVE_AFTER):
                continue  # a relative clause's hedge
            if word == "may" and before in MONTH_BEFORE and text[span(i)[0]] == "M":
                continue  # the month
            if in_concession(words, i):
                continue  # a concessive clause's hedge: 'no matter how hard they may try, ...'
            return True
    return not found


# Twenty-first round (KCNA gold-free draws, seeds 220, 221: 20 gold-free counting statements read hypothetical only
# through such a hedge, every one halved): a hedge in a concessive clause ("no matter how desperately the group may
# try, it will never escape ...", "whatever others may say, we will ...") concedes what the other side may do; the
# statement's main clause is asserted. The opener stands before the hedge in its clause, at most CONCESSION_REACH
# words back; 'however' followed by a comma is a sentence adverb and ends at the comma, as every clause break does.
CONCESSIVE_WORDS = frozenset({"however", "whatever", "whoever", "wherever", "whichever", "whenever"})
CONCESSION_REACH = 12
_CLAUSE_BREAK_WORDS = frozenset(".,;:!?()[]—–")


def in_concession(words: list[str], i: int) -> bool:
    """Whether the hedge at word `i` stands in a concessive clause: 'no matter' or one of CONCESSIVE_WORDS before it
    in its clause, within CONCESSION_REACH words."""
    for k in range(i - 1, max(-1, i - 1 - CONCESSION_REACH), -1):
        word = words[k]
        if word in _CLAUSE_BREAK_WORDS:
            return False
        if word in CONCESSIVE_WORDS or word == "matter" and k and words[k - 1] == "no":
            return True
    return False


def hedged_factor(factor: float, modality: str, words: list[str], hedges, text: str, span,
                  cues: list[dict]) -> tuple[float, bool]:
    """A statement's modality factor before its cues are summed, and whether its hedges all stand outside its main
    clause: a hypothetical statement whose hedges all stand in a relative clause or are the month May has its main
    clause asserted (a cue inside the clause is hedged by its marker), and a threat under a condition is a threat
    ("will deal deadly blows if they dare"): 1.0 in both cases."""
    hedge_elsewhere = modality == "hypothetical" and factor != 1.0 and not hedge_in_main_clause(words, hedges, text,
                                                                                               span)
    if hedge_elsewhere:
        factor = 1.0
    if modality == "hypothetical" and factor != 1.0 and conditioned_threat(words, hedges, cues):
        factor = 1.0
    return factor, hedge_elsewhere
