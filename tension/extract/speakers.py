"""Where a reporting verb's speaker stands and who stands there: the actor right before the verb (with its titles,
"US Deputy Secretary Kupfer said"), a longer noun phrase whose head tells a voice of no state ("analysts in Seoul
say"), where the content before the speaker's phrase ends, whether the verb says anything here (not a passive, an
intention, a noun), and a reporter closing the clause (", state media said"). What the verb then gives — the
speaker's back-references, a name the dictionary does not know, the act a reporter relays — is
tension.extract.speech."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Rules
from tension.extract.mentions import STATE_KINDS, Mention
from tension.extract.scan import phrase_alternatives


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
# And the occasion with its date: "A spokesman for X in a commentary on May 25 denounced", "X in a press release the
# same day said" (issue 13 eighth round), "the organization in the message said" (fifteenth round); not after a place
# ("held a rally in Seoul on April 7 urging").
_OCCASION_GAP = re.compile(
    r"^(?:\s|,|['’]s\b|\b(?:also|has|have|had|recently|earlier|later|then|again|further|strongly|publicly|repeatedly|"
    r"reportedly|officially|firmly|sharply|this|last|on|in|a|an|statement|week|year|month|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|morning|evening|separately|once|previously|both|jointly|today|"
    r"yesterday|here|there|still|even|already|formally|specifically|openly|bitterly|angrily|commentary|communique|"
    r"message|letter|interview|press|conference|release|bulletin|article|speech|address|January|February|March|"
    r"(?:in|through)\s+(?:its|their|his|her|the)\s+(?:message|letter|statement|press\s+release|release|commentary|"
    r"communique|article|speech|address|interview|bulletin)|"
    r"April|May|June|July|August|September|October|November|December|\d{1,2}(?:st|nd|rd|th)?)\b|"
    r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|\b(?:the\s+same|that)\s+day\b)*$"
)


MAX_NP_WORDS = 16


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
    if not (_SPEAKER_GAP.match(gap) or _modifier_gap(last, gap) or _OCCASION_GAP.match(gap) and (
            last.kind not in ("state", "capital") or _OF_BEFORE.search(blanked, max(0, last.start - 8), last.start))):
        return []  # (a country before an occasion's date only as the owner of a group: "a party of south Korea")
    head = _locative_head(blanked, before)
    if head is not None:
        before = before[: before.index(head) + 1]
        last = head  # "Russia's embassy in Seoul said": the embassy speaks; Seoul is only where it sits
    speakers = [last]
    for other in reversed(before[:-1]):
        between = blanked[other.end : speakers[0].start]
        # "X and Y said", "X, Y and Z said", "US and British activists" — but "X did not threaten Y, Z said".
        # (an item after a comma may take its article: "Japan, the US and South Korea said"; issue 13 round 61)
        link = r"\s*,?\s*and\s*" if len(speakers) == 1 else r"\s*(?:,(?:\s*the\s)?|,?\s*and)\s*"
        if re.fullmatch(link, between):
            speakers.insert(0, other)
        else:
            break
    return speakers


# A place (a state or its capital) a subject's head is located in or posted to: "Russia's embassy [in] Seoul", "the
# defense ministry [in] Seoul", "South Korea's ambassador [to] Russia" ("to" only after a posted title).
_LOCATIVE = re.compile(r"\s+(?P<prep>in|at|to)\s+(?:the\s+)?$")
# What may stand between the head's name and the preposition: a lowercase head the dictionary does not name ("a
# Russian embassy official in Seoul"), at most two words.
_HEAD_TAIL = re.compile(r"(?:\s+[a-z][\w-]*){0,2}")
# Before the head: a preposition makes it a place or an object itself ("rallied outside the US embassy in Seoul").
_HEAD_IN_PHRASE = re.compile(r"\b(?:in|at|from|near|across|to|outside|inside|against|with|over|toward|towards|about|"
                             r"on|into|by|front\s+of|outside\s+of)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# Kinds of a head whose place is never its country: a person, an office, a body, a state acting somewhere. A demonym
# ("Korean residents in Japan") is left to the head word's kind (speaker_kind.py reads the place there).
_LOCATED_KINDS = frozenset({"person", "title", "organisation", "military", "media", "state", "capital"})


@lru_cache(maxsize=1)
def posted_roles() -> tuple[str, ...]:
    """The roles of titles posted abroad (reference_words.tsv, use posted): their "in X" names the host, their
    "to X" the country they are accredited to, never their own country."""
    return tuple(load_reference_words().get("posted", ()))


def is_posted(mention: Mention) -> bool:
    """Whether the mention names an office posted abroad (an embassy, an ambassador, an envoy)."""
    role = (mention.role or "").lower()
    return any(role == word or role.startswith(word + " ") for word in posted_roles())


def _locative_head(blanked: str, before: list[Mention]) -> Mention | None:
    """The head of the subject's noun phrase when the mention right before the verb only names where it is (a
    general rule of English noun phrases: "[Russia's embassy] in Seoul", "[the Russian ambassador] in Seoul",
    "[a Chinese embassy spokesman] in Seoul", "[South Korea's ambassador] to Russia"); None otherwise."""
    if len(before) < 2:
        return None
    place = before[-1]
    if place.kind not in ("state", "capital") or place.backref:
        return None  # ("a deputy spokesperson at the ministry": an office after "at" owns the head, it is no place)
    prep = _LOCATIVE.search(blanked, max(0, place.start - 12), place.start)
    if prep is None:
        return None
    head = before[-2]
    tail = _HEAD_TAIL.fullmatch(blanked, head.end, prep.start())
    if tail is None or head.kind not in _LOCATED_KINDS or head.backref in ("it", "they", "he", "she") or \
            any(w in _GAP_STOP for w in blanked[head.end : prep.start()].split()):
        return None
    if prep.group("prep") == "to" and not is_posted(head):
        return None  # ("Kim's letter to Putin said" is not the rule's; "X's ambassador to Y" is)
    if _HEAD_IN_PHRASE.search(blanked, max(0, head.start - 16), head.start):
        return None  # "protesters outside the US embassy in Seoul said": the embassy is a place too
    if not head.country and not head.refers_to and not is_posted(head):
        return None  # an office that points back to no one: its seat is all that places it, as before
    return head


# A country named as the object inside a group's name: "association for friendship with Korea", "committee for the
# support of Korea", "society against war on Korea".
_GROUP_OBJECT = re.compile(r"\b(?:(?P<of>\w+)\s+of|with|for|against|toward|towards|on)\s+(?:the\s+)?$")


def _country_in_group_name(blanked: str, np_floor: int, speakers: list[Mention], heads: frozenset[str],
                           mentions: list[Mention]) -> bool:
    """Whether the one 'speaker' found before a verb is a country named inside a group's name (its object, after a
    preposition, with a group's head word before it in the same phrase): the group speaks, not the country."""
    if len(speakers) != 1 or speakers[0].kind not in ("state", "capital") or speakers[0].backref:
        return False
    start = speakers[0].start
    before = _GROUP_OBJECT.search(blanked, max(np_floor, start - 40), start)
    if before is None:
        return False
    if before.group("of") and (before.group("of") in heads or before.group("of").lower() in heads or any(
            m.end == before.end("of") for m in mentions)):
        # "organizations of south Korea", "Institute for Solidarity with DPRK of Ecuador": the group's own
        # country, not its cause
        return False
    phrase = blanked[np_floor:start]
    if "," in phrase:
        return False  # "Minju Joson, a newspaper of the DPRK, said": an apposition names the speaker before it
    return any(word in heads or word.lower() in heads for word in re.findall(r"[A-Za-z][\w'-]*", phrase))


