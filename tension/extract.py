"""Extract: split body text into sentences and find each statement — who said or did what, about whom.

Rules, in the order they are tried within a clause:
1. a reporting verb ("said", "urged", "accused"...) with an actor right before it is a speech statement of that
   actor; "X and Y accuse" gives one statement per speaker;
2. a reporting frame after the content (", Seoul's foreign ministry said") makes the frame's actor the speaker;
   when the content's own subject belongs to another country, that subject gets a second, nested statement
   with modality "reported";
3. otherwise an actor at the start of the clause is the actor of an act ("North Korea launched ...");
4. otherwise the document's declared speaker (a KCNA release, a ministry statement) speaks.
Back-references ("she", "the ministry", "the statement", "the South", "the two countries") resolve against the
actors named earlier in the same document. Quotations spanning sentences keep their speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

import blingfire

from tension.actors import PERSON, STATE_KINDS, ActorDictionary, Mention
from tension.config import DATA_DIR, read_tsv

_QUOTE_CHARS = '"“”'
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_LEADING_SUBORDINATE = re.compile(
    r"^\s*(?:Since|After|Before|While|When|Although|Though|As|If|Despite|Following|Amid|In|On|At|During|"
    r"Earlier|Later|Meanwhile|However|Separately|Also)\b[^,]*,\s*"
)
# Clause breaks: relative clauses (", which", ", who"), background clauses (", as", ", while", ", amid") and ";".
_CLAUSE_BREAK = re.compile(r",\s+(?P<rel>which|who|as|while|amid|even as)\s+|;\s+")
_RELATIVE = frozenset({"which", "who"})
# "... when asked about Y": Y is the question put to the speaker, not what the speaker said.
_QUESTION_FRAME = re.compile(r"\s*,?\s*\b(?:when|after being|while being|after|when he was|when she was)?\s*asked\s+"
                             r"(?:about|whether|if|on|to comment on)\b.*$", re.S)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_NEGATED = re.compile(r"\b(?:not|never|no longer|n't|den(?:y|ies|ied|ying))\b|n't\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:could|might|may|would|if|possibly|perhaps|unless|likely)\b", re.I)
_FUTURE = re.compile(
    r"\b(?:will|shall|threat\w*|vow\w*|warn\w*|pledg\w*|set to|plans? to|intends? to|going to|ready to)\b", re.I
)
# Words that may stand between a speaker and the reporting verb: "she also said", "North Korea this year declared".
_SPEAKER_GAP = re.compile(
    r"^(?:\s|,|\b(?:also|has|have|had|recently|earlier|later|then|again|further|strongly|publicly|repeatedly|"
    r"reportedly|officially|firmly|sharply|this|last|on|in|a|statement|week|year|month|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|morning|evening|separately|once|previously|had|both|jointly)\b)*$"
)
_PREPOSITIONS = frozenset(
    "of to with on in at for from by about against toward towards into over between among including than "
    "after before since under upon via across amid despite like as".split()
)
MAX_SUBJECT_OFFSET_WORDS = 3
MODALITIES = ("asserted", "threat_or_future", "hypothetical", "negated", "reported")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body with its character span."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Statement:
    """One claim, quote, accusation, demand, threat or act attributed to an actor."""

    sentence_index: int
    char_start: int
    char_end: int
    sentence: str
    content: str
    speaker: str | None
    speaker_actor: str | None
    speaker_country: str | None
    speaker_role: str | None
    cue: str
    is_act: bool
    modality: str
    attribution: str
    targets: list[str] = field(default_factory=list)
    seq: int = 0


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and abbreviations used by the extractor (data files, loaded once by the caller)."""

    speech_verbs: frozenset[str]
    abbreviations: frozenset[str]


def load_lexicon() -> Lexicon:
    """Read the attribution verbs and abbreviations data files."""
    return Lexicon(
        speech_verbs=frozenset(r["word"] for r in read_tsv(DATA_DIR / "attribution.tsv") if r["kind"] == "speech"),
        abbreviations=frozenset(r["abbreviation"] for r in read_tsv(DATA_DIR / "abbreviations.tsv")),
    )


