"""What a clause's reporting verb gives (rule 1 of tension.extract.attribution), in named steps tried per verb:
what is no reporting verb here (`_not_said`: a passive, an intention, a noun), words told before ("made the
remarks": no row), a speaker after the verb (tension.extract.inverted), the speaker before it (`_speakers_before`,
with tension.extract.speakers), then who that speaker is — a named one through its back-references and owners
(`_resolve_named`), or a noun phrase or name the dictionary does not place (`_unnamed`) — and last what it gives: a
frame closing the clause that passes another's act on (`_trailing_frame`), or the speaker's own words with the act
they relay (`_spoken`). A reporter that only relays an act ("the JCS said North Korea fired") passes the act on and
has a row of its own only where its words evaluate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tension.extract.acts import harm_before, modified_head, relayed_own_person, reported_act
from tension.extract.findings import Finding, Rules, referents, unique_countries
from tension.extract.groups import subject_phrase
from tension.extract.inverted import inverted_frame_findings, inverted_speaker
from tension.extract.kinds import RELAYED_BODIES
from tension.extract.mentions import PERSON, Mention
from tension.extract.mutual import mutual_partners
from tension.extract.owned_nouns import owned_noun
from tension.extract.references import issuing_words
from tension.extract.speakers import (VOICES_WITHOUT_NAMES, content_end, known_speakers, not_said,
                                      noun_phrase_speaker, object_before)
from tension.extract.subjects import coordinated, verb_follows


# A name the dictionary does not know, alone before its reporting verb: "Caddell said", "Mr. King also noted".
_UNKNOWN_NAME = re.compile(r"\s*(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"
                           r"\s+(?:also\s+|later\s+|then\s+|further\s+)?")
_NOT_NAMES = frozenset("It They He She We I This That These Those There The A An But And Officials Others".split())
# The apposition between a named speaker and a country it belongs to: "Minju Joson[, a major newspaper of the ]DPRK".
_APPOSITION_OF = re.compile(r",\s+(?:a|an|the)\s+[^,]{0,60}?\b(?:of|in|from)\s+(?:the\s+)?")
_OUTLETS = frozenset({"media", "state_media"})  # never who "he" or "she" is
# A capitalised "the Council": the head alone of a relayed body's name (kinds.RELAYED_BODIES) pointing back to it.
_NAMED_BACK = re.compile(r"\s*[Tt]he\s+([A-Z][a-z]+)\s*")
_OWNED = re.compile(r"['’]s?(?:\s+[a-z][\w-]*){0,2}\s+")


_REPORTER_NOUNS = re.compile(r"(?:the\s+)?(?:[a-z][\w-]*\s+){1,3}")


_MODAL_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:should|must|ought\s+to|need\s+to|needs\s+to)\b")
_NON_STATE_VOICES = frozenset({"civic", "people", "academic", "diaspora_foreign"})  # (a medium reports)



# " and [leader] " right before a speaker: the clause began with another actor's act ("X tested drones and leader Y
# called for ...")
# "North Korea['s state media] reported": the country's outlet, not the country, tells its act
_OUTLET_AFTER = re.compile(r"['’]s\s+(?:official\s+|state(?:-run)?\s+)?(?:media|news\s+agency|television|TV)\b")

_AND_BEFORE = re.compile(r",?\s+and\s+(?:(?:the|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,2}$")


# A speech verb with an object pointing back to words told before ("made the remarks", "delivered these comments"):
# the sentence tells when or where they were said, no statement of its own (a speech noun with no content has no
# row: adjudication 2).
_WORDS_TOLD_BEFORE = re.compile(r"(?:made|delivered|gave|issued|released)\s+(?:the|these|those|such|his|her|their)\s+"
                                r"(?!following\b|full\b|below\b)(?:[\w-]+\s+)?(?:remarks?|comments?|statements?|speech|"
                                r"address)$")


@dataclass(frozen=True, slots=True)
class _Clause:
    """The clause whose reporting verbs are tried, with what the walk carries into it."""
    text: str
    blanked: str
    c_start: int
    c_end: int
    outside: list[Mention]
    rules: Rules
    last_speaker: Mention | None
    narrator: Mention | None
    np_floor: int
    subject: Mention | None


@dataclass(frozen=True, slots=True)
class _Verb:
    """One reporting verb of the clause: its match, its word, whether it directs, and where the content before its
    speaker's phrase ends (`comma`, -1 for none) and the phrase starts (`np_start`)."""
    anchor: re.Match
    verb: str
    directive: bool
    comma: int
    np_start: int


