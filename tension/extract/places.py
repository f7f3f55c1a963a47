"""A statement's named targets: the countries its content names, each either a target or a place — a place of the
act, a partner of a joint act, a victim, an agenda item or topic, what an "amid ..." phrase names (adjudications 3,
7), kept apart in `places` and taken as targets only when nothing else is named (`tension.extract.targets`, which
also adds the targets that come from context)."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words

from tension.extract import context
from tension.extract.subjects import topic_verb_after
from tension.extract.findings import Finding, Statement, outside_quotes, referents
from tension.extract.mentions import PERSON, Mention
from tension.extract.modality import modality
from tension.extract.scan import Anchored, word_alternatives
from tension.extract.sentences import Sentence

_QUESTION_FRAME = re.compile(r"\s*,?\s*\b(?:when|after being|while being|after|when he was|when she was)?\s*asked\s+"
                             r"(?:about|whether|if|on|to comment on|how)\b.*$", re.S)
# The same frame opening the sentence, up to its comma ("When asked about the launch, the minister replied ...").
_LEADING_QUESTION_FRAME = re.compile(r"\s*(?:(?:when|after being|while being|after)\s+)?asked\s+(?:about|whether|if|on|"
                                     r"to comment on|how)\b[^,\"“]*,\s*", re.I)


def _without_question_frame(content: str) -> str:
    """The content without the question that framed it: a closing "..., he said when asked about X" goes; one opening
    the sentence ("When asked about X, Wi replied that ...") goes up to its comma — before, the closing form's pattern
    took everything after "asked" and left the content "When", scored 0 (issue 13 round 23, gold-free Yonhap)."""
    lead = _LEADING_QUESTION_FRAME.match(content)
    if lead is not None and len(content[lead.end():].split()) >= 3:
        return content[lead.end():].strip()
    return _QUESTION_FRAME.sub("", content).strip() or content.strip()


def make_statement(sentence: Sentence, content: str, finding: Finding, antecedent: list[Mention],
          in_clause: list[Mention], blanked: str | None = None, offset: int = 0,
          doc_cues: tuple[bool, ...] = (True, True, True, True, True, True, True)) -> Statement:
    """The statement of a finding; `blanked`: the sentence with its quotes blanked, when the caller has it;
    `offset`: what to take from the mentions' offsets to make them the sentence's (the document's start of it when
    they are the document's)."""
    speaker = finding.speakers[0] if finding.speakers else None
    own = speaker.country if speaker else None
    excluded = {(m.start, m.end) for m in finding.exclude}
    targets: list[str] = []
    for resolved in [*finding.speakers[1:], *finding.extra_targets]:
        if resolved.country and resolved.country != own and resolved.country not in targets:
            targets.append(resolved.country)
    end = len(sentence.text) if finding.content_end is None else None
    begin = finding.content_start
    places: list[str] = []
    text = sentence.text
    joint, victim, place_words, topic = doc_cues[:4]
    # a sentence about talks, visits or meetings: a country after on/over/about, or before "issue", is the agenda
    agenda: bool | None = doc_cues[6] and None  # (None: not looked at yet; the sentence's words split when needed)
    topical: bool | None = None  # whether the sentence has a topic verb's word at all (looked at when needed)
    amid = _amid_at(text, offset, finding) if " amid " in text else None
    for mention in [*antecedent, *in_clause]:
        if (mention.start, mention.end) in excluded or (end is None and mention.start >= finding.content_end) or (
                begin is not None and mention.start < begin):
            continue
        place = False
        if mention.resolved:
            at = mention.start - offset
            if joint and finding.is_act and context.PARTNER.search(text, max(0, at - 120), at):
                continue  # "staged joint drills with Japan and Australia": partners, not targets (adjudication 3)
            before = context.word_before(text, at)
            place = (mention.kind == "capital" and text[max(0, at - 3) : at] in ("in ", "at ") and (
                at < 4 or not text[at - 4].isalnum())) or (
                place_words and context.is_place(text, at, mention.end - offset, mention.kind, before)) or (
                victim and not finding.is_act and (before in context.victim_words() or before == "to" and
                                                   context.HOSTILE_TO.search(text, max(0, at - 16), at) is not None)
            ) or (topic and context.TOPIC.search(text, max(0, at - 40), at) is not None) or (
                amid is not None and at > amid)
            if not place and doc_cues[6]:
                # "with [North Korea] expected to top the agenda", "[the North] will be discussed": a topic
                # (adjudication 7), in a document about talks or visits
                if topical is None:
                    topical = _topic_verb_words().found_in(text, text)
                place = topical and topic_verb_after().match(text, mention.end - offset) is not None
            if not place and agenda is not False and context.agenda_item(text, mention.end - offset, before):
                if agenda is None:
                    agenda = not context.meeting_words().isdisjoint(context.NON_WORD.split(text))
                place = agenda
        for resolved in referents(mention):
            if resolved.country and resolved.country != own and resolved.country not in targets:
                (places if place else targets).append(resolved.country)
    if places:
        places = [c for c in dict.fromkeys(places) if c not in targets]
    return Statement(
        sentence_index=sentence.index,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        content=_without_question_frame(content) if "asked" in content else content.strip(),
        speaker=finding.speaker_text or None,
        speaker_actor=speaker.actor if speaker else None,
        speaker_country=own,
        speaker_role=(speaker.role or None) if speaker else None,
        cue=finding.cue,
        is_act=finding.is_act,
        modality=modality(blanked if blanked is not None and content == sentence.text else outside_quotes(content),
                          finding.reported, finding.directive),
        attribution=finding.how,
        targets=targets,
        reported_by=finding.reported_by or None,
        places=places,
        person=speaker is not None and speaker.kind == PERSON,
    )


def named_in_sentence(sentence: Sentence, in_sentence: list[Mention], own: str | None,
                       doc_cues: tuple[bool, ...]) -> tuple[list[str], list[str]]:
    """The targets and places a sentence names (make_statement's reading of the whole sentence), less the speaker's
    own country `own`: for a sentence whose speaker was found in another one — a quotation going on, or one whose
    speaker comes after it (issue 13 round 45: their rows took the speaker's row with its targets emptied, and an
    analyst's conditional remark about a state's help went without the state it names)."""
    named = make_statement(sentence, sentence.text, Finding([], "", "", False, ""), [], in_sentence,
                           offset=sentence.start, doc_cues=doc_cues)
    return [t for t in named.targets if t != own], [t for t in named.places if t != own]


def _amid_at(text: str, offset: int, finding: Finding) -> int | None:
    """Where an act's "amid ..." phrase starts in the sentence, when it follows the act's actor: what it names is
    background (adjudication 1), a place of the act rather than its target — used only when nothing else is named,
    so a launch "amid the allies' naval drills" takes the launch default, and "raises alert amid the North's
    threats" keeps the North (eleventh round)."""
    if not finding.is_act or not finding.speakers:
        return None
    at = text.find(" amid ", max(0, finding.speakers[0].end - offset))
    return at if at >= 0 else None


@lru_cache(maxsize=1)
def _topic_verb_words() -> Anchored:
    """The last word of each topic verb phrase (reference_words.tsv, use topic_verb): a sentence without any has none.
    (Looked up at word starts, the pattern tried only there: `found_in` is `pattern.search(text) is not None`.)"""
    words = sorted({phrase.split()[-1] for phrase in load_reference_words().get("topic_verb", ())})
    return Anchored.of_words(re.compile(r"\b(?:" + word_alternatives(words) + r")\b"), words)