def _modifier_gap(mention: Mention, gap: str) -> bool:
    """A country word heading a longer noun phrase that ends at the verb."""
    if mention.kind in STATE_KINDS and _TITLE_GAP.match(gap) and re.search(r"[A-Z]", gap):
        return True
    if mention.kind in ("demonym", "capital", "state") and _LOWER_GAP.match(gap):
        words = gap.split()
        # ("South Korean analysts": the analysts are Korean, not the state; their kind comes from the head word)
        return not any(w in _GAP_STOP for w in words)
    return False


# A preposition before a name and its titles ("over the demise of [Chairman of the NDC] Kim", "for Kim"): the name
# is an object of the sentence, not its speaker. KCNA's honorifics may stand before the titles ("under the leadership
# of the dear respected Marshal Kim", "uniting around the respected Kim": a relayed speaker's words about the
# leader, whose "he said" is the speaker's, not the leader's; issue 13 round 24).
_OBJECT_BEFORE = re.compile(r"\b(?:of|over|for|to|with|about|at|by|around|under)\s+"
                            r"(?:(?:the|of|dear|respected|beloved|[A-Z][\w.'’-]*)\s+)*$")


def object_before(blanked: str, outside: list[Mention], pronoun: Mention, person: Mention) -> bool:
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


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|to)\s+(?:the\s+)?$")
# Speakers the dictionary cannot name (a relayed group, a person of a civic group): "he"/"she" after them is them.
VOICES_WITHOUT_NAMES = frozenset({"civic", "people", "academic", "diaspora_foreign", "media"})


# What may follow a trailing reporter's verb to the end of the clause: "..., state media said [on] Friday."
_FRAME_END = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+\w+ly|\s+(?:earlier|later|today|yesterday|here|there))*"
                        r"[\s.\"”’]*$")