def speech_verb_findings(
    text: str, blanked: str, c_start: int, c_end: int, outside: list[Mention], anchors: list[re.Match],
    rules: Rules, last_speaker: Mention | None, narrator: Mention | None, np_floor: int, subject: Mention | None,
) -> list[Finding] | None:
    """The findings of the clause's first reporting verb that has a speaker (rule 1 of tension.extract.attribution),
    or None when no verb has one (the other rules are tried then)."""
    clause = _Clause(text, blanked, c_start, c_end, outside, rules, last_speaker, narrator, np_floor, subject)
    for anchor in anchors:
        found = _verb_findings(clause, anchor)
        if found is not None:
            return found
    return None


def _verb_findings(cl: _Clause, anchor: re.Match) -> list[Finding] | None:
    """The findings of one reporting verb, or None when it has no speaker (the clause's next verb is tried)."""
    verb = anchor.group(0).split()[0]
    if not_said(cl.blanked, anchor, verb, cl.c_start, cl.c_end, cl.rules) or \
            owned_noun(cl.blanked, anchor, verb, cl.c_end):  # ("Tokyo's claims to Dokdo": a noun, nothing said)
        return None
    if _WORDS_TOLD_BEFORE.match(anchor.group(0)):
        return []  # "Lavrov made the remarks at a briefing ...": when words told before were said, no row
    inverted = inverted_speaker(cl.text, cl.blanked, anchor, cl.c_end, cl.outside)
    if inverted is not None:
        return [inverted]
    inverted_frame = inverted_frame_findings(cl.blanked, anchor, cl.c_start, cl.c_end, cl.outside, cl.rules,
                                             cl.subject, cl.last_speaker, cl.narrator)
    if inverted_frame is not None:
        return inverted_frame
    directive = verb in cl.rules.directive_verbs
    speakers = known_speakers(cl.blanked, anchor, verb, cl.np_floor, cl.outside, cl.rules)
    if speakers is None:
        return None
    if speakers and harm_before(cl.blanked, speakers[0].start):
        # "The brother of the official shot by North Korean guards sent a letter": the agent of a
        # background relative clause is not who speaks; a speaker not known (adjudication 1)
        return [Finding([], cl.blanked[cl.np_floor : speakers[0].start].strip(), anchor.group(0), False,
                        "speech verb (speaker unknown)", exclude=speakers, directive=directive)]
    v = _Verb(anchor, verb, directive, *content_end(cl.text, cl.blanked, anchor, cl.np_floor))
    found = _resolve_named(cl, v, speakers) if speakers else _unnamed(cl, v)
    if found is None or isinstance(found, list):
        return found
    speakers, resolved, phrase = found
    if not resolved:
        return None
    framed = _trailing_frame(cl, v, speakers, resolved, phrase)
    if framed is not None:
        return framed
    return _spoken(cl, v, speakers, resolved, phrase)


def _own_paper_text(speaker: Mention, resolved: list, narrator: Mention | None) -> bool:
    """Whether "the commentary" / "the article" (a text that points back to its issuer: issuing_words.tsv
    points_back) resolved to a paper of the outlet's own side ("<paper> in a bylined commentary ridiculed <the
    South's minister> ... . ..., the commentary said"): the paper's text, not the last speaker's, who may be the
    minister it answers (issue 13 round 41)."""
    return narrator is not None and bool(resolved) and bool(speaker.refers_to) and resolved[0].kind == "media" and \
        resolved[0].country == narrator.country and speaker.backref[4:] in issuing_words().get("points_back", ())


