"""Who goes on speaking after a sentence with a colon frame, and as what kind: the one whose words follow a frame
ending in a colon ("..., he said, adding:"), another speaker named in a closing frame ("<a claim> ..., the article
notes, and goes on:"), or a text speaking with a colon inside its sentence ("The statement said: ..."). The document
walk (`tension.extract.statements`) keeps it as `Walk.continuing` until a sentence ends it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.continuation import closing_frame_voice, colon_frame
from tension.extract.findings import Statement, outside_quotes
from tension.extract.kinds import POLITICAL_VOICES, Kinds
from tension.extract.mentions import PERSON, Mention
from tension.extract.references import issuing_words, words_pattern
from tension.extract.scan import NEVER
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk, as_mention


def voice_going_on(sentence: Sentence, in_sentence: list[Mention], found: list[Statement], speakers: list[Statement],
                   before: Mention | None, before_kind: str | None, kinds: Kinds | None, pointing: re.Pattern
                   ) -> tuple[Mention, str | None] | None:
    """The speaker who goes on after this sentence's colon and its kind, or None when no one does (`before`,
    `before_kind`: the last speaker before the sentence; `speakers`: the statements of `found` with a speaker)."""
    if sentence.text.rstrip().endswith(":") and found[0].attribution != "document" and (
            voice := next((s for s in found if not s.is_act), speakers[0] if speakers else None)):
        # the one whose words go on after the colon, not an act told inside them ("... the south Korean people are
        # suffering, he said, adding:" goes on in his voice, even when he is not known)
        if voice.is_act and (voice.reported_by or "").lower() in ("he", "she"):
            # an act an unknown "he" passes on: it is he who goes on, a speaker not known
            voice = replace(voice, speaker=voice.reported_by, speaker_actor=None, speaker_country=None,
                            speaker_role=None, speaker_kind="people")
        framed = closing_frame_voice(sentence, in_sentence, voice, before)
        if framed is None:
            return as_mention(voice), voice.speaker_kind
        # "..., the article notes, and goes on:": the frame's speaker goes on — the one before the sentence keeps
        # its kind; a speaker the frame names takes the kind its mention has
        if framed is before:
            return framed, before_kind
        return framed, kinds.of_mention(framed) if kinds is not None else None
    if ":" in sentence.text and (voice := colon_frame(found, sentence.text, pointing)) is not None:
        # "The statement said: The U.S. ... ." — the frame's words begin in its own sentence and go on in the next
        # ones, as after a frame ending in a colon (a relayed group's statement, not the outlet's)
        return as_mention(voice), voice.speaker_kind
    return None


@lru_cache(maxsize=1)
def _issuing_frames() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(a lead opening a text with "the following ...:", a lead issuing a document, a pointer frame "It said:", a lead
    telling what a body said in a document issued before), from issuing_words.tsv (read on first use)."""
    words = issuing_words()
    verbs = words_pattern(words.get("issuing", ()))
    # "<body> in the statement issued on <day> disclosed ...", "<body> in the second part of its report released ...":
    # the document named before its participle, the body its subject (round 40; "Upon hearing the statement issued by
    # <body>" has no "in" before it: what follows is the listeners')
    issued_in = re.compile(r"\bin\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:of\s+(?:the|a|an|its|their)\s+)?"
                           r"(?:" + words_pattern(words.get("document", ())) + r")\s+(?:" + verbs + r")\b")
    # A lead telling a body that issues a text and opens it with a colon: "<a spokesman for the body> issued the
    # following statement:", "... gave the following answer to questions raised by KCNA:" (the colon may be inside the
    # sentence when the text's first paragraph is glued on). The body, not the outlet, speaks what follows (issue 13
    # round 25).
    following = re.compile(r"\b(?:" + verbs + "|" + words_pattern(words.get("following", ())) +
                           r")\b[^:.]{0,160}?\bthe\s+following\b[^:]{0,200}?:")
    # A body issuing a text that a later "It said:" opens ("<body> issued information bulletin No. 9 on ...").
    issuing = re.compile(r"\b(?:" + verbs + r")\b[^.:]{0,60}?\b(?:" + words_pattern(words.get("document", ())) + r")\b")
    # "It said:", "The bulletin said:" after a sentence telling the body that issued the text; the text's noun may
    # have a participle phrase between commas ("The white paper, released on the eve of X, said:").
    pointer = re.compile(r"(?:It|The\s+(?:(?:" + words_pattern(words.get("pointer_modifier", ())) + r")\s+)?(?:" +
                         words_pattern(words.get("pointer", ())) + r")(?:,[^,:]{1,200},)?)\s+(?:" +
                         words_pattern(words.get("pointer_verb", ())) + r")\s*:\s*$")
    return following, issuing, pointer, issued_in


