"""Acts and their actors: a passive's agent, the act a relay verb passes on ("said North Korea fired": a reported
act), and the findings of an act — in a document with a declared speaker, that speaker's account of it. The agent
of a background clause of harm ("shot by North Korean guards") acts in no row. The actor opening a clause and the
actors coordinated with it: tension/extract/subjects.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import NO_RULES, Finding, Rules, referents, unique_countries
from tension.extract.groups import names_group
from tension.extract.mentions import Mention
from tension.extract.mutual import joint_verb, mutual_partners
from tension.extract.scan import NEVER_MATCHES, Anchored, phrase_alternatives, word_alternatives
from tension.extract.subjects import COUNTRY_WORDS


# "evidence was presented by the US", "civilians were released yesterday by Putin", "killed in Israeli shelling".
PASSIVE_AGENT = Anchored(re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en|wn|ht|lt|id|ck|ung|un))\b"
    r"(?:\s+[\w-]+){0,4}?\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"|\b(?:killed|wounded|injured|died)\s+(?:in|by)\s+(?:an?\s+|the\s+)?"
), ("was", "were", "be", "is", "are", "killed", "wounded", "injured", "died"), word_start=True,
   needs=("by", "killed", "wounded", "injured", "died"))


@lru_cache(maxsize=1)
def _harm_pattern() -> re.Pattern:
    words = phrase_alternatives(sorted(load_reference_words().get("harm", ()), key=len, reverse=True))
    return re.compile(r"\b(?:" + words + r")\s+by\s+(?:the\s+|a\s+|an\s+)?$")


def harm_before(blanked: str, start: int) -> bool:
    """Whether a mention is the agent of a participle of harm ("shot by [North Korean] guards")."""
    return " by " in blanked[max(0, start - 8) : start] and bool(_harm_pattern().search(blanked, max(0, start - 30),
                                                                                       start))


def predicate_pattern(act_verbs: Iterable[str]) -> re.Pattern:
    """The first word of a predicate that tells an act: a past tense ("fired", "has launched", or one of the
    irregular `act_verbs`: "sent"). "Seoul was making a mistake" or "Pyongyang must stop" after "said" are the
    speaker's own words, not an act passed on."""
    irregular = "".join("|" + re.escape(v) for v in sorted(act_verbs))
    return re.compile(r"(?:\s+[A-Z][\w'-]*)*\s+(?:[a-z]+ly\s+)?(?:(?:has|have|had)\s+(?:[a-z]+ly\s+)?)?(?:[a-z]+ed"
                      + irregular + r")\b")


def kin_pattern(nouns: Iterable[str]) -> re.Pattern:
    """"Kim Jong-un's teenage daughter paid tribute": the act is the daughter's, not Kim's."""
    return re.compile(r"['’]s\s+(?!(?:[A-Z]|own\b))(?:[a-z][\w-]*\s+){0,2}(?:"
                      + "|".join(map(re.escape, sorted(nouns))) + r")\b") if nouns else NEVER_MATCHES


def _predicate_follows(blanked: str, start: int, end: int, predicate: re.Pattern | None) -> bool:
    """Whether a finite verb follows a mention (not a possessive: "Seoul's decision" is no act of Seoul)."""
    return predicate is not None and predicate.match(blanked, start, end) is not None


def passive_agent(blanked: str, c_start: int, c_end: int, outside: list[Mention]) -> Mention | None:
    """The agent of a passive clause ('presented by the US', 'killed in Israeli tank shelling')."""
    if not outside:
        return None  # no mention for an agent to be
    for match in PASSIVE_AGENT.finditer(blanked, blanked, c_start, c_end):
        agent = next((m for m in outside if m.start == match.end()), None)
        if agent is not None:
            return agent
    return None


# Between a relay verb and the actor of the act it passes on: "said [that] [the] North Korea fired".
_REPORTED_GAP = re.compile(r"\s*,?\s*(?:(?:[\w-]+\s+){0,3}?that\s+)?(?:the\s+|a\s+)?")


