"""Someone who told the outlet their words: "<a person>, <a post>, told KCNA:" opens that person's words, not the
outlet's — the outlet is the one told, never the speaker (labelling guideline: relayed voices keep their own identity
and kind). Before, a state outlet's interviewees went to the outlet's own voice: the frame has no row of its own, and
the quotation after it was the outlet's account (issue 13 round 65, branch h13bo: 9 of 60 gold-free KCNA rows
credited to KCNA after a colon frame, blind).

The person is of the country the frame places them in (the army or the academy their post names), else of the
outlet's own country (a state outlet's interviewees at home: every one of 40 such frames read in gold-free KCNA); the
kind is the post's head word's (speaker_kinds.tsv: a researcher is academic), else the body the post names (an officer
of the army: military), else people. Used by the document walk (`tension.extract.statements`), which keeps the person
speaking (`Walk.told`, `Walk.continuing`) until the quotation after the frame closes.

Its sibling, "<name>, <post>, said:", is read the same way (round 67, branch h13bq: the second and third interviewees
of a story, whose words went to the outlet, to the voice told before them or to a place their post names — 24 of 40
gold-free KCNA frames, blind): the name a comma segment of its own, not a name the dictionary knows (a paper, a
person), its country the post's (a foreign committee's chairman is of its country)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from tension.config import DATA_DIR, read_tsv
from tension.extract.findings import Statement
from tension.extract.kinds import Kinds
from tension.extract.mentions import PERSON, STATE_KINDS, Mention
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk

# The frame: who, "told", the one told, perhaps a phrase ("in an angry note"), the colon closing the sentence.
_TOLD = re.compile(r"(?P<who>[^:]{3,300}?),?\s+told\s+(?:the\s+)?(?P<to>[A-Z][\w ]{1,60}?)"
                   r"(?:\s+(?:in|on|at|when|after|while|by)\b[^:]{0,80})?\s*:\s*$")
# The sibling frame of a story's later interviewees: "<name>, <post>, said:" (the name a comma segment of its own).
_SAID = re.compile(r"(?P<who>[^:]{3,300}?),\s+said\s*:\s*$")
# An interviewee's age after the name ("Ri Chol (13)"): no part of the name.
_AGE = re.compile(r"\s*\(\d{1,3}\)")
# A paragraph the corpus glued on before the frame ("... retaliation., <name>, <post>, told KCNA:"): not read.
_GLUED = re.compile(r".*[a-z]{3}[.!?][\"”’]?\s*,\s+(?=\S)", re.S)  # (not "Prof. and Dr.", not "the C.C., <body>")
# A person's name: two to four capitalised words (a comma segment of the frame's subject; a surname may be one
# letter: "O Myong Nam").
_NAME = re.compile(r"(?:Prof\.\s+(?:and\s+Dr\.\s+)?|Dr\.\s+)?[A-Z][a-z]*(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?){1,3}")
# A phrase opening the frame before its subject ("In this regard", "Upon receiving the statement,").
_OPENING = re.compile(r"(?:In this regard|Meanwhile|Upon [^,]{1,80}|After [^,]{1,80}),?\s+")
TOLD_POSTS_FILE = DATA_DIR / "told_posts.tsv"


# told_posts.tsv's marks that are no kind: a post of Koreans abroad (no state's voice), a foreign friendship body
# (read only when the post names its country).
_NO_STATE, _FOREIGN_BODY = "no_state", "foreign_body"


@lru_cache(maxsize=1)
def _post_kinds() -> dict[str, str]:
    """The words of a post that give its kind (told_posts.tsv), read on first use."""
    return {row["word"]: row["kind"] for row in read_tsv(TOLD_POSTS_FILE)}


def _post_words(who: str) -> list[str]:
    """What told_posts.tsv gives each of its words in the frame's subject, in order (kinds and marks)."""
    kinds = _post_kinds()
    return [kinds[w] for w in re.findall(r"[A-Za-z][\w-]*", who) if w in kinds]


def _post_kind(who: str) -> str | None:
    """The kind told_posts.tsv gives the first of its words in the frame's subject, if any."""
    return next((kind for kind in _post_words(who) if kind not in (_NO_STATE, _FOREIGN_BODY)), None)