# A colon frame of someone's own words ("<a worker>, <his post>, told KCNA:", "<an officer> said:"): in a story that
# tells a body's text and then people's reactions to it, the reactions are not the body's.
_OWN_FRAME = re.compile(r"\b(?P<verb>said|says|told\s+\w+|stated|declared|stressed)\s*:\s*$")


def issuer_voice_ends(sentence: Sentence, doc: Walk) -> bool:
    """Whether a body speaking its text since an issuing lead stops at this sentence: a colon frame of someone's
    own words, not the text's own ("It said:", "..., the statement says:")."""
    if doc.issuer is None or doc.continuing is not doc.issuer[0] or \
            (frame := _OWN_FRAME.search(sentence.text)) is None:
        return False
    return _text_as_subject().search(sentence.text, 0, frame.start("verb")) is None


@lru_cache(maxsize=1)
def _text_as_subject() -> re.Pattern:
    """ "it" or "the <document>" right before a frame's verb (issuing_words.tsv pointer nouns)."""
    return re.compile(r"\b(?:it|the\s+(?:\w+\s+)?(?:" + words_pattern(issuing_words().get("pointer", ())) +
                      r"))\s*,?\s*$", re.I)


_NO_ISSUER = frozenset({PERSON, "demonym", "capital", "media"})
# The sentences of a story's lead, by index, where a body issuing a text makes the story that text.
_LEAD = 2


def _issuing_body(sentence: Sentence, in_sentence: list[Mention], at: int, narrator: Mention) -> Mention | None:
    """The body named before the issuing verb at `at` (a body a spokesman speaks for, not the state its name ends
    with: "... Commission of the DPRK"; never a state), or None."""
    opens = sentence.start + sentence.text.rfind(". ", 0, at) + 1  # (a sentence KCNA glued on before the lead's)
    bodies = [m for m in in_sentence if opens <= m.start and m.end <= sentence.start + at and not m.backref and
              m.kind not in _NO_ISSUER]
    body = next((m for m in reversed(bodies) if m.kind != "state"), None)  # the nearest: "<the GFTUK> issued"
    # (no state as a fallback: a body the dictionary does not know whose name ends with the word Korea
    # found only the South, and a front body's statement went on as the South's government)
    return None if body is None or body.text == narrator.text else body


# A lead that tells the text only as what people heard or answered ("<people> became incensed after <the body>
# released a statement", "Upon hearing ..."): what follows is their reaction, not the text (round 40).
_HEARD = re.compile(r"\b(?:after|upon|when|since|following|hearing|as\s+soon\s+as)\b", re.I)
# The kinds a lead's own row may give the body that issues a text (_lead_voice): a state's bodies and its front
# bodies, institutes and papers; not a person ("people") nor a reporting outlet.
_ISSUER_KINDS = POLITICAL_VOICES | {"civic", "academic"}
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _lead_voice(found: Sequence[Statement], narrator: Mention, text: str, at: int) -> tuple[Mention, str | None] | None:
    """The voice of the outlet's own side, other than the outlet, that the lead's own row gives ("A spokesman for the
    Education Commission of |the DPRK| issued ..." → the DPRK, government: the kind read from the spokesman's
    phrase), with its kind: who issues the text when the dictionary knows the body by its state alone (round 40).
    Only a voice named before the issuing words at `at` (the body that issues, not "The recently released statement
    of <the body> adds fuel to ...": what follows is others' reactions)."""
    voice = next((s for s in found if 0 <= text.find(s.speaker or "\0") < at and
                  not s.attribution.startswith("document") and not s.is_act and
                  s.speaker_country == narrator.country and s.speaker_actor != narrator.actor and
                  s.speaker_kind in _ISSUER_KINDS and (s.speaker or "").lower() not in _PRONOUNS and
                  not (s.speaker_role or "").startswith("late ")), None)  # (not "<a body> of |Kim Il Sung| University")
    return None if voice is None else (as_mention(voice), voice.speaker_kind)


