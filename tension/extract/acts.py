"""Acts and their actors: the actor opening a clause (after a leading "Since ..., " phrase; not a topic, "the North
Korea issue", nor the owner of an object), the actors coordinated with it, a passive's agent, the act a relay verb
passes on ("said North Korea fired": a reported act), and the findings of an act — in a document with a declared
speaker, that speaker's account of it. The agent of a background clause of harm ("shot by North Korean guards")
acts in no row."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Literal

from tension.config import load_reference_words
from tension.extract.findings import NO_RULES, Finding, Rules, referents, unique_countries
from tension.extract.groups import names_group
from tension.extract.mentions import Mention
from tension.extract.mutual import joint_heads, joint_verb, mutual_partners
from tension.extract.scan import NEVER_MATCHES, Anchored, phrase_alternatives, word_alternatives


# A leading subordinate phrase up to its comma ("Since invading Ukraine in 2022, "), after a conjunction if any; a
# conjunction alone is skipped by itself ("But [the government objected ..., expressing regret]": its main clause).
LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:(?:Also|Still|Yet|But|And)\b\s*,?\s*)?"
    r"(?:(?:Since|After|Before|While|When|Although|Though|As|If|Despite|Following|Amid|In|On|At|During|"
    r"Earlier|Later|Meanwhile|However|Separately|Referring|With|Holding|Under)\b[^,]*,\s*)?"
)


# "evidence was presented by the US", "civilians were released yesterday by Putin", "killed in Israeli shelling".
PASSIVE_AGENT = Anchored(re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en|wn|ht|lt|id|ck|ung|un))\b"
    r"(?:\s+[\w-]+){0,4}?\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}"
    r"|\b(?:killed|wounded|injured|died)\s+(?:in|by)\s+(?:an?\s+|the\s+)?"
), ("was", "were", "be", "is", "are", "killed", "wounded", "injured", "died"), word_start=True,
   needs=("by", "killed", "wounded", "injured", "died"))
_THAT = Anchored(re.compile(r"\bthat\s+"), ("that",), word_start=True)
# A noun before "that" makes what follows the noun's content, not the clause's subject ("on learning the news
# that the leader had died": the one who learns is not the leader).
_NEWS_THAT = re.compile(r"\b(?:news|report|reports|fact|word|rumou?rs?)\s+$")
PREPOSITIONS = frozenset(
    "of to with on in at for from by about against toward towards into over between among including than "
    "after before since under upon via across amid despite like as".split()
)


MAX_SUBJECT_OFFSET_WORDS = 3


@lru_cache(maxsize=1)
def _harm_pattern() -> re.Pattern:
    words = phrase_alternatives(sorted(load_reference_words().get("harm", ()), key=len, reverse=True))
    return re.compile(r"\b(?:" + words + r")\s+by\s+(?:the\s+|a\s+|an\s+)?$")


def harm_before(blanked: str, start: int) -> bool:
    """Whether a mention is the agent of a participle of harm ("shot by [North Korean] guards")."""
    return " by " in blanked[max(0, start - 8) : start] and bool(_harm_pattern().search(blanked, max(0, start - 30),
                                                                                       start))


def clause_subject(blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention],
                   antecedent: list[Mention], begin: int | None = None) -> Mention | None:
    """The actor opening the clause (after a leading 'Since ..., ' phrase), or a relative clause's antecedent.

    `begin`: where the clause starts after such a phrase, when the caller has found it (`after_lead`).
    """
    clause = blanked[c_start:c_end]
    if rel in ("which", "who") and antecedent and not (outside and clause[: outside[0].start - c_start].strip() == ""):
        return antecedent[0]  # ", who is set to visit": the antecedent does it
    if begin is None:
        begin = after_lead(blanked, c_start, c_end)
    that: re.Match | None | Literal[False] = False  # searched for when first needed
    for mention in outside:
        if mention.start < begin:
            continue
        words = blanked[begin : mention.start].split(None, MAX_SUBJECT_OFFSET_WORDS)  # enough to tell "too many"
        if len(words) > MAX_SUBJECT_OFFSET_WORDS:
            if that is False:
                that = _THAT.first(clause[begin - c_start :])
            if that and mention.start == begin + that.end() and not _NEWS_THAT.search(
                    clause, max(0, begin - c_start + that.start() - 20), begin - c_start + that.start()):
                return mention
            continue
        if blanked[mention.end : mention.end + 1] == "-" or blanked[mention.start - 1 : mention.start] == "-":
            continue  # "the Russia-North Korea alliance", "Russia-Ukraine war live": a compound modifies its noun
        if mention.kind in COUNTRY_WORDS and topic_noun_after().match(blanked, mention.end, c_end):
            continue  # "Lee discussed the North Korea issue with Xi": an agenda item, no actor (adjudication 7)
        if mention.kind in COUNTRY_WORDS and topic_verb_after().match(blanked, mention.end, c_end):
            continue  # "North Korea is expected to feature in the summit": a topic, no actor (adjudication 7)
        if mention.kind in COUNTRY_WORDS and blanked[mention.end : mention.end + 1] in "'’" and \
                inference_after().match(blanked, mention.end, c_end):
            continue  # "North Korea's choice of words suggests ...": the writer's reading of it, no act of the country
        if words and mention.kind in COUNTRY_WORDS and _VERB_BEFORE.match(words[-1]) and \
                blanked[mention.end : mention.end + 2] in ("'s", "’s"):
            continue  # "The leaders discussed North Korea's nuclear program": the object's owner, a topic, no actor
        if words and words[-1].lower() in PREPOSITIONS:
            # "A court in Guyana", "Opponents of Rwanda's Senate": the place names the subject's country.
            if len(words) <= 3 and words[-1].lower() in ("in", "of") and verb_follows(blanked, mention.end, c_end):
                return mention
            if len(words) <= 3 and words[-1].lower() in ("of", "from") and \
                    not joint_heads().isdisjoint(w.lower() for w in words) and \
                    _list_then_verb(mention, blanked, outside, c_end):
                return mention  # "Top leaders from South Korea, China and Japan discussed ...": the list acts
            continue
        return mention
    return None


@lru_cache(maxsize=1)
def topic_noun_after() -> re.Pattern:
    """Right after a country, a noun that makes it an agenda item ("[North Korea] issue", "[North Korean] nuclear
    programme"; reference_words.tsv, use topic_noun); a possessive ("North Korea's policy") is the country's own."""
    nouns = sorted(load_reference_words().get("topic_noun", ()), key=len, reverse=True)
    alternatives = phrase_alternatives(nouns)
    return re.compile(r"\s+(?:" + alternatives + r")\b")


@lru_cache(maxsize=1)
def topic_verb_after() -> re.Pattern:
    """Right after a country, auxiliaries and a verb whose subject is a topic ("[North Korea] is expected to feature
    in", "[the DPRK] will be discussed"; reference_words.tsv, use topic_verb)."""
    verbs = phrase_alternatives(sorted(load_reference_words().get("topic_verb", ()), key=len, reverse=True))
    return re.compile(r"(?:['’]s(?:\s+[a-z][\w-]*){1,2})?(?:\s+(?:is|are|was|were|will|would|could|may|might|likely|"
                      r"also|expected|set|to|be|again|once|\w+ly))*\s+(?:" + verbs + r")\b")


@lru_cache(maxsize=1)
def inference_after() -> re.Pattern:
    """After a country, what it owns and a verb of the writer's inference ("[North Korea]'s choice of words
    suggests", "['s] move signals"; reference_words.tsv, use inference_verb): the sentence reads the country's act,
    it tells none."""
    verbs = phrase_alternatives(sorted(load_reference_words().get("inference_verb", ()), key=len, reverse=True))
    return re.compile(r"['’]s?(?:\s+[\w\"“”'’-]+){1,5}?\s+(?:" + verbs + r")\b")


def after_lead(blanked: str, c_start: int, c_end: int) -> int:
    """Where the clause starts after a leading subordinate phrase ("Since ..., "), or its start."""
    lead = LEADING_SUBORDINATE.match(blanked[c_start:c_end])
    return c_start + (lead.end() if lead else 0)


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


def _list_then_verb(mention: Mention, blanked: str, outside: list[Mention], end: int) -> bool:
    """Whether the mention opens a list of actors ("leaders of South Korea and Japan", "officials from Russia,
    China and Iran") that a predicate follows: the delegation head before it (attribution.tsv joint_head) is the
    list's (issue 13 twelfth round)."""
    group = coordinated(mention, blanked, outside)
    return len(group) > 1 and verb_follows(blanked, group[-1].end, end)


def verb_follows(blanked: str, start: int, end: int) -> bool:
    """Whether the words after a mention go on like a predicate (a lowercase word, not a preposition or 'and')."""
    rest = re.match(r"(?:['’]s)?(?:\s+[A-Z][\w'-]*)*\s+([a-z]+)", blanked[start:end])
    return bool(rest) and rest.group(1) not in PREPOSITIONS and rest.group(1) not in ("and", "or")


def coordinated(first: Mention, blanked: str, outside: list[Mention]) -> list[Mention]:
    """`first` and the actors joined to it by 'and' or commas: 'The US, Russia, and Switzerland met'.

    Commas alone make an apposition ("Rudenko, Russia's deputy foreign minister, met"): a list needs its 'and'.
    """
    group, has_and = [first], False
    for mention in outside:
        if mention.start <= group[-1].start:
            continue
        between = blanked[group[-1].end : mention.start]
        link = re.fullmatch(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", between)
        if not link:
            break
        group.append(mention)
        if "and" in between:
            has_and = True
            break
    # "Japan, Turkey, Canada, South Korea keen to join": a headline's list of three states or more needs no "and"
    many_states = len(group) >= 3 and all(m.kind == "state" for m in group)
    # "U.S., S Korea hold joint drills": a headline's comma between two states, a verb right after the second
    two_states = len(group) == 2 and all(m.kind == "state" for m in group) and "," in blanked[
        group[0].end : group[1].start] and verb_follows(blanked, group[1].end, len(blanked))
    return group if has_and or many_states or two_states else [first]


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


# A past-tense verb right before an object ("discussed", "condemned"; not "-based", "so-called", "newly elected").
_VERB_BEFORE = re.compile(r"(?!(?:elected|appointed|named|called|so-called|united|allied|armed|based|led|backed|"
                          r"isolated|reclusive)$)[a-z]{3,}ed$")


# The lowercase words right after a country word that make it a modifier of the actor ("South Korean team",
# "South Korea police", "a South Korean tour group's van"); looked up as heads in speaker_kinds.tsv.
MODIFIED_HEAD = re.compile(r"\s+(?:[A-Z][a-z]+\s+(?=[a-z]))?(?P<head>[a-z][\w-]*?(?:(?<!ed)(?<!s)\s+[a-z][\w-]*)?)\b"
                            r"|['’]s\s+(?P<name>(?:[a-z][\w-]*\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
COUNTRY_WORDS = frozenset({"state", "demonym", "capital"})


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
