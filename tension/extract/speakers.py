"""Speakers of reporting verbs: who says "said", "warned", "issued a statement" — the actor right before the verb
(with its titles, "US Deputy Secretary Kupfer said"), a longer noun phrase whose head tells a voice of no state
("analysts in Seoul say"), a name the dictionary does not know ("Caddell said"), a speaker after a quotation
('"...," said a researcher at KINU'), a back-reference ("he", "the ministry", "the statement"), and a reporter
closing the clause (", state media said"). A reporter that only relays an act ("the JCS said North Korea fired")
passes the act on and has a row of its own only where its words evaluate."""

from __future__ import annotations

import re

from tension.extract.actors import PERSON, STATE_KINDS, Mention
from tension.extract.acts import (coordinated, harm_before, modified_head, reported_act, verb_follows)
from tension.extract.findings import Finding, Rules, referents, unique_countries
from tension.extract.groups import subject_phrase
from tension.extract.inverted import inverted_frame_findings, inverted_speaker
from tension.extract.kinds import RELAYED_BODIES
from tension.extract.mutual import mutual_partners


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


# A name the dictionary does not know, alone before its reporting verb: "Caddell said", "Mr. King also noted".
_UNKNOWN_NAME = re.compile(r"\s*(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"
                           r"\s+(?:also\s+|later\s+|then\s+|further\s+)?")
_NOT_NAMES = frozenset("It They He She We I This That These Those There The A An But And Officials Others".split())
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|across|to)\s+(?:the\s+)?$")
# The apposition between a named speaker and a country it belongs to: "Minju Joson[, a major newspaper of the ]DPRK".
_APPOSITION_OF = re.compile(r",\s+(?:a|an|the)\s+[^,]{0,60}?\b(?:of|in|from)\s+(?:the\s+)?")
# Speakers the dictionary cannot name (a relayed group, a person of a civic group): "he"/"she" after them is them.
VOICES_WITHOUT_NAMES = frozenset({"civic", "people", "academic", "diaspora_foreign", "media"})
_OUTLETS = frozenset({"media", "state_media"})  # never who "he" or "she" is
# A capitalised "the Council": the head alone of a relayed body's name (kinds.RELAYED_BODIES) pointing back to it.
_NAMED_BACK = re.compile(r"\s*[Tt]he\s+([A-Z][a-z]+)\s*")
_OWNED = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){0,2}\s+")


# What may follow a trailing reporter's verb to the end of the clause: "..., state media said [on] Friday."
_FRAME_END = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+\w+ly|\s+(?:earlier|later|today|yesterday|here|there))*"
                        r"[\s.\"”’]*$")


_REPORTER_NOUNS = re.compile(r"(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}")


_MODAL_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:should|must|ought\s+to|need\s+to|needs\s+to)\b")
_NON_STATE_VOICES = frozenset({"civic", "people", "academic", "diaspora_foreign"})  # (a medium reports)
_TO_AFTER = re.compile(r"\s+to\s+[a-z]")
# Speech verbs of a hope or wish: words only with what is hoped ("hoped that ...", "wished them success"), not with
# an infinitive ("wished to mourn": an intention; issue 13 fifteenth round).
_WISH_VERBS = frozenset({"hoped", "wished"})


# " and [leader] " right before a speaker: the clause began with another actor's act ("X tested drones and leader Y
# called for ...")
# "North Korea['s state media] reported": the country's outlet, not the country, tells its act
_OUTLET_AFTER = re.compile(r"['’]s\s+(?:official\s+|state(?:-run)?\s+)?(?:media|news\s+agency|television|TV)\b")

_AND_BEFORE = re.compile(r",?\s+and\s+(?:(?:the|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$")


_BE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:(?:\w+ly|also|widely|being)\s+)?$")


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


# A speech verb with an object pointing back to words told before ("made the remarks", "delivered these comments"):
# the sentence tells when or where they were said, no statement of its own (a speech noun with no content has no
# row: adjudication 2).
_WORDS_TOLD_BEFORE = re.compile(r"(?:made|delivered|gave|issued|released)\s+(?:the|these|those|such|his|her|their)\s+"
                                r"(?!following\b|full\b|below\b)(?:[\w-]+\s+)?(?:remarks?|comments?|statements?|speech|"
                                r"address)$")


