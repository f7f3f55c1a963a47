"""Extract: split body text into sentences and find each statement — who said or did what, about whom.

Within a clause the rules of `tension.extract.attribution` find the speaker or actor; this module walks the document:
quotations spanning sentences keep their speaker, a speaker introduced with a colon ("It goes on:") goes on
speaking, a document's declared speaker (a KCNA release) speaks every unattributed sentence and is the one
telling the acts of others, back-references ("she", "the ministry", "it", "the two countries") resolve against
what the document named before, and targets come from the content (or, flagged `targets_inferred`, from the
sentence before or the document's main counterpart when the content only points back or names none).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from tension.extract import attribution as rules
from tension.extract.actors import ActorDictionary, Mention, alias_pattern
from tension.extract.attribution import Finding, referents  # noqa: F401 (re-exported)
from tension.config import DATA_DIR, read_tsv
from tension.extract.scan import AliasFinder, Anchored, WordIndex, cuts_word
from tension.extract.modality import modality
from tension.extract.references import resolve_mentions
from tension.extract.sentences import Sentence, split_sentences  # noqa: F401 (re-exported)

MODALITIES = ("asserted", "threat_or_future", "hypothetical", "negated", "reported")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_CLAUSE_BREAK = re.compile(r",\s+(?P<rel>which|who|as|while|amid|even as)\s+|;\s+")
# "came as the US leader prepared": a subordinate clause with its own actor (checked against mention starts).
_SUBORDINATE = re.compile(r"\s(?:as|while|when|after|because|before|since|but)\s+(?:the\s+|a\s+)?")
_QUESTION_FRAME = re.compile(r"\s*,?\s*\b(?:when|after being|while being|after|when he was|when she was)?\s*asked\s+"
                             r"(?:about|whether|if|on|to comment on|how)\b.*$", re.S)
# Words pointing back to what the previous sentence was about ("they", "the group", "these exercises").
_ANAPHOR = Anchored(re.compile(
    r"\b(?:they|them|their|its|it|this|these|those|such|he|she|his|her)\b|\bthe\s+(?:\w+\s+)?(?:group|regime|"
    r"clique|puppets?|warmongers?|maniacs|traitors|drills?|exercises?|maneuvers?|war\s+games?|plan|moves?|"
    r"launch(?:es)?|remarks?|authorities|two\s+sides|leaders?|meeting|summit|visit|trip)\b", re.I
), ("it", "the", "he", "this", "those", "such", "she", "his"), word_start=True)
# Acts that are aimed at someone even when the sentence names nobody ("launched a cruise missile into the sea").
_MILITARY_ACT = Anchored(
    re.compile(r"\b(?:fir(?:e|ed|es|ing)|launch\w*|lobb\w*|test\w*|shell\w*|drills?|strikes?|missiles?)\b", re.I),
    ("fir", "launch", "lobb", "test", "shell", "drill", "strike", "missile"), word_start=True)


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
    targets_inferred: bool = False  # targets from the sentence before or the document's counterpart, not named


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and abbreviations used by the extractor (data files, loaded once by the caller)."""

    speech_verbs: frozenset[str]
    abbreviations: frozenset[str]
    directive_verbs: frozenset[str] = frozenset()
    speech_pattern: re.Pattern = re.compile(r"(?!x)x")
    speech_finder: AliasFinder | None = None  # finds the pattern's matches from a document's words


def load_lexicon() -> Lexicon:
    """Read the attribution verbs and abbreviations data files and compile the reporting-verb pattern."""
    rows = read_tsv(DATA_DIR / "attribution.tsv")
    speech = frozenset(r["word"] for r in rows if r["kind"] in ("speech", "directive"))
    directive = frozenset(r["word"] for r in rows if r["kind"] == "directive")
    objects = [r["word"] for r in rows if r["kind"] == "object"]
    nouns = [r["word"] for r in rows if r["kind"] == "noun"]
    alternatives = [alias_pattern(sorted(speech)).pattern]  # a trie: one pass whatever the number of verbs
    openings = sorted(speech)
    if objects and nouns:
        openings += objects
        # "issued a statement", "released a joint resolution": speech only with such an object.
        alternatives.append(r"\b(?:" + "|".join(map(re.escape, objects)) + r")\s+(?:[\w-]+\s+){0,3}?(?:"
                            + "|".join(map(re.escape, nouns)) + r")s?\b")
    return Lexicon(
        speech_verbs=speech,
        abbreviations=frozenset(r["abbreviation"] for r in read_tsv(DATA_DIR / "abbreviations.tsv")),
        directive_verbs=directive,
        speech_pattern=(pattern := re.compile("|".join(alternatives))),
        speech_finder=AliasFinder(pattern, openings),
    )


def outside_quotes(text: str) -> str:
    """`text` with quoted stretches blanked (same length), so offsets still line up."""
    if '"' not in text and "“" not in text:
        return text
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