def _named_before(body: Mention, sentence: Sentence, doc: Walk) -> bool:
    """Whether the story names the body before this sentence (its headline: "<the body> Reveals Truth ..."): a lead
    telling what the body said "in the statement issued on <day>" opens that text only then; after a headline about
    people ("<people> Vow to ...") the same lead opens their reactions (round 40, gold-free KCNA)."""
    return body.actor is not None and any(m.actor == body.actor for m in doc.mentions if m.end <= sentence.start)


def issuer_going_on(sentence: Sentence, in_sentence: list[Mention], doc: Walk, before: Mention | None,
                    before_kind: str | None, kinds: Kinds | None, found: Sequence[Statement] = ()
                    ) -> tuple[Mention, str | None] | None:
    """The body that goes on speaking after a lead issuing a text with a colon, and its kind (`before`: the last
    speaker before the sentence; `found`: the sentence's statements), or None when the sentence is no such lead. A
    sentence telling a body issuing a text is remembered (`doc.issuer`) for an "It said:" after it. A body named only
    by its state ("<an office> of the DPRK") is the voice the lead's own row gives (_lead_voice)."""
    if doc.narrator is None or kinds is None:
        return None
    following, issuing_frame, pointer, issued_in = _issuing_frames()
    if (frame := following.search(sentence.text)) is not None:
        body = _issuing_body(sentence, in_sentence, frame.start(), doc.narrator)
        return _lead_voice(found, doc.narrator, sentence.text, frame.start()) if body is None else \
            (body, kinds.of_mention(body))
    earlier = (issuing := issuing_frame.search(sentence.text)) is None and \
        (issuing := issued_in.search(sentence.text)) is not None
    if issuing is not None and (
            (body := _issuing_body(sentence, in_sentence, issuing.start(), doc.narrator)) is not None or
            sentence.index <= _LEAD and (lead := _lead_voice(found, doc.narrator, sentence.text, issuing.start()))
            is not None):
        doc.issuer = (body, kinds.of_mention(body), sentence.index) if body is not None else (*lead, sentence.index)
        if sentence.index <= _LEAD and doc.issuer[0].country == doc.narrator.country and doc.issuer[1] is not None \
                and not _HEARD.search(sentence.text, max(sentence.text.rfind(". ", 0, issuing.start()), 0),
                                      issuing.start()) and (not earlier or _named_before(doc.issuer[0], sentence, doc)):
            # a story that opens with its own state's body issuing a text and then is that text, with no frame
            # ("<the CPRK> issued a statement denouncing X. <what the statement says>"): the body speaks what
            # follows, not the outlet (issue 13 round 26); a frame of someone else's later takes the voice over
            return doc.issuer[0], doc.issuer[1]
        return None
    if pointer.fullmatch(sentence.text.strip()):
        if doc.issuer is not None and sentence.index - doc.issuer[2] <= 2:
            # the body the lead just told issuing the text, not a speaker its first sentence named ("The South
            # announced a plan. <The CPRK> issued a bulletin in this regard. The bulletin said:")
            return doc.issuer[0], doc.issuer[1]
        if before is not None and before.text != doc.narrator.text and before.country is not None:
            return before, before_kind
    return None


# The kinds of a relayed voice whose text a story's lead may open: another side's civic groups, opposition parties,
# papers and analysts, associations abroad (not a state voice of the other side: its text is what the outlet answers).
_RELAYED_ISSUERS = frozenset({"civic", "opposition", "diaspora_foreign", "academic", "media"})