# The lowercase words right after a country word that make it a modifier of the actor ("South Korean team",
# "South Korea police", "a South Korean tour group's van"); looked up as heads in speaker_kinds.tsv.
MODIFIED_HEAD = re.compile(r"\s+(?:[A-Z][a-z]+\s+(?=[a-z]))?(?P<head>[a-z][\w-]*?(?:(?<!ed)(?<!s)\s+[a-z][\w-]*)?)\b"
                            r"|['’]s\s+(?P<name>(?:[a-z][\w-]*\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


@lru_cache(maxsize=1)
def _possessed_body() -> re.Pattern:
    words = sorted(load_reference_words().get("possessed_body", ()), key=len, reverse=True)
    return re.compile(r"['’]s\s+(?P<body>" + word_alternatives(words) + r")\b")


def possessed_body(blanked: str, end: int) -> str | None:
    """The state body a country owns right after it ("South Korea's parliament voted", "Japan's top court ruled"),
    whose head tells the speaker's kind; None when the possessive owns anything else (issue 13 twelfth round)."""
    if not blanked.startswith(("'s", "’s"), end):
        return None
    body = _possessed_body().match(blanked, end)
    return body.group("body") if body is not None else None


@lru_cache(maxsize=1)
def _penal_passive() -> re.Pattern:
    words = sorted(load_reference_words().get("penal_participle", ()), key=len, reverse=True)
    return re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:" + word_alternatives(words)
                      + r")\s+(?:in|over|for|on|with|after|to|as|by)\b")


def penal_passive(blanked: str, after: int, end: int) -> bool:
    """Whether a headline's bare participle of a penal step follows the subject ("North Korean nationals indicted
    in scheme", "Russian hackers charged over attacks", "star jailed for"): done to the subject, by no one named
    (reference_words.tsv penal_participle; issue 13 twelfth round). An active verb has its object after it
    ("Russia arrested a U.S. journalist")."""
    return _penal_passive().match(blanked, after, end) is not None


@lru_cache(maxsize=1)
def _event_head() -> re.Pattern:
    heads = phrase_alternatives(sorted(load_reference_words().get("event_head", ()), key=len, reverse=True))
    return re.compile(r"(?:['’]s)?(?:\s+(?:(?!(?:to|will|would|may|might|can|could|should|must|is|are|was|were|has|have|"
                      r"had|be|been|not|set|did|do|also|again|just)\b)[a-z][\w-]*(?<!s)(?<!ed)|[A-Z0-9][A-Z0-9-]+|"
                      r"['‘\"“][\w -]{1,20}['’\"”]|\d+\w*)){0,3}?\s+(?:" + heads + r")\b(?!['’-])")


def event_subject(blanked: str, subject: Mention, c_end: int, outside: list[Mention]) -> bool:
    """Whether the clause's subject is a country's event or thing, not the country ("North Korea's record year of
    testing is ...", "North Korean 'peace' dogs cause ..."; reference_words.tsv event_head): an act named only as a
    noun phrase gets no row (adjudication 1). Not called in a story with a declared speaker (a KCNA release: its
    sentences are the outlet's own rows whatever their subject; attribution.py). A country's name owns it only with
    "'s" ("North Korea tests a missile" is its act); the words between are modifiers — lowercase, not plural (not
    "soldiers"), no auxiliary ("to test" is a verb), an acronym, a quotation or a number — and no other actor. (The
    plurals "launches", "tests" are left out: after a modifier they are verbs as often, "the army tests"; and "launch",
    "test": "North Korean missile launch triggers warnings" is a headline whose news is the launch.)"""
    if subject.kind not in COUNTRY_WORDS or (subject.kind != "demonym" and not blanked.startswith(("'s", "’s"),
                                                                                                   subject.end)):
        return False
    head = _event_head().match(blanked, subject.end, c_end)
    return head is not None and not any(subject.end < m.start < head.end() for m in outside)


