"""What the words around a country mention say about it, for the statement builder (tension.extract.statements):
a place where an act happens or a host of a deployment, the victim of a denounced act, an agenda item of talks, an
act dated before the document's week, a sentence about sport — and the document-level gates (does the document
have any such word at all?) that let the builder skip these checks for most documents. Words come from
tension/data/reference_words.tsv."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AbstractSet

from tension.config import load_reference_words
from tension.extract.subjects import topic_noun_after
from tension.extract.findings import Finding
from tension.extract.scan import WordPattern, phrase_alternatives, word_alternatives
from tension.extract.word_index import word_set

def about_sport(text: str) -> bool:
    """Whether a sentence is about sport: it has every word of a phrase of reference_words.tsv (use sport), as
    whole words ("underscored" is no "scored")."""
    words = word_set(text)  # (the words NON_WORD.split gives, found at C speed; "" is no sport word)
    single, phrases = _sport_phrases()
    return not single.isdisjoint(words) or (phrases is not None and phrases.search(text) is not None)


@lru_cache(maxsize=1)
def _sport_phrases() -> tuple[frozenset[str], WordPattern | None]:
    """The one-word sport words (in their cases) and a pattern of the phrases of several ("world cup"), searched
    from the phrases' first words (scan.WordPattern: the pattern's own match)."""
    words = load_reference_words().get("sport", ())
    single = frozenset(c for w in words if not NON_WORD.search(w) for c in _cased(w))
    several = [w for w in words if NON_WORD.search(w)]
    return single, (WordPattern(re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in several)
                                           + r")\b", re.I), [w.split(" ")[0] for w in several]) if several else None)


NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(after a country word: "[a] port", "[South Korean] women"; before a country: "port of [the]", "many areas of
    [the]", "schoolgirls of [the]"; before: "a base in [the]"), from reference_words.tsv (place_noun, victim_people,
    area_of, host). The victims' people and the areas make their country a place too (round 47: the South named only
    as where a third state's act happened or whose people it hurt); the people only in lower case and not inside a
    name ("the <South Korean> Residents Association in Japan" is a body, not victims)."""
    words = load_reference_words()
    nouns = word_alternatives(words.get("place_noun", ()))
    people = word_alternatives(words.get("victim_people", ()))
    areas = word_alternatives(words.get("area_of", ()))
    hosts = word_alternatives(words.get("host", ()))
    return (re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:(?i:" + nouns + r")\b|(?:" + people + r")\b(?!\s+[A-Z]))"),
            re.compile(r"\b(?:" + nouns + "|" + people + "|" + areas + r")\s+of\s+(?:the\s+)?$", re.I),
            re.compile(r"\b(?:" + hosts + r")\b(?:\s+[\w-]+){0,3}?\s+(?:in|at|into|to|inside|off|near|around)\s+(?:the\s+)?$",
                       re.I))


# Right before a partner of a joint act: "joint military exercises [in the waters east of X] with [Japan and ]".
PARTNER = re.compile(r"\b(?:joint|combined|trilateral)\s+(?:[\w-]+\s+){0,3}?(?:drills?|exercises?|maneuvers?|"
                      r"manoeuvres?|war\s+games?|patrols?|training)\b[^.;]{0,80}?\bwith\s+(?:the\s+)?"
                      r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*(?:,|and)\s+(?:the\s+)?)*$")
_AT_CITY = re.compile(r"\b(?:in|at)\s+$")


@lru_cache(maxsize=1)
def adversary() -> re.Pattern:
    """An adversary named with no country ("the imperialists", "foreign forces"; reference_words.tsv, use adversary)."""
    words = load_reference_words().get("adversary", ())
    return re.compile(r"\b(?:" + word_alternatives(words) + r")\b", re.I)


@lru_cache(maxsize=1)
def victim_words() -> frozenset[str]:
    """The words right before a denounced act's victim (reference_words.tsv, use victim: "against", "toward")."""
    return frozenset(load_reference_words().get("victim", ()))