def _unknown(speakers: list[Mention], v: _Verb) -> Finding:
    """The verb's words, their speaker not known."""
    return Finding([], speakers[-1].text, v.anchor.group(0), False, "speech verb (speaker unknown)",
                   exclude=speakers, directive=v.directive)


_Named = tuple[list[Mention], list, str]  # (speakers, who they resolve to, the speaker's phrase)


def _resolve_named(cl: _Clause, v: _Verb, speakers: list[Mention]) -> list[Finding] | _Named:
    """Who the known speakers before the verb are: through an apposition, a back-reference to a relayed text or a
    person, the outlet's own voice, the owner of an office; the findings themselves when the speaker is not known."""
    blanked, outside, rules, last_speaker = cl.blanked, cl.outside, cl.rules, cl.last_speaker
    earlier = [m for m in outside if cl.np_floor <= m.start and m.end <= speakers[0].start and referents(m)]
    if earlier and _APPOSITION_OF.fullmatch(blanked, earlier[-1].end, speakers[0].start):
        speakers = [earlier[-1]]  # "<a paper>, a major newspaper of the DPRK, condemned": the paper
    resolved = [r for s in speakers for r in referents(s)]
    if speakers[-1].backref in rules.relayed_text:
        # "the declaration said": the voice that adopted it, met last (a relayed group), never the latest
        # institution named (the government the declaration condemns); a speaker not known when none
        if last_speaker is None:
            return [_unknown(speakers, v)]
        resolved = [last_speaker]
    elif speakers[-1].backref in ("he", "she") and resolved and object_before(blanked, outside, speakers[-1],
                                                                            resolved[0]):
        # "Expressing condolences over the demise of Kim Jong Il, he called for ...": the person the
        # sentence is about is not who speaks in it; the voice met before (a relayed group or person the
        # dictionary does not know), else a speaker not known
        if last_speaker is None or last_speaker.kind not in VOICES_WITHOUT_NAMES:
            return [_unknown(speakers, v)]
        resolved = [last_speaker]
    elif speakers[-1].backref in ("he", "she") and last_speaker is not None and \
            last_speaker.kind in VOICES_WITHOUT_NAMES and speakers[-1].refers_to and \
            speakers[-1].refers_to[0].start < last_speaker.end:
        # "Rev. Han, a reunification champion of south Korea, said ... He said": the speaker met since the
        # last person the dictionary knows, not that person.
        resolved = [last_speaker]
    if last_speaker is None and cl.narrator is not None and speakers[-1].backref in rules.own_text:
        resolved = [cl.narrator]
    if not resolved and speakers[-1].backref in ("he", "she") and last_speaker is not None and \
            last_speaker.kind in _OUTLETS:
        # "X, when interviewed by Kyodo News, ... He said": a person the dictionary does not know, not the
        # outlet that interviewed him (a speaker not known)
        return [_unknown(speakers, v)]
    if not resolved and speakers[-1].backref in ("it", "they", "he", "she") or (
            not resolved and speakers[-1].kind != PERSON) or (
            last_speaker is not None and speakers[-1].backref in rules.pointing_back and
            not _own_paper_text(speakers[-1], resolved, cl.narrator)):
        resolved = [last_speaker] if last_speaker else []
    if not resolved:
        # "South Korea's opposition leader urged": the office belongs to the country that owns it.
        owner = [m for m in outside if m.end <= speakers[-1].start and _OWNED.fullmatch(
            blanked, m.end, speakers[-1].start)]
        resolved = referents(owner[-1])[:1] if owner else []
    if not resolved and speakers[-1].backref not in ("it", "they"):
        # "The government expressed ...", with no government named before: a speaker not known.
        out = [_unknown(speakers, v)]
        subject = cl.subject
        act = _subject_act_before(blanked, subject, v.comma, v.np_start, speakers[-1].text) \
            if subject is not None and subject.start < speakers[0].start else None
        if act is not None:
            # "North Korea fired a missile ..., the military said": the act is North Korea's, reported by
            # a reporter the sentence does not place (as for "..., his lawyer said" below); it is not lost
            out.append(act)
            if v.verb in rules.relay_verbs and rules.evaluative is not None and \
                    not rules.evaluative.search(blanked, cl.c_start, cl.c_end):
                out = out[1:]  # the reporter only passes the act on: no row of its own (guideline)
        return out
    # "The Solidarity for Democracy, ... of south Korea released a statement", "South Korean analysts say":
    # the name's head tells the kind.
    phrase = subject_phrase(blanked, min(cl.np_floor, speakers[0].start), speakers[0], v.anchor.start(),
                            to_verb=True)
    return speakers, resolved, phrase


