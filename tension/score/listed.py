"""A list of states as a cue's object (forty-third round, issue 14): "condemned Japan, the US and South Korea over
their drills", "cooperation with Tokyo and Seoul". direction.directed_at reads the first state after a cue only; a
statement toward the South then counted the condemnation 0, as an act toward Japan (a tester's sentence, with
`--targets KOR`). Each state of the list is the cue's object, so the cue counts toward a statement whose targets hold
any of them (tension/score/scorer.py asks `listed_states` only when the first state is no party: a rare branch).

A list is state names joined by a comma, 'and' or ', and' (each name may follow 'the'), read with the names of
direction.CountryNames (a capital in the text, no demonym after the first name). It must end where a list can end
(LIST_ENDS: punctuation or a preposition, a possessive, or the text's end): "condemned Japan and Seoul said nothing"
names Seoul as the next clause's subject, not a second object, and stays an act toward Japan.
"""
from __future__ import annotations

from collections.abc import Callable

from tension.score.direction import DIRECTING_WORDS, CountryNames, country_span_at

LIST_JOINERS = frozenset({",", "and"})
# the words after a list's last name where the list may end (a word of the next clause's verb may not follow it)
LIST_ENDS = frozenset({",", ".", ";", ":", "!", "?", ")", "—", "–", "over", "for", "on", "in", "about", "after", "at",
                       "as", "with", "from", "to", "by", "amid", "following", "during", "since", "regarding",
                       "concerning", "because", "while", "when", "which", "who", "that", "their", "its"})


def listed_states(words: list[str], cue_end: int, names: CountryNames, text: str,
                  span: Callable[[int], tuple[int, int]]) -> list[str]:
    """The states of the list right after a cue ending before word `cue_end` (after one preposition of
    DIRECTING_WORDS and 'the', as directed_at reads it): two or more codes, or [] when no list of states follows."""
    index = cue_end
    if index < len(words) and words[index] in DIRECTING_WORDS:
        index += 1
    codes: list[str] = []
    end = index
    while True:
        if index < len(words) and words[index] == "the":
            index += 1
        # a state, not a demonym, whose name carries a capital
        found = country_span_at(words, index, names, text, span, demonyms=False) if index < len(words) else None
        if found is None:
            break
        codes.append(found[0])
        end = index = index + found[1]
        if words[end - 1].endswith(("'s", "’s")):
            break  # "Japan and South Korea's drills": the possessive ends the list
        if index >= len(words) or words[index] not in LIST_JOINERS:
            break
        index += 1
        if words[index - 1] == "," and index < len(words) and words[index] == "and":
            index += 1
    if len(codes) < 2:
        return []
    if end < len(words) and words[end] not in LIST_ENDS and not words[end - 1].endswith(("'s", "’s")):
        return []
    return codes
