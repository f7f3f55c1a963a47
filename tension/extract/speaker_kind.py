"""Speaker kinds: what sort of voice a statement's speaker is (speaker_kinds.tsv) — a head word of its phrase ("a KINU
researcher"), the speaker it points back to ("the statement"), a state body's own part, a coalition of parties and
civic bodies, a Korean living in Korea or abroad, else its actor's kind. Whose voice each statement then is, in a
document with a declared speaker, is tension.extract.voices'."""

from __future__ import annotations

import re
from datetime import date

from tension.extract.findings import Finding
from tension.extract.groups import LIST_ITEMS, list_heads
from tension.extract.kinds import PARTY_KINDS, POLITICAL_VOICES, Kinds
from tension.extract.mentions import Mention
from tension.extract.walk import Walk


DIASPORA = re.compile(r"\bKoreans?\s+(?:[Nn]ationals\s+)?(?:in|living|residing|residents?\s+in)\b|\bcompatriots\b|\boverseas\b|\bChongryon\b", re.I)
_OFFICE = re.compile(r"\b(?:ministry|office|officials?|government|embassy|military|army|navy|command|agency|"
                     r"spokes\w+|bureau|administration|secretariat|commission|department|authorit(?:y|ies)|"
                     r"leaders|ministers|presidents|diplomats|envoys)\b", re.I)  # (plural heads: twelfth round)
_NAME_AFTER = re.compile(r"\|\s+(?:[A-Z]{2,}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b(?!\s+(?:[Mm]inistry|[Oo]ffice|[Gg]overnment))")
# (also its spokesman's, the office word left out of the phrase: "[A spokesman] for the inspection group of the |")
_PART_OF = re.compile(r"^\s*(?:(?:(?:[Aa]n?|[Tt]he)\s+spokes(?:man|woman|person)\s+)?for\s+)?(?:(?:[Tt]he|[Aa]n?)\s+)?"
                      r"(?:[a-z][\w-]*\s+){1,3}(?:of|under)\s+(?:the\s+)?$")
_PART_AFTER = re.compile(r"\s*(?:[a-z][\w-]*\s*){1,2}")


def _part_of(around: list[str]) -> bool:
    """Whether a phrase split at a body's name names a part of the body: "the inspection group of |", "| inspection
    group"."""
    if len(around) != 2:
        return False
    return bool(_PART_OF.match(around[0]) or re.fullmatch(r"\s*(?:[Tt]he\s*)?", around[0]) and
                _PART_AFTER.fullmatch(around[1]))


_KOREAS = frozenset({"KOR", "PRK"})
# a person's diaspora head right before the place it names ("a Korean resident in |Seoul", "a Korean living in |");
# not a plural ("Koreans in the north, the south and abroad", "compatriots in the north": the nation, or a group)
_LIVING_IN = re.compile(r"\bKorean\s+(?:resident|living|residing)\s+in\s+(?:the\s+)?$", re.I)


def _at(finding: Finding, speaker: Mention) -> int:
    """Where the speaker's name starts in the finding's phrase ("|" marks it there; 0 when not found: nothing is
    before it)."""
    phrase = finding.phrase or finding.speaker_text or ""
    at = phrase.find("|")
    if at < 0 and speaker.text:
        at = phrase.find(speaker.text)
    return max(at, 0)


_OWNER = re.compile(r"\b(?:of|in|from)\s+(?:the\s+)?\|")
# The items of a speaker's list ("parties, organizations and personages"); the kinds a coalition's items may have
# (guideline: civic coalitions; as groups.collective_act reads a mixed passive agent; issue 13 twentieth round).
_COALITION_HEADS = frozenset({"party_legislature", "opposition", "civic", "people"})


_TAIL_WORD = re.compile(r"[A-Za-z][\w'-]*")


