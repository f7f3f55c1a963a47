"""Attribution inside one clause: who speaks or acts, from which words, and who else is named.

The rules, tried in order (METHODOLOGY.md §1 explains each with an example):
1. a reporting verb with its speaker before it: "Zakharova said", "the Rwandan capital alleged", "US Deputy Secretary
   Kupfer said", "analysts in Seoul say" (a speaker who is nobody's state stays without a country;
   `tension.extract.speakers`, `tension.extract.speech`);
2. "according to X";
3. a passive with its agent: "evidence was presented by the US";
4. the actor opening the clause, with the actors coordinated with it ("The US, Russia and Switzerland met";
   `tension.extract.acts`); meeting verbs ("met", "held talks with", "clashed with") are mutual: the one met gets a
   statement back (`tension.extract.mutual`); in a relayed story, a group the dictionary does not know
   (`tension.extract.groups`).
A headline with no verb after its actor, or a passive done to the subject, has no act. The clause-level result is a
list of `Finding`s; `tension.extract.statements` turns them into statements with targets.
"""

from __future__ import annotations

import re

from tension.extract.acts import (LOWER_WORDS, MODIFIED_HEAD, act_findings, harm_before, passive_agent,
                                  penal_passive, possessed_body, event_subject)
from tension.extract.findings import Finding, Rules, referents, replace_reported
from tension.extract.groups import group_subject, subject_phrase
from tension.extract.institutions import statistic_subject
from tension.extract.mentions import Mention
from tension.extract.mutual import between_sides, compound_sides, meeting_sides
from tension.extract.scan import Anchored
from tension.extract.sentences import title_case
from tension.extract.speakers import VOICES_WITHOUT_NAMES, trailing_reporter
from tension.extract.speech import speech_verb_findings
from tension.extract.subjects import COUNTRY_WORDS, after_lead, clause_subject, coordinated


ACCORDING = Anchored(re.compile(r"\b[Aa]ccording to\s+(?:the\s+)?"), ("According to", "according to"),
                     word_start=True)


# A clause that only places something already told in time: "<those firings / his remark> came|comes
# as / after / when / days before ..." (issue 13's twenty-seventh round).
_CAME_AS = re.compile(r"\W*(?:[A-Z][\w'’.-]*|the|a|an)(?:\s+[\w'’.-]+){0,5}?\s+(?P<verb>came|comes)\s+"
                      r"(?:as|after|before|when|amid|just|only|shortly|hours|days|weeks|months|a\s+day|less|more|"
                      r"\d[\w-]*)\b")


# A main verb after a passive agent's phrase ("killed by North Korean troops [in 2020] filed a lawsuit").
_MAIN_VERB_AFTER = re.compile(r"(?:\s+[a-z]+(?<!ed))?(?:\s+(?:in|on|at|near)\s+[\w.-]+(?:\s+\d+)?)*\s+"
                              r"(?:[a-z]{2,}ed|said|sent|made|took|held|told|went|met|gave|wrote|won|lost|is|was|has|"
                              r"have|are|were)\b")


def clause_findings(
    text: str, blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention],
    antecedent: list[Mention], anchors: list[re.Match], rules: Rules,
    last_speaker: Mention | None, narrator: Mention | None,
) -> list[Finding]:
    """The speakers and actors of one clause, by the rules in the module docstring, in order.

    `anchors`: the clause's reporting verbs outside quotes ("said", "issued a statement"), in order.
    """
    if rules.evaluative is not None and (blanked.find(" came", c_start, c_end) >= 0 or
                                         blanked.find(" comes", c_start, c_end) >= 0) and (
            link := _CAME_AS.match(blanked, c_start)) is not None and \
            link.end("verb") <= c_end and not any(c_start <= a.start() < link.end("verb") for a in anchors):
        # "Those firings came as ...", "His remark came when he was asked ...": when something already
        # told happened, background to the news (adjudication 1), no new act or statement of its owner
        return []
    np_floor = after_lead(blanked, c_start, c_end)
    subject = clause_subject(blanked, c_start, c_end, rel, outside, antecedent, np_floor)
    frame = trailing_reporter(blanked, c_start, c_end, anchors, outside, rules)
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
    source = next((m for m in outside if according and m.start == according.end()), None)
    if source is not None and referents(source):
        # "..., according to KCNA": the source passes the statement on; it is no target of it.
        for finding in found:
            if finding.speakers and finding.how != "according to" and not finding.reported_by:
                replace_reported(finding, source.text, referents(source)[0].country)
                finding.exclude = [*finding.exclude, source]
    return found