def split_sentences(body: str, abbreviations: frozenset[str]) -> list[Sentence]:
    """Sentences with their spans; paragraphs never merge, and 'Gen. Kim' or 'Jan. 30' never split."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph in body.split("\n\n"):
        if paragraph.strip():
            _, spans = blingfire.text_to_sentences_and_offsets(paragraph)
            merged: list[list[int]] = []
            for start, end in spans:
                if merged:
                    previous = paragraph[merged[-1][0] : merged[-1][1]]
                    last_word = previous.rsplit(None, 1)[-1] if previous.strip() else ""
                    if last_word in abbreviations and paragraph[start : start + 1].isalnum():
                        merged[-1][1] = end
                        continue
                merged.append([start, end])
            for start, end in merged:
                sentences.append(Sentence(len(sentences), offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 2
    return sentences


class _Memory:
    """What the document has named so far, for back-references."""

    def __init__(self, korea_context: bool) -> None:
        self.named: list[Mention] = []
        self.korea_context = korea_context

    def remember(self, mention: Mention) -> None:
        if mention.resolved:
            self.named.append(mention)

    def resolve(self, mention: Mention) -> list[Mention]:
        """The actor(s) a mention stands for: itself when named, else its antecedent named earlier."""
        if mention.resolved:
            return [mention]
        ref = mention.backref
        found: Mention | None = None
        if ref in ("she", "he"):
            found = self._latest(lambda m: m.kind == PERSON and m.gender in ("", mention.gender))
        elif ref in ("the south", "the north"):
            if self.korea_context:
                country = "KOR" if ref == "the south" else "PRK"
                return [replace(mention, actor=country, country=country, kind="state")]
            return []
        elif ref == "the two":
            countries: list[str] = []
            for named in reversed(self.named):
                if named.kind == "demonym":
                    continue  # "the Ukrainian war" does not make Ukraine one of "the two countries"
                if named.country not in countries:
                    countries.append(named.country)
                if len(countries) == 2:
                    return [replace(mention, actor=c, country=c, kind="state") for c in countries]
            return []
        elif mention.kind == PERSON or ref.split()[-1] in _PERSON_NOUNS:
            want = {"spokeswoman": "f", "spokesman": "m"}.get(ref.split()[-1], "")
            found = self._latest(lambda m: m.kind == PERSON and (not want or m.gender in ("", want)))
        else:
            # "the ministry", "the statement", "the agency": the latest institution named.
            found = self._latest(lambda m: m.kind not in STATE_KINDS and m.kind != PERSON)
        if found is None:
            return []
        return [replace(mention, actor=found.actor, country=found.country, role=found.role, kind=found.kind,
                        gender=found.gender)]

    def _latest(self, wanted) -> Mention | None:
        return next((m for m in reversed(self.named) if wanted(m)), None)


_PERSON_NOUNS = frozenset(
    "spokeswoman spokesman spokesperson official minister envoy ambassador president leader counterpart".split()
)


def resolve_mentions(mentions: list[Mention]) -> list[Mention]:
    """Each mention with `refers_to` set, resolving back-references against what was named before it."""
    memory = _Memory(korea_context=any(m.country in ("KOR", "PRK") for m in mentions))
    out = []
    for mention in mentions:
        referents = memory.resolve(mention)
        for referent in referents:
            memory.remember(referent)
        out.append(replace(mention, refers_to=tuple(referents)))
    return out


def _referents(mention: Mention) -> list[Mention]:
    return list(mention.refers_to)


def _outside_quotes(text: str) -> str:
    """`text` with quoted stretches blanked (same length), so offsets still line up."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _modality(frame_text: str, reported: bool) -> str:
    """Modality from the words outside quotes: hedges inside a quote are the speaker's rhetoric."""
    if _NEGATED.search(frame_text):
        return "negated"
    if _HYPOTHETICAL.search(frame_text):
        return "hypothetical"
    if _FUTURE.search(frame_text):
        return "threat_or_future"
    return "reported" if reported else "asserted"


def extract_statements(
    body: str,
    published: date,
    actors: ActorDictionary,
    lexicon: Lexicon,
    document_speaker: str = "",
) -> list[Statement]:
    """Every statement in a cleaned body, in order, with speakers and targets resolved at `published`."""
    mentions = resolve_mentions(actors.find_mentions(body, published))
    doc_speaker = _document_speaker(document_speaker, actors, published)
    statements: list[Statement] = []
    pending_quote: list[Sentence] = []  # sentences inside a quotation whose speaker comes later
    quote_speaker: list[Mention] = []
    for sentence in split_sentences(body, lexicon.abbreviations):
        in_sentence = [m for m in mentions if sentence.start <= m.start < sentence.end]
        found = _sentence_statements(sentence, in_sentence, lexicon)
        if found:
            statements.extend(found)
            speakers = [s for s in found if s.speaker_country]
            if pending_quote and speakers:
                statements.extend(_quote_statement(s, speakers[0], "quote (speaker after)") for s in pending_quote)
            pending_quote = []
            quote_speaker = [speakers[0]] if speakers and _opens_quote(sentence.text) else []
        elif quote_speaker:
            statements.append(_quote_statement(sentence, quote_speaker[0], "quote (continued)"))
            if _closes_quote(sentence.text):
                quote_speaker = []
        elif _opens_quote(sentence.text) or pending_quote:
            pending_quote.append(sentence)
        elif doc_speaker is not None:
            statements.append(_make(sentence, sentence.text, [doc_speaker], "", False, "document", [],
                                    in_sentence, exclude=()))
    if doc_speaker is not None:
        statements.extend(_make(s, s.text, [doc_speaker], "", False, "document", [], [], exclude=())
                          for s in pending_quote)
    for seq, statement in enumerate(statements):
        statement.seq = seq
    return statements