def _before_verb(phrase: str, kinds: Kinds) -> str:
    """A title-case headline's phrase after a state's name cut at its verb (reference_words.tsv name_break: "Warns",
    "Targets", "Imposes"): what the state acts on names no head of its own ("Japan Warns Citizens" is the state,
    not the people; issue 13 twelfth round)."""
    at = phrase.index("|") + 1
    for word in _TAIL_WORD.finditer(phrase, at):
        if word.group(0).lower() in kinds.name_breaks:
            return phrase[: word.start()]
    return phrase


def coalition_kind(kind: str | None, finding: Finding, before: str, kinds: Kinds | None) -> str | None:
    """A list of parties and civic bodies acting together is a coalition, civic ("opposition parties and
    organizations of south Korea expressed ..."), not a party: the kind its first head gave (party_legislature) is
    the coalition's when the list's other items head civic bodies or crowds and none is a state body (guideline: civic
    coalitions; groups.collective_act reads a mixed passive agent so; issue 13 twentieth round). `before`: the
    sentence's words before the speaker's country word, where the list's first items stand."""
    if kind not in PARTY_KINDS or kinds is None or not finding.speakers or \
            finding.speakers[0].kind not in ("state", "capital", "demonym"):
        return kind
    start = max(before.rfind(";"), before.rfind(":")) + 1
    phrase = before[start:] + " " + (finding.phrase.split("|", 1)[1] if "|" in finding.phrase else "")
    if not LIST_ITEMS.search(phrase) or _OFFICE.search(phrase):
        return kind  # ("the government, political parties and organizations of the DPRK": the state's joint voice)
    heads = list_heads(phrase, kinds)
    return "civic" if "civic" in heads and "party_legislature" in heads and heads <= _COALITION_HEADS else kind


# A party's name in a speaker's words: capitalised words ending in "Party" ("the Democratic Labor Party of |"); the
# words telling its side outright ("opposition lawmakers", "the ruling party").
_PARTY_NAME = re.compile(r"(?:[A-Z][\w'’-]*\s+){1,5}Party\b")
_OPPOSITION = re.compile(r"\bopposition\b", re.I)
_RULING = re.compile(r"\b(?:ruling|governing)\b", re.I)


def opposition_post(post: str, country: str | None, kinds: Kinds, day: date, also: tuple[str, ...] = ()) -> bool:
    """Whether a person's post (or a speaker's phrase) says "opposition" and not "ruling", or names only parties not
    ruling the country on the day ("representative of the <party> of south Korea"; `also`: party names the text holds
    by an alias): the person is `opposition`, no state voice. A country ruling_parties.tsv does not list: never."""
    if _RULING.search(post):
        return False  # ("the ruling party", "ruling and opposition lawmakers")
    if _OPPOSITION.search(post):
        return True  # ("opposition lawmakers", "<name>, lawmaker from <party>, an opposition party of |")
    named = [m.group(0) for m in _PARTY_NAME.finditer(post)] + list(also)
    return bool(named) and country in kinds.ruling and not any(kinds.is_ruling(country, party, day)
                                                                for party in named)


def opposition_kind(kind: str | None, finding: Finding, kinds: Kinds | None, day: date | None) -> str | None:
    """A party speaker that is not its country's ruling party on the day is `opposition`, no state voice (issue 13:
    the state voices are the ruling party and the legislature): its own words say "opposition", or name only
    parties that were not ruling then (ruling_parties.tsv). The legislature as a body, a ruling party, unnamed
    lawmakers and the parties of a country the file does not list stay party_legislature."""
    if kind != "party_legislature" or kinds is None or day is None:
        return kind
    speaker = finding.speakers[0] if finding.speakers else None
    name = speaker.text if speaker is not None and speaker.text else ""
    phrase = (finding.phrase or finding.speaker_text or "").replace("|", f" {name} ")
    if name and name not in phrase:
        phrase = f"{phrase} {name}"
    country = speaker.country if speaker is not None else None
    # (a party named by an alias without "Party": "the Saenuri", "Minjoo")
    alias = (speaker.actor,) if speaker is not None and speaker.role == "party" and speaker.actor else ()
    return "opposition" if opposition_post(phrase, country, kinds, day, alias) else kind