def _unnamed(cl: _Clause, v: _Verb) -> list[Finding] | _Named | None:
    """The speaker when no known actor stands right before the verb: a longer noun phrase (its country, or a voice
    of no state: "analysts say"), a capitalised head of a relayed body ("the Council"), a name the dictionary does
    not know ("Caddell said"); None when there is none."""
    blanked, outside, rules, last_speaker = cl.blanked, cl.outside, cl.rules, cl.last_speaker
    anchor, np_start = v.anchor, v.np_start
    np = noun_phrase_speaker(blanked, np_start, anchor.start(), outside, rules.non_state_heads)
    if np is None:
        name = _UNKNOWN_NAME.fullmatch(blanked, np_start, anchor.start())
        if name is not None and rules.evaluative is not None and name.group("name") not in _NOT_NAMES:
            # "Caddell said": a person the dictionary does not know speaks, for no state we can tell
            return [Finding([], name.group("name"), anchor.group(0), False, "speech verb (name)",
                            directive=v.directive, phrase=name.group("name"))]
        return None
    speakers, head = np
    phrase = blanked[np_start : anchor.start()]
    if not speakers and last_speaker is not None and last_speaker.kind in RELAYED_BODIES and \
            (named := _NAMED_BACK.fullmatch(phrase)) is not None and \
            f"the {named.group(1).lower()}" in rules.pointing_back:
        # "..., the Council hoped that ...": a body named before, written as its name's head, goes on
        return [Finding([last_speaker], named.group(0).strip(), anchor.group(0), False, "speech verb",
                        directive=v.directive, phrase=last_speaker.text)]
    resolved = [r for s in speakers for r in referents(s)]
    if not speakers:  # "analysts say": a speaker of no state; what they say others do is a reported act
        out = [Finding([], head, anchor.group(0), False, "speech verb (no state)", directive=v.directive,
                       phrase=phrase)]
        act = _subject_act_before(blanked, cl.subject, v.comma, np_start, head)
        if act is not None:
            out.append(act)  # "A Tunisian court jailed ..., his lawyer said": the act is the court's, reported
        reported = reported_act(blanked, anchor.end(), cl.c_end, outside, None, head, strict=False)
        if reported is not None:
            out.append(reported)
        if len(out) > 1 and v.verb in rules.relay_verbs and head.split()[-1].lower() in rules.media_heads and \
                rules.evaluative is not None and not rules.evaluative.search(blanked, cl.c_start, cl.c_end):
            # "..., local media reported": an unnamed outlet that passes an act on without evaluating it
            # has no row of its own (labelling guideline: a reporter's row only where its words evaluate)
            out = out[1:]
        return out
    return speakers, resolved, phrase


def _subject_act_before(blanked: str, subject: Mention | None, comma: int, np_start: int,
                        reporter: str) -> Finding | None:
    """The act of the clause's subject before the comma of a trailing reporter ("A Tunisian court jailed ..., his
    lawyer said"), reported by it; None when the subject is not before that comma or is a possessor ("Seoul's")."""
    if comma < 0 or subject is None or subject.end > comma or not referents(subject) or \
            re.match(r"['’]s\b", blanked[subject.end : subject.end + 2]):
        return None
    return Finding(referents(subject)[:1], subject.text, "", True, "nested", exclude=[subject], content_end=np_start,
                   reported=True, reported_by=reporter, phrase=modified_head(blanked, subject, np_start))


