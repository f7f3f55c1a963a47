"""Attribution inside one clause: who speaks or acts, from which words, and who else is named.

The rules, tried in order (METHODOLOGY.md §1 explains each with an example):
1. a reporting verb with its speaker before it: "Zakharova said", "the Rwandan capital alleged", "US Deputy Secretary
   Kupfer said", "analysts in Seoul say" (a speaker who is nobody's state stays without a country);
2. "according to X";
3. a passive with its agent: "evidence was presented by the US";
4. the actor opening the clause, with the actors coordinated with it ("The US, Russia and Switzerland met");
   meeting verbs ("met", "held talks with", "clashed with") are mutual: the one met gets a statement back.
The clause-level result is a list of `Finding`s; `tension.extract.statements` turns them into statements with targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.actors import PERSON, STATE_KINDS, Mention
from tension.extract.scan import Anchored

# A leading subordinate phrase up to its comma ("Since invading Ukraine in 2022, "), after a conjunction if any; a
# conjunction alone is skipped by itself ("But [the government objected ..., expressing regret]": its main clause).
LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:(?:Also|Still|Yet|But|And)\b\s*,?\s*)?"
    r"(?:(?:Since|After|Before|While|When|Although|Though|As|If|Despite|Following|Amid|In|On|At|During|"
    r"Earlier|Later|Meanwhile|However|Separately|Referring|With|Holding|Under)\b[^,]*,\s*)?"
)
ACCORDING = Anchored(re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?"), ("According to", "according to"),
                     word_start=True)
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
_FOREIGN = re.compile(r"\b(?:foreign|international|overseas)\b(?!\s+(?:ministry|minister|affairs|office|secretary|policy))",
                      re.I)
# Between a country word and the verb: a title with a name ("US Deputy Secretary of Energy Jeffrey Kupfer"), or
# a demonym's lowercase head ("the Rwandan capital", "a senior Guyanese police officer", "Syrian state media").
_TITLE_GAP = re.compile(r"^(?:\s+(?:of|and|for|the|[A-Z][\w.'’-]*))*\s*,?\s*$")
_LOWER_GAP = re.compile(r"^(?:\s+[a-z][\w-]*){1,3}\s*$")
_GAP_STOP = frozenset("that which who whose and or but to of in on at by with from is are was were has have had "
                      "be been also not".split())
# Words that may stand between a speaker and the reporting verb: "she also said", "North Korea this year declared".
_SPEAKER_GAP = re.compile(
    r"^(?:\s|,|['’]s\b|\b(?:also|has|have|had|recently|earlier|later|then|again|further|strongly|publicly|repeatedly|"
    r"reportedly|officially|firmly|sharply|this|last|on|in|a|statement|week|year|month|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|morning|evening|separately|once|previously|both|jointly|today|"
    r"yesterday|here|there|still|even|already|formally|specifically|openly|bitterly|angrily)\b)*$"
)
MAX_SUBJECT_OFFSET_WORDS = 3
MAX_NP_WORDS = 16


@dataclass
class Finding:
    """One speaker or actor of a clause, before targets are worked out."""

    speakers: list[Mention]  # resolved referents; empty for a speaker of no state ("analysts say")
    speaker_text: str
    cue: str
    is_act: bool
    how: str
    exclude: list[Mention] = field(default_factory=list)  # mentions that are the speaker, not a target
    extra_targets: list[Mention] = field(default_factory=list)
    content_end: int | None = None  # content stops before a trailing frame (", the ministry said")
    reported: bool = False
    directive: bool = False
    content_start: int | None = None  # content starts after the reporter's frame ("the JCS said [North Korea fired]")
    reported_by: str = ""  # the reporter named in the text ("South Korea's military", "the JCS")
    phrase: str = ""  # the speaker's whole noun phrase, whose head may tell its kind ("a researcher at KINU")


def referents(mention: Mention) -> list[Mention]:
    """What a mention stands for: itself when it names an actor, else its resolved back-reference(s)."""
    if mention.refers_to:
        return list(mention.refers_to)
    return [mention] if mention.country else []


def speaker_before(anchor_start: int, blanked: str, candidates: list[Mention]) -> list[Mention]:
    """The actor(s) right before a reporting verb: 'Zakharova said', 'South Korea and Washington accuse'."""
    before = [m for m in candidates if m.end <= anchor_start]
    if not before:
        return []
    last = before[-1]
    gap = blanked[last.end : anchor_start]
    if gap.strip() == "," and last.kind in ("state", "capital") and "," not in blanked[: last.start] and \
            _PLACE_BEFORE.search(blanked, 0, last.start):
        return []  # "imposes rules in Seoul, says ...": a place, not the one who says (an apposition would be)
    if not (_SPEAKER_GAP.match(gap) or _modifier_gap(last, gap)):
        return []
    speakers = [last]
    for other in reversed(before[:-1]):
        between = blanked[other.end : speakers[0].start]
        # "X and Y said", "X, Y and Z said", "US and British activists" — but "X did not threaten Y, Z said".
        link = r"\s*,?\s*and\s*" if len(speakers) == 1 else r"\s*(?:,|,?\s*and)\s*"
        if re.fullmatch(link, between):
            speakers.insert(0, other)
        else:
            break
    return speakers


@lru_cache(maxsize=1)
def _harm_pattern() -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(load_reference_words().get("harm", ()),
                                                                          key=len, reverse=True))
    return re.compile(r"\b(?:" + (words or "(?!x)x") + r")\s+by\s+(?:the\s+|a\s+|an\s+)?$")


def _harm_before(blanked: str, start: int) -> bool:
    """Whether a mention is the agent of a participle of harm ("shot by [North Korean] guards")."""
    return " by " in blanked[max(0, start - 8) : start] and bool(_harm_pattern().search(blanked, max(0, start - 30),
                                                                                       start))


# A main verb after a passive agent's phrase ("killed by North Korean troops [in 2020] filed a lawsuit").
_MAIN_VERB_AFTER = re.compile(r"(?:\s+[a-z]+(?<!ed))?(?:\s+(?:in|on|at|near)\s+[\w.-]+(?:\s+\d+)?)*\s+"
                              r"(?:[a-z]{2,}ed|said|sent|made|took|held|told|went|met|gave|wrote|won|lost|is|was|has|"
                              r"have|are|were)\b")


def _modifier_gap(mention: Mention, gap: str) -> bool:
    """A country word heading a longer noun phrase that ends at the verb."""
    if mention.kind in STATE_KINDS and _TITLE_GAP.match(gap) and re.search(r"[A-Z]", gap):
        return True
    if mention.kind in ("demonym", "capital", "state") and _LOWER_GAP.match(gap):
        words = gap.split()
        # ("South Korean analysts": the analysts are Korean, not the state; their kind comes from the head word)
        return not any(w in _GAP_STOP for w in words)
    return False


_NOUN_BEFORE = re.compile(r"\b(?:on|under|of|the|these|those|such|new|false)\s+$", re.I)
# A preposition before a name and its titles ("over the demise of [Chairman of the NDC] Kim", "for Kim"): the name
# is an object of the sentence, not its speaker.
_OBJECT_BEFORE = re.compile(r"\b(?:of|over|for|to|with|about|at|by)\s+(?:(?:the|of|[A-Z][\w.'’-]*)\s+)*$")


def _object_before(blanked: str, outside: list[Mention], pronoun: Mention, person: Mention) -> bool:
    """Whether `person`, who a speaker's "he"/"she" resolved to, is named earlier in the same sentence only as an
    object ("... over the demise of Kim Jong Il, he said")."""
    named = [m for m in outside if m.end <= pronoun.start and not m.backref and m.actor == person.actor]
    return bool(named) and all(_OBJECT_BEFORE.search(blanked, max(0, m.start - 80), m.start) for m in named)


def noun_phrase_speaker(
    blanked: str, np_start: int, anchor_start: int, candidates: list[Mention], heads: frozenset[str] = frozenset()
) -> tuple[list[Mention], str] | None:
    """The speaker of a reporting verb whose subject is a longer noun phrase ("Worker of the Pyongyang factory Ri,
    31, said", "analysts in Seoul say": Seoul's analysts, whose kind the head tells); ([], head) when the phrase
    names someone who speaks for no state and no country ("analysts say", "foreign media said").
    `heads`: the words heading a voice that is no state (speaker_kinds.tsv)."""
    phrase = blanked[np_start:anchor_start]
    words = re.findall(r"[A-Za-z][\w'-]*", phrase)
    if not words or len(words) > MAX_NP_WORDS or re.search(r"\b(?:that|which|who|whose)\b|[;:]", phrase):
        return None
    named = [w for w in words[:4] if w.lower() in heads or w in heads]
    inside = [m for m in candidates if np_start <= m.start and m.end <= anchor_start]
    if not named and (words[-1].lower() in heads or words[-1] in heads):
        # "North Korea's potential successor ... experts say": the head closes the phrase; a country names the
        # experts only right before it ("South Korean experts")
        named = [words[-1]]
        inside = [m for m in inside if len(re.findall(r"[A-Za-z][\w'-]*", blanked[m.end : anchor_start])) <= 2]
    if _FOREIGN.search(phrase) or (named and not inside):
        return [], named[0] if named else " ".join(words[:3])
    if inside:
        return [inside[0]], named[0] if named else inside[0].text
    return None


def clause_subject(blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention],
                   antecedent: list[Mention], begin: int | None = None) -> Mention | None:
    """The actor opening the clause (after a leading 'Since ..., ' phrase), or a relative clause's antecedent.

    `begin`: where the clause starts after such a phrase, when the caller has found it (`_after_lead`).
    """
    clause = blanked[c_start:c_end]
    if rel in ("which", "who") and antecedent and not (outside and clause[: outside[0].start - c_start].strip() == ""):
        return antecedent[0]  # ", who is set to visit": the antecedent does it
    if begin is None:
        begin = _after_lead(blanked, c_start, c_end)
    that: re.Match | None | bool = False  # searched for when first needed
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
        if mention.kind in _COUNTRY_WORDS and topic_noun_after().match(blanked, mention.end, c_end):
            continue  # "Lee discussed the North Korea issue with Xi": an agenda item, no actor (adjudication 7)
        if words and mention.kind in _COUNTRY_WORDS and _VERB_BEFORE.match(words[-1]) and \
                blanked[mention.end : mention.end + 2] in ("'s", "’s"):
            continue  # "The leaders discussed North Korea's nuclear program": the object's owner, a topic, no actor
        if words and words[-1].lower() in PREPOSITIONS:
            # "A court in Guyana", "Opponents of Rwanda's Senate": the place names the subject's country.
            if len(words) <= 3 and words[-1].lower() in ("in", "of") and _verb_follows(blanked, mention.end, c_end):
                return mention
            continue
        return mention
    return None


@lru_cache(maxsize=1)
def topic_noun_after() -> re.Pattern:
    """Right after a country, a noun that makes it an agenda item ("[North Korea] issue", "[North Korean] nuclear
    programme"; reference_words.tsv, use topic_noun); a possessive ("North Korea's policy") is the country's own."""
    nouns = sorted(load_reference_words().get("topic_noun", ()), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) or "(?!x)x"
    return re.compile(r"\s+(?:" + alternatives + r")\b")


def _after_lead(blanked: str, c_start: int, c_end: int) -> int:
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
                      + "|".join(map(re.escape, sorted(nouns))) + r")\b") if nouns else re.compile(r"(?!x)x")


def _predicate_follows(blanked: str, start: int, end: int, predicate: re.Pattern | None) -> bool:
    """Whether a finite verb follows a mention (not a possessive: "Seoul's decision" is no act of Seoul)."""
    return predicate is not None and predicate.match(blanked, start, end) is not None


def _verb_follows(blanked: str, start: int, end: int) -> bool:
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
        group[0].end : group[1].start] and _verb_follows(blanked, group[1].end, len(blanked))
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
    # The one met follows the verb directly or after "with" ("met Putin", "held talks with the Chinese side").
    return [m for m in outside if m.start >= verb.end() and (m.start, m.end) not in taken and referents(m)
            and re.fullmatch(r"[\s,]*(?:with\s+|the\s+|his\s+|her\s+|their\s+|its\s+|visiting\s+)*(?:[A-Z][\w.'-]*\s+)*",
                             blanked[verb.end() : m.start])][:1]


@dataclass(frozen=True)
class Rules:
    """The word lists the clause rules read (data files, loaded once by the caller: see statements.load_lexicon)."""

    directive_verbs: frozenset[str] = frozenset()
    relay_verbs: frozenset[str] = frozenset()  # "said", "reported": pass a fact on without evaluating it
    reciprocal: re.Pattern | None = None  # "met", "held talks", "signed", right after the actor
    between: re.Pattern | None = None  # "talks between X and Y": an event both sides hold
    evaluative: re.Pattern | None = None  # a reporter's own evaluation ("condemned", "a provocation")
    non_state_heads: frozenset[str] = frozenset()  # heads of a phrase naming a voice that is no state ("Council")
    media_heads: frozenset[str] = frozenset()  # heads of a phrase naming an outlet ("media", "newspaper")
    pointing_back: frozenset[str] = frozenset()  # "the statement said": the last speaker goes on ("the statement")
    # "the commentary said" with no speaker before it in the story: the document's own voice (a KCNA release's
    # commentary is KCNA's), never the last institution named ("the puppet military")
    own_text: frozenset[str] = frozenset()
    kin: re.Pattern | None = None  # "X's daughter" acts for herself (kin_pattern)
    predicate: re.Pattern | None = None  # a past tense telling an act (predicate_pattern)
    house: re.Pattern | None = None  # an outlet's house vocabulary ("puppet", "traitors")
    # the words of the acts a country's forces do that imply their targets (act_types.tsv rows of that country):
    # an outlet that tells such an act of another state in plain words passes the act on
    military_acts: dict[str, frozenset[str]] = field(default_factory=dict)
    act_words: frozenset[str] = frozenset()  # the words of every act type (act_types.tsv)


NO_RULES = Rules()
# A name the dictionary does not know, alone before its reporting verb: "Caddell said", "Mr. King also noted".
_UNKNOWN_NAME = re.compile(r"\s*(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"
                           r"\s+(?:also\s+|later\s+|then\s+|further\s+)?")
_NOT_NAMES = frozenset("It They He She We I This That These Those There The A An But And Officials Others".split())
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|to)\s+(?:the\s+)?$")
# The apposition between a named speaker and a country it belongs to: "Minju Joson[, a major newspaper of the ]DPRK".
_APPOSITION_OF = re.compile(r",\s+(?:a|an|the)\s+[^,]{0,60}?\b(?:of|in|from)\s+(?:the\s+)?")
# Speakers the dictionary cannot name (a relayed group, a person of a civic group): "he"/"she" after them is them.
_VOICES_WITHOUT_NAMES = frozenset({"civic", "people", "academic", "diaspora_foreign", "media"})
_OUTLETS = frozenset({"media", "state_media"})  # never who "he" or "she" is
_OWNED = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){0,2}\s+")
# Between a relay verb and the actor of the act it passes on: "said [that] [the] North Korea fired".
_REPORTED_GAP = re.compile(r"\s*,?\s*(?:(?:[\w-]+\s+){0,3}?that\s+)?(?:the\s+|a\s+)?")
# What may follow a trailing reporter's verb to the end of the clause: "..., state media said [on] Friday."
_FRAME_END = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+\w+ly|\s+(?:earlier|later|today|yesterday|here|there))*"
                        r"[\s.\"”’]*$")


def clause_findings(
    text: str, blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention],
    antecedent: list[Mention], anchors: list[re.Match], rules: Rules,
    last_speaker: Mention | None, narrator: Mention | None,
) -> list[Finding]:
    """The speakers and actors of one clause, by the rules in the module docstring, in order.

    `anchors`: the clause's reporting verbs outside quotes ("said", "issued a statement"), in order.
    """
    np_floor = _after_lead(blanked, c_start, c_end)
    subject = clause_subject(blanked, c_start, c_end, rel, outside, antecedent, np_floor)
    frame = _trailing_reporter(blanked, c_start, c_end, anchors, outside, rules)
    found = []
    if frame is not None:
        # "Kim called for mass production ..., state media said": what the content's own verbs find, reported.
        comma, reporter, reporter_mentions = frame
        inside = [m for m in outside if m.start < comma]
        found = _clause_findings(text, blanked, c_start, comma, inside, anchors[:-1], rules, last_speaker, narrator,
                                 np_floor, subject)
        country = next((r.country for m in reporter_mentions for r in referents(m)), None)
        for finding in found:
            if not finding.reported_by:
                replace_reported(finding, reporter, country)
    if not found:
        found = _clause_findings(text, blanked, c_start, c_end, outside, anchors, rules, last_speaker, narrator,
                                 np_floor, subject)
    if np_floor > c_start and rules.evaluative is not None:
        # "Since invading Ukraine in 2022, Russia has forged closer ties with Pyongyang": the leading phrase is
        # background (adjudication 1), its countries are not the act's targets
        lead = [m for m in outside if m.start < np_floor]
        for finding in found:
            if finding.is_act and lead:
                finding.exclude = [*finding.exclude, *lead]
    according = ACCORDING.search(blanked, blanked, c_start, c_end) if found and rules.evaluative is not None else None
    reporter = next((m for m in outside if according and m.start == according.end()), None)
    if reporter is not None and referents(reporter):
        # "..., according to KCNA": the source passes the statement on; it is no target of it.
        for finding in found:
            if finding.speakers and finding.how != "according to" and not finding.reported_by:
                replace_reported(finding, reporter.text, referents(reporter)[0].country)
                finding.exclude = [*finding.exclude, reporter]
    return found


def _clause_findings(
    text: str, blanked: str, c_start: int, c_end: int, outside: list[Mention], anchors: list[re.Match],
    rules: Rules, last_speaker: Mention | None, narrator: Mention | None, np_floor: int, subject: Mention | None,
) -> list[Finding]:
    for anchor in anchors:
        verb = anchor.group(0).split()[0]
        if rules.evaluative is not None and not verb.endswith("ing") and _BE_BEFORE.search(blanked, max(c_start, anchor.start() - 30),
                                                              anchor.start()):
            continue  # "Kishida was criticised": a passive; who is spoken about is not the speaker
        if rules.evaluative is not None and verb in rules.directive_verbs and verb.endswith("ed") and \
                _TO_AFTER.match(blanked, anchor.end(), c_end):
            continue  # "Japan urged to lead G7 efforts": a headline's passive (an active "urged" has an object)
        if verb[-1] == "s" and _NOUN_BEFORE.search(blanked, max(c_start, anchor.start() - 8), anchor.start()):
            continue  # "detained on charges of", "under the terms": a noun, no reporting verb
        inverted = _inverted_speaker(text, blanked, anchor, c_end, outside)
        if inverted is not None:
            return [inverted]
        directive = verb in rules.directive_verbs
        speakers = speaker_before(anchor.start(), blanked, outside)
        if speakers and _harm_before(blanked, speakers[0].start):
            # "The brother of the official shot by North Korean guards sent a letter": the agent of a
            # background relative clause is not who speaks; a speaker not known (adjudication 1)
            return [Finding([], blanked[np_floor : speakers[0].start].strip(), anchor.group(0), False,
                            "speech verb (speaker unknown)", exclude=speakers, directive=directive)]
        head = ""
        comma = blanked.rfind(", ", np_floor, anchor.start())
        quoted = max(text.rfind(',"', np_floor, anchor.start()), text.rfind(",”", np_floor, anchor.start()))
        if quoted >= 0 and quoted + 1 > comma:
            comma = quoted + 1  # '"... bloodline," experts said': the quotation's comma ends the content
        np_start = comma + 2 if comma >= 0 else np_floor
        if comma >= 0 and _SPEAKER_GAP.match(blanked[np_start : anchor.start()]):
            # "Personages of the DUP, a south Korean opposition party, on Monday expressed": the speaker's phrase
            # runs on before the time words
            comma = blanked.rfind(", ", np_floor, comma)
            np_start = comma + 2 if comma >= 0 else np_floor
        if speakers:
            earlier = [m for m in outside if np_floor <= m.start and m.end <= speakers[0].start and referents(m)]
            if earlier and _APPOSITION_OF.fullmatch(blanked, earlier[-1].end, speakers[0].start):
                speakers = [earlier[-1]]  # "<a paper>, a major newspaper of the DPRK, condemned": the paper
            resolved = [r for s in speakers for r in referents(s)]
            if speakers[-1].backref in ("he", "she") and resolved and _object_before(blanked, outside,
                                                                                   speakers[-1], resolved[0]):
                # "Expressing condolences over the demise of Kim Jong Il, he called for ...": the person the
                # sentence is about is not who speaks in it; the voice met before (a relayed group or person the
                # dictionary does not know), else a speaker not known
                if last_speaker is None or last_speaker.kind not in _VOICES_WITHOUT_NAMES:
                    return [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                                    exclude=speakers, directive=directive)]
                resolved = [last_speaker]
            elif speakers[-1].backref in ("he", "she") and last_speaker is not None and \
                    last_speaker.kind in _VOICES_WITHOUT_NAMES and speakers[-1].refers_to and \
                    speakers[-1].refers_to[0].start < last_speaker.end:
                # "Rev. Han, a reunification champion of south Korea, said ... He said": the speaker met since the
                # last person the dictionary knows, not that person.
                resolved = [last_speaker]
            if last_speaker is None and narrator is not None and speakers[-1].backref in rules.own_text:
                resolved = [narrator]
            if not resolved and speakers[-1].backref in ("he", "she") and last_speaker is not None and \
                    last_speaker.kind in _OUTLETS:
                # "X, when interviewed by Kyodo News, ... He said": a person the dictionary does not know, not the
                # outlet that interviewed him (a speaker not known)
                return [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                                exclude=speakers, directive=directive)]
            if not resolved and speakers[-1].backref in ("it", "they", "he", "she") or (
                    not resolved and speakers[-1].kind != PERSON) or (
                    last_speaker is not None and speakers[-1].backref in rules.pointing_back):
                resolved = [last_speaker] if last_speaker else []
            if not resolved:
                # "South Korea's opposition leader urged": the office belongs to the country that owns it.
                owner = [m for m in outside if m.end <= speakers[-1].start and _OWNED.fullmatch(
                    blanked, m.end, speakers[-1].start)]
                resolved = referents(owner[-1])[:1] if owner else []
            if not resolved and speakers[-1].backref not in ("it", "they"):
                # "The government expressed ...", with no government named before: a speaker not known.
                return [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                                exclude=speakers, directive=directive)]
            # "The Solidarity for Democracy, ... of south Korea released a statement", "South Korean analysts say":
            # the name's head tells the kind.
            phrase = subject_phrase(blanked, min(np_floor, speakers[0].start), speakers[0], anchor.start(),
                                    to_verb=True)
        else:
            np = noun_phrase_speaker(blanked, np_start, anchor.start(), outside, rules.non_state_heads)
            if np is None:
                name = _UNKNOWN_NAME.fullmatch(blanked, np_start, anchor.start())
                if name is not None and rules.evaluative is not None and name.group("name") not in _NOT_NAMES:
                    # "Caddell said": a person the dictionary does not know speaks, for no state we can tell
                    return [Finding([], name.group("name"), anchor.group(0), False, "speech verb (name)",
                                    directive=directive, phrase=name.group("name"))]
                continue
            speakers, head = np
            phrase = blanked[np_start : anchor.start()]
            resolved = [r for s in speakers for r in referents(s)]
            if not speakers:  # "analysts say": a speaker of no state; what they say others do is a reported act
                out = [Finding([], head, anchor.group(0), False, "speech verb (no state)", directive=directive,
                               phrase=phrase)]
                if comma >= 0 and subject is not None and subject.end <= comma and referents(subject) and \
                        not re.match(r"['’]s\b", blanked[subject.end : subject.end + 2]):
                    # "A Tunisian court jailed ..., his lawyer said": the act is the court's, reported.
                    out.append(Finding(referents(subject)[:1], subject.text, "", True, "nested", exclude=[subject],
                                       content_end=np_start, reported=True, reported_by=head,
                                       phrase=_modified_head(blanked, subject, np_start)))
                reported = _reported_act(blanked, anchor.end(), c_end, outside, None, head, strict=False)
                if reported is not None:
                    out.append(reported)
                if len(out) > 1 and verb in rules.relay_verbs and head.split()[-1].lower() in rules.media_heads and \
                        rules.evaluative is not None and not rules.evaluative.search(blanked, c_start, c_end):
                    # "..., local media reported": an unnamed outlet that passes an act on without evaluating it
                    # has no row of its own (labelling guideline: a reporter's row only where its words evaluate)
                    out = out[1:]
                return out
            if not resolved:
                continue
        if not resolved:
            continue
        trailing = subject is not None and subject.start < speakers[0].start and (
            blanked[c_start : speakers[0].start].rstrip().endswith(",") or (
                # "..., state news agency KCNA reported": the reporter's phrase opens with its common nouns
                rules.evaluative is not None and 0 <= comma and subject.end <= comma
                and _REPORTER_NOUNS.fullmatch(blanked, comma + 2, speakers[0].start) is not None))
        relays = rules.evaluative is not None and verb in rules.relay_verbs
        # (whether the reporter's words evaluate is read only where it is a relay verb that may pass an act on)
        evaluates = rules.evaluative is not None and (not relays or bool(
            rules.evaluative.search(blanked, c_start, c_end)))
        if trailing and rules.evaluative is not None and _MODAL_AFTER.match(
                blanked, coordinated(subject, blanked, outside)[-1].end, speakers[0].start):
            trailing = False  # "The North and the South should end their distrust, he said": his opinion, no act
        if trailing:
            subject_resolved = referents(subject)
            if subject_resolved and all(r.country != resolved[0].country for r in subject_resolved):
                # "Rudenko visited South Korea, Seoul's foreign ministry said": the act is Rudenko's, reported by the
                # frame, whose own statement stands only where its words evaluate.
                nested = coordinated(subject, blanked, outside)
                # "The US, South Korea and Japan held combined drills, Seoul said": acting together, not on each
                # other (only a reciprocal verb makes them each other's targets)
                joint = len(nested) > 1 and rules.reciprocal is not None and rules.reciprocal.match(
                    blanked, nested[-1].end) is None
                out = [Finding(resolved[:1], speakers[-1].text, anchor.group(0), False, "frame", exclude=speakers,
                               directive=directive, phrase=phrase)] if evaluates or rules.evaluative is None else []
                for actor in nested:
                    others = [m for m in nested if m is not actor]
                    out.append(Finding(referents(actor)[:1], actor.text, "", True, "nested",
                                       exclude=[*nested, *speakers] if joint else [actor, *speakers],
                                       extra_targets=[] if joint else [r for o in others for r in referents(o)],
                                       content_end=speakers[0].start, reported=True, reported_by=speakers[-1].text,
                                       phrase=_modified_head(blanked, actor, speakers[0].start)
                                       if len(nested) == 1 else ""))
                before_frame = [m for m in outside if m.start < speakers[0].start]
                for partner in mutual_partners(blanked, nested[-1].end, speakers[0].start, before_frame, nested,
                                               rules.reciprocal):
                    # "Rudenko met his South Korean counterpart Chung, the ministry said": the meeting is both sides'
                    out.append(Finding(referents(partner)[:1], partner.text, "", True, "mutual", exclude=[partner],
                                       extra_targets=referents(nested[0])[:1], content_end=speakers[0].start,
                                       reported=referents(partner)[:1] != [] and referents(partner)[0].country
                                       != resolved[0].country, reported_by=speakers[-1].text))
                return [f for f in out if f.speakers]
            if subject_resolved and resolved[0].kind not in _NON_STATE_VOICES:
                # the frame tells its own side's act ("The two countries plan ..., Seoul said"); a group or a person
                # speaking ("The south and north should ..., he said", he a pastor) says it in his own name
                own = [r for r in subject_resolved if r.country == resolved[0].country][:1] or resolved[:1]
                return [Finding(own, subject.text, anchor.group(0), False, "subject (framed)",
                                exclude=[subject, *speakers], directive=directive,
                                extra_targets=[r for r in subject_resolved if r.country != resolved[0].country],
                                # "Kim is planning ..., state news agency KCNA reported": an outlet passes it on
                                reported_by=speakers[-1].text if resolved[0].kind == "media" else "")]
        pairs = [(r, s) for s in speakers for r in referents(s)]
        if not pairs or resolved[0] is last_speaker or resolved[0] is narrator:
            pairs = [(r, speakers[-1]) for r in resolved]
        out = [Finding([r], s.text, anchor.group(0), False, "speech verb", exclude=speakers, directive=directive,
                       phrase=phrase)
               for r, s in _unique_countries(pairs)]
        joined = _AND_BEFORE.search(blanked, subject.end, speakers[0].start) if (
            rules.evaluative is not None and out and subject is not None and subject.end <= speakers[0].start
            and subject not in speakers and referents(subject)) else None
        if joined is not None and _verb_follows(blanked, subject.end, joined.start()) and (
                referents(subject)[0].country, referents(subject)[0].kind) != (resolved[0].country, resolved[0].kind):
            # "North Korea tested drones and leader Kim called for ...": the first actor's act, then the speaker's words
            for finding in out:  # (the speaker's words keep the clause, the act they are about; not its actor)
                finding.exclude = [*finding.exclude, subject]
            out.insert(0, Finding(referents(subject)[:1], subject.text, "", True, "act subject", exclude=[subject],
                                  content_end=joined.start()))
        if not out and resolved[0] is last_speaker:
            # "the organization said", after a diaspora group that speaks for no state: that group again
            out = [Finding([last_speaker], speakers[-1].text, anchor.group(0), False, "speech verb",
                           exclude=speakers, directive=directive, phrase=last_speaker.text)]
        if rules.evaluative is not None and verb in rules.relay_verbs:
            # "South Korea's military said North Korea fired a missile": North Korea's act, reported by the military.
            reported = _reported_act(blanked, anchor.end(), c_end, outside, resolved[0].country, speakers[-1].text,
                                     exclude=speakers, predicate=rules.predicate)
            if reported is not None:
                return ([*out, reported] if evaluates else [reported])
        return out
    according = ACCORDING.search(blanked, blanked, c_start, c_end)
    if according:
        after = [m for m in outside if m.start == according.end()]
        resolved = [r for m in after for r in referents(m)]
        if resolved:
            if subject is not None and subject.end <= according.start() and referents(subject) and (
                    referents(subject)[0].country != resolved[0].country) and rules.evaluative is not None:
                # "The carrier entered Pusan, according to Yonhap": the act is the carrier's, Yonhap passes it on.
                acts = _acts(coordinated(subject, blanked, outside), blanked, c_end, outside, None, "act subject",
                             False, rules)
                return [replace_reported(f, after[0].text, resolved[0].country) for f in acts]
            return [Finding(resolved[:1], after[0].text, "according to", False, "according to", exclude=after,
                            phrase="| " + blanked[after[0].end : after[0].end + 30] if after[0].kind == "demonym"
                            else "")]
    agent = passive_agent(blanked, c_start, c_end, outside)
    if agent is not None and _harm_before(blanked, agent.start) and _MAIN_VERB_AFTER.match(blanked, agent.end, c_end):
        agent = None  # "The family of the official killed by North Korean troops filed a lawsuit": background
    if agent is not None and referents(agent):
        return _acts([agent], blanked, c_end, outside, narrator, "passive agent", bool(anchors), rules,
                     subject_phrase(blanked, agent.start, agent, c_end, to_verb=False) + blanked[agent.end : c_end])
    if subject is not None and referents(subject) and not (
            rules.kin is not None and rules.kin.match(blanked, subject.end, c_end)):
        actors = coordinated(subject, blanked, outside)
        if rules.evaluative is not None and not _WORD_AFTER.search(blanked, actors[-1].end, _uncut_end(blanked, c_end)):
            return []  # "North Korean leader Kim Jong Un", "Russian President Vladimir Putin": a name, no act
        after = _NO_PREDICATE.match(blanked, actors[-1].end, c_end) if rules.evaluative is not None else None
        if after is not None and (after.group("colon") or not blanked[c_start:c_end].rstrip().endswith(".")) and \
                not _title_case(blanked[c_start:c_end]):
            return []  # "South Korea in mourning after ...", "South Korea: droves of ...": a headline with no verb
        passive = _HEADLINE_PASSIVE.match(blanked, actors[-1].end, c_end) if rules.evaluative is not None else None
        if passive is not None and passive.group(1) in rules.directive_verbs:
            return []  # "Japan urged to lead G7 efforts": done to Japan (an active "urged" has its object)
        if rules.evaluative is not None and _PASSIVE_AFTER.match(blanked, actors[-1].end, c_end) and \
                rules.act_words.isdisjoint(_WORDS.findall(blanked[actors[-1].end : c_end].lower())):
            # (a military act in the passive is still the state's: "South Korean warships were deployed")
            return []  # "President Yoon was impeached", "the soldier was detained": done to the subject, by no one named
        phrase = subject_phrase(blanked, np_floor, subject, c_end)
        if subject.kind in _COUNTRY_WORDS and len(actors) == 1:
            head = _MODIFIED_HEAD.match(blanked, subject.end, c_end)
            if head is not None:
                # "South Korean team DRX won", "the South Korean company Samsung": the country word only modifies
                # the actor's head noun, whose kind the phrase keeps ("team", "company", "court", "parliament")
                phrase = f"{phrase} {head.group('head') or head.group('name')}"
        return _acts(actors, blanked, c_end, outside, narrator, "act subject", bool(anchors), rules, phrase)
    if rules.between is not None and "between" in blanked[c_start:c_end]:
        sides = _between(blanked, c_start, c_end, outside, rules.between)
        if sides:
            return sides
    if " with " in blanked[c_start:c_end]:
        sides = _meeting_with(blanked, outside)
        if sides:
            return sides
    if narrator is not None:
        if subject is not None and (subject.backref in ("it", "they") or (
                subject.backref in ("he", "she") and not subject.refers_to)) and last_speaker is not None and \
                last_speaker.actor != narrator.actor and last_speaker.kind in _VOICES_WITHOUT_NAMES and \
                subject.start == np_floor - c_start + c_start:
            # "They conveyed condolences": the relayed group the story is about goes on acting, not the outlet.
            return [Finding([last_speaker], subject.text, "", True, "act subject (it/they)", exclude=[subject],
                            phrase=last_speaker.text)]
        group = _group_subject(blanked, np_floor, c_end, outside, rules)
        if group is not None:
            return [group]
    return []


# A past-tense verb right before an object ("discussed", "condemned"; not "-based", "so-called", "newly elected").
_VERB_BEFORE = re.compile(r"(?!(?:elected|appointed|named|called|so-called|united|allied|armed|based|led|backed|"
                          r"isolated|reclusive)$)[a-z]{3,}ed$")


# Something after an act's actor that may be its verb ("Kim Jong Un" alone, a lead cut after the name, has none).
_WORD_AFTER = re.compile(r"\b(?!(?:and|or|the|of)\b)[A-Za-z]{2,}")
# The lowercase words right after a country word that make it a modifier of the actor ("South Korean team",
# "South Korea police", "a South Korean tour group's van"); looked up as heads in speaker_kinds.tsv.
_MODIFIED_HEAD = re.compile(r"\s+(?:[A-Z][a-z]+\s+(?=[a-z]))?(?P<head>[a-z][\w-]*?(?:(?<!ed)(?<!s)\s+[a-z][\w-]*)?)\b"
                            r"|['’]s\s+(?P<name>(?:[a-z][\w-]*\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")
_COUNTRY_WORDS = frozenset({"state", "demonym", "capital"})


def _modified_head(blanked: str, actor: Mention, end: int) -> str:
    """The phrase "| <head>" when a country word only modifies the actor's head noun ("the south Korean people are
    suffering, he said": the people, not the state), else ""."""
    if actor.kind not in _COUNTRY_WORDS:
        return ""
    head = _MODIFIED_HEAD.match(blanked, actor.end, end)
    return f"| {head.group('head') or head.group('name')}" if head is not None else ""
_REPORTER_NOUNS = re.compile(r"(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}")
_APPOSITION = re.compile(r",\s+[^,]{1,100},")
_MODAL_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:should|must|ought\s+to|need\s+to|needs\s+to)\b")
_NON_STATE_VOICES = frozenset({"civic", "people", "academic", "diaspora_foreign"})  # (a medium reports)
_TO_AFTER = re.compile(r"\s+to\s+[a-z]")
# After an actor, a preposition or a colon where its verb would be ("South Korea in mourning", "South Korea: Droves
# of revellers leave"); "to" is a headline's future ("South Korea to suspend ...").
_NO_PREDICATE = re.compile(r"\s*(?P<colon>:)|\s+(?:in|of|on|at|for|from|with|by|after|amid|over|under|near|against)\b")
_HEADLINE_PASSIVE = re.compile(r"\s+(\w+ed)\s+to\s+[a-z]")


def _uncut_end(blanked: str, c_end: int) -> int:
    """Where a clause's words end, a lead cut in the middle of a word aside ("Japan, Turkey, Canada and Sou": the
    last word of a text that ends with no punctuation is no word of its own; adjudication 11)."""
    if c_end < len(blanked.rstrip()) or not blanked[c_end - 1 : c_end].isalpha():
        return c_end
    cut = blanked.rfind(" ", 0, c_end)
    return cut if cut > 0 else c_end


def _title_case(text: str) -> bool:
    """Whether most words of a clause are capitalised (a title-case headline: "Rodong Sinmun Calls for Independence")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
# " and [leader] " right before a speaker: the clause began with another actor's act ("X tested drones and leader Y
# called for ...")
_AND_BEFORE = re.compile(r",?\s+and\s+(?:(?:the|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_EACH_OTHER = re.compile(r"\b(?:each\s+other|one\s+another)\b", re.I)
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:(?:\w+ly|also|widely|being)\s+)?$")
# A passive right after the subject (an apposition aside), with no "to" after it: the subject is what the act is done
# to ("was impeached", "has been detained"); "is expected to fire", "was set to visit" keep their subject as actor.
_PASSIVE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?(?:,[^,]{1,80},)?\s+(?:(?:has|have|had)\s+)?(?:(?:also|already|earlier|later|reportedly|"
                            r"\w+ly)\s+)?(?:was|were|is|are|been|being|be)\s+(?:(?:\w+ly|also|being|been)\s+)?"
                            r"(?!(?:engaged|involved|interested|committed|determined|prepared|concerned|pleased|"
                            r"satisfied|disappointed|worried|opposed|based|located|scheduled|poised|expected|"
                            r"supposed|united|divided|known|seen)\b)"
                            r"(?:\w+(?:ed|en|wn|ht|lt|id|ck|ung|un))\b(?!\s+to\b)")
_WORDS = re.compile(r"[a-z][a-z-]*")
_ACT_WORDS_NEAR = 8  # an act word this many words after its actor at most ("submarine entered", "is staging drills")


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
    end; None past twelve words."""
    verb = _FIRST_PAST_VERB.search(blanked, start, min(c_end, start + 200))
    if verb is None:
        return None
    phrase = blanked[start : verb.start()]
    phrase = phrase[: _OCCASION_TAIL.search(phrase).start()] if (" on " in phrase or " at " in phrase or " in " in
                                                                phrase or "day" in phrase) else phrase
    if not phrase.strip() or len(phrase.split()) > 12:
        return None
    return phrase, start + len(phrase)


# What no group's name opening a clause holds: a verb, a pronoun, a clause; nor does it open with a preposition or an
# adverb and a comma ("At the ceremony speakers", "Nevertheless, the group").
_NOT_A_GROUP = re.compile(r"^(?:At|In|On|For|With|By|From|After|Before|During|Meanwhile|However|Nevertheless|Then|"
                          r"When|While|As|If|Though|Although)\b|^\w+,|\b(?:was|were|is|are|be|been|has|have|had|"
                          r"that|which|who|it|its|they|so|such)\b")
# The first words of a clause that open no group's name (pronouns, determiners, prepositions, adverbs): most clauses
# the outlet tells in its own voice, not looked at further.
_NO_GROUP_START = re.compile(r"(?:[Ii]t|[Tt]hey|[Tt]his|[Ww]e|[Ww]hat|There|[Hh]e|[Ss]he|In|According|To|Such|No|"
                             r"These|Their|At|Not|That|Even|His|Her|Its|Our|You|If|When|As|But|And|However|"
                             r"Meanwhile|Nevertheless|For|With|By|From|After|Before|During|Then|While|Though|"
                             r"Although|So|Yet|On)\b")
# "group" alone, in a state outlet's name for a state ("the group of traitors"), names no group of its own here.
_HOUSE_GROUP = re.compile(r"\bgroups?\b")
# A title-case headline's group, up to its verb ("Dock Workers [Vow] to ...", "Koreans in Canada [Denounce] ...").
_TITLE_GROUP = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|in|for|and|the)\s+){0,8}?[A-Z][\w'’.-]*(?=\s+(?:Vow|Denounce|"
                          r"Slam|Urge|Call|Demand|Hail|Condemn|Stage|Hold|Protest|Support|Blast|Accuse|Reject|"
                          r"Praise|Oppose|Deplore|Welcome)s?\b)")