_DISCUSS = frozenset({"discuss", "discussed", "discusses", "discussing"})
_ARTICLES = frozenset({"the"})
# The agenda of a meeting: "visited Seoul to discuss the Ukrainian war" (a topic is no target, adjudication 7).
TOPIC = re.compile(r"\bdiscuss(?:ed|es|ing)?\s+(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")
HOSTILE_TO = re.compile(r"\bhostile\s+to\s+(?:the\s+)?$", re.I)


def word_before(text: str, at: int) -> str:
    """The word right before position `at` ("the" skipped), lower case: "[against] the DPRK" -> "against"; none
    when `at` is inside a word or a compound ("U.S.-[south Korea]")."""
    end = at - 1
    if end < 0 or text[end] != " ":
        return ""
    start = text.rfind(" ", 0, end) + 1
    word = text[start:end].lower()
    if word in _ARTICLES:
        end, start = start - 1, text.rfind(" ", 0, start - 1) + 1
        word = text[start:end].lower() if end > 0 else ""
    return word


@lru_cache(maxsize=1)
def _cue_word_groups() -> tuple[frozenset[str], ...]:
    """The words whose presence in a document turns on a rule of _make or the sport rule: joint act, victim, place
    or host, topic, sport (each a whole word, also capitalised)."""
    words = load_reference_words()
    # (a host of several words, "U.S. forces", is gated by its last word)
    place = {w.lower() for w in (*words.get("place_noun", ()), *words.get("victim_people", ()), *words.get("area_of", ()),
                                 *(h.split()[-1] for h in words.get("host", ())),
                                 *_WITHDRAW_GATE)}
    groups = [{"joint", "combined", "trilateral"}, {*victim_words(), "hostile"}, place, set(_DISCUSS)]
    return tuple(frozenset(w for word in g for w in _cased(word)) for g in groups)


@lru_cache(maxsize=1)
def _sport_gate() -> frozenset[str]:
    """A word of each sport phrase of reference_words.tsv, in the cases a text may write it: a document with none
    of them has no sentence about sport ("cup" for "world cup", "stoppage" for "stoppage-time")."""
    gate = set()
    for phrase in load_reference_words().get("sport", ()):
        tokens = [t for t in NON_WORD.split(phrase) if t]
        gate.update(_cased(tokens[-1] if tokens[0] in ("world", "asian", "national") else tokens[0]))
    return frozenset(gate)


def _cased(word: str) -> tuple[str, ...]:
    return word, word.capitalize(), word.upper()


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    return frozenset().union(*_cue_word_groups(), _sport_gate(), past_gate(), meeting_words(), eulogy_words(),
                             foreign_words())


@lru_cache(maxsize=1)
def almanac_headings() -> tuple[str, ...]:
    """Headings of almanac items (reference_words.tsv, use almanac), as written."""
    return tuple(load_reference_words().get("almanac", ()))


def is_almanac(body: str) -> bool:
    """Whether a document is an almanac item ("Today in Korean history": past events by date, no statement)."""
    head = body[:200]
    return any(heading in head for heading in almanac_headings())


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """Function words of a language other than English (reference_words.tsv, use foreign), lower case."""
    return frozenset(load_reference_words().get("foreign", ()))


_WORD = re.compile(r"[a-záéíóúñü]+")


def not_english(text: str) -> bool:
    """Whether a sentence is in another language ("El pueblo coreano rechaza ..."): at least three
    of its function words, and they are a quarter of its words or more."""
    words = _WORD.findall(text.lower())
    foreign = sum(w in foreign_words() for w in words)
    return foreign >= 3 and foreign * 4 >= len(words)


@lru_cache(maxsize=1)
def eulogy_words() -> frozenset[str]:
    """Words praising or mourning a leader (reference_words.tsv, use eulogy), lower case."""
    return frozenset(load_reference_words().get("eulogy", ()))


