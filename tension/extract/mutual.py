"""Mutual acts: a meeting, talks or an accord is an act of both sides, each toward the other ("Putin met Kim Jong
Un", "talks between South Korea and Ukraine", "X's meeting with the ambassador of Y"). Only explicit reciprocal
verbs and nouns (attribution.tsv reciprocal, reciprocal_noun) make them: a topic ("talks with North Korea") never
speaks."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import DATA_DIR, load_posts, read_tsv
from tension.extract.findings import Finding, referents
from tension.extract.mentions import Mention
from tension.extract.scan import NEVER


_APPOSITION = re.compile(r",\s+[^,]{1,100},")


def mutual_partners(blanked: str, after: int, c_end: int, outside: list[Mention], actors: list[Mention],
                    reciprocal: re.Pattern | None) -> list[Mention]:
    """Those met, when the clause's verb right after the actor is reciprocal ("met", "held talks with", "signed"):
    each gets a statement back toward the actor. A topic ("tries to advance talks with North Korea") never speaks."""
    if reciprocal is None:
        return []
    verb = reciprocal.match(blanked, after)
    if verb is None and (apposition := _APPOSITION.match(blanked, after, c_end)) is not None:
        verb = reciprocal.match(blanked, apposition.end())  # "Rudenko, Russia's deputy foreign minister, met ..."
    if verb is None:
        return []
    taken = {(m.start, m.end) for m in actors}
    # The one met follows the verb directly or after "with" ("met Putin", "held talks with the Chinese side"), or
    # is named by a state post of a country ("held talks with the minister of foreign affairs of korea <name>").
    met = [m for m in outside if m.start >= verb.end() and (m.start, m.end) not in taken and referents(m)
           and (re.fullmatch(r"[\s,]*(?:with\s+|the\s+|his\s+|her\s+|their\s+|its\s+|visiting\s+)*(?:[A-Z][\w.'-]*\s+)*",
                             blanked[verb.end() : m.start]) or _post_of().fullmatch(blanked, verb.end(), m.start))][:1]
    if met and met[0].kind == "title":
        # ("the ambassador of South Korea": the title is the country's, whatever it would point back to)
        of = next((m for m in outside if m.start > met[0].end and referents(m) and
                   _OF_COUNTRY.fullmatch(blanked, met[0].end, m.start)), None)
        if of is not None:
            return [of]
    return met


# What follows a post before the country it is a post of: " [of foreign affairs] of [the] ".
_OF_COUNTRY = re.compile(r"(?:\s+(?:of|for)\s+[a-z]+(?:\s+affairs)?)?\s+of\s+(?:the\s+)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _post_of() -> re.Pattern:
    """What stands between a reciprocal verb and the country of the one met when a state post names that one:
    "with the [deputy] minister [of foreign affairs] of [the]" (the posts: posts.tsv rows with state "yes"; forty-
    eighth tuning round, h13aw). A post of no state ("students of") or a topic ("about the situation of") is no side.
    """
    posts = "|".join(sorted((re.escape(word) for word, state in load_posts().items() if state), key=len, reverse=True))
    return re.compile(r"[\s,]*(?:with\s+)(?:the\s+)?(?i:(?:[a-z][\w-]*\s+){0,2}(?:" + posts +
                      r")" + _OF_COUNTRY.pattern + ")")


def between_sides(blanked: str, c_start: int, c_end: int, outside: list[Mention], between: re.Pattern) -> list[Finding]:
    """"Talks between South Korea and Ukraine have made little progress": a statement of each side toward the other."""
    found = between.search(blanked, c_start, c_end)
    if found is None:
        return []
    first = next((m for m in outside if m.start == found.end()), None)
    if first is None:
        return []
    second = next((m for m in outside if m.start > first.end and re.fullmatch(
        r"\s+and\s+(?:the\s+)?", blanked[first.end : m.start])), None)
    if second is None or not referents(first) or not referents(second):
        return []
    return _each_toward_the_other(first, second)


def compound_sides(blanked: str, outside: list[Mention], paired: re.Pattern, background: frozenset[str]) -> list[Finding]:
    """"Russia-South Korea consultations were held", "press release on russian-south korean talks": the clause's
    first actors are a compound of two sides before a reciprocal noun, an event both hold, so a statement of each
    toward the other (guideline: talks held = both directions). Not when the sentence before the compound has a
    colon (a headline's "<speaker>: ..." frame) or a word that makes the event background, a topic or an object
    ("amid US-China talks", "protested when ...": adjudication 1; reference_words.tsv paired_background)."""
    first, second = outside[0], outside[1] if len(outside) > 1 else None
    if second is None or not _COMPOUND_LINK.fullmatch(blanked, first.end, second.start):
        return []
    if paired.match(blanked, second.end) is None or not referents(first) or not referents(second):
        return []
    before = blanked[: first.start]
    if ":" in before or not background.isdisjoint(re.findall(r"[a-z]+", before.lower())):
        return []
    return _each_toward_the_other(first, second)


# The link inside a compound of two sides: a hyphen or dash ("Russia-South Korea"), or the space a compound's
# hyphen became beside an initialism ("U.S.-South Korea", statements._split_compounds).
_COMPOUND_LINK = re.compile(r"\s*[-–—]\s*|\s")


def _each_toward_the_other(first: Mention, second: Mention) -> list[Finding]:
    """A statement of each side toward the other (both mentions resolved), none when both are one country."""
    a, b = referents(first)[0], referents(second)[0]
    if a.country == b.country:
        return []
    return [Finding([a], first.text, "", True, "mutual", exclude=[first], extra_targets=[b]),
            Finding([b], second.text, "", True, "mutual", exclude=[second], extra_targets=[a])]


_MEETING_WITH = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:meeting|talks|conversation|consultations|phone\s+call)\s+with\s+"
                           r"(?:the\s+)?")


def meeting_sides(blanked: str, outside: list[Mention]) -> list[Finding]:
    """"Deputy foreign minister Morgulov's meeting with the ambassador of the Republic of Korea": a meeting held,
    so each side's statement toward the other (a topic, "talks with North Korea", has no one holding it)."""
    for first in outside:
        match = _MEETING_WITH.match(blanked, first.end)
        if match is None:
            continue
        if not referents(first):
            return []
        home = referents(first)[0].country
        # ("the ambassador of the Republic of Korea": the country named, not a title pointing back)
        second = next((m for m in outside if m.start >= match.end() and referents(m) and
                       referents(m)[0].country != home and re.fullmatch(
                           r"(?:[\w.'’-]+\s+){0,6}", blanked[match.end() : m.start])), None)
        if second is None:
            return []
        return _each_toward_the_other(first, second)
    return []


def joint_verb(blanked: str, after: int) -> bool:
    """Whether actors named together ("Russia and South Korea", "The Russian and South Korean foreign ministers")
    go on with a verb of a joint act ("agreed to", "reached an agreement", "discussed", "met"): each acts toward
    the others (guideline: "the two sides agreed", talks held = both directions; eleventh round). Only for actors
    coordinated as one subject — "Putin discussed North Korea with Kim" names a topic after the verb, which never
    acts. The verbs: attribution.tsv, kind `joint` (with those of kind `reciprocal`)."""
    return _joint_pattern().match(blanked, after) is not None


@lru_cache(maxsize=1)
def joint_heads() -> frozenset[str]:
    """The heads of state delegations named before or between coordinated countries ("ministers", "officials",
    "leaders"; attribution.tsv kind `joint_head`)."""
    return frozenset(r["word"] for r in read_tsv(DATA_DIR / "attribution.tsv") if r["kind"] == "joint_head")


@lru_cache(maxsize=1)
def joint_verbs() -> tuple[str, ...]:
    """The verbs of a joint or reciprocal act ("agreed to", "met", "held talks"; attribution.tsv kinds `joint` and
    `reciprocal`), in the file's order."""
    return tuple(r["word"] for r in read_tsv(DATA_DIR / "attribution.tsv") if r["kind"] in ("joint", "reciprocal"))


@lru_cache(maxsize=1)
def _joint_pattern() -> re.Pattern:
    verbs = joint_verbs()
    heads = [r["word"] for r in read_tsv(DATA_DIR / "attribution.tsv") if r["kind"] == "joint_head"]
    head = r"(?:\s+(?:[a-z][\w-]*\s+){0,2}(?:" + "|".join(heads) + r"))?" if heads else ""
    return re.compile(r"(?:['’]s?)?" + head + r"\s*,?\s*(?:(?:also|again|later|then|\w+ly|on\s+\w+)\s+)?(?:"
                      + ("|".join(verbs) or NEVER) + r")\b")