def modified_head(blanked: str, actor: Mention, end: int) -> str:
    """The phrase "| <head>" when a country word only modifies the actor's head noun ("the south Korean people are
    suffering, he said": the people, not the state), else ""."""
    if actor.kind not in COUNTRY_WORDS:
        return ""
    head = MODIFIED_HEAD.match(blanked, actor.end, end)
    return f"| {head.group('head') or head.group('name')}" if head is not None else ""


_EACH_OTHER = re.compile(r"\b(?:each\s+other|one\s+another)\b", re.I)


LOWER_WORDS = re.compile(r"[a-z][a-z-]*")
_ACT_WORDS_NEAR = 8  # an act word this many words after its actor at most ("submarine entered", "is staging drills")


def reported_act(blanked: str, verb_end: int, c_end: int, outside: list[Mention], reporter_country: str | None,
                  reporter: str, exclude: Sequence[Mention] = (), strict: bool = True,
                  predicate: re.Pattern | None = None) -> Finding | None:
    """The act a relay verb passes on, when an actor of another country opens what follows it and a verb follows
    the actor: "said North Korea fired", "reported that the puppet military staged drills". Not `strict` (a speaker
    of no state, "analysts said that North Korea could test"): any actor right after "that"."""
    for mention in outside:
        if mention.start < verb_end:
            continue
        gap = _REPORTED_GAP.fullmatch(blanked, verb_end, mention.start)
        if not gap or (not strict and "that" not in gap.group(0)):
            return None
        actor = referents(mention)
        if not actor or actor[0].country == reporter_country or (
                strict and not _predicate_follows(blanked, mention.end, c_end, predicate)):
            return None
        return Finding(actor[:1], mention.text, "", True, "reported act", exclude=[mention, *exclude],
                       content_start=mention.start, reported=reporter_country is not None, reported_by=reporter)
    return None


# Between a state outlet's relay verb and its own state's person it passes on: "said [that] [while touring the
# site,] Kim ...".
_OWN_PERSON_GAP = re.compile(r"\s*,?\s*(?:that\s+)?(?:(?:after|before|while|when|upon)\s[^,.;:\"“”]{1,60},\s*)?")


def relayed_own_person(blanked: str, verb_end: int, c_end: int, outside: list[Mention], outlet_country: str,
                       outlet: str, exclude: Sequence[Mention] = (), predicate: re.Pattern | None = None
                       ) -> Finding | None:
    """The words or act of a person of the outlet's own state that a state outlet's relay verb passes on ("KCNA said
    that while touring the site Kim praised the crews"): the person's, reported by the outlet (guideline, reporter vs
    actor: "State media reported Kim said ..." is Kim's statement); None when no such person opens what follows."""
    gap_end = _OWN_PERSON_GAP.match(blanked, verb_end, c_end)
    mention = next((m for m in outside if m.start >= verb_end), None)
    if gap_end is None or mention is None or mention.start != gap_end.end():
        return None
    actor = referents(mention)
    if not actor or actor[0].kind != "person" or actor[0].country != outlet_country or \
            not _predicate_follows(blanked, mention.end, c_end, predicate):
        return None
    return Finding(actor[:1], mention.text, "", True, "reported act", exclude=[mention, *exclude],
                   content_start=mention.start, reported=False, reported_by=outlet)


def _people_of(actor: Mention, phrase: str, blanked: str, rules: Rules) -> bool:
    """Whether the act's subject is a plural demonym naming a country's people ("South Koreans", "many south
    Koreans, among them ..."): the people's act the outlet tells, not the state's (guideline, reporter vs actor). A
    sentence in the outlet's house vocabulary ("South Koreans are angry, and the puppets will fall") stays the
    outlet's account (round 10), and so does what the outlet asks of the people (a modal after the subject)."""
    return actor.kind == "demonym" and actor.text.endswith("s") and names_group(actor.text + " " + phrase, rules) \
        and not _EXHORTED.match(blanked, actor.end) and not (rules.house is not None and rules.house.search(blanked))