_LEADERS = frozenset({"head of state", "late head of state", "heir apparent"})


def own_leader_praised(content: str, speaker_country: str, speaker_role: str | None, people: list) -> bool:
    """Whether a statement praises or mourns its own state's leader (adjudication 10: domestic self-praise, no
    target): a eulogy word in the content, and the leader is the speaker, or the person the sentence names or
    points to first (`people`: resolved person mentions, in order)."""
    if eulogy_words().isdisjoint(_WORD_RUN.findall(content.lower())):
        return False
    if speaker_role in _LEADERS:
        return True
    return bool(people) and people[0].country == speaker_country and people[0].role in _LEADERS


_WORD_RUN = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def meeting_words() -> frozenset[str]:
    """The words of talks, visits and meetings (reference_words.tsv, use meeting), as a text may write them."""
    return frozenset(w for word in load_reference_words().get("meeting", ()) for w in _cased(word))


_AGENDA_BEFORE = frozenset({"on", "over", "about", "regarding", "concerning"})


def agenda_item(text: str, end: int, before: str) -> bool:
    """Whether a country is written as an agenda item: after on/over/about, or before a topic noun ("[North Korea]
    issue", "[North Korea]'s nuclear programme"); an agenda item only in a sentence about talks (adjudication 7)."""
    if before in _AGENDA_BEFORE:
        return True
    if text.startswith(("'s", "’s"), end):
        end += 2
    return text.startswith(" ", end) and topic_noun_after().match(text, end) is not None


@lru_cache(maxsize=1)
def _past_phrases() -> tuple[str, ...]:
    """The phrases that put a clause's act before the document's week (reference_words.tsv, use past)."""
    return tuple(load_reference_words().get("past", ()))


@lru_cache(maxsize=1)
def past_gate() -> frozenset[str]:
    """A word of each past phrase — its first that is not a time word, else its last — in the cases a text may
    write it ("previously", "earlier", "last", "ago")."""
    return frozenset(w for phrase in _past_phrases()
                     for w in _cased(next((t for t in phrase.split() if t not in _TIME_WORDS), phrase.split()[-1])))


_TIME_WORDS = frozenset({"in", "the", "this", "year", "month", "week", "years", "months", "weeks"})


@lru_cache(maxsize=1)
def _past_pattern() -> re.Pattern:
    phrases = phrase_alternatives(_past_phrases())
    # not "since / than / from / compared with last year", "last year's drills" (a time of a noun, not of the act)
    return re.compile(r"(?<!since )(?<!than )(?<!from )(?<!with )\b(?:" + phrases + r"|in\s+(?P<year>(?:19|20)\d\d))\b(?!['’]s)", re.I)


# A sentence's opening time: "In 1981", "In August 1981", "In Aug. 3, 1981", "In the 1970s", "In the early 1990s" (a
# year, a month's or a day's, a decade's). Used for the outlet's own account only (statements.py): as a rule for
# every clause, it took away a true statement of the held-out tune part and gave nothing.
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
          r"|nov(?:ember)?|dec(?:ember)?)")
_IN_YEAR = (r"in\s+(?:the\s+)?(?:(?:early|mid|late)[-\s]+)?(?:" + _MONTH + r"\.?\s+(?:\d{1,2},?\s+)?(?:of\s+)?)?"
            r"(?P<year>(?:19|20)\d\d)(?:s\b)?")


# A sentence that opens with its time: "In August 1981 he proposed ...", "In the 1970s, the President ..."
_LEADING_YEAR = re.compile(r"\s*" + _IN_YEAR, re.I)


# Pieces of every past phrase and year (as a text may write them), looked for before the pattern: most clauses have none.
_PAST_KEYS = ("revious", "arlier", "ast", "ago", " in 1", " in 2", "In 1", "In 2")
_LEADING = re.compile(r"\s*(?:since|after|before|following|while|when|until|as|once)\b", re.I)