def _between(blanked: str, c_start: int, c_end: int, outside: list[Mention], between: re.Pattern) -> list[Finding]:
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


def _each_toward_the_other(first: Mention, second: Mention) -> list[Finding]:
    """A statement of each side toward the other (both mentions resolved), none when both are one country."""
    a, b = referents(first)[0], referents(second)[0]
    if a.country == b.country:
        return []
    return [Finding([a], first.text, "", True, "mutual", exclude=[first], extra_targets=[b]),
            Finding([b], second.text, "", True, "mutual", exclude=[second], extra_targets=[a])]


_MEETING_WITH = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:meeting|talks|conversation|consultations|phone\s+call)\s+with\s+"
                           r"(?:the\s+)?")


def _meeting_with(blanked: str, outside: list[Mention]) -> list[Finding]:
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


def _group_subject(blanked: str, start: int, c_end: int, outside: list[Mention], rules: Rules) -> Finding | None:
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
        if words is None and (title := _TITLE_GROUP.match(blanked, start, c_end)) is not None and _title_case(
                blanked[start:c_end]):
            words = title.group(0), title.end()
        if words is None or not names_group(words[0], rules):
            return None
    else:
        words = name.group(0), name.end()
    inside = [m for m in outside if m.start < words[1]]
    actor = [r for m in inside[:1] for r in referents(m)][:1]
    return Finding(actor, words[0].strip(), "", True, "act subject (group)", exclude=inside[:1], phrase=words[0])


