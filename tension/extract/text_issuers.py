"""Whose text "the article" / "the commentary" is when a state outlet's story told another issuing it: "<a paper the
dictionary does not know> carried an article ... . The article said:" is that paper's article, not the outlet's own
voice. Used by the document walk (tension.extract.statements) on a sentence's statements.

The speech rules read "the commentary said" with no speaker met before as the outlet's own text (reference_words.tsv,
use own_text; KCNA's usage: a release's own commentary). When the story's lead gave its relayed voice no row — a
name the dictionary does not know ("Minjok Sibo, Koreans' paper in Japan, carried an article"), a party's spokesman
"in a commentary" — that rule gave the text, and every sentence after its colon frame, to the outlet (issue 13 round
66: 17 of 50 gold-free KCNA rows drawn blind after back-reference frames, all another's voice or a DPRK paper's). Here
such a statement becomes the issuer's: the body or paper the story named as the one issuing a text of that noun
("<issuer> carried an article", "in a commentary", "a bylined article of <paper>"), else a speaker not known (no
country: the text's issuer is not the outlet, and the dictionary does not know it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Statement
from tension.extract.kinds import Kinds
from tension.extract.mentions import STATE_KINDS, Mention
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk, as_mention

# What may stand before the issuer named at the head of the sentence that introduces the text: titles, articles,
# capitalised words ("A deputy spokesman for the <party>", "South Korea's <party>"), or a closing frame's comma
# ("<content>, <paper> Friday says this in a bylined article", "..., said <paper> in an article").
_HEAD = re.compile(r"(?:(?:[A-Z][\w.'’-]*|a|an|the|of|for|[a-z]*spokes\w+|deputy|vice-\w+|vice|'s|’s)\s+)*")
_AFTER_CONTENT = re.compile(r",\s*(?:(?:said|says|according\s+to)\s+)?(?:the\s+)?$")
# A closing frame between a sentence's head and the text's noun ("The <South's> authorities' dispatch ..., said <a
# paper the dictionary does not know> in an article"): the head is what the text is about, not its issuer.
_FRAME_BETWEEN = re.compile(r",\s*(?:said|says|according\s+to)\b")
# "a bylined article of <paper>", "a joint statement issued by <party>"
_OF = re.compile(r"\s+(?:of|by|(?:issued|carried|released|published|posted)\s+by)\s+(?:the\s+)?")
# The breaks before which a sentence of KCNA's glued paragraphs begins ("..., , The article said")
_BREAKS = ("\n", "., ", ". , ", ".\" , ")


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """The text nouns whose "the X said" with no speaker before it is the outlet's own (reference_words.tsv)."""
    return frozenset(load_reference_words().get("own_text", ()))


@lru_cache(maxsize=8)
def _introduced(noun: str) -> re.Pattern:
    """ "an article", "a by-lined commentary", "a joint statement": a text of the noun introduced as new."""
    return re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?" + re.escape(noun) + r"\b")


def issued_text_voice(found: list[Statement], sentence: Sentence, doc: Walk, body: str, kinds: Kinds
                      ) -> list[Statement]:
    """The sentence's statements, with one whose speaker is "the <text noun>" resolved to the outlet itself given to
    the text's issuer the story named before (or in this sentence): a body or paper the dictionary knows, else a
    speaker not known. The issuer is who "it" and the text are next (`doc.last_speaker`)."""
    narrator = doc.narrator
    if narrator is None or not found:
        return found
    out = []
    for statement in found:
        words = (statement.speaker or "").lower().split()
        if statement.speaker_actor != narrator.actor or len(words) != 2 or words[0] != "the" or \
                words[1] not in _nouns() or statement.attribution.startswith(("document", "continued")):
            out.append(statement)
            continue
        issuer = _issuer(words[1], body, statement.char_end, doc.mentions, narrator)
        if issuer is None:
            out.append(statement)
            continue
        mention, phrase = issuer
        if mention is not None:
            statement = replace(statement, speaker_actor=mention.actor, speaker_country=mention.country,
                                speaker_role=mention.role or None, speaker_kind=kinds.of_mention(mention),
                                reported_by=narrator.text)
        else:
            statement = replace(statement, speaker_actor=None, speaker_country=None, speaker_role=None,
                                speaker_kind=kinds.of_head(phrase) or "media", reported_by=narrator.text)
        doc.last_speaker, doc.last_kind = as_mention(statement), statement.speaker_kind
        out.append(statement)
    return out


def _issuer(noun: str, body: str, end: int, mentions: list[Mention], narrator: Mention
            ) -> tuple[Mention | None, str] | None:
    """(the known issuer or None, the words naming it) of the last text of `noun` the body introduced before `end`;
    None when it introduced none, or the outlet itself issued it."""
    intro = None
    for intro in _introduced(noun).finditer(body, 0, end):
        pass
    if intro is None:
        return None
    at = intro.start()
    opens = max(_after_last(body, b, at) for b in _BREAKS)
    named = [m for m in mentions if opens <= m.start < intro.end() + 60 and not m.backref and m.country]
    # "a bylined article of <paper>": the one named right after the noun
    after = next((m for m in named if m.start >= intro.end() and _OF.fullmatch(body, intro.end(), m.start)), None)
    if after is not None and after.kind not in STATE_KINDS:
        return None if after.actor == narrator.actor else (after, after.text)
    # the head of the sentence (or of the frame after its content) that introduces the text
    heads = [m for m in named if m.end <= at and m.kind not in STATE_KINDS and (
        _HEAD.fullmatch(body, opens, m.start) and not _FRAME_BETWEEN.search(body, m.end, at) or
        _AFTER_CONTENT.search(body, opens, m.start))]
    if heads:
        head = heads[-1]
        return None if head.actor == narrator.actor else (head, head.text)
    words = body[opens:at]
    frames = list(_FRAME_BETWEEN.finditer(words))
    return None, words[frames[-1].end():] if frames else words  # (the issuer's words after a closing frame)


def _after_last(body: str, brk: str, at: int) -> int:
    """Where the text after the last `brk` before `at` begins (0 when there is none)."""
    found = body.rfind(brk, 0, at)
    return found + len(brk) if found >= 0 else 0