def opens_with_earlier_year(text: str, year: int, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] opens with a time in a year before `year` ("In August 1981 he proposed ...")."""
    return _earlier_year_opening(text, year, start, len(text) if end is None else end) is not None


def _earlier_year_opening(text: str, year: int, start: int, end: int) -> re.Match | None:
    """The opening time of text[start:end] when it is in a year before `year`, else None."""
    if not (text.startswith("In ", start) or text.startswith(" In ", start)):
        return None
    leading = _LEADING_YEAR.match(text, start, end)
    return leading if leading is not None and int(leading.group("year")) < year else None


def opens_in_an_earlier_year(blanked: str, c_start: int, c_end: int, finding: Finding, year: int) -> bool:
    """Whether the clause opens with a time in a year before the document's and the finding's own actor comes right
    after it ("In 2020, North Korea conducted ...", "In March of 2019 the North fired ..."): that year's act,
    background (adjudication 1). Not a voice framing it later ("In 2010 the North shelled ..., the ministry said":
    what the ministry says now), nor a subject further on."""
    if (leading := _earlier_year_opening(blanked, year, c_start, c_end)) is None:
        return False
    after = [m.start for m in (finding.exclude or finding.speakers) if leading.end() <= m.start < c_end]
    return bool(after) and len(blanked[leading.end() : min(after)].split()) <= 2


def before_the_week(blanked: str, c_start: int, c_end: int, finding: Finding, year: int) -> bool:
    """Whether the clause puts its act before the document's week: a past phrase or an earlier year outside quotes
    in an act's clause ("fired a missile in 2021"), or in a speech act's frame: from its speaker to the word "that"
    or 60 characters on ("X previously warned that ...", "X protested to Y last month"); what a speaker says about
    the past is the speaker's statement now. An act's clause opening with an earlier year its actor follows at once
    is one too (opens_in_an_earlier_year; a speech act's was tried: the gold guard lost a true statement)."""
    if finding.is_act and opens_in_an_earlier_year(blanked, c_start, c_end, finding, year):
        return True
    if finding.is_act:
        frames = [(c_start, c_end)]
    else:
        at = min((m.start for m in finding.exclude if c_start <= m.start < c_end), default=c_start)
        stop = min(c_end, at + 60 + (finding.exclude[0].end - finding.exclude[0].start if finding.exclude else 0))
        that = blanked.find(" that ", at, stop)
        frames = [(at, stop if that < 0 else that)]
    pattern = _past_pattern()
    for start, stop in frames:
        frame = blanked[start:stop]
        if not any(key in frame for key in _PAST_KEYS):
            continue
        for match in pattern.finditer(blanked, start, stop):
            found = match.group("year")
            if (found is None or int(found) < year) and not (
                    _LEADING.match(blanked, start) and "," not in blanked[start : match.start()]) and \
                    "since" not in blanked[start : match.start()].lower():
                # (not the time of a leading clause, "After leaving Syria in 2019, Iran has built ...", nor one
                # a time runs since: "ties that have grown since they met in 2019")
                return True
    return False


def document_cues(words: AbstractSet[str], body: str) -> tuple[bool, ...]:
    """Whether the document has a word of a joint act, a victim, a place or host, a topic, a sport phrase, and an
    apostrophe (for speech nouns): the rules that need them look only in documents that have them (its word
    index, which holds these words too)."""
    return (*(not g.isdisjoint(words) for g in _cue_word_groups()), not _sport_gate().isdisjoint(words),
            "'" in body or "’" in body, not meeting_words().isdisjoint(words))


def is_place(text: str, start: int, end: int, kind: str, word: str | None = None) -> bool:
    """Whether the country named at text[start:end] is only the place of the act (adjudication 7): "a S. Korean
    port", "Pusan Port of south Korea", "a US base in S. Korea", "massed hardware in south Korea", "in Seoul"
    (a capital after in/at). A possessive ("in China's affairs") is no place."""
    if text.startswith(("'s", "’s"), end):
        return False
    after, of_before, host_before = _place_patterns()
    if kind == "demonym" and after.match(text, end):
        return True
    before = text[max(0, start - 60) : start]
    if kind == "capital" and _AT_CITY.search(before):
        return True
    if word is None:
        word = word_before(text, start)  # the word before the country (an article aside)
    if word == "of":
        found = of_before.search(before)
        # ("a missile attack on all areas of [X]": X is what the attack aims at, not where it happens; round 47)
        return found is not None and _attacked().search(before, 0, found.start() + 1) is None
    if word == "from":
        return _forces_withdrawn(before, _WITHDRAW_FROM)
    return word in _HOST_PREPOSITIONS and (host_before.search(before) is not None or
                                           _forces_withdrawn(before, _WITHDRAW_AT))


@lru_cache(maxsize=1)
def _attacked() -> re.Pattern:
    """An attack right before "<areas> of [X]" ("strike all areas of", "an attack on the areas of"): X is its target
    (reference_words.tsv area_attack)."""
    verbs = word_alternatives(sorted(load_reference_words().get("area_attack", ()), key=len, reverse=True))
    return re.compile(r"\b(?:" + verbs + r")\s+(?:on\s+|at\s+|against\s+)?(?:all\s+|the\s+|any\s+|every\s+)*\S*\s*$",
                      re.I)


_HOST_PREPOSITIONS = frozenset({"in", "at", "into", "to", "inside", "off", "near", "around"})
# "withdraw (its troops) from [X]": X is where they are, no target; "introduced hardware from [X]" is no place
_WITHDRAW_FROM = re.compile(r"\bwithdr[ae]w\w*(?:\s+[\w.-]+){0,3}?\s+from\s+(?:the\s+)?$", re.I)
_WITHDRAW_GATE = ("withdraw", "withdrawal")  # (the words whose presence lets a document ask _forces_withdrawn)
_WITHDRAW_AT = re.compile(r"\bwithdr[ae]w\w*(?:\s+[\w.-]+){0,3}?\s+(?:in|at|into|to|inside|off|near|around)\s+"
                          r"(?:the\s+)?$", re.I)


def _forces_withdrawn(before: str, pattern: re.Pattern) -> bool:
    """Whether the words right before a country withdraw forces from it or in it ("withdraw its troops from [X]",
    "the U.S. forces' withdrawal from [X]", "the withdrawal of the forces in [X]"): X is where they are. Anything
    else withdrawn ("withdraw its ambassador from [X]") leaves X a target (review after the tenth round)."""
    found = pattern.search(before)
    if found is None:
        return False
    return _withdrawn().search(before, max(0, found.start() - 40)) is not None


@lru_cache(maxsize=1)
def _withdrawn() -> re.Pattern:
    """What, withdrawn, makes the country after it a place (reference_words.tsv withdrawn: troops, forces)."""
    words = word_alternatives(load_reference_words().get("withdrawn", ()))
    return re.compile(r"\b(?:" + words + r")\b", re.I)


# A dateline inside a sentence ("... regional policy SEOUL -- North Korean leader ..."): a wire's list of headlines,
# each opening a story of its own, glued into one sentence.
_GLUED_DATELINE = re.compile(r"[a-z.,\"')\u201d] [A-Z]{4,}(?:, [A-Z][a-z]+\.? \d+)? -- ")


def opens_a_story(text: str) -> bool:
    """Whether a sentence holds a glued headline with a dateline after it: a new story, which points back to none
    before it (issue 13 round 22: Yonhap's headline lists took a missile launch's targets into a factory opening)."""
    return " -- " in text and _GLUED_DATELINE.search(text) is not None