@lru_cache(maxsize=1)
def _relayed_text() -> tuple[re.Pattern, re.Pattern]:
    """(a lead's words putting out a text: "issued a statement", "in an editorial", the words that make the text the
    outlet's object: "a false report"), from issuing_words.tsv (read on first use)."""
    words = issuing_words()
    nouns = words_pattern(words.get("relayed_text", ()))
    text = re.compile(r"\b(?:(?:" + words_pattern(words.get("relayed_verb", ())) + r")\b[^.:;]{0,60}?|"
                      r"\b(?:in|at)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+)?)\b(?:" + nouns + r")\b")
    discrediting = re.compile(r"\b(?:" + words_pattern(words.get("discrediting", ())) + r")\b", re.I)
    return text, discrediting


def relayed_issuer_going_on(sentence: Sentence, found: list[Statement], doc: Walk) -> tuple[Mention, str | None] | None:
    """The relayed voice that speaks the rest of a state outlet's story whose lead (its first sentences) tells it
    putting out a text ("<a civic group of the South> issued a statement on Monday denouncing ...", "<a paper> in an
    editorial said ..."), with its kind: a non-state voice of another country than the outlet's, or of Koreans abroad,
    named before the text's words (labelling guideline: a state outlet relaying a civic group; round 26 did this for
    the outlet's own state's bodies). None when the sentence is no such lead, or the outlet discredits the text ("a
    false report": what follows is the outlet's answer)."""
    narrator = doc.narrator
    if narrator is None or sentence.index > _LEAD or not found or sentence.text.rstrip().endswith(":"):
        return None  # (a colon frame is voice_going_on's: "<a paper> carried an article ..., the commentary goes on:")
    voice = next((s for s in found if s.speaker_kind in _RELAYED_ISSUERS and not s.attribution.startswith("document")
                  and s.speaker_country != narrator.country and (s.speaker_country or s.speaker_kind ==
                                                                 "diaspora_foreign")), None)
    if voice is None or any(s.speaker_country == narrator.country and not s.attribution.startswith("document")
                            for s in found):
        return None  # (the outlet's own side speaks in the lead: "<the South's group> regards ..., the daily said")
    text, discrediting = _relayed_text()
    words = text.search(sentence.text)
    if words is None or discrediting.search(sentence.text, 0, words.end()):
        return None
    named = sentence.text.find(voice.speaker or "\0")
    if not 0 <= named < words.start():
        return None  # (the text is another's: "<the South's ministry> denounced a statement of <a group>")
    return as_mention(voice), voice.speaker_kind


@lru_cache(maxsize=1)
def _crowd_speaking() -> tuple[re.Pattern, re.Pattern]:
    """A sentence opening with "They" or "It" and a verb of a relayed voice's own words, and a sentence closed by such
    a frame (", they warned.", ", it stressed."): reference_words.tsv, use crowd_speech."""
    verbs = "|".join(sorted(map(re.escape, load_reference_words().get("crowd_speech", ())), key=len, reverse=True))
    verbs = verbs or NEVER
    frames = "|".join(sorted(map(re.escape, load_reference_words().get("crowd_frame", ())), key=len, reverse=True))
    opening = re.compile(r"(?P<ref>They|It)\s+(?:(?:also|further|then|again|strongly|once\s+again|unanimously|"
                         r"resolutely|firmly)\s+)?(?:" + verbs + r")\b")
    closing = re.compile(r",\s+(?P<ref>they|it)\s+(?:\w+ly\s+)?(?:" + verbs + ("|" + frames if frames else "")
                         + r")(?:\s+out)?[.\"”’\s]*$")
    return opening, closing


# The outlet's own side named in the words: "They accused the north of ..." is the other side's rulers, whom the
# outlet paraphrases, not a crowd it relays (a crowd it relays speaks of its own rulers or of a third country).
_OWN_SIDE = re.compile(r"\b(?:the\s+north|the\s+DPRK|Pyongyang)\b(?![-\u2013])", re.I)