def _evaluates(cl: _Clause, verb: str) -> bool:
    """Whether the speaker's own words evaluate (read only where a relay verb may pass an act on)."""
    rules = cl.rules
    relays = rules.evaluative is not None and verb in rules.relay_verbs
    return rules.evaluative is not None and (not relays or bool(rules.evaluative.search(cl.blanked, cl.c_start,
                                                                                        cl.c_end)))


def _trailing_frame(cl: _Clause, v: _Verb, speakers: list[Mention], resolved: list,
                    phrase: str) -> list[Finding] | None:
    """A frame closing the clause after its subject ("Rudenko visited South Korea, Seoul's foreign ministry said"):
    the subject's act reported by the frame, or the frame's own side's act; None when the speaker is no such frame."""
    blanked, outside, rules, subject = cl.blanked, cl.outside, cl.rules, cl.subject
    anchor, comma = v.anchor, v.comma
    trailing = subject is not None and subject.start < speakers[0].start and (
        blanked[cl.c_start : speakers[0].start].rstrip().endswith(",") or (
            # "..., state news agency KCNA reported": the reporter's phrase opens with its common nouns
            rules.evaluative is not None and 0 <= comma and subject.end <= comma
            and _REPORTER_NOUNS.fullmatch(blanked, comma + 2, speakers[0].start) is not None))
    if trailing and rules.evaluative is not None and _MODAL_AFTER.match(
            blanked, coordinated(subject, blanked, outside)[-1].end, speakers[0].start):
        trailing = False  # "The North and the South should end their distrust, he said": his opinion, no act
    if trailing and speakers[0] in coordinated(subject, blanked, outside):
        trailing = False  # "Japan, the US and South Korea affirmed ...": one list of subjects, no frame after a comma
    if not trailing:
        return None
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
                       directive=v.directive, phrase=phrase)] \
            if rules.evaluative is None or _evaluates(cl, v.verb) else []
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
                        exclude=[subject, *speakers], directive=v.directive,
                        extra_targets=[r for r in subject_resolved if r.country != resolved[0].country],
                        # "Kim is planning ..., state news agency KCNA reported": an outlet passes it on
                        reported_by=speakers[-1].text if resolved[0].kind == "media" else
                        "state media" if _OUTLET_AFTER.match(blanked, speakers[-1].end, anchor.start())
                        else "")]
    return None


def _spoken(cl: _Clause, v: _Verb, speakers: list[Mention], resolved: list, phrase: str) -> list[Finding]:
    """The speaker's own words (one row per country it speaks for), an act of another actor joined before it ("X
    tested drones and leader Y called for ..."), and the act its relay verb passes on."""
    blanked, outside, rules, subject, last_speaker = cl.blanked, cl.outside, cl.rules, cl.subject, cl.last_speaker
    anchor, verb, directive = v.anchor, v.verb, v.directive
    pairs = [(r, s) for s in speakers for r in referents(s)]
    if not pairs or resolved[0] is last_speaker or resolved[0] is cl.narrator:
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
        reported = reported_act(blanked, anchor.end(), cl.c_end, outside, resolved[0].country, speakers[-1].text,
                                exclude=speakers, predicate=rules.predicate)
        if reported is not None:
            return ([*out, reported] if _evaluates(cl, verb) else [reported])
        if resolved[0].kind == "media" and resolved[0].role == "state media" and resolved[0] is not cl.narrator:
            # "The KCNA said that while touring the site Kim praised the crews": the leader's words, which the outlet
            # of his own state only passes on (its own row only where it is the story's voice: a KCNA release)
            relayed = relayed_own_person(blanked, anchor.end(), cl.c_end, outside, resolved[0].country,
                                         speakers[-1].text, exclude=speakers, predicate=rules.predicate)
            if relayed is not None:
                return [relayed]
    return out
