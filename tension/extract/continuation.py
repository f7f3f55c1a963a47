"""A speaker going on across sentences: a frame ending in a colon, a colon inside a sentence, an open quotation —
and where the outlet's own news lead ends it. Used by the document walk (tension/extract/statements.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from tension.extract.findings import Statement, outside_quotes, referents
from tension.extract.mentions import PERSON, Mention
from tension.extract.modality import modality
from tension.extract.sentences import CLOSES_QUOTE, ENDS_QUOTE, GOES_ON, OPENS_QUOTE, Sentence
from tension.extract.walk import Walk


def only_a_frame(statement: Statement) -> bool:
    """Whether a statement of a sentence ending in a colon is only the frame that introduces what follows
    ("A radio station said:", "Commenting on it, an analyst of the daily said:"): no content of its own;
    the speaker goes on in the next sentences (doc.continuing), which carry the statements."""
    at = statement.content.rfind(statement.cue)
    if at >= 0 and (not statement.targets or statement.targets_inferred and len(statement.content[:at].split()) <= 6) \
            and not statement.is_act and \
            len(statement.content[at + len(statement.cue):].split()) <= 8:
        # "A spokesman said in a press statement on Monday:", "X told the newspaper:": about no one; "X observes
        # this in a commentary:" points back for its targets, none of its own
        return True
    if at < 0 or len(statement.content[at + len(statement.cue):].split()) > 2:
        return False
    return all(part.split()[:1] and part.split()[0].endswith("ing") for part in statement.content[:at].split(", ")[:-1])


# A colon sentence's closing frame, whose speaker goes on after the colon: "..., the article notes, and goes on:",
# "..., it said, adding:", "..., , Minju Joson Tuesday observes in a bylined commentary in this regard:".
_CLOSING_FRAME = re.compile(
    r",\s+(?P<who>[^,:]{1,60}?)\s+(?:says|said|notes|noted|observes|observed|points\s+out|pointed\s+out|recalls|"
    r"recalled|stresses|stressed|declares|declared|writes|wrote|adds|added|continues|continued|states|stated)\b"
    r"[^,:]{0,80}?(?:,\s*(?:and\s+)?(?:goes\s+on|went\s+on|continues|continued|adding|saying))?\s*:\s*$")
# (lower-case: a frame closing the sentence; "..., , The report said:" opens a paragraph KCNA glued on, pointing back
# to the voice that paragraph introduced)
_GLUED = re.compile(r"[.,!?\"”]\s*,$")  # ". , The report said:", "... sincerity.\" , It said:"
_POINTER = re.compile(r"(?:it|he|she|they|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)$")


def closing_frame_voice(sentence: Sentence, in_sentence: list[Mention], voice: Statement, before: Mention | None
                        ) -> Mention | None:
    """Who goes on after a colon when the sentence closes with a frame of another speaker than `voice` (the one its
    statements gave): "<the South's claim> ..., the article notes, and goes on:" goes on in the article's voice, not
    the claim's (issue 13 round 21: KCNA's commentaries went on as the South's words, KOR->PRK). A name in the frame
    is who speaks; a pointer ("it", "the article") is the speaker before this sentence (`before`); None when the
    frame is the voice's own, there is none, or a pointer has no speaker before it (the document's own voice was
    tried: a relayed paper's or body's words went on as KCNA's, worse)."""
    frame = _CLOSING_FRAME.search(sentence.text)
    if frame is None:
        return None
    who = frame.group("who").strip()
    if voice.speaker and voice.speaker in who:
        return None
    start, end = sentence.start + frame.start("who"), sentence.start + frame.end("who")
    for mention in reversed([m for m in in_sentence if start <= m.start and m.end <= end]):
        if not mention.backref and referents(mention):
            return referents(mention)[0]
    if before is not None and _POINTER.fullmatch(who) and not _GLUED.search(sentence.text, 0, frame.start() + 1):
        return before
    return None


def colon_frame(found: list[Statement], text: str, pointing: re.Pattern) -> Statement | None:
    """The speaker of a frame whose reporting verb a colon follows inside the sentence ("The statement said: The
    U.S. ...", "The commentary noted: ..."): its words go on after the sentence; None for an act, a colon elsewhere
    or a speaker that is no text pointing back ("the statement", "it": a person quoted with a colon is often one of
    several reacting in turn, each in their own sentence)."""
    for statement in found:
        if not statement.is_act and statement.cue and statement.speaker_country is not None and \
                pointing.match((statement.speaker or "").strip()) and (statement.speaker or "").lower() != "they" and \
                not statement.attribution.startswith("document") and \
                re.search(r"\b" + re.escape(statement.cue) + r"\s*:\s+\S", outside_quotes(text)):
            return statement
    return None


def ends_continuation(sentence: Sentence, in_sentence: list[Mention], doc: Walk, body: str) -> bool:
    """Whether the outlet's own news lead ends a speaker going on after a colon: the sentence opens with a named
    person of the outlet's side, not the continuing speaker's, acting on a day of this story ("Kim Yong Nam met a
    delegation on Monday", "... on May 3"; not "on May 3, 1975", history a relayed voice tells). Relayed
    voices open sentences with the outlet's leaders too (praise, a confession naming its handlers), so an opening
    person alone is no end (issue 13, review after the tenth round: docs/evaluation-extraction.md)."""
    narrator = doc.narrator
    if narrator is None or not in_sentence or in_sentence[0].kind != PERSON:
        return False
    first = in_sentence[0]
    return first.country == narrator.country != doc.continuing.country and \
        len(body[sentence.start : first.start].split()) <= 1 and \
        not body.startswith(("'s", "’s"), first.end) and _DATED.search(sentence.text) is not None


# A day of the week or a month's day with no year after it ("on Monday", "on May 3", not "on May 3, 1975").
_DATED = re.compile(r"\b(?:on|this|last)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Jan|Feb|March|April|"
                    r"May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\b(?!,?\s+\d{4})")


def opens_quote(sentence: Sentence) -> bool:
    """Whether the sentences after this one go on in its quotation's voice: it leaves a quotation open (an odd count of
    straight marks, more opening curly ones than closing) — unless its marks only close one begun before it
    ('... ," he said.': the next sentence is no longer quoted) — or its quotation's frame is followed at once by a
    sentence opening a new one ('"...," he said. "...').  The count stays for the rest: KCNA's stray marks make
    the state of a long story's quotations unsure, and the count was right more often there (round 28)."""
    return bool(sentence.quote & GOES_ON) or _odd(sentence.text, "“", "”") and not sentence.quote & ENDS_QUOTE


def closes_quote(sentence: Sentence) -> bool:
    """Whether a quotation going on through this sentence ends in it: it closes one and leaves none open, or its marks
    count odd and it does not reopen one (a paragraph reopening the quotation, news style, goes on)."""
    return bool(sentence.quote & CLOSES_QUOTE) or _odd(sentence.text, "”", "“") and not sentence.quote & OPENS_QUOTE


def _odd(text: str, side: str, other: str) -> bool:
    """Whether the marks of a sentence count as leaving a side of a quotation: an odd count of straight marks, or
    more curly marks of that side than of the other."""
    return text.count('"') % 2 == 1 or text.count(side) > text.count(other)


def continued(sentence: Sentence, speaker: Statement, how: str) -> Statement:
    """A sentence spoken by a speaker found elsewhere (a quotation going on, a colon's continuation)."""
    return replace(speaker, sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
                   sentence=sentence.text, content=sentence.text, attribution=how, targets=[], cue="",
                   is_act=False, targets_inferred=False, modality=modality(outside_quotes(sentence.text), False))