def _trailing_reporter(blanked: str, c_start: int, c_end: int, anchors: list[re.Match], outside: list[Mention],
                       rules: Rules) -> tuple[int, str, list[Mention]] | None:
    """A reporter closing a clause whose content has a reporting verb of its own ("Kim called for ..., state media
    said"): (where its comma is, its words, its mentions), when it only relays."""
    if len(anchors) < 2 or rules.evaluative is None:
        return None
    last = anchors[-1]
    if last.group(0).split()[0] not in rules.relay_verbs or not _FRAME_END.match(blanked, last.end(), c_end):
        return None
    comma = blanked.rfind(", ", c_start, last.start())
    if comma < 0 or comma < anchors[-2].end():
        return None
    reporter = blanked[comma + 2 : last.start()].strip()
    if not reporter or len(reporter.split()) > 6:
        return None
    return comma, reporter, [m for m in outside if comma < m.start < last.start()]


def _inverted_speaker(text: str, blanked: str, anchor: re.Match, c_end: int, outside: list[Mention]
                      ) -> Finding | None:
    """The speaker after the verb of a quotation: '"...," said a researcher at KINU' (its country from a name in
    the phrase, its kind from the phrase's head)."""
    before = text[: anchor.start()].rstrip()
    if not before.endswith(('"', "”", ",\"", ",”")) or not before[:-1].rstrip().endswith((",", "?", "!", ".")):
        return None
    stop = blanked.find(",", anchor.end(), c_end)
    stop = c_end if stop < 0 else stop
    phrase = blanked[anchor.end() : stop]
    inside = [m for m in outside if anchor.end() <= m.start and m.end <= stop]
    resolved = [r for m in inside[:1] for r in referents(m)]
    if not phrase.strip():
        return None
    return Finding(resolved[:1], phrase.strip(" .\t\n"), anchor.group(0), False, "speech verb (after quote)",
                   exclude=inside[:1], content_end=anchor.start(), phrase=phrase)


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
    head = _NAME_HEAD.search(blanked, begin, mention.start)
    return (head.group(0) if head else "") + " | " + blanked[mention.end : end]


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


