"""Countries joined by a hyphen ("the S Korea-Japan-China summit", "North Korea-Russia ties", "U.S.-south Korea
drills"): each is a mention (issue 13 round 17: the alias pattern had read none of them), but not beside a lowercase
word ("Korea-based", "Russia-backed": tension.extract.actors.alias_pattern) nor in a name ("the Switzerland-Korea
Committee")."""

from __future__ import annotations

import re
from typing import TypeVar

T = TypeVar("T")


def hyphen_compounds(text: str, raw: list[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """The matches, those touching a hyphen only where another match is on its other side: "S Korea-Japan-China
    summit" names three countries (issue 13 round 17: each was lost), "Korea-Born" none."""
    starts = {s for s, _, _ in raw}
    ends = {e for _, e, _ in raw}
    kept = [(s, e, entry) for s, e, entry in raw
            if (text[s - 1 : s] != "-" or s - 1 in ends) and (text[e : e + 1] != "-" or e + 1 in starts)]
    # A compound before a capitalised word is a name's ("the Switzerland-Korea Committee"): none of its countries
    # acts or is aimed at, as before compounds were read
    named = {i for i, (s, e, _) in enumerate(kept) if text[s - 1 : s] == "-" and _NAME_AFTER_COMPOUND.match(text, e)}
    for i in sorted(named, reverse=True):
        j = i
        while j > 0 and text[kept[j][0] - 1 : kept[j][0]] == "-" and kept[j - 1][1] == kept[j][0] - 1:
            j -= 1
        del kept[j : i + 1]
    return kept


_NAME_AFTER_COMPOUND = re.compile(r"\s+(?!(?:The|A|An)\b)[A-Z][a-z]")