def _post_phrase_kind(who: str) -> str | None:
    """The kind told_posts.tsv gives a phrase of it (a row of several words) in the frame's subject, if any: read
    before the post's head word ("People's Committee": a local organ of state power, not a civic committee)."""
    return next((kind for phrase, kind in _post_kinds().items() if " " in phrase and phrase in who), None)


def told_outlet_voice(sentence: Sentence, in_sentence: list[Mention], found: Sequence[Statement], doc: Walk,
                      kinds: Kinds) -> tuple[Mention, str] | None:
    """The person (as a mention spanning the frame's subject) and their kind when the sentence is a frame "<someone>
    told <the outlet>:" whose statements give no speaker other than the outlet (a frame the extractor reads already
    keeps its own speaker); None otherwise, and None when the corpus glued another paragraph on before the frame
    (", , <name> told KCNA:": the sentence's own rows would be lost with the frame)."""
    narrator = doc.narrator
    if narrator is None or not sentence.text.rstrip().endswith(":"):
        return None
    if " told " in sentence.text:
        frame, said = _TOLD.search(sentence.text), False
        if frame is None or frame.group("to") not in (narrator.text, narrator.actor):
            return None
    elif " said" in sentence.text:
        frame, said = _SAID.search(sentence.text), True
        if frame is None:
            return None
    else:
        return None
    if not said and any(s.speaker_actor != narrator.actor and not s.attribution.startswith(("document", "continued"))
                        for s in found if s.speaker_actor or s.speaker_country):
        return None  # (the walk's default voice — the outlet, or a text going on — is no reading of the frame)
    if _GLUED.match(sentence.text, 0, frame.end("who")) is not None:
        return None
    start = frame.start("who")
    if (opening := _OPENING.match(sentence.text, start)) is not None:
        start = opening.end()
    who = sentence.text[start : frame.end("who")]
    span = (sentence.start + start, sentence.start + frame.end("who"))
    inside = [m for m in in_sentence if span[0] <= m.start and m.end <= span[1] and m.resolved]
    names = [part.strip() for part in who.split(",") if _NAME.fullmatch(_AGE.sub("", part.strip()) if said else
                                                                       part.strip())]
    if said:  # (a person named in a comma segment of their own beside a post: "A student, <name>, said:")
        if not names or "," not in who.strip():
            return None
        at = span[0] + who.index(names[0])
        named = (at, at + len(names[0]))  # (a person the post names is no speaker: "Kim Il Sung University")
        if any(m.actor and m.start < named[1] and named[0] < m.end for m in inside):
            return None  # (a name the dictionary knows, a paper's or a person's: the extractor's reading stands)
        # (a bare "Korea" in a body's name is the narrator's own: "the Union of Agricultural Workers of Korea")
        inside = [m for m in inside if m.kind != PERSON and m.text != "Korea"]
        names = [_AGE.sub("", names[0])]  # (the first: a place after the post is no name, "Phyongsong City")
    if any(m.kind == PERSON and m.actor for m in inside if m.end - m.start > 0):
        return None  # (a person the dictionary knows: the extractor's own reading of the frame stands)
    country = inside[-1].country if inside else narrator.country
    if said and (marks := _post_words(who)):
        if _FOREIGN_BODY in marks and country == narrator.country:
            return None  # (a friendship body whose country the post does not name: "the Japan-Korea ... Association")
        if _NO_STATE in marks:
            country = None  # (an association of Koreans abroad: no state's voice, not the country it is in)
    bodies = [m for m in inside if m.kind not in STATE_KINDS and m.kind != PERSON]
    name = names[-1] if names else (_NAME.match(who.strip()) or re.match(r".*", who.strip())).group(0)
    post = who.replace(name, " ") if name != who.strip() else who  # (a name's words are no post: "Kim Pok Man")
    kind = _post_phrase_kind(post) or kinds.of_head(post) or _post_kind(post) or (kinds.of_mention(bodies[-1]) if bodies else None) or "people"
    return Mention(span[0], span[1], name, name, country, kind, "", ""), kind