@dataclass
class _Document:
    """What the walk through one document carries from sentence to sentence."""

    narrator: Mention | None  # the declared speaker
    mentions: list[Mention]
    speech_openings: list[str] | None  # the reporting verbs the document has (None: scan for all of them)
    last_speaker: Mention | None = None
    continuing: Mention | None = None  # a speaker introduced with a colon ("It goes on:") goes on speaking
    previous_targets: list[str] = field(default_factory=list)
    salience: Counter | None = None  # how often each country is named, counted when first needed

    def counterpart(self, country: str) -> str | None:
        """The country other than `country` the document names most (counted only in the few documents that need
        it: those with an act that names nobody)."""
        if self.salience is None:
            self.salience = Counter(r.country for m in self.mentions for r in referents(m) if r.kind != "demonym")
        return next((c for c, _ in self.salience.most_common() if c != country), None)


def extract_statements(
    body: str,
    published: date,
    actors: ActorDictionary,
    lexicon: Lexicon,
    document_speaker: str = "",
) -> list[Statement]:
    """Every statement in a cleaned body, in order, with speakers and targets resolved at `published`."""
    # The words looked up instead of scanning for every actor and reporting verb.
    words = WordIndex(body, _vocabulary(actors.words, lexicon.speech_finder.words if lexicon.speech_finder else None))
    mentions = resolve_mentions(actors.find_mentions(body, published, words))
    starts = [m.start for m in mentions]
    doc = _Document(_document_speaker(document_speaker, actors, published), mentions,
                    lexicon.speech_finder.possible(words) if lexicon.speech_finder else None)
    statements: list[Statement] = []
    pending_quote: list[Sentence] = []  # sentences inside a quotation whose speaker comes later
    quote_speaker: Statement | None = None
    for sentence in split_sentences(body, lexicon.abbreviations):
        if sentence.header:
            continue
        in_sentence = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        narrator = doc.continuing or doc.narrator
        found = [s for s in _sentence_statements(sentence, in_sentence, lexicon, doc, narrator, body) if s]
        if found:
            speakers = [s for s in found if s.speaker_country]
            if pending_quote and speakers:
                statements.extend(_continued(s, speakers[0], "quote (speaker after)") for s in pending_quote)
            pending_quote = []
            quote_speaker = speakers[0] if speakers and _opens_quote(sentence.text) else None
            if speakers and sentence.text.rstrip().endswith(":") and found[0].attribution != "document":
                doc.continuing = _as_mention(speakers[0])
        elif quote_speaker is not None:
            found = [_continued(sentence, quote_speaker, "quote (continued)")]
            if _closes_quote(sentence.text):
                quote_speaker = None
        elif _opens_quote(sentence.text) or pending_quote:
            pending_quote.append(sentence)
        elif narrator is not None:
            how = "continued (after colon)" if narrator is doc.continuing else "document"
            found = [_make(sentence, sentence.text, Finding([narrator], narrator.text, "", False, how), [],
                           in_sentence)]
        for statement in found:
            _complete_targets(statement, sentence, doc)
        statements.extend(found)
    if doc.narrator is not None:
        statements.extend(_make(s, s.text, Finding([doc.narrator], doc.narrator.text, "", False, "document"), [], [])
                          for s in pending_quote)
    for seq, statement in enumerate(statements):
        statement.seq = seq
    return statements


@lru_cache(maxsize=8)
def _vocabulary(actor_words: frozenset[str], speech_words: frozenset[str] | None) -> frozenset[str]:
    """Every word extraction looks up in a document's words (made once per dictionary and lexicon)."""
    return actor_words | speech_words if speech_words is not None else actor_words


def _complete_targets(statement: Statement, sentence: Sentence, doc: _Document) -> None:
    """Targets from context when the content only points back, or from the document when an act names none."""
    if not statement.targets and statement.speaker_country:
        if doc.previous_targets and _ANAPHOR.found_in(sentence.text, _ANAPHOR.view(sentence.text)):
            statement.targets = [t for t in doc.previous_targets if t != statement.speaker_country]
            statement.targets_inferred = bool(statement.targets)
        elif statement.is_act and _MILITARY_ACT.first(statement.content):
            counterpart = doc.counterpart(statement.speaker_country)
            if counterpart:
                statement.targets, statement.targets_inferred = [counterpart], True
    if statement.targets:
        doc.previous_targets = [*statement.targets, statement.speaker_country]
    if statement.speaker_country and not statement.is_act:
        doc.last_speaker = _as_mention(statement)


def _as_mention(statement: Statement) -> Mention:
    return Mention(0, 0, statement.speaker or "", statement.speaker_actor, statement.speaker_country, "organisation",
                   statement.speaker_role or "")


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