def replace_reported(finding: Finding, reporter: str, reporter_country: str | None) -> Finding:
    """`finding` passed on by `reporter` (reported when the reporter is of another country)."""
    finding.reported_by = reporter
    finding.reported = finding.reported or bool(
        reporter_country and finding.speakers and finding.speakers[0].country != reporter_country)
    return finding


def _reported_act(blanked: str, verb_end: int, c_end: int, outside: list[Mention], reporter_country: str | None,
                  reporter: str, exclude: list[Mention] = (), strict: bool = True,
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


def _acts(actors: list[Mention], blanked: str, c_end: int, outside: list[Mention], narrator: Mention | None,
          how: str, reported: bool, rules: Rules = NO_RULES, phrase: str = "") -> list[Finding]:
    """Statements of the actors of an act; in a document with a declared speaker, that speaker's account of it."""
    pairs = [(r, a) for a in actors for r in referents(a)]
    resolved = [r for r, _ in pairs]
    if narrator is not None and narrator.country and len(actors) == 1 and len(resolved) == 1 and \
            resolved[0].country != narrator.country and resolved[0].country in rules.military_acts and \
            not rules.military_acts[resolved[0].country].isdisjoint(
                _WORDS.findall(blanked[actors[0].end : c_end].lower())[:_ACT_WORDS_NEAR]):
        # "A U.S. nuclear submarine entered Pusan port" in a KCNA release: the US forces' act, passed on by KCNA
        # (in the outlet's house vocabulary it becomes the outlet's own statement: statements._voices)
        return [Finding(resolved[:1], actors[0].text, "", True, how, exclude=[actors[0]], reported=True,
                        reported_by=narrator.text, phrase=phrase)]
    if narrator is not None and (narrator.country or narrator.actor is None) and \
            any(r.country != narrator.country for r in resolved) and not (
            len(actors) == 1 and names_group(phrase, rules)):
        # KCNA telling what Seoul and Washington do: DPRK's words about them (its "puppet", "warmongers").
        return [Finding([narrator], narrator.text, "", False, "document (account of an act)",
                        extra_targets=resolved)]
    findings = []
    # Actors acting together are each other's targets only when the verb says they act on each other ("the two
    # countries traded accusations", "signed an accord"); "the U.S., South Korea and Japan held drills" aims at
    # neither of them.
    toward_each_other = len(pairs) < 2 or (rules.reciprocal is not None and rules.reciprocal.match(
        blanked, actors[-1].end) is not None) or rules.reciprocal is None or _EACH_OTHER.search(
        blanked, actors[-1].end, c_end) is not None  # "Russia and North Korea move closer to each other"
    for actor, mention in _unique_countries(pairs):
        others = [r for r in resolved if r.country != actor.country]
        findings.append(Finding([actor], mention.text, "", True, how, exclude=[*actors] if not toward_each_other
                                else [mention], extra_targets=others if toward_each_other else [],
                                reported=reported, phrase=phrase if len(actors) == 1 else ""))
    for partner in mutual_partners(blanked, actors[-1].end, c_end, outside, actors, rules.reciprocal):
        # "Putin met Kim Jong Un": a meeting is an act of both sides.
        findings.append(Finding(referents(partner)[:1], partner.text, "", True, "mutual", exclude=[partner],
                                extra_targets=resolved[:1]))
    return findings


def _unique_countries(pairs: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """(resolved actor, the mention naming it) pairs, one per country."""
    seen: set[str] = set()
    out = []
    for resolved, mention in pairs:
        if resolved.country and resolved.country not in seen:
            seen.add(resolved.country)
            out.append((resolved, mention))
    return out