def _document_speaker(name: str, actors: ActorDictionary, day: date) -> Mention | None:
    if not name:
        return None
    entry = actors.lookup(name, day)
    if entry is None or not entry.country:
        return None
    return Mention(0, 0, name, entry.actor, entry.country, entry.kind, entry.role, entry.gender)


def _opens_quote(text: str) -> bool:
    return (text.count('"') % 2 == 1) or (text.count("“") > text.count("”"))


def _closes_quote(text: str) -> bool:
    return (text.count('"') % 2 == 1) or (text.count("”") > text.count("“"))


def _quote_statement(sentence: Sentence, speaker: Statement | Mention, how: str) -> Statement:
    if isinstance(speaker, Statement):
        return replace(speaker, sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
                       sentence=sentence.text, content=sentence.text, attribution=how, targets=[], cue="")
    return Statement(sentence.index, sentence.start, sentence.end, sentence.text, sentence.text, speaker.text,
                     speaker.actor, speaker.country, speaker.role, "", False, "asserted", how)


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """Clause spans split at ', which', ', who' and ';' (outside quotes), each with its relative pronoun."""
    blanked = _outside_quotes(text)
    spans: list[tuple[int, int, str]] = []
    start, rel = 0, ""
    for match in _CLAUSE_BREAK.finditer(blanked):
        spans.append((start, match.start(), rel))
        start, rel = match.end(), match.group("rel") or ""
    spans.append((start, len(text), rel))
    return spans


def _sentence_statements(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon
) -> list[Statement]:
    text = sentence.text
    blanked = _outside_quotes(text)
    local = [replace(m, start=m.start - sentence.start, end=m.end - sentence.start) for m in mentions]
    statements: list[Statement] = []
    previous_clause_mentions: list[Mention] = []
    for c_start, c_end, rel in _clauses(text):
        in_clause = [m for m in local if c_start <= m.start < c_end]
        outside = [m for m in in_clause if not blanked[m.start : m.end].isspace()]
        antecedent = previous_clause_mentions[-1:] if rel in _RELATIVE else []
        statements.extend(
            _clause_statements(sentence, text, blanked, c_start, c_end, rel, outside, in_clause, antecedent,
                               lexicon)
        )
        previous_clause_mentions = [m for m in outside]
    return statements


def _speech_anchors(blanked: str, start: int, end: int, verbs: frozenset[str]) -> list[re.Match]:
    return [m for m in re.finditer(r"[A-Za-z]+", blanked[start:end]) if m.group(0) in verbs or
            m.group(0).lower() in verbs]


def _speaker_before(
    anchor_start: int, blanked: str, candidates: list[Mention], c_start: int
) -> list[Mention]:
    """The actor(s) right before a reporting verb: 'Zakharova said', 'South Korea and Washington accuse'."""
    before = [m for m in candidates if m.end <= anchor_start]
    if not before:
        return []
    last = before[-1]
    if not _SPEAKER_GAP.match(blanked[last.end : anchor_start]):
        return []
    speakers = [last]
    for other in reversed(before[:-1]):
        gap = blanked[other.end : speakers[0].start]
        # "X and Y said", "X, Y and Z said" — but "X did not threaten Y, Z said" has only Z speaking.
        link = r"\s*,?\s*and\s*" if len(speakers) == 1 else r"\s*(?:,|,?\s*and)\s*"
        if re.fullmatch(link, gap):
            speakers.insert(0, other)
        else:
            break
    return speakers