def _continued(sentence: Sentence, speaker: Statement, how: str) -> Statement:
    """A sentence spoken by a speaker found elsewhere (a quotation going on, a colon's continuation)."""
    return replace(speaker, sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
                   sentence=sentence.text, content=sentence.text, attribution=how, targets=[], cue="",
                   is_act=False, targets_inferred=False, modality=modality(outside_quotes(sentence.text), False))


def _clauses(text: str, blanked: str, mention_starts: set[int]) -> list[tuple[int, int, str]]:
    """Clause spans split at ', which', ', who', ';' and before a subordinate clause with its own actor."""
    breaks = [(m.start(), m.end(), m.group("rel") or "") for m in _CLAUSE_BREAK.finditer(blanked)]
    if mention_starts:  # (the breaks before a subordinate clause are those where a mention starts)
        breaks += [(m.start(), m.end(), "sub") for m in _SUBORDINATE.finditer(blanked) if m.end() in mention_starts]
    spans, start, rel = [], 0, ""
    for b_start, b_end, b_rel in sorted(breaks):
        if b_start < start:
            continue
        spans.append((start, b_start, rel))
        start, rel = b_end, b_rel
    spans.append((start, len(text), rel))
    return spans


def _sentence_statements(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, doc: _Document, narrator: Mention | None,
    body: str,
) -> list[Statement]:
    text = sentence.text
    blanked = outside_quotes(text)
    # The document's words are the sentence's, unless a sentence boundary falls inside a word.
    openings = doc.speech_openings if _whole_words(body, sentence.start, sentence.end) else None
    if not mentions and not _reporting_verbs(blanked, 0, len(text), lexicon, openings):
        # No actor and no reporting verb: no clause can have a speaker or an actor (a verb found in a clause is
        # found in the whole sentence, as every clause ends at a comma, a semicolon or a blank).
        return []
    by = sentence.start
    local = [Mention._make((m.start - by, m.end - by, *m[2:])) for m in mentions]  # sentence offsets
    outside_all = local if blanked is text else [m for m in local if not blanked[m.start : m.end].isspace()]
    statements: list[Statement] = []
    previous_clause: list[Mention] = []
    for c_start, c_end, rel in _clauses(text, blanked, {m.start for m in outside_all}):
        if c_start == 0 and c_end == len(text):  # the whole sentence (most are one clause): no copies
            in_clause, outside = local, outside_all
        else:
            in_clause = [m for m in local if c_start <= m.start < c_end]
            outside = [m for m in outside_all if c_start <= m.start < c_end]
        antecedent = previous_clause[-1:] if rel in ("which", "who") else []
        anchors = _reporting_verbs(blanked, c_start, c_end, lexicon, openings)
        if not (outside or antecedent or anchors):
            previous_clause = outside
            continue  # every rule needs a mention or a reporting verb: nothing to find
        for finding in rules.clause_findings(text, blanked, c_start, c_end, rel, outside, antecedent, anchors,
                                             lexicon.directive_verbs, doc.last_speaker, narrator):
            content = text[c_start : finding.content_end if finding.content_end is not None else c_end]
            statements.append(_make(sentence, content, finding, antecedent, in_clause, blanked))
        previous_clause = outside
    return statements


def _reporting_verbs(blanked: str, c_start: int, c_end: int, lexicon: Lexicon, openings: list[str] | None
                     ) -> list[re.Match]:
    """The clause's reporting verbs outside quotes ("said", "issued a statement"), in order."""
    if lexicon.speech_finder is None:
        return list(lexicon.speech_pattern.finditer(blanked, c_start, c_end))
    return list(lexicon.speech_finder.finditer(blanked, openings, c_start, c_end))


def _whole_words(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] neither starts nor ends inside a word (so its words are words of the body)."""
    return not cuts_word(body, start) and not cuts_word(body, end)


def _make(sentence: Sentence, content: str, finding: Finding, antecedent: list[Mention],
          in_clause: list[Mention], blanked: str | None = None) -> Statement:
    """The statement of a finding; `blanked`: the sentence with its quotes blanked, when the caller has it."""
    speaker = finding.speakers[0] if finding.speakers else None
    own = speaker.country if speaker else None
    excluded = {(m.start, m.end) for m in finding.exclude}
    targets: list[str] = []
    for resolved in [*finding.speakers[1:], *finding.extra_targets]:
        if resolved.country and resolved.country != own and resolved.country not in targets:
            targets.append(resolved.country)
    end = len(sentence.text) if finding.content_end is None else None
    for mention in [*antecedent, *in_clause]:
        if (mention.start, mention.end) in excluded or (end is None and mention.start >= finding.content_end):
            continue
        for resolved in referents(mention):
            if resolved.country and resolved.country != own and resolved.country not in targets:
                targets.append(resolved.country)
    return Statement(
        sentence_index=sentence.index,
        char_start=sentence.start,
        char_end=sentence.end,
        sentence=sentence.text,
        content=(_QUESTION_FRAME.sub("", content).strip() if "asked" in content else "") or content.strip(),
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
    )