def crowd_going_on(statement: Statement, sentence: Sentence, doc: Walk) -> Statement | None:
    """The words of a relayed voice going on when the outlet's own voice took a sentence opening "They urged / It
    called for / They vowed ..." or closed by ", they warned." / ", it stressed." (round 39: after speakers, a
    list of bodies or a body's statement whose own sentence the outlet told, the next such sentence went to the
    outlet, a state row of its side; in random gold-free draws of such rows all were a relayed voice's words): for
    "they" the crowd met last when the story has one, else a crowd the text places in no country; for "it" a body
    the text places in no country (neither is a pair row of the outlet's side). None when the sentence is otherwise
    or names the outlet's own side (the other side's rulers, paraphrased)."""
    narrator = doc.narrator
    if narrator is None or statement.attribution != "document" or statement.speaker_actor != narrator.actor or \
            statement.is_act:
        return None
    text = sentence.text
    opening, closing = _crowd_speaking()
    found = opening.match(text) if text.startswith(("They ", "It ")) else None
    if found is None and (", they " in text or ", it " in text):
        found = closing.search(text)
    if found is None or _OWN_SIDE.search(outside_quotes(text)):
        return None
    if found.group("ref").lower() == "it":
        return replace(statement, speaker="It", speaker_actor=None, speaker_country=None, speaker_role=None,
                       speaker_kind="civic", attribution="speech verb (no state)", reported_by=narrator.text)
    crowd = doc.crowd if doc.crowd is not None and doc.crowd.actor != narrator.actor else None
    if crowd is None:  # a crowd the text places in no country
        return replace(statement, speaker="They", speaker_actor=None, speaker_country=None, speaker_role=None,
                       speaker_kind="people", attribution="speech verb (no state)", reported_by=narrator.text)
    return replace(statement, speaker="They", speaker_actor=crowd.actor, speaker_country=crowd.country,
                   speaker_role=crowd.role or None, speaker_kind=crowd.kind,
                   attribution="speech verb" if crowd.country else "speech verb (no state)", reported_by=narrator.text)


# A frame that only points back and opens a colon: "It went on:", "The statement continued:" (the whole sentence), or
# closes a sentence of the text's words: "..., it said, adding:", "..., the ralliers said, and went on:".
_POINTING_FRAME = re.compile(
    r"(?:^|,\s+)(?:it|they|he|she|the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:also\s+|further\s+|then\s+)?"
    r"(?:said|says|noted|notes|continued|continues|went\s+on|goes\s+on|added|adds|stressed|stated|declared)"
    r"(?:,?\s*(?:and\s+)?(?:went\s+on|goes\s+on|continued|continues|adding|saying))?\s*:\s*$", re.I)
# The kinds of a relayed voice of no country whose text such a frame goes on with (a crowd, a civic body, a body
# abroad, a paper: kinds of no state voice)
_UNPLACED_VOICES = frozenset({"civic", "people", "diaspora_foreign", "media"})
# How many sentences back that voice may have spoken
_VOICE_SPAN = 3


def unplaced_voice_going_on(sentence: Sentence, statements: Sequence[Statement], doc: Walk
                            ) -> tuple[Mention, str | None] | None:
    """The relayed voice of no country that goes on after a sentence whose only frame points back and opens a colon
    ("It went on:", "..., it said, adding:") and that gave no statement of its own, with its kind; None otherwise.
    Such a voice is no last speaker ("it" finds no one: targets.py keeps placed voices), so the text after the colon
    went to the outlet's own voice (issue 13 round 66: 11 of 44 wrong rows drawn blind after back-reference frames)."""
    narrator = doc.narrator
    if narrator is None or not sentence.text.rstrip().endswith(":") or \
            (frame := _POINTING_FRAME.search(sentence.text)) is None:
        return None
    if frame.start() == 0 and len(sentence.text.split()) > 6:
        return None  # ("The statement said that ...:" is no frame that only points back)
    voice = next((s for s in reversed(statements) if s.sentence_index < sentence.index and
                  not s.attribution.startswith(("document", "headline")) and s.speaker_actor != narrator.actor), None)
    if voice is None or voice.speaker_country or voice.speaker_kind not in _UNPLACED_VOICES or \
            sentence.index - voice.sentence_index > _VOICE_SPAN:
        return None
    return as_mention(voice), voice.speaker_kind