def _clause_statements(
    sentence: Sentence, text: str, blanked: str, c_start: int, c_end: int, rel: str,
    outside: list[Mention], in_clause: list[Mention], antecedent: list[Mention], lexicon: Lexicon,
) -> list[Statement]:
    anchors = _speech_anchors(blanked, c_start, c_end, lexicon.speech_verbs)
    subject = _subject(blanked, c_start, c_end, rel, outside, antecedent)
    for anchor in anchors:
        a_start = c_start + anchor.start()
        speakers = _speaker_before(a_start, blanked, outside, c_start)
        resolved = [r for s in speakers for r in _referents(s)]
        if not resolved:
            continue
        content = text[c_start:c_end]
        trailing = subject is not None and subject.start < speakers[0].start and \
            blanked[c_start:speakers[0].start].rstrip().endswith(",")
        if trailing:
            subject_resolved = _referents(subject)
            frame_country = resolved[0].country
            if subject_resolved and subject_resolved[0].country != frame_country:
                frame_part = text[c_start : speakers[0].start].rstrip(" ,")
                out = [_make(sentence, content, resolved, anchor.group(0), False, "frame", antecedent,
                             in_clause, exclude=speakers)]
                out.append(_make(sentence, frame_part, subject_resolved, "", True, "nested", antecedent,
                                 [m for m in in_clause if m.start < speakers[0].start], exclude=[subject],
                                 reported=True))
                return out
            if subject_resolved:
                return [_make(sentence, content, subject_resolved, anchor.group(0), False, "subject (framed)",
                              antecedent, in_clause, exclude=[subject, *speakers])]
        return [_make(sentence, content, [r], anchor.group(0), False, "speech verb", antecedent,
                      in_clause, exclude=speakers) for r in _unique_countries(resolved)]
    according = _ACCORDING.search(blanked, c_start, c_end)
    if according:
        after = [m for m in outside if m.start == according.end()]
        resolved = [r for m in after for r in _referents(m)]
        if resolved:
            return [_make(sentence, text[c_start:c_end], resolved[:1], "according to", False, "according to",
                          antecedent, in_clause, exclude=after)]
    if subject is not None:
        resolved = _referents(subject)
        if resolved:
            reported = bool(anchors)  # "Analysts warned that North Korea could ...": an act reported by others
            actors = _unique_countries(resolved)
            # "The two countries traded barbs": each side's act is aimed at the other.
            return [_make(sentence, text[c_start:c_end], [r, *[o for o in actors if o is not r]], "", True,
                          "act subject", antecedent, in_clause, exclude=[subject], reported=reported)
                    for r in actors]
    return []


def _unique_countries(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.country not in seen:
            seen.add(m.country)
            out.append(m)
    return out


def _subject(
    blanked: str, c_start: int, c_end: int, rel: str, outside: list[Mention], antecedent: list[Mention]
) -> Mention | None:
    """The actor opening the clause (after a leading 'Since ..., ' phrase), or a relative clause's antecedent."""
    clause = blanked[c_start:c_end]
    if rel in _RELATIVE and antecedent and not (outside and clause[: outside[0].start - c_start].strip() == ""):
        return antecedent[0]  # ", who is set to visit": the antecedent does it
    lead = _LEADING_SUBORDINATE.match(clause)
    begin = c_start + (lead.end() if lead else 0)
    # "Analysts have warned that North Korea could ...": the clause after a reporting 'that' opens anew.
    that = re.search(r"\bthat\s+", clause[begin - c_start :])
    for mention in outside:
        if mention.start < begin:
            continue
        before = blanked[begin : mention.start]
        words = before.split()
        if len(words) > MAX_SUBJECT_OFFSET_WORDS:
            if that and mention.start == begin + that.end():
                return mention
            continue
        if words and words[-1].lower() in _PREPOSITIONS:
            continue
        return mention
    return None


def _make(
    sentence: Sentence, content: str, speakers: list[Mention], cue: str, is_act: bool, how: str,
    antecedent: list[Mention], in_clause: list[Mention], exclude, reported: bool = False,
) -> Statement:
    speaker = speakers[0]
    excluded = {(m.start, m.end) for m in exclude}
    targets: list[str] = [m.country for m in speakers[1:] if m.country and m.country != speaker.country]
    for mention in [*antecedent, *in_clause]:
        if (mention.start, mention.end) in excluded:
            continue
        for resolved in _referents(mention):
            if resolved.country and resolved.country != speaker.country and resolved.country not in targets:
                targets.append(resolved.country)
    return Statement(
        sentence_index=sentence.index,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        content=_QUESTION_FRAME.sub("", content).strip() or content.strip(),
        speaker=speaker.text,
        speaker_actor=speaker.actor,
        speaker_country=speaker.country,
        speaker_role=speaker.role or None,
        cue=cue,
        is_act=is_act,
        modality=_modality(_outside_quotes(content), reported),
        attribution=how,
        targets=targets,
    )