def _clause_findings(
    text: str, blanked: str, c_start: int, c_end: int, outside: list[Mention], anchors: list[re.Match],
    rules: Rules, last_speaker: Mention | None, narrator: Mention | None, np_floor: int, subject: Mention | None,
) -> list[Finding]:
    spoken = speech_verb_findings(text, blanked, c_start, c_end, outside, anchors, rules, last_speaker,
                                  narrator, np_floor, subject)
    if spoken is not None:
        return spoken
    according = ACCORDING.search(blanked, blanked, c_start, c_end)
    if according:
        after = [m for m in outside if m.start == according.end()]
        resolved = [r for m in after for r in referents(m)]
        if resolved:
            if subject is not None and subject.end <= according.start() and referents(subject) and (
                    referents(subject)[0].country != resolved[0].country) and rules.evaluative is not None:
                # "The carrier entered Pusan, according to Yonhap": the act is the carrier's, Yonhap passes it on.
                acts = act_findings(coordinated(subject, blanked, outside), blanked, c_end, outside, None, "act subject",
                             False, rules)
                return [replace_reported(f, after[0].text, resolved[0].country) for f in acts]
            return [Finding(resolved[:1], after[0].text, "according to", False, "according to", exclude=after,
                            phrase="| " + blanked[after[0].end : after[0].end + 30] if after[0].kind == "demonym"
                            else "")]
    agent = passive_agent(blanked, c_start, c_end, outside)
    if agent is not None and harm_before(blanked, agent.start) and _MAIN_VERB_AFTER.match(blanked, agent.end, c_end):
        agent = None  # "The family of the official killed by North Korean troops filed a lawsuit": background
    if agent is not None and (said := _SAID_BY.search(blanked, c_start, agent.start)) is not None and \
            said.group("verb") in rules.speech_participles:
        return []  # "This was reported by Yonhap", "commented on by Russian experts": a reporter of what came before
    if agent is not None and referents(agent):
        return act_findings([agent], blanked, c_end, outside, narrator, "passive agent", bool(anchors), rules,
                     subject_phrase(blanked, agent.start, agent, c_end, to_verb=False) + blanked[agent.end : c_end])
    if rules.paired is not None and outside and narrator is None:
        # "Russia-South Korea consultations (were) held": the two sides' event, before the subject's own act ("Russia"
        # would act alone). Not in an outlet's own story, KCNA's: there a clause with no verb of its own goes on in
        # the voice told before, whose words name the summit (gold-free KCNA: 5 of 5 such sentences worse).
        sides = compound_sides(blanked, outside, rules.paired, rules.paired_background)
        if sides:
            return sides
    if subject is not None and referents(subject) and not (
            rules.kin is not None and rules.kin.match(blanked, subject.end, c_end)):
        actors = coordinated(subject, blanked, outside)
        if rules.evaluative is not None and not _WORD_AFTER.search(blanked, actors[-1].end, _uncut_end(blanked, c_end)):
            return []  # "North Korean leader Kim Jong Un", "Russian President Vladimir Putin": a name, no act
        if rules.evaluative is not None and _POSSESSED_ONLY.match(blanked, actors[-1].end, c_end):
            return []  # "And North Korea's Border Chief.": what the country owns, and no verb
        if rules.evaluative is not None and narrator is None and len(actors) == 1 and \
                event_subject(blanked, subject, c_end, outside):
            return []  # "North Korea's record year of testing is putting ...": its event is the subject (adj. 1)
        if rules.evaluative is not None and len(actors) == 1 and statistic_subject(blanked, actors[-1].end, c_end):
            return []  # "a country's main stock index closed higher": a market or a figure, no act (adj. 15)
        headline = _NO_PREDICATE.match(blanked, actors[-1].end, c_end) if rules.evaluative is not None else None
        if headline is not None and (headline.group("colon") or not blanked[c_start:c_end].rstrip().endswith(".")) and \
                not title_case(blanked[c_start:c_end]):
            return []  # "South Korea in mourning after ...", "South Korea: droves of ...": a headline with no verb
        passive = _HEADLINE_PASSIVE.match(blanked, actors[-1].end, c_end) if rules.evaluative is not None else None
        if passive is not None and passive.group(1) in rules.directive_verbs:
            return []  # "Japan urged to lead G7 efforts": done to Japan (an active "urged" has its object)
        if rules.evaluative is not None and _PASSIVE_AFTER.match(blanked, actors[-1].end, c_end) and \
                rules.act_words.isdisjoint(LOWER_WORDS.findall(blanked[actors[-1].end : c_end].lower())):
            # (a military act in the passive is still the state's: "South Korean warships were deployed")
            return []  # "President Yoon was impeached", "the soldier was detained": done to the subject, by no one named
        if rules.evaluative is not None and penal_passive(blanked, actors[-1].end, c_end):
            return []  # "North Korean nationals indicted in scheme": a headline's passive, done to the subject
        phrase = subject_phrase(blanked, np_floor, subject, c_end)
        if subject.kind in COUNTRY_WORDS and len(actors) == 1:
            head = MODIFIED_HEAD.match(blanked, subject.end, c_end)
            if head is not None:
                # "South Korean team DRX won", "the South Korean company Samsung": the country word only modifies
                # the actor's head noun, whose kind the phrase keeps ("team", "company", "court", "parliament")
                phrase = f"{phrase} {head.group('head') or head.group('name')}"
            elif (body := possessed_body(blanked, subject.end)) is not None:
                phrase = f"{phrase} {body}"  # "South Korea's parliament voted": the parliament's kind, its country
        shared = phrase if len(actors) > 1 and _LIST_OWNER.search(blanked, 0, subject.start) else ""
        return act_findings(actors, blanked, c_end, outside, narrator, "act subject", bool(anchors), rules, phrase,
                            shared)  # ("Top leaders from | , China and Japan": the head before the list is theirs)
    if rules.between is not None and "between" in blanked[c_start:c_end]:
        sides = between_sides(blanked, c_start, c_end, outside, rules.between)
        if sides:
            return sides
    if " with " in blanked[c_start:c_end]:
        sides = meeting_sides(blanked, outside)
        if sides:
            return sides
    if narrator is not None:
        if subject is not None and (subject.backref in ("it", "they") or (
                subject.backref in ("he", "she") and not subject.refers_to)) and last_speaker is not None and \
                last_speaker.actor != narrator.actor and last_speaker.kind in VOICES_WITHOUT_NAMES and \
                subject.start == np_floor - c_start + c_start:
            # "They conveyed condolences": the relayed group the story is about goes on acting, not the outlet.
            return [Finding([last_speaker], subject.text, "", True, "act subject (it/they)", exclude=[subject],
                            phrase=last_speaker.text)]
        group = group_subject(blanked, np_floor, c_end, outside, rules)
        if group is not None:
            return [group]
    return []