# What the outlet asks of or foresees for a people is its own call, not the people's act ("South Koreans should
# rise up", "South Koreans from all walks of life must reject ..."): a modal after the subject's words.
_EXHORTED = re.compile(r"(?:\s+(?:from|of|in)\s+(?:all|various|different)\s+[\w -]{1,30}?)?,?\s+"
                       r"(?:\w+ly\s+)?(?:should|must|will|would|can|could|shall|may|have\s+to|need\s+to)\b")


# The actors.tsv role of a civic body the dictionary names ("the South Side Committee ..."): like a group named by
# its head word, its act told by an outlet is its own, not the outlet's account (issue 13 fifteenth round).
CIVIC_ROLE = "civic body"


def act_findings(actors: list[Mention], blanked: str, c_end: int, outside: list[Mention], narrator: Mention | None,
          how: str, reported: bool, rules: Rules = NO_RULES, phrase: str = "", shared: str = "") -> list[Finding]:
    """Statements of the actors of an act; in a document with a declared speaker, that speaker's account of it.
    `shared`: the phrase of a head the listed actors share ("Top leaders from | , China and Japan")."""
    pairs = [(r, a) for a in actors for r in referents(a)]
    resolved = [r for r, _ in pairs]
    if narrator is not None and narrator.country and len(actors) == 1 and len(resolved) == 1 and \
            resolved[0].country != narrator.country and resolved[0].country in rules.military_acts and \
            not rules.military_acts[resolved[0].country].isdisjoint(
                LOWER_WORDS.findall(blanked[actors[0].end : c_end].lower())[:_ACT_WORDS_NEAR]):
        # "A U.S. nuclear submarine entered Pusan port" in a KCNA release: the US forces' act, passed on by KCNA
        # (in the outlet's house vocabulary it becomes the outlet's own statement: statements._voices)
        return [Finding(resolved[:1], actors[0].text, "", True, how, exclude=[actors[0]], reported=True,
                        reported_by=narrator.text, phrase=phrase)]
    if narrator is not None and (narrator.country or narrator.actor is None) and \
            any(r.country != narrator.country for r in resolved) and not (
            len(actors) == 1 and (names_group(phrase, rules) or _people_of(actors[0], phrase, blanked, rules)
                                  or resolved[0].role == CIVIC_ROLE)):
        # KCNA telling what Seoul and Washington do: DPRK's words about them (its "puppet", "warmongers").
        return [Finding([narrator], narrator.text, "", False, "document (account of an act)",
                        extra_targets=resolved)]
    findings = []
    # Actors acting together are each other's targets only when the verb says they act on each other ("the two
    # countries traded accusations", "signed an accord"); "the U.S., South Korea and Japan held drills" aims at
    # neither of them.
    toward_each_other = len(pairs) < 2 or (rules.reciprocal is not None and rules.reciprocal.match(
        blanked, actors[-1].end) is not None) or rules.reciprocal is None or _EACH_OTHER.search(
        blanked, actors[-1].end, c_end) is not None or (  # "Russia and North Korea move closer to each other"
        len(actors) > 1 and joint_verb(blanked, actors[-1].end))  # "Russia and South Korea agreed to ..."
    for actor, mention in unique_countries(pairs):
        others = [r for r in resolved if r.country != actor.country]
        findings.append(Finding([actor], mention.text, "", True, how, exclude=[*actors] if not toward_each_other
                                else [mention], extra_targets=others if toward_each_other else [],
                                reported=reported, phrase=phrase if len(actors) == 1 else shared))
    for partner in mutual_partners(blanked, actors[-1].end, c_end, outside, actors, rules.reciprocal):
        # "Putin met Kim Jong Un": a meeting is an act of both sides.
        findings.append(Finding(referents(partner)[:1], partner.text, "", True, "mutual", exclude=[partner],
                                extra_targets=resolved[:1]))
    return findings