def _subject_act_before(blanked: str, subject: Mention | None, comma: int, np_start: int,
                        reporter: str) -> Finding | None:
    """The act of the clause's subject before the comma of a trailing reporter ("A Tunisian court jailed ..., his
    lawyer said"), reported by it; None when the subject is not before that comma or is a possessor ("Seoul's")."""
    if comma < 0 or subject is None or subject.end > comma or not referents(subject) or \
            re.match(r"['’]s\b", blanked[subject.end : subject.end + 2]):
        return None
    return Finding(referents(subject)[:1], subject.text, "", True, "nested", exclude=[subject], content_end=np_start,
                   reported=True, reported_by=reporter, phrase=modified_head(blanked, subject, np_start))


# The head of a subject that is a thing, the body after it only its owner: "The unreasonable attitude of [the ministry]"
_THING_OF = re.compile(r"\b(?:[Tt]he|[Tt]his|[Ss]uch|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}?(?:attitude|act|acts|move|"
                       r"moves|behaviour|behavior|stand|stance|remarks?|policy|fact|case|reality|action|actions)\s+of\s+"
                       r"(?:the\s+)?$")


def speech_verb_findings(
    text: str, blanked: str, c_start: int, c_end: int, outside: list[Mention], anchors: list[re.Match],
    rules: Rules, last_speaker: Mention | None, narrator: Mention | None, np_floor: int, subject: Mention | None,
) -> list[Finding] | None:
    """The findings of the clause's first reporting verb that has a speaker (rule 1 of tension.extract.attribution),
    or None when no verb has one (the other rules are tried then)."""
    for anchor in anchors:
        verb = anchor.group(0).split()[0]
        if rules.evaluative is not None and not verb.endswith("ing") and _BE_BEFORE.search(blanked, max(c_start, anchor.start() - 30),
                                                              anchor.start()):
            continue  # "Kishida was criticised": a passive; who is spoken about is not the speaker
        if rules.evaluative is not None and verb in rules.directive_verbs and verb.endswith("ed") and \
                _TO_AFTER.match(blanked, anchor.end(), c_end):
            continue  # "Japan urged to lead G7 efforts": a headline's passive (an active "urged" has an object)
        if verb in _WISH_VERBS and _TO_AFTER.match(blanked, anchor.end(), c_end):
            continue  # "had wished to convince ...": an intention, no words said (a hope is: "hoped that ...")
        if verb[-1] == "s" and _NOUN_BEFORE.search(blanked, max(c_start, anchor.start() - 8), anchor.start()):
            continue  # "detained on charges of", "under the terms": a noun, no reporting verb
        if _WORDS_TOLD_BEFORE.match(anchor.group(0)):
            return []  # "Lavrov made the remarks at a briefing ...": when words told before were said, no row
        inverted = inverted_speaker(text, blanked, anchor, c_end, outside)
        if inverted is not None:
            return [inverted]
        inverted_frame = inverted_frame_findings(blanked, anchor, c_start, c_end, outside, rules, subject,
                                                 last_speaker, narrator)
        if inverted_frame is not None:
            return inverted_frame
        directive = verb in rules.directive_verbs
        speakers = speaker_before(anchor.start(), blanked, outside)
        if speakers and verb in rules.evidential_verbs and _THING_OF.search(blanked, np_floor, speakers[0].start):
            continue  # "The attitude of the ministry indicates that ..., it noted": a thing indicates, the frame speaks
        if speakers and _country_in_group_name(blanked, np_floor, speakers, rules.non_state_heads, outside):
            # "The British association for friendship with Korea issued": the association speaks, and its country
            # is the one its phrase names first (British), not the country of its cause
            group = noun_phrase_speaker(blanked, np_floor, anchor.start(), outside, rules.non_state_heads)
            if group is not None and group[0] and group[0][0] is not speakers[0]:
                speakers = group[0]
        if speakers and harm_before(blanked, speakers[0].start):
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
            if speakers[-1].backref in rules.relayed_text:
                # "the declaration said": the voice that adopted it, met last (a relayed group), never the latest
                # institution named (the government the declaration condemns); a speaker not known when none
                if last_speaker is None:
                    return [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                                    exclude=speakers, directive=directive)]
                resolved = [last_speaker]
            elif speakers[-1].backref in ("he", "she") and resolved and _object_before(blanked, outside,
                                                                                   speakers[-1], resolved[0]):
                # "Expressing condolences over the demise of Kim Jong Il, he called for ...": the person the
                # sentence is about is not who speaks in it; the voice met before (a relayed group or person the
                # dictionary does not know), else a speaker not known
                if last_speaker is None or last_speaker.kind not in VOICES_WITHOUT_NAMES:
                    return [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                                    exclude=speakers, directive=directive)]
                resolved = [last_speaker]
            elif speakers[-1].backref in ("he", "she") and last_speaker is not None and \
                    last_speaker.kind in VOICES_WITHOUT_NAMES and speakers[-1].refers_to and \
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
                out = [Finding([], speakers[-1].text, anchor.group(0), False, "speech verb (speaker unknown)",
                               exclude=speakers, directive=directive)]
                act = _subject_act_before(blanked, subject, comma, np_start, speakers[-1].text) \
                    if subject is not None and subject.start < speakers[0].start else None
                if act is not None:
                    # "North Korea fired a missile ..., the military said": the act is North Korea's, reported by
                    # a reporter the sentence does not place (as for "..., his lawyer said" below); it is not lost
                    out.append(act)
                    if verb in rules.relay_verbs and rules.evaluative is not None and \
                            not rules.evaluative.search(blanked, c_start, c_end):
                        out = out[1:]  # the reporter only passes the act on: no row of its own (guideline)
                return out
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
            if not speakers and last_speaker is not None and last_speaker.kind in RELAYED_BODIES and \
                    (named := _NAMED_BACK.fullmatch(phrase)) is not None and \
                    f"the {named.group(1).lower()}" in rules.pointing_back:
                # "..., the Council hoped that ...": a body named before, written as its name's head, goes on
                return [Finding([last_speaker], named.group(0).strip(), anchor.group(0), False, "speech verb",
                                directive=directive, phrase=last_speaker.text)]
            resolved = [r for s in speakers for r in referents(s)]
            if not speakers:  # "analysts say": a speaker of no state; what they say others do is a reported act
                out = [Finding([], head, anchor.group(0), False, "speech verb (no state)", directive=directive,
                               phrase=phrase)]
                act = _subject_act_before(blanked, subject, comma, np_start, head)
                if act is not None:
                    out.append(act)  # "A Tunisian court jailed ..., his lawyer said": the act is the court's, reported
                reported = reported_act(blanked, anchor.end(), c_end, outside, None, head, strict=False)
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
                                       phrase=modified_head(blanked, actor, speakers[0].start)
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
                                reported_by=speakers[-1].text if resolved[0].kind == "media" else
                                "state media" if _OUTLET_AFTER.match(blanked, speakers[-1].end, anchor.start())
                                else "")]
        pairs = [(r, s) for s in speakers for r in referents(s)]
        if not pairs or resolved[0] is last_speaker or resolved[0] is narrator:
            pairs = [(r, speakers[-1]) for r in resolved]
        out = [Finding([r], s.text, anchor.group(0), False, "speech verb", exclude=speakers, directive=directive,
                       phrase=phrase)
               for r, s in unique_countries(pairs)]
        joined = _AND_BEFORE.search(blanked, subject.end, speakers[0].start) if (
            rules.evaluative is not None and out and subject is not None and subject.end <= speakers[0].start
            and subject not in speakers and referents(subject)) else None
        if joined is not None and verb_follows(blanked, subject.end, joined.start()) and (
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
            reported = reported_act(blanked, anchor.end(), c_end, outside, resolved[0].country, speakers[-1].text,
                                     exclude=speakers, predicate=rules.predicate)
            if reported is not None:
                return ([*out, reported] if evaluates else [reported])
        return out
    return None