# Something after an act's actor that may be its verb ("Kim Jong Un" alone, a lead cut after the name, has none).
_WORD_AFTER = re.compile(r"\b(?!(?:and|or|the|of)\b)[A-Za-z]{2,}")


# A passive speech verb before its agent: "This was [reported] by", "was [commented] on by".
_SAID_BY = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)(?:\s+(?:on|upon|about))?\s+by\s+"
                      r"(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}$")
# After an actor, only what it owns to the end of the clause: "[North Korea]'s Border Chief." (a headline's noun
# phrase); no word of it a verb's form — "-s", "-ed", "to", an auxiliary: "North Korea's Kim fired missiles", "North
# Korea's Kim Fires Missile", "Japan's leader to visit Seoul" keep their acts.
_POSSESSED_ONLY = re.compile(r"['’]s?(?:\s+(?!(?:to|will|would|may|might|can|could|should|must|is|are|was|were|has|"
                             r"have|had|be|been|not|set)\b)[\w-]+(?<!s)(?<!ed)){1,4}\s*[.!?]?[\s\"”’]*$")
# After an actor, a preposition or a colon where its verb would be ("South Korea in mourning", "South Korea: Droves
# of revellers leave"); "to" is a headline's future ("South Korea to suspend ...").
_NO_PREDICATE = re.compile(r"\s*(?P<colon>:)|\s+(?:in|of|on|at|for|from|with|by|after|amid|over|under|near|against)\b")
_LIST_OWNER = re.compile(r"\b(?:of|from)\s+(?:the\s+)?$")
_HEADLINE_PASSIVE = re.compile(r"\s+(\w+ed)\s+to\s+[a-z]")


def _uncut_end(blanked: str, c_end: int) -> int:
    """Where a clause's words end, a lead cut in the middle of a word aside ("Japan, Turkey, Canada and Sou": the
    last word of a text that ends with no punctuation is no word of its own; adjudication 11)."""
    if c_end < len(blanked.rstrip()) or not blanked[c_end - 1 : c_end].isalpha():
        return c_end
    cut = blanked.rfind(" ", 0, c_end)
    return cut if cut > 0 else c_end


# A passive right after the subject (an apposition aside), with no "to" after it: the subject is what the act is done
# to ("was impeached", "has been detained"); "is expected to fire", "was set to visit" keep their subject as actor.
_PASSIVE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?(?:,[^,]{1,80},)?\s+(?:(?:has|have|had)\s+)?(?:(?:also|already|earlier|later|reportedly|"
                            r"\w+ly)\s+)?(?:was|were|is|are|been|being|be)\s+(?:(?:\w+ly|also|being|been)\s+)?"
                            r"(?!(?:engaged|involved|interested|committed|determined|prepared|concerned|pleased|"
                            r"satisfied|disappointed|worried|opposed|based|located|scheduled|poised|expected|"
                            r"supposed|united|divided|known|seen)\b)"
                            r"(?:\w+(?:ed|en|wn|ht|lt|id|ck|ung|un))\b(?!\s+to\b)")
