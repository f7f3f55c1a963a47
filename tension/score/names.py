"""Proper names, acronyms and title-case headlines: whether a capitalised cue is part of a name ("the Spy Agency",
"Solidarity for Progress") and so no cue, whether it is an acronym ("ICBM"), whether a text is running text. Moved out
of tension/score/rules.py unchanged (session 23, round 43); the constants are hashed in version.constants as before."""
from __future__ import annotations

import re


def _capitalised(word: str) -> bool:
    """Whether a word starts with a capital and is not the pronoun 'I' or an all-caps acronym ("U.S.", "KCNA")."""
    return word[:1].isupper() and word != "I" and not (len(word) > 1 and word.isupper())


NAME_JOINERS = frozenset({"for", "of", "and", "against", "on"})  # "Solidarity for Progress", "Movement for Peace"


def _joined_name(before: list[str], after: list[str]) -> bool:
    """Whether a capitalised cue is joined to a capitalised word by a lower-case joiner of names ("Solidarity for
    Progress", "Movement for Peace"): the two words before it are a capitalised word and a joiner, or the two after
    it are a joiner and a capitalised word."""
    return (len(before) == 2 and before[1] in NAME_JOINERS and _capitalised(before[0])) or (
        len(after) == 2 and after[0] in NAME_JOINERS and _capitalised(after[1].strip(".,;:!?\"'’”)")))


def in_name(text: str, char_start: int, char_end: int, running: bool | None = None) -> bool:
    """Whether the capitalised cue at text[char_start:char_end] is part of a proper name ("the Spy Agency", "People's
    Solidarity for Participatory Democracy", "the Solidarity for Progress"): the word before or after it is
    capitalised too, or joined to it by "for", "of", "and" (`_joined_name`), the cue does not open the sentence, and the text is not a headline in title case (where every word is capitalised)."""
    # (windows of NAME_WINDOW characters around the cue, not the whole text: each call stays cheap in a long text)
    head = text[max(0, char_start - NAME_WINDOW):char_start]
    before = head.rsplit(None, 1)
    if not before or len(head) == len(before[0]) or not before[-1][-1:].isalnum() and before[-1][-1:] != "'":
        return False  # the first word of the text, or after punctuation or a quotation mark: a capital for grammar
    if text[char_start - 1] not in " \t\n\u00a0":
        return False  # glued to what precedes it ("(Spy", "“Spy")
    after = text[char_end:char_end + NAME_WINDOW].split(None, 2)
    if not (_capitalised(before[-1]) or (after and _capitalised(after[0].strip(".,;:!?\"'’”)")))
            or _joined_name(head.rsplit(None, 2)[-2:], after[:2])):
        return False
    return running_text(text) if running is None else running


def acronym(text: str, char_start: int) -> bool:
    """Whether the cue at char_start opens with a word of three or more capitals and no lower-case letter ("ICBM",
    "SLBM", "UAVs" is not one): an acronym is capitalised for itself, not as part of a name, so "the North Korean ICBM
    launch" is a launch although the word before it is capitalised (fourteenth round, RSS 2022 sample)."""
    end = char_start
    while end < len(text) and text[end].isalnum():
        end += 1
    word = text[char_start:end]
    return len(word) >= ACRONYM_LETTERS and word.isupper()


# an epithet led by a person's name ('the <leader> group'): the capital is the name's, the epithet the lower-case word
# that ends the cue, so the cue is not a proper name's part (twenty-eighth round; a capitalised last word still is)
NAME_LED_KINDS = frozenset({"epithet"})
ACRONYM_LETTERS = 3  # "ICBM", "SLBM", "DMZ"; not "US", which names a country (in the version)


def running_text(text: str) -> bool:
    """Not a title-case headline: in running text at least two longer words are in lower case (counted up to two).
    A caller with many cues in one text asks once and passes the answer to in_name."""
    lower = 0
    for match in _WORD.finditer(text):
        w = match.group(0)
        if len(w) > 3 and w[:1].islower():
            lower += 1
            if lower == 2:
                return True
    return False


NAME_WINDOW = 200  # characters either side of a cue that in_name reads (a word and the two next to it fit many times)
_WORD = re.compile(r"\S+")