def kind_of_speaker(finding: Finding, kinds: Kinds | None, doc: Walk, pointing: re.Pattern) -> str | None:
    """What sort of voice the finding's speaker is: a head word of its phrase ("a KINU researcher"), the kind of
    the speaker it points back to ("the statement"), else its actor's kind (speaker_kinds.tsv); a party not ruling
    then is `opposition` (opposition_kind)."""
    return opposition_kind(_kind_of_speaker(finding, kinds, doc, pointing), finding, kinds, doc.published)


def _kind_of_speaker(finding: Finding, kinds: Kinds | None, doc: Walk, pointing: re.Pattern) -> str | None:
    """The kind of voice the finding's speaker is, before a party is told ruling or opposition."""
    if kinds is None:
        return None
    speaker = finding.speakers[0] if finding.speakers else None
    if speaker is not None and kinds.of_mention(speaker) == "state_media":
        # A state outlet named or pointed back to ("Minju Joson Calls for Solidarity with Civic Groups", "the
        # article" after a civic body's words) is state media: the heads of what it calls for, and the kind of the
        # voice before it, are not its own ("a Minju Joson news analyst" speaks for the paper too; issue 13 round 61:
        # 87 gold-free KCNA pair rows of the DPRK's papers had another kind)
        return "state_media"
    phrase = finding.phrase or finding.speaker_text
    # The speaker's own name is taken out of the phrase before its head word is read; a back-reference resolved to
    # a named speaker ("the statement" -> KCNA) keeps its phrase: the back-reference is what tells the kind.
    if speaker is not None and speaker.text and (speaker.text == finding.speaker_text or (
            speaker.kind == "organisation" and speaker.country and finding.how == "act subject (group)")):
        # (and a state body's own name inside a group's phrase: "The Secretariat of the Committee for ...": its
        # "Committee" is no head of a civic group)
        phrase = phrase.replace(speaker.text, " ")
    if speaker is not None and speaker.kind in ("state", "capital") and "|" in phrase:
        phrase = _before_verb(phrase, kinds)  # "US Targets Businessmen and Companies ...": the object's words
    head = None if kinds.house.search(phrase) else kinds.of_head(phrase)
    if head in ("civic", "people") and speaker is not None and speaker.kind not in ("state", "capital", "demonym") \
            and _part_of(re.split(r"\||" + re.escape(speaker.text or "|"), finding.phrase or "", maxsplit=1)) \
            and (body := kinds.of_mention(speaker)) in POLITICAL_VOICES:
        return body  # "The inspection group of the National Defence Commission": a state body's own part speaks for it
    if head == "diaspora_foreign" and speaker is not None and speaker.country in _KOREAS and \
            _LIVING_IN.search(finding.phrase or finding.speaker_text or "", 0, _at(finding, speaker)):
        return "people"  # "a Korean resident in [Seoul]": a Korean living in Korea is no diaspora, a person of it
    if head:
        return head
    if speaker is not None and speaker.kind == "demonym" and finding.how == "according to" and \
            _NAME_AFTER.match(phrase):
        return "media"  # "according to south Korean CBS": a source of that country the dictionary does not know
    if speaker is not None and speaker.kind in ("state", "capital", "demonym") and _OWNER.search(phrase) and \
            not _OFFICE.search(phrase):
        return "people"  # "Rev. Han, a reunification champion of [south Korea]": a person, not the state
    if speaker is not None and pointing.match(finding.speaker_text.strip()) and doc.last_speaker is not None \
            and doc.last_speaker.country == speaker.country and doc.last_kind:
        return doc.last_kind
    if speaker is None:
        return "people"  # a speaker of no state with no telling head ("a source", "critics")
    return kinds.of_mention(speaker)