def trailing_reporter(blanked: str, c_start: int, c_end: int, anchors: list[re.Match], outside: list[Mention],
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


_NOUN_BEFORE = re.compile(r"\b(?:on|under|of|the|these|those|such|new|false)\s+$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+[a-z]")
# Speech verbs of a hope or wish: words only with what is hoped ("hoped that ...", "wished them success"), not with
# an infinitive ("wished to mourn": an intention; issue 13 fifteenth round).
_WISH_VERBS = frozenset({"hoped", "wished"})
# What follows a phrasal verb of going on (reference_words.tsv continuing) when it speaks: a colon, a comma, "to
# <verb>", "saying", "as follows" ("the article went on:", "he went on to say"); anything else is no speech.
_GOES_ON_SPEAKS = re.compile(r"\s*(?:[:,]|to\s+[a-z]|saying\b|as\s+follows\b|in\s+the\s+same\s+vein\b)")
_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:(?:\w+ly|also|widely|being)\s+)?$")


# The head of a subject that is a thing, the body after it only its owner: "The unreasonable attitude of [the ministry]"
_THING_OF = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ss]uch|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}?(?:attitude|act|acts|move|"
                       r"moves|behaviour|behavior|stand|stance|remarks?|policy|fact|case|reality|action|actions)\s+of\s+"
                       r"(?:the\s+)?$")


def not_said(blanked: str, anchor: re.Match, verb: str, c_start: int, c_end: int, rules: Rules) -> bool:
    """Whether a reporting verb's words say nothing here: a passive, a headline's passive, an intention, a noun, a
    verb of going on that tells an act ("went on a strike")."""
    if rules.evaluative is not None and not verb.endswith("ing") and _BE_BEFORE.search(
            blanked, max(c_start, anchor.start() - 30), anchor.start()):
        return True  # "Kishida was criticised": a passive; who is spoken about is not the speaker
    if rules.evaluative is not None and verb in rules.directive_verbs and verb.endswith("ed") and \
            _TO_AFTER.match(blanked, anchor.end(), c_end):
        return True  # "Japan urged to lead G7 efforts": a headline's passive (an active "urged" has an object)
    if verb in _WISH_VERBS and _TO_AFTER.match(blanked, anchor.end(), c_end):
        return True  # "had wished to convince ...": an intention, no words said (a hope is: "hoped that ...")
    if verb[-1] == "s" and _NOUN_BEFORE.search(blanked, max(c_start, anchor.start() - 8), anchor.start()):
        return True  # "detained on charges of", "under the terms": a noun, no reporting verb
    if verb.endswith("ing") and _speech_modified().match(blanked, anchor.end(), c_end):
        return True  # "fired warning shots": the -ing word modifies the act's noun, nothing is said
    if " ".join(anchor.group(0).lower().split()) in _continuing() and not _GOES_ON_SPEAKS.match(blanked, anchor.end()):
        return True  # "went on a strike", "the occupation goes on.": going on, nothing said (round 60)
    return False


@lru_cache(maxsize=1)
def _continuing() -> frozenset[str]:
    """Phrasal reporting verbs of going on that speak only before a colon, "to <verb>" or "saying"
    (reference_words.tsv, use continuing)."""
    return frozenset(w.lower() for w in load_reference_words().get("continuing", ()))


@lru_cache(maxsize=1)
def _speech_modified() -> re.Pattern:
    """A noun right after a reporting verb's -ing form that the form only modifies (reference_words.tsv, use
    speech_modified)."""
    words = sorted(load_reference_words().get("speech_modified", ()), key=len, reverse=True)
    return re.compile(r"\s+(?:" + phrase_alternatives(words) + r")\b", re.I)


def known_speakers(blanked: str, anchor: re.Match, verb: str, np_floor: int, outside: list[Mention],
                   rules: Rules) -> list[Mention] | None:
    """The known actors right before a reporting verb ([] for none), or None when its subject is a thing of a body."""
    speakers = speaker_before(anchor.start(), blanked, outside)
    if speakers and verb in rules.evidential_verbs and _THING_OF.search(blanked, np_floor, speakers[0].start):
        return None  # "The attitude of the ministry indicates that ..., it noted": a thing indicates, the frame speaks
    if speakers and _country_in_group_name(blanked, np_floor, speakers, rules.non_state_heads, outside):
        # "The British association for friendship with Korea issued": the association speaks, and its country
        # is the one its phrase names first (British), not the country of its cause
        group = noun_phrase_speaker(blanked, np_floor, anchor.start(), outside, rules.non_state_heads)
        if group is not None and group[0] and group[0][0] is not speakers[0]:
            speakers = group[0]
    return speakers


def content_end(text: str, blanked: str, anchor: re.Match, np_floor: int) -> tuple[int, int]:
    """Where the content before a reporting verb's speaker's phrase ends (its comma, -1 for none) and where the
    phrase starts."""
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
    return comma, np_start
