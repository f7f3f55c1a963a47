"""Relayed groups: voices that are no state, named by a phrase the actor dictionary does not know ("The Seoul branch
of a pan-national alliance", "Farmers in south Korea", "Koreans in Canada Denounce ..."). Decides whether a phrase
names such a group (speaker_kinds.tsv heads), the words of the name a country mention stands in, and the group
opening a clause in a relayed story (its own act, not the outlet's voice)."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Finding, Rules, referents
from tension.extract.kinds import Kinds
from tension.extract.mentions import Mention
from tension.extract.scan import phrase_alternatives
from tension.extract.sentences import title_case


# A name opening a clause, up to its verb: capitalised words and the words that join them ("The Seoul Branch
# of the National Alliance for Peace and Unity [held]").
_NAME_AT_START = re.compile(r"(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’.-]*|of|for|and|the|in|on|to|against)\s+)*?[A-Z][\w'’.-]*"
                            r"(?=\s+(?:[A-Z][a-z]+day\s+|on\s+\w+\s+)?(?:[a-z]+(?:ed|s)|held|met|sent|made|took|gave|put|"
                            r"set|began|brought|won|hit|led|rose|stood|went|came)\b)")

# A group named in common words opening a clause, up to its past-tense verb ("Farmers in south Korea [staged]"):
# the first such verb within the clause's first words, and an occasion before it left out ("The Union for Peace of
# south Korea [at a rally on March 3] denounced").
_FIRST_PAST_VERB = re.compile(r"\s(?:[a-z]+ed|held|met|sent|made|took|gave|put|set|began|brought|led|stood|went|"
                              r"came)\b")
_OCCASION_TAIL = re.compile(r"(?:\s+(?:at|in|through)\s+(?:a|an|the|its|their)\s+[\w'’ -]{1,50}?)?"
                            r"(?:\s+[A-Z][a-z]+day|\s+on\s+\w+(?:\s+\d+)?)?$")


@lru_cache(maxsize=4)
def _head_words(heads: frozenset[str]) -> frozenset[str]:
    """The (first) words of the heads of voices that are no state, lower case (a quick gate: a phrase naming a group
    has one)."""
    return frozenset(h.split()[0].lower() for h in heads)


def _group_words(blanked: str, start: int, c_end: int) -> tuple[str, int] | None:
    """The words opening a clause up to its first past-tense verb, an occasion before it left out, and where they
    end; None past twelve words (twenty when it ends by placing the body in the South)."""
    verb = _FIRST_PAST_VERB.search(blanked, start, min(c_end, start + 200))
    if verb is None:
        return None
    phrase = blanked[start : verb.start()]
    phrase = phrase[: _OCCASION_TAIL.search(phrase).start()] if (" on " in phrase or " at " in phrase or " in " in
                                                                phrase or "day" in phrase) else phrase
    if not phrase.strip() or len(phrase.split()) > (20 if _PLACED_AT_END.search(phrase) else 12):
        return None
    return phrase, start + len(phrase)


# A long name that ends by placing the body ("An all-islanders measure committee for checking ... of | held": KCNA's
# long names of the South's bodies) may have up to 20 words (issue 13 eighteenth round; any long name: T2 worse).
_PLACED_AT_END = re.compile(r"\b(?:of|in)\s+(?:the\s+)?[Ss]outh\s+Korea\s*$")


# What no group's name opening a clause holds: a verb, a pronoun, a clause; nor does it open with a preposition or an
# adverb and a comma ("At the ceremony speakers", "Nevertheless, the group").
_NOT_A_GROUP = re.compile(r"^(?:At(?!\s+least\b)|In|On|For|With|By|From|After|Before|During|Meanwhile|However|Nevertheless|Then|"
                          r"When|While|As|If|Though|Although)\b|^\w+,|\b(?:was|were|is|are|be|been|has|have|had|"
                          r"that|which|who|it|its|they|so|such)\b")
# The first words of a clause that open no group's name (pronouns, determiners, prepositions, adverbs): most clauses
# the outlet tells in its own voice, not looked at further. "At least 20 organizations of | held" is a count, no
# preposition (issue 13 eighteenth round).
_NO_GROUP_START = re.compile(r"(?:[Ii]t|[Tt]hey|[Tt]his|[Ww]e|[Ww]hat|There|[Hh]e|[Ss]he|In|According|To|Such|No|"
                             r"These|Their|At(?!\s+least\b)|Not|That|Even|His|Her|Its|Our|You|If|When|As|But|And|However|"
                             r"Meanwhile|Nevertheless|For|With|By|From|After|Before|During|Then|While|Though|"
                             r"Although|So|Yet|On)\b")
# "group" alone, in a state outlet's name for a state ("the group of traitors"), names no group of its own here.
_HOUSE_GROUP = re.compile(r"\bgroups?\b")
# A title-case headline's group, up to its verb ("Dock Workers [Vow] to ...", "Koreans in Canada [Denounce] ...").
_TITLE_GROUP = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|in|for|and|the)\s+){0,8}?[A-Z][\w'’.-]*(?=\s+(?:Vow|Denounce|"
                          r"Slam|Urge|Call|Demand|Hail|Condemn|Stage|Hold|Protest|Support|Blast|Accuse|Reject|"
                          r"Praise|Oppose|Deplore|Welcome)s?\b)")


def group_subject(blanked: str, start: int, c_end: int, outside: list[Mention], rules: Rules) -> Finding | None:
    """In a relayed story, a group the dictionary does not know opening the clause and acting ("The Seoul
    branch of a pan-national alliance ... held a press conference"): its own act, not the outlet's voice.
    Its country is a place named in its name, if any."""
    name = _NAME_AT_START.match(blanked, start, c_end)
    if name is None or len(name.group(0).split()) > 14 or not names_group(name.group(0), rules):
        # "Farmers in south Korea staged a rally", "Many trade unionists held ...": a group named in lowercase words;
        # "Dock Workers Vow to ...", "Koreans in Japan Denounce ...": a title-case headline's group
        opening = blanked[start : min(c_end, start + 160)].lower().split()[:12]
        if _NO_GROUP_START.match(blanked, start) or _head_words(rules.non_state_heads).isdisjoint(
                w.strip(",.;:'’\"()") for w in opening):
            return None  # (no head word of a group among the clause's opening words: no group named there)
        words = _group_words(blanked, start, c_end)
        if words is not None and (_NOT_A_GROUP.search(words[0]) or not names_group(
                _HOUSE_GROUP.sub(" ", words[0]), rules)):
            words = None  # ("Nevertheless, the group was so ... that it made": the outlet's name for a state)
        if words is None and (title := _TITLE_GROUP.match(blanked, start, c_end)) is not None and title_case(
                blanked[start:c_end]):
            words = title.group(0), title.end()
        if words is None or not names_group(words[0], rules):
            return None
    else:
        words = name.group(0), name.end()
    inside = [m for m in outside if m.start < words[1]]
    # "A spokesman for the Committee for ...": the body named after the office word (a back-reference with nothing
    # to point to) — a known body, not a country word inside an unknown name ("... Committee of Korea")
    named = [m for m in inside[1:2] if inside[0].kind == "title" and not referents(inside[0]) and referents(m)
             and m.kind not in ("state", "capital", "demonym")] or inside[:1]
    actor = [r for m in named for r in referents(m)][:1]
    return Finding(actor, words[0].strip(), "", True, "act subject (group)", exclude=named, phrase=words[0])


# The rest of a name after the mention it contains: "south Korean [Council of Bereaved Families for the Nation]".
_NAME_TAIL = re.compile(r"(?:['’]s?)?(?:(?:\s+(?:of|for|and|the|on|in|against|to)|,?\s+[A-Z][\w'’.-]*)(?=\s+[A-Z]|\s+the\b|$|,)"
                        r"|\s+[A-Z][\w'’.-]*|\s+(?:of|for|and|the)\s+(?=[A-Z]))*")


# The words of a name before the mention it contains ("The Solidarity for Democracy, People's Life ... of [south
# Korea]"), or a short common-noun head ("a civic group in [Seoul]", "a researcher at the [Korea ...]").
_NAME_HEAD = re.compile(r"(?:\b(?:[A-Z][\w'’.-]*|of|for|and|the|in|on|at|to)\b[\s,]*)+$"
                        r"|(?:\b[A-Z][\w'’.-]*\s+)+(?:[a-z][\w-]*\s+){1,2}$"
                        r"|(?:\b[a-z][\w-]*\s+){1,4}(?:in|of|at|for|from)\s+(?:the\s+)?$")


def subject_phrase(blanked: str, floor: int, mention: Mention, c_end: int, to_verb: bool = False) -> str:
    """The words of the name a mention stands in, the mention itself replaced by "|": "The [south Korean] Council
    of Bereaved Families for the Nation" gives "The | Council of Bereaved Families for the Nation". `to_verb`:
    `c_end` is the speaker's verb, and every word up to it belongs to the phrase ("South Korean | analysts")."""
    if to_verb:
        end = c_end
    else:
        tail = _NAME_TAIL.match(blanked, mention.end, c_end) if blanked[mention.end : mention.end + 2] != ". " else None
        end = tail.end() if tail else mention.end
    begin = max(floor, mention.start - 120)
    if begin >= mention.start:
        return "| " + blanked[mention.end : end]
    head = _name_head(blanked, begin, mention.start)
    return (head.group(0) if head else "") + " | " + blanked[mention.end : end]


# Where a word starts: every match of _NAME_HEAD does (each of its alternatives opens with \b and a word character).
_WORD_START = re.compile(r"\b\w")


def _name_head(blanked: str, begin: int, end: int) -> re.Match | None:
    """`_NAME_HEAD.search(blanked, begin, end)`, the pattern tried only where a word starts in the range (not at
    every character of up to 120: the pattern's most expensive use), leftmost first: the same match."""
    match = _NAME_HEAD.match
    for word in _WORD_START.finditer(blanked, begin, end):
        if (head := match(blanked, word.start(), end)) is not None:
            return head
    return None


def names_group(phrase: str, rules: Rules) -> bool:
    """Whether the phrase's words name a voice that is no state ("Council", "researchers", "Koreans in")."""
    if not rules.non_state_heads or (rules.house is not None and rules.house.search(phrase)):
        return False  # "the Lee Myung Bak group of traitors" is the outlet's name for a state, not a group
    words = _PHRASE_WORD.findall(phrase)
    heads = rules.non_state_heads
    if not heads.isdisjoint(words) or not heads.isdisjoint(w.lower() for w in words):
        return True
    firsts = _first_words(heads)  # (heads of two or three words: "Koreans in", "Group of Seven")
    return any(w in firsts and ((i + 1 < len(words) and f"{w} {words[i + 1]}" in heads) or
                                (i + 2 < len(words) and f"{w} {words[i + 1]} {words[i + 2]}" in heads))
               for i, w in enumerate(words))


_PHRASE_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")


@lru_cache(maxsize=4)
def _first_words(heads: frozenset[str]) -> frozenset[str]:
    return frozenset(h.split()[0] for h in heads if " " in h)


# A passive verb of a collective's act ("rallies were staged", "messages were sent", "have been held";
# reference_words.tsv collective_verb) and what may stand between it and the place or agent that names who did it.
@lru_cache(maxsize=1)
def _collective_passive() -> re.Pattern:
    verbs = phrase_alternatives(sorted(load_reference_words().get("collective_verb", ()), key=len, reverse=True))
    return re.compile(r"\b(?:was|were|(?:has|have|had)\s+been)\s+(?:[a-z]+ly\s+)?(?:" + verbs + r")\b")


@lru_cache(maxsize=1)
def _collective_nouns() -> frozenset[str]:
    return frozenset(load_reference_words().get("collective_act", ()))


# After the verb, the place the act was done ("in seven cities ... of |", "at a square in |", "across |"); no
# purpose, agent or partner comes before the place ("... held with the defector to |" names no place).
_PLACE_GAP = re.compile(r"\s+(?:in|at|across|throughout|around)\s+(?:(?!(?:to|by|with|against|for|from|between)\b)"
                        r"[\w.'’-]+,?\s+){0,10}?(?:the\s+)?")
# After the verb, its agent ("were sent to the north ... by political parties ... in |"); not "by way of".
_AGENT = re.compile(r"\s+(?:[^,;:()\"“”]{0,60}?\s)?by\s+(?!(?:way|means|dint|virtue|far)\b)"
                    r"(?P<agent>[^;:()\"“”]{3,200}?)(?=\s+(?:to|during|on|at|with|for|after|before|as|when|amid|"
                    r"under|while|over)\s|[.;:]|$)")
LIST_ITEMS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")  # what separates the items of a list of bodies


def list_heads(phrase: str, kinds: Kinds) -> set[str]:
    """The kinds the head words of a list's items give ("parties, organizations and personages of |": civic, people,
    party_legislature), None left out."""
    return {kinds.of_head(item) for item in LIST_ITEMS.split(phrase)} - {None}  # type: ignore[return-value]
_LOWER_WORD = re.compile(r"[a-z][a-z-]*")


def collective_act(text: str, start: int, mentions: list[Mention], kinds: Kinds, side: frozenset[str]
                   ) -> tuple[Mention, str, str] | None:
    """A sentence telling, in the passive, an act of a collective of the other side that it names only by its agent
    or its place: "Messages were sent to the north by political parties, organizations and personages of all circles
    in |south Korea| to express condolences" (the parties and organizations: civic), "Candlelight rallies were staged
    in seven cities of |south Korea| to protest ..." (a crowd there: people). Returns (the place's mention, the kind,
    the phrase naming the speaker); None when the agent is a state body, when no such collective is named, or when the
    subject names another country (guideline, reporter vs actor; decision 30: a rally is a collective's act).
    `side`: the countries whose collectives count; `mentions`: the sentence's (offsets in the document)."""
    verb = _collective_passive().search(text)
    if verb is None:
        return None
    if any(m.country not in side for m in mentions if m.start - start < verb.start()):
        return None  # ("A U.S.-Japan joint drill was staged ...": another country's act)
    after = [m for m in mentions if m.start - start >= verb.end() and m.country in side and
             m.kind in ("state", "capital", "demonym")]
    agent = _AGENT.match(text, verb.end())
    if agent is not None:
        a_start, a_end = agent.start("agent"), agent.end("agent")
        inside = [m for m in mentions if a_start <= m.start - start < a_end]
        place = next((m for m in after if a_start <= m.start - start < a_end), None)
        if place is None or any(m.country not in side for m in inside):
            return None
        phrase = text[a_start : place.start - start] + "|" + text[place.end - start : a_end]
        found = list_heads(phrase, kinds)
        if not found or not found.isdisjoint({"government", "military", "state_media", "media", "academic"}):
            return None  # ("by the puppet military of |", "by the authorities of |": the state's own act)
        kind = found.pop() if len(found) == 1 else "civic" if "civic" in found else "people"
        return place, kind, agent.group("agent").strip()
    subject = _LOWER_WORD.findall(text[: verb.start()].lower())
    if _collective_nouns().isdisjoint(subject) or not kinds.act_words.isdisjoint(subject):
        return None  # (no crowd's act; "a strike drill was staged in |": the state's military act)
    place = after[0] if after else None
    if place is None or not _PLACE_GAP.fullmatch(text, verb.end(), place.start - start):
        return None
    return place, "people", place.text
