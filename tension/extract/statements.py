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
from tension.extract import context
from tension.extract.actors import PERSON, ActorDictionary, Mention, alias_pattern
from tension.extract.attribution import Finding, Rules, kin_pattern, predicate_pattern, referents  # noqa: F401
from tension.extract.kinds import STATE_VOICES, Kinds, load_kinds
from tension.config import DATA_DIR, load_reference_words, read_tsv
from tension.extract.scan import AliasFinder, Anchored, WordIndex, cuts_word
from tension.extract.modality import modality
from tension.extract.references import resolve_mentions
from tension.extract.sentences import Sentence, split_sentences  # noqa: F401 (re-exported)

MODALITIES = ("asserted", "threat_or_future", "hypothetical", "negated", "reported")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_BACKGROUND = frozenset({"as", "while", "amid", "even as"})  # clause openings that give background (adjudication 1)
_CLAUSE_BREAK = re.compile(r",\s+(?P<rel>which|who|as|while|amid|even as)\s+|;\s+")
# "came as the US leader prepared": a subordinate clause with its own actor (checked against mention starts).
_SUBORDINATE = re.compile(r"\s(?:as|while|when|after|because|before|since|but)\s+(?:the\s+|a\s+)?")
# The time conjunctions of those: "..., after North Korea fired a missile", "... came since Seoul began": a clause of
# them is background to the news, no row of its own (adjudication 1: "a since/after/while/as clause")
_TIME_BEFORE = re.compile(r"\s(?:after|since)\s+(?:the\s+|a\s+)?$")
# A sentence opening with such a clause up to its first comma: "After North Korea fired a missile, Seoul ..."
_TIME_LEAD = re.compile(r"(?:After|Since|Before|When|While|As|Following)\s+[^,;:]{3,160}?,\s+")
_QUESTION_FRAME = re.compile(r"\s*,?\s*\b(?:when|after being|while being|after|when he was|when she was)?\s*asked\s+"
                             r"(?:about|whether|if|on|to comment on|how)\b.*$", re.S)


def anaphor_pattern(nouns: list[str]) -> Anchored:
    """Words pointing back to what the previous sentence was about ("they", "the group", "these exercises"); the
    nouns from reference_words.tsv (use "anaphor")."""
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(nouns, key=len, reverse=True))
    return Anchored(re.compile(
        r"\b(?:they|them|their|its|it|this|these|those|such|he|she|his|her)\b|\bthe\s+(?:\w+\s+)?(?:"
        + (alternatives or "(?!x)x") + r")\b", re.I
    ), ("it", "the", "he", "this", "those", "such", "she", "his"), word_start=True)


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
    targets_inferred: bool = False  # targets from the sentence before or implied by the act, not named
    speaker_kind: str | None = None  # government, military, state_media, ... (tension/data/speaker_kinds.tsv)
    reported_by: str | None = None  # the reporter named in the text who passes the act or words on
    # countries named only as the place of the act ("entered a port in Pusan", "a US base in S. Korea"): targets
    # only when nothing else is (adjudication 7); not stored (records.py lists the stored fields)
    places: list[str] = field(default_factory=list, repr=False, compare=False)


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and abbreviations used by the extractor (data files, loaded once by the caller)."""

    speech_verbs: frozenset[str]
    abbreviations: frozenset[str]
    directive_verbs: frozenset[str] = frozenset()
    speech_pattern: re.Pattern = re.compile(r"(?!x)x")
    speech_finder: AliasFinder | None = None  # finds the pattern's matches from a document's words
    rules: Rules = Rules()  # relay and reciprocal verbs, evaluative words (attribution.tsv, evaluative_words.tsv)
    reference_words: dict | None = None  # reference_words.tsv by use
    anaphor: Anchored | None = None  # "the drills", "they": the targets of the sentence before carry over
    pointing: re.Pattern = re.compile(r"(?!x)x")  # "it", "the statement": a speaker that keeps the last one's kind
    kinds: Kinds | None = None  # speaker kinds, house vocabulary, act types
    speech_noun: re.Pattern | None = None  # "'s concerns that": right after a speaker (attribution.tsv speech_noun)


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
    kinds = load_kinds()
    words = load_reference_words()
    reciprocal = [r["word"] for r in rows if r["kind"] == "reciprocal"]
    events = [r["word"] for r in rows if r["kind"] == "reciprocal_noun"]
    rules = Rules(
        directive_verbs=directive,
        relay_verbs=frozenset(r["word"] for r in rows if r["kind"] == "relay"),
        # right after the actor, with an adverb or a day at most: "Putin met Kim", "Lavrov on Monday held talks"
        reciprocal=re.compile(r"(?:['’]s?)?\s*,?\s*(?:(?:also|again|later|then|\w+ly|on\s+\w+)\s+)?(?:"
                              + "|".join(reciprocal) + r")\b") if reciprocal else None,
        evaluative=kinds.evaluative,
        between=re.compile(r"\b(?:" + "|".join(map(re.escape, events)) + r")\s+between\s+(?:the\s+)?")
        if events else None,
        non_state_heads=frozenset(h for h, k in kinds.by_head.items() if k not in STATE_VOICES) | kinds.states_heads,
        media_heads=frozenset(h for h, k in kinds.by_head.items() if k == "media"),
        house=kinds.house,
        pointing_back=frozenset(f"the {w}" for w in words.get("pointing", ())),
        own_text=frozenset(f"the {w}" for w in words.get("own_text", ())),
        kin=kin_pattern(words.get("kin", ())),
        predicate=predicate_pattern(words.get("act_verb", ())),
        act_words=kinds.act_words,
        military_acts={country: frozenset(w for a in kinds.act_types if a.actor_country == country for w in a.words)
                       for country in {a.actor_country for a in kinds.act_types
                                       if a.actor_country != "*" and a.targets != ("-",)}},
    )
    speech_nouns = [r["word"] for r in rows if r["kind"] == "speech_noun"]
    return Lexicon(
        speech_noun=re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+)?(?:" + "|".join(map(re.escape, speech_nouns))
                               + r")\s+(?:[a-z][\w-]*\s+){0,2}?that\s+") if speech_nouns else None,
        reference_words=words,
        anaphor=anaphor_pattern(list(words.get("anaphor", ()))),
        pointing=re.compile(r"(?:it|they|the\s+(?:\w+\s+)?(?:"
                            + "|".join(map(re.escape, sorted(words.get("pointing", ())))) + r"))$", re.I),
        rules=rules,
        kinds=kinds,
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
    last_kind: str | None = None  # the kind of the last speaker ("the statement", "it" speak for it again)
    continuing: Mention | None = None
    continuing_kind: str | None = None  # a speaker introduced with a colon ("It goes on:") goes on speaking
    previous_targets: list[str] = field(default_factory=list)
    previous_speaker: str | None = None  # the actor whose statement gave the previous targets
    salience: Counter | None = None  # how often each country is named, counted when first needed
    # findings that are no statement unless given targets, by id (the dict keeps them alive: an id is only unique
    # while its object lives, and a freed one's id would mark a later statement)
    not_statements: dict[int, "Statement"] = field(default_factory=dict)
    # whether the document has a word of a joint act, a victim, a place or host, a topic, sport at all (document_cues)
    cues: tuple[bool, ...] = (True, True, True, True, True, True, True)
    year: int = 0  # the year of publication (an act "in <an earlier year>" is background)
    past: bool = True  # whether the document has a word of a past marker at all (context.past_gate)
    eulogy: bool = False  # whether it has a word praising or mourning a leader (context.eulogy_words)
    background_at: int = -1  # the start of the last sentence a finding of which was left out as an earlier act

    def counterpart(self, country: str, allies: list[str | None] = ()) -> str | None:
        """The country other than `country` (and those acting with it) the document names most (counted only in
        the few documents that need it: those with an act that names nobody)."""
        if self.salience is None:
            self.salience = Counter(r.country for m in self.mentions for r in referents(m) if r.kind != "demonym")
        return next((c for c, _ in self.salience.most_common() if c != country and c not in allies), None)


def extract_statements(
    body: str,
    published: date,
    actors: ActorDictionary,
    lexicon: Lexicon,
    document_speaker: str = "",
) -> list[Statement]:
    """Every statement in a cleaned body, in order, with speakers and targets resolved at `published`."""
    if context.is_almanac(body):
        return []  # past events listed by date: no statement (labelling guideline, the unit)
    # The words looked up instead of scanning for every actor and reporting verb.
    names = _split_compounds(body)  # "U.S.-south Korea talks": both countries are named (same length as the body)
    if not any(c.isupper() for c in body) and any(c.isalpha() for c in body):
        names = _capitalise(names, actors.capitalised)  # "south korean president moon jae-in"
    words = WordIndex(names, _vocabulary(actors.words, lexicon.speech_finder.words if lexicon.speech_finder else None,
                                         context.cue_words()))
    narrator = _document_speaker(document_speaker, actors, published)
    mentions = resolve_mentions(actors.find_mentions(names, published, words),
                                korea_context=narrator is not None and narrator.country in ("KOR", "PRK"),
                                words=lexicon.reference_words,
                                home=narrator.country if narrator is not None and narrator.kind == "media" else None)
    starts = [m.start for m in mentions]
    doc = _Document(narrator, mentions,
                    lexicon.speech_finder.possible(words) if lexicon.speech_finder else None)
    doc.cues = context.document_cues(words, body)
    doc.year = published.year
    doc.eulogy = not context.eulogy_words().isdisjoint(words)
    doc.past = not context.past_gate().isdisjoint(words) or " in 19" in body or " in 20" in body
    foreign = " de " in body and len(context.foreign_words().intersection(words)) >= 5  # (another language's)
    statements: list[Statement] = []
    pending_quote: list[Sentence] = []  # sentences inside a quotation whose speaker comes later
    quote_speaker: Statement | None = None
    for sentence in split_sentences(body, lexicon.abbreviations):
        if sentence.header or foreign and context.not_english(sentence.text) or "," in sentence.text and \
                _names_only(sentence.text):
            continue  # (a sentence in another language, or one naming without a verb, has no statement: the unit)
        in_sentence = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        narrator = doc.continuing or doc.narrator
        found = [s for s in _sentence_statements(sentence, in_sentence, lexicon, doc, narrator, body) if s]
        if narrator is not None and in_sentence and sentence.text[-1:] not in _SENTENCE_END and all(
                s.attribution.startswith("document") for s in found) and (
                voiced := _voices_in(sentence, in_sentence, narrator) or _headline_source_voice(
                    sentence, in_sentence, narrator, lexicon, doc)) is not None:
            found = [voiced]  # (the outlet's account of the act would be its own statement otherwise)
        if found:
            speakers = [s for s in found if s.speaker_country or s.speaker_kind == "diaspora_foreign"]
            if pending_quote and speakers:
                statements.extend(_continued(s, speakers[0], "quote (speaker after)") for s in pending_quote)
            pending_quote = []
            quote_speaker = speakers[0] if speakers and _opens_quote(sentence.text) else None
            if sentence.text.rstrip().endswith(":") and found[0].attribution != "document" and (
                    voice := next((s for s in found if not s.is_act), speakers[0] if speakers else None)):
                # the one whose words go on after the colon, not an act told inside them ("... the south Korean
                # people are suffering, he said, adding:" goes on in his voice, even when he is not known)
                if voice.is_act and (voice.reported_by or "").lower() in ("he", "she"):
                    # an act an unknown "he" passes on: it is he who goes on, a speaker not known
                    voice = replace(voice, speaker=voice.reported_by, speaker_actor=None, speaker_country=None,
                                    speaker_role=None, speaker_kind="people")
                doc.continuing = _as_mention(voice)
                doc.continuing_kind = voice.speaker_kind
        elif quote_speaker is not None:
            found = [_continued(sentence, quote_speaker, "quote (continued)")]
            if _closes_quote(sentence.text):
                quote_speaker = None
        elif _opens_quote(sentence.text) or pending_quote:
            pending_quote.append(sentence)
        elif narrator is not None and (narrator is doc.continuing or doc.background_at != sentence.start and not
                                       context.opens_with_earlier_year(sentence.text, doc.year)):
            # (the outlet's own account, unless what the sentence tells is an earlier act: "In August 1981 he
            # proposed ...", a finding left out as background above; a speaker going on after a colon who tells
            # the past is saying it now)
            how = "continued (after colon)" if narrator is doc.continuing else "document"
            if sentence.text.rstrip().endswith(":") and len(sentence.text.split()) <= 6:
                # "It went on:", "The white paper continued:": a frame with nothing said yet, no row (its speaker
                # goes on in the next sentences)
                continue
            found = [_make(sentence, sentence.text, Finding([narrator], narrator.text, "", False, how), [],
                           in_sentence, offset=sentence.start, doc_cues=doc.cues)]
            if lexicon.kinds is not None:
                found[0].speaker_kind = doc.continuing_kind if narrator is doc.continuing else \
                    lexicon.kinds.of_mention(narrator)
        if lexicon.kinds is not None:
            found = _voices(found, sentence, doc, lexicon.kinds)
        for statement in found:
            _complete_targets(statement, sentence, doc, lexicon.kinds, lexicon.anaphor,
                              [s.speaker_country for s in found if s is not statement and s.is_act
                               and s.content == statement.content] if len(found) > 1 else [])
        statements.extend(s for s in found if (id(s) not in doc.not_statements or s.targets) and not (
            s.cue and sentence.text.endswith(":") and _only_a_frame(s)) and not (
            s.attribution == "document" and not s.targets and _remark(sentence.text, doc, lexicon.kinds)))
    if doc.narrator is not None:
        kind = lexicon.kinds.of_mention(doc.narrator) if lexicon.kinds is not None else None
        for s in pending_quote:
            statements.append(_make(s, s.text, Finding([doc.narrator], doc.narrator.text, "", False, "document"), [],
                                    []))
            statements[-1].speaker_kind = kind
    # A leader no longer alive does nothing this week: what "the late head of state" (actors.tsv role "late ...")
    # said or did is his history as the outlet tells it — eulogies, anniversaries — background, no row
    # (adjudication 1). Before, KCNA's retelling of its late leaders' proposals to the South read as this week's
    # cooperation in the weeks of Kim Jong Il's death and Kim Il Sung's centenary.
    # Not a subject found inside another's frame ("The demise of X is a loss, the spokesman said, condemning ..."):
    # there the late leader is named, not speaking, and the statement is someone's now.
    statements = [s for s in statements if not ((s.speaker_role or "").startswith("late ")
                                                and not s.attribution.startswith("subject (framed)"))]
    for seq, statement in enumerate(statements):
        statement.seq = seq
    return statements


_LAUNCHED = re.compile(r"\b(?:test-)?(?:fired|launched|tested|fires|launches|tests)\b")


def _state_outlet_relays_launch(statement: Statement, finding: Finding, blanked: str, c_start: int, c_end: int,
                                lexicon: Lexicon) -> bool:
    """Whether a state outlet's statement only passes on its own state's launch or test ("KCNA said the country
    test-fired a new missile"): a relay verb, a military act of the outlet's country ("missile launch", "nuclear
    test": act_types.tsv rows of that country), and no evaluative word; "media" only as "state media"."""
    verb = finding.cue.split()[0]
    if verb not in lexicon.rules.relay_verbs or not statement.speaker_country or lexicon.kinds is None or (
            statement.speaker_kind == "media" and "state" not in (finding.phrase or finding.speaker_text)):
        return False
    act = lexicon.kinds.implied_act(statement.speaker_country, statement.content, True)
    if act is None or act.actor_country != statement.speaker_country or not _LAUNCHED.search(statement.content):
        return False  # (a launch told as done: "fired", "launched", "test-fired"; not "an upgrade of its deterrent")
    evaluative = lexicon.rules.evaluative
    return evaluative is None or not evaluative.search(blanked, c_start, c_end)


def _remark(text: str, doc: _Document, kinds: Kinds | None) -> bool:
    """Whether the outlet's own sentence with no target is a general remark, no statement: not when it praises or
    mourns a leader (domestic self-praise is a statement with no target, adjudication 10) or speaks in the outlet's
    house vocabulary ("the puppet traitors")."""
    return not doc.eulogy and not (kinds is not None and kinds.house.search(text))


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]*")
_LONG_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]{4}")
_JOINERS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "with", "or"})


def _names_only(text: str) -> bool:
    """Whether a sentence is a list of names and nothing else ("The Workers' Party of Korea, the Social Democratic
    Party and the Chongu Party."): ending in a full stop, with a comma or "and", and no lowercase word but those
    joining names: no verb, no statement (labelling guideline: a unit with nothing attributable). Three names at
    least (a title-case headline with a full stop, "The U.S. and Japan Stage Drills.", keeps its verb)."""
    if not text.endswith(".") or "," not in text or (text.count(",") < 2 and " and " not in text) or len(text) > 400 \
            or _LONG_LOWER_WORD.search(text):
        return False  # (a lowercase word of five letters or more is no joiner: most sentences stop here)
    return all(w in _JOINERS for w in _LOWER_WORD.findall(text))


_COMPOUND = re.compile(r"-(?=[A-Za-z])")
_WORDS = re.compile(r"[a-z]\w*")


def _capitalise(text: str, capitalised: dict[str, str]) -> str:
    """A text written all in lower case with the words of names written as the dictionary writes them (same
    length): "south korean president moon jae-in" -> "South Korean President Moon Jae-in". A single letter is
    taken only before a full stop ("u.s."), never the "s" of "'s"."""
    def write(match: re.Match) -> str:
        word = match.group(0)
        if len(word) == 1 and text[match.end() : match.end() + 1] != ".":
            return word
        return capitalised.get(word, word)

    return _WORDS.sub(write, text)


def _split_compounds(body: str) -> str:
    """`body` with the hyphen of a compound of names made a space ("U.S.-south Korea", "south Korea-U.S.",
    "DPRK-China"): a hyphen after an initialism or before one. Names with a hyphen of their own ("Kim Jong-un",
    "Asia-Pacific") keep it."""
    if "-" not in body:
        return body

    def space(match: re.Match) -> str:
        at = match.start()
        left = body[max(0, at - 5) : at]
        right = body[at + 1 : at + 6]
        initialism = (left[-1:] == "." or left[-2:].isupper()) or right[:2].isupper() or right[1:2] == "."
        return " " if initialism and left[-1:].isalpha() or left[-1:] == "." else "-"

    return _COMPOUND.sub(space, body)


@lru_cache(maxsize=8)
def _vocabulary(actor_words: frozenset[str], speech_words: frozenset[str] | None,
                cue_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every word extraction looks up in a document's words (made once per dictionary and lexicon)."""
    return actor_words | cue_words | (speech_words or frozenset())


def _complete_targets(statement: Statement, sentence: Sentence, doc: _Document, kinds: Kinds | None,
                      anaphor: Anchored | None, co_actors: list[str | None] = ()) -> None:
    """Targets from context when the content only points back, or implied by the act when it names none
    (act_types.tsv: a DPRK launch bears on KOR, JPN and USA). `co_actors`: the countries doing the same act in the
    sentence ("Iran and Syria held joint drills"), never the counterpart an act implies."""
    act = kinds.implied_act(statement.speaker_country, statement.content, statement.is_act) if (
        statement.speaker_country and kinds is not None and statement.speaker_kind != "state_media") else None
    implied = act.targets if act is not None else None
    if implied and statement.is_act and statement.speaker_kind == "government":
        statement.speaker_kind = "military"  # a state's launch or drill is its military's act
    if implied == ("-",):
        implied = None  # military, but aimed at no one in particular
    if implied and statement.targets and act.actor_country != "*":
        # "fired a missile toward Japan": the targets the act implies besides the one named
        statement.targets.extend(t for t in implied if t not in statement.targets and t != statement.speaker_country)
    if not statement.targets and statement.speaker_country:
        if implied:
            if implied == ("counterpart",):
                counterpart = doc.counterpart(statement.speaker_country, co_actors)
                implied = (counterpart,) if counterpart else ()
            statement.targets = [t for t in implied if t != statement.speaker_country]
            statement.targets_inferred = bool(statement.targets)
        elif doc.previous_targets and anaphor is not None and anaphor.found_in(sentence.text,
                                                                               anaphor.view(sentence.text)) and \
                not _own_person_only(statement, sentence, doc, anaphor):
            statement.targets = [t for t in doc.previous_targets if t != statement.speaker_country]
            statement.targets_inferred = bool(statement.targets)
    if not statement.targets and statement.places:
        statement.targets = [t for t in statement.places if t != statement.speaker_country]  # only a place: it is
    if doc.eulogy and statement.targets and statement.speaker_country and kinds is not None and \
            context.own_leader_praised(statement.content, statement.speaker_country, statement.speaker_role,
                                       _people(sentence, doc)) and \
            not kinds.house.search(body := outside_quotes(statement.content)) and not kinds.evaluative.search(body):
        # "He made a new history of national reunification", "His feats for the north-south summits will last
        # forever": praise of one's own leader is domestic self-praise, no target (adjudication 10); not when the
        # words also evaluate the other side ("slamming the south Korean authorities for blocking condolences")
        statement.targets, statement.targets_inferred = [], False
    if statement.targets:
        doc.previous_targets = [*statement.targets, *([statement.speaker_country] if statement.speaker_country else [])]
        doc.previous_speaker = statement.speaker_actor
    if (statement.speaker_country or statement.speaker_kind == "diaspora_foreign") and (
            not statement.is_act or (doc.narrator is not None and statement.speaker_kind in _RELAYED_GROUPS)) and \
            not statement.attribution.startswith(("document", "continued")):
        # (a group whose act an outlet relays is who "they" are next: "The Council held a rally. ... they said")
        # (the outlet's own sentences do not change who "it" and "the statement" point back to)
        doc.last_speaker = _as_mention(statement)
        doc.last_kind = statement.speaker_kind


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})


def _only_a_frame(statement: Statement) -> bool:
    """Whether a statement of a sentence ending in a colon is only the frame that introduces what follows
    ("A radio station said:", "Commenting on it, an analyst of the daily said:"): no content of its own;
    the speaker goes on in the next sentences (doc.continuing), which carry the statements."""
    at = statement.content.rfind(statement.cue)
    if at >= 0 and not statement.targets and not statement.is_act and \
            len(statement.content[at + len(statement.cue):].split()) <= 8:
        return True  # "A spokesman said in a press statement on Monday:", "X told the newspaper:": about no one
    if at < 0 or len(statement.content[at + len(statement.cue):].split()) > 2:
        return False
    return all(part.split()[:1] and part.split()[0].endswith("ing") for part in statement.content[:at].split(", ")[:-1])


def _people(sentence: Sentence, doc: _Document) -> list[Mention]:
    """The persons a sentence names or points to, in order; a sentence opening with "His"/"He" that names no one
    first points to the last person named before it."""
    key = lambda m: m.start  # noqa: E731
    lo, hi = bisect_left(doc.mentions, sentence.start, key=key), bisect_left(doc.mentions, sentence.end, key=key)
    people = [r for m in doc.mentions[lo:hi] for r in (m.refers_to or (m,)) if r.kind == PERSON]
    if sentence.text.startswith(("His ", "He ")) and not (lo < hi and doc.mentions[lo].start == sentence.start):
        before = next((r for m in reversed(doc.mentions[max(0, lo - 20):lo]) for r in (m.refers_to or (m,))
                       if r.kind == PERSON), None)
        if before is not None:
            people.insert(0, before)
    return people


def _own_person_only(statement: Statement, sentence: Sentence, doc: _Document, anaphor: Anchored) -> bool:
    """Whether the only words pointing back are "he"/"his" for a person of the speaker's own side who did not give
    the previous targets: "He made a new history of national reunification", "His demise is a loss to the nation"
    in a DPRK outlet's eulogy are about its own leader, not aimed at the South the sentence before named (guideline:
    domestic self-praise has no target). "She said ..." after Zakharova's own statement keeps its targets."""
    if any(m.group(0).lower() not in _PERSONAL for m in anaphor.pattern.finditer(sentence.text)):
        return False
    lo = bisect_left(doc.mentions, sentence.start, key=lambda m: m.start)
    people = [r for m in doc.mentions[lo : bisect_left(doc.mentions, sentence.end, key=lambda m: m.start)]
              if m.backref in _PERSONAL for r in m.refers_to]
    return bool(people) and all(r.country == statement.speaker_country and r.actor != doc.previous_speaker
                                for r in people)


_RELAYED_GROUPS = frozenset({"civic", "diaspora_foreign", "media"})
_SENTENCE_END = frozenset('.!?"”’):')
_DIASPORA = re.compile(r"\bKoreans?\s+(?:in|living|residing)\b|\bcompatriots\b|\boverseas\b|\bChongryon\b", re.I)
_OFFICE = re.compile(r"\b(?:ministry|office|government|embassy|military|army|navy|command|agency|spokes\w+)\b", re.I)
_NAME_AFTER = re.compile(r"\|\s+(?:[A-Z]{2,}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b(?!\s+(?:[Mm]inistry|[Oo]ffice|[Gg]overnment))")
_OWNER = re.compile(r"\b(?:of|in|from)\s+(?:the\s+)?\|")


def _speaker_kind(finding: Finding, kinds: Kinds | None, doc: _Document, pointing: re.Pattern) -> str | None:
    """What sort of voice the finding's speaker is: a head word of its phrase ("a KINU researcher"), the kind of
    the speaker it points back to ("the statement"), else its actor's kind (speaker_kinds.tsv)."""
    if kinds is None:
        return None
    speaker = finding.speakers[0] if finding.speakers else None
    phrase = finding.phrase or finding.speaker_text
    # The speaker's own name is taken out of the phrase before its head word is read; a back-reference resolved to
    # a named speaker ("the statement" -> KCNA) keeps its phrase: the back-reference is what tells the kind.
    if speaker is not None and speaker.text and (speaker.text == finding.speaker_text or (
            speaker.kind == "organisation" and speaker.country and finding.how == "act subject (group)")):
        # (and a state body's own name inside a group's phrase: "The Secretariat of the Committee for ...": its
        # "Committee" is no head of a civic group)
        phrase = phrase.replace(speaker.text, " ")
    head = None if kinds.house.search(phrase) else kinds.of_head(phrase)
    if head in ("academic", "media") and speaker is not None and kinds.of_mention(speaker) == "state_media":
        return "state_media"  # "a Minju Joson news analyst" speaks for the paper, a state outlet
    if head:
        return head
    if speaker is not None and speaker.kind == "demonym" and finding.how == "according to" and \
            _NAME_AFTER.match(phrase):
        return "media"  # "according to south Korean CBS": a source of that country the dictionary does not know
    if speaker is not None and speaker.kind in ("state", "capital", "demonym") and _OWNER.search(phrase) and \
            not _OFFICE.search(phrase):
        return "people"  # "Rev. Han, a reunification champion of [south Korea]": a person, not the state
    if speaker is not None and pointing.match(finding.speaker_text.strip()) and doc.last_speaker is not None \
            and doc.last_speaker.country == speaker.country and doc.last_kind:
        return doc.last_kind
    if speaker is None:
        return "people"  # a speaker of no state with no telling head ("a source", "critics")
    return kinds.of_mention(speaker)


def _voices(found: list[Statement], sentence: Sentence, doc: _Document, kinds: Kinds) -> list[Statement]:
    """Whose voice each statement is in a document with a declared speaker (a KCNA release): a relayed voice keeps
    its identity and is reported by the outlet; the other side's state voices told in the outlet's house vocabulary
    ("the puppet warmongers claimed") are the outlet's own paraphrase, so the outlet's statement about them."""
    narrator = doc.narrator
    if narrator is None:
        return found
    narrator_kind = kinds.of_mention(narrator)
    out: list[Statement] = []
    own: Statement | None = None
    for statement in found:
        if statement.speaker_actor == narrator.actor:
            statement.speaker_kind = statement.speaker_kind if statement.attribution not in (
                "document", "document (account of an act)") else narrator_kind
        elif narrator_kind == "state_media" and statement.speaker_country and \
                statement.speaker_country != narrator.country and statement.speaker_kind in STATE_VOICES and (
                kinds.house.search(statement.speaker or "") or kinds.house.search(outside_quotes(statement.content))):
            targets = [t for t in [statement.speaker_country, *statement.targets] if t != narrator.country]
            statement = replace(statement, speaker=narrator.text, speaker_actor=narrator.actor,
                                speaker_country=narrator.country, speaker_role=narrator.role or None, cue="",
                                is_act=False, attribution="document (house vocabulary)", targets=targets,
                                speaker_kind=narrator_kind, reported_by=None, targets_inferred=False)
        elif not statement.reported_by:
            statement.reported_by = narrator.text
        if statement.speaker_kind in ("civic", "party_legislature") and narrator.country in kinds.home and \
                statement.speaker_country and statement.speaker_country not in kinds.home[narrator.country]:
            # "The Working Citizens' Association of Congo denounced ...", in a KCNA release: a foreign group
            statement.speaker_kind = "diaspora_foreign"
        if statement.speaker_actor == narrator.actor:
            if own is not None:  # one statement of the outlet per sentence: its targets merged
                own.targets.extend(t for t in statement.targets if t not in own.targets)
                continue
            own = statement
        out.append(statement)
    return out


def _as_mention(statement: Statement) -> Mention:
    """A statement's speaker as a mention (spanning its sentence; its kind the speaker's kind)."""
    return Mention(statement.char_start, statement.char_end, statement.speaker or "", statement.speaker_actor,
                   statement.speaker_country, statement.speaker_kind or "organisation", statement.speaker_role or "")


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


# An outlet's headline that passes on what voices in a country said: "Improved Relations Called for in S. Korea",
# "War Moves Denounced in Japan" (a country's groups or people, told without their name: civic, reported by the
# outlet).
@lru_cache(maxsize=1)
def _voices_in_pattern() -> re.Pattern:
    """The "<verb> in [the]" right before a headline's last country (reference_words.tsv, use headline_voice)."""
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in load_reference_words().get("headline_voice", ()))
    return re.compile(r"\b(?:" + (verbs or "(?!x)x") + r")\s+in\s+(?:the\s+)?$", re.I)


def _voices_in(sentence: Sentence, mentions: list[Mention], narrator: Mention) -> Statement | None:
    """The statement of a title-case headline "<what> Called for in <country>" in an outlet's document: the
    country's voices (civic), reported by the outlet; None for any other sentence."""
    if not mentions or "in" not in sentence.text:
        return None
    last = mentions[-1]
    at, end = last.start - sentence.start, last.end - sentence.start
    if not last.resolved or sentence.text[end:].strip(" .!\"'”’") or \
            not _voices_in_pattern().search(sentence.text, 0, at) or not rules._title_case(sentence.text):
        return None
    statement = _make(sentence, sentence.text, Finding([last], last.text, "", False, "headline (voices in)",
                                                       exclude=[last], reported_by=narrator.text),
                      [], mentions, offset=sentence.start)
    statement.speaker_kind = "civic"
    return statement


# A title-case headline's source after a colon or "by" at its end ("...: Indian Daily", "... Condemned by French
# Groups"), of at most five words.
_HEADLINE_BY = re.compile(r"(?::\s+|\s(?:[A-Z][a-z]+ed|[A-Z][a-z]+en)\s+by\s+)"
                          r"(?P<source>(?:[A-Z][\w'’.-]*\s+|of\s+|the\s+){0,4}[A-Z][\w'’.-]*)\s*$")


def _headline_source_voice(sentence: Sentence, mentions: list[Mention], narrator: Mention, lexicon: Lexicon,
                           doc: _Document) -> Statement | None:
    """The statement of a title-case headline that names its source at its end ("...: Indian Daily", "...
    Condemned by French Groups", "...: Rodong Sinmun"): the source's, reported by the outlet (guideline: a state
    outlet relaying a group), not the outlet's own; None for any other sentence."""
    if lexicon.kinds is None or (":" not in sentence.text and " by " not in sentence.text):
        return None
    by = _HEADLINE_BY.search(sentence.text)
    if by is None or not rules._title_case(sentence.text):
        return None
    at = sentence.start + by.start("source")
    inside = [m for m in mentions if m.start >= at]
    speakers = [r for m in inside[:1] for r in referents(m)][:1]
    source = by.group("source")
    if not speakers and not rules.names_group(source, lexicon.rules):
        return None  # ("... Was Drawn by U.S." is the headline's own words)
    if speakers and not rules.names_group(source, lexicon.rules) and lexicon.kinds.of_mention(speakers[0]) not in (
            "state_media", "media"):
        return None  # ("... Denounced by DPRK": the state itself, no source of the outlet's)
    finding = Finding(speakers, source, "", False, "headline (source)", exclude=inside[:1],
                      reported_by=narrator.text, phrase=source)
    statement = _make(sentence, sentence.text, finding, [], mentions, offset=sentence.start)
    statement.speaker_kind = _speaker_kind(finding, lexicon.kinds, doc, lexicon.pointing)
    if statement.speaker_kind == "diaspora_foreign" and _DIASPORA.search(source):
        statement.speaker_country = statement.speaker_actor = None
    return statement


def _continued(sentence: Sentence, speaker: Statement, how: str) -> Statement:
    """A sentence spoken by a speaker found elsewhere (a quotation going on, a colon's continuation)."""
    return replace(speaker, sentence_index=sentence.index, char_start=sentence.start, char_end=sentence.end,
                   sentence=sentence.text, content=sentence.text, attribution=how, targets=[], cue="",
                   is_act=False, targets_inferred=False, modality=modality(outside_quotes(sentence.text), False))


# A headline's leading label of one or two words before a colon ("Lawmakers: ...", "Analysis: ...").
_LABEL = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?:\s+(?=[A-Z])")


def _clauses(text: str, blanked: str, mention_starts: set[int], speech_verbs: frozenset[str] = frozenset()
             ) -> list[tuple[int, int, str]]:
    """Clause spans split at ', which', ', who', ';' and before a subordinate clause with its own actor."""
    breaks = [(m.start(), m.end(), m.group("rel") or "") for m in _CLAUSE_BREAK.finditer(blanked)]
    if ":" in blanked[:30] and (label := _LABEL.match(blanked)) is not None and not (
            speech_verbs and not speech_verbs.isdisjoint(label.group(0).lower().replace(":", " ").split())):
        # "Lawmakers: <a source> says ...", "Exclusive: ...": a headline's label, then the clause
        breaks.append((label.end() - 1, label.end(), ""))
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
    lead_end = 0  # "After North Korea fired a missile, Seoul held a meeting": an actor of the opening clause acts
    if text[:1] in "ABFSW" and (lead := _TIME_LEAD.match(blanked)) is not None:  # in the background, no row of its
        lead_end = lead.end()  # own (adjudication 1); its countries stay the main clause's targets
    for c_start, c_end, rel in _clauses(text, blanked, {m.start for m in outside_all}, lexicon.speech_verbs):
        if c_start == 0 and c_end == len(text):  # the whole sentence (most are one clause): no copies
            in_clause, outside = local, outside_all
        else:
            in_clause = [m for m in local if c_start <= m.start < c_end]
            outside = [m for m in outside_all if c_start <= m.start < c_end]
        antecedent = previous_clause[-1:] if rel in ("which", "who") else []
        if rel in _BACKGROUND or ((antecedent and rel in ("who", "which") or rel == "sub" and (
                _AS_BEFORE.search(blanked, max(0, c_start - 12), c_start) or
                _TIME_BEFORE.search(blanked, max(0, c_start - 12), c_start))) and any(
                s.attribution == "speech verb" and not s.is_act for s in statements)):
            # ("Seoul condemned the launch after North Korea fired ...", "After North Korea fired a missile, Seoul
            # ...": a since/after clause is background, no row of its own; adjudication 1)
            # (who / which after a speaker's words: "The statements praised Kim Jong Il as the leader who provided
            # two summits", "Seoul condemned the launch, which violated UN resolutions": the relative clause is
            # part of what the speaker said, not an act of its own; adjudication 1)
            # "..., as the two countries trade heated rhetoric", "..., amid tension with Seoul": background to the
            # news, no row of its own (adjudication 1)
            previous_clause = outside
            continue
        anchors = _reporting_verbs(blanked, c_start, c_end, lexicon, openings)
        if not (outside or antecedent or anchors):
            previous_clause = outside
            continue  # every rule needs a mention or a reporting verb: nothing to find
        findings = rules.clause_findings(text, blanked, c_start, c_end, rel, outside, antecedent, anchors,
                                         lexicon.rules, doc.last_speaker, narrator)
        if lead_end and c_start == 0 and findings:
            kept = [f for f in findings if not ((actor := f.exclude or f.speakers) and
                                                 all(m.start < lead_end for m in actor))]
            if len(kept) < len(findings) and not kept:
                # (the opening clause's actor was found first: the news is what follows it, its countries still
                # targets as mentions of the clause)
                kept = rules.clause_findings(text, blanked, lead_end, c_end, rel,
                                             [m for m in outside if m.start >= lead_end], antecedent,
                                             _reporting_verbs(blanked, lead_end, c_end, lexicon, openings),
                                             lexicon.rules, doc.last_speaker, narrator)
            findings = kept
        for finding in findings:
            begin = c_start if finding.content_start is None else finding.content_start
            if doc.past and context.before_the_week(blanked, c_start, c_end, finding, doc.year) or doc.eulogy and \
                    context.opens_with_earlier_year(blanked, doc.year, c_start, c_end):
                # (a document praising or mourning a leader that opens a sentence with an earlier year is telling
                # his history: "In August 1981 he proposed ...")
                # "X previously warned ...", "... said last month", "fired a missile in 2021": an earlier act,
                # background to the news, no row (adjudication 1) — nor the outlet's account of it below
                doc.background_at = sentence.start
                continue
            content = text[begin : finding.content_end if finding.content_end is not None else c_end]
            statement = _make(sentence, content, finding, antecedent, in_clause, blanked, doc_cues=doc.cues)
            if finding.how in ("reported act", "nested") and statement.modality == "hypothetical" and any(
                    not f.is_act and f.speaker_text == finding.reported_by for f in findings):
                # "Analysts warned that North Korea could be testing cruise missiles": what analysts or experts
                # guess a state may do is their statement about it, no act of that state (the gold set's reading)
                continue
            statement.speaker_kind = _speaker_kind(finding, lexicon.kinds, doc, lexicon.pointing)
            if statement.speaker_kind in ("state_media", "media") and not finding.is_act and finding.cue and \
                    _state_outlet_relays_launch(statement, finding, blanked, c_start, c_end, lexicon):
                # "North Korea's state media said the country launched a satellite": the outlet passes on its
                # state's launch; the actor is the state's military, reported by the outlet (guideline: reporter vs
                # actor; the outlet gets no row for passing on a fact)
                outlet = "state media" if "state" in (finding.phrase or "") else finding.speaker_text
                statement = replace(statement, is_act=True, speaker_kind="military", attribution="reported act",
                                    reported_by=outlet, speaker_actor=None)
            if statement.speaker_kind == "diaspora_foreign" and _DIASPORA.search(finding.phrase or finding.speaker_text):
                # "the Federation of Koreans in the U.S.": a diaspora speaks for no state (labelling guideline)
                statement.speaker_country = statement.speaker_actor = None
            if finding.how == "act subject" and not statement.targets and statement.speaker_kind not in STATE_VOICES \
                    and lexicon.kinds is not None and lexicon.kinds.of_head(finding.phrase):
                # "South Korean team DRX won", "The South Korean company ... unveiled": an act of a voice that is no
                # state, aimed at no country, is no statement (labelling guideline: about or aimed at a country);
                # it stays in the walk (the sentence is not the outlet's) and is left out at the end
                doc.not_statements[id(statement)] = statement
            statements.append(statement)
        if lexicon.speech_noun is not None and doc.cues[5] and "that" in blanked[c_start:c_end]:
            statements.extend(_speech_nouns(sentence, blanked, c_start, c_end, outside, in_clause, statements,
                                            lexicon, doc))
        previous_clause = outside
    if "–" in text or "—" in text or " - " in text:
        statements = _headline_source(sentence, text, statements, local, lexicon, doc)
    if statements and doc.cues[4] and context.about_sport(text):
        # "South Korea beat Portugal with a late goal": national teams, no states acting
        statements = [s for s in statements if not (s.is_act and s.attribution in _TEAM_ACTS)]
    return statements


_AS_BEFORE = re.compile(r"\sas\s+(?:the\s+|a\s+)?$")  # "praised Kim as the leader who ...": "as" before a clause
_TEAM_ACTS = frozenset({"act subject", "mutual", "nested", "passive agent"})



def _speech_nouns(sentence: Sentence, blanked: str, c_start: int, c_end: int, outside: list[Mention],
                  in_clause: list[Mention], found: list[Statement], lexicon: Lexicon, doc: _Document
                  ) -> list[Statement]:
    """The statements of "X's concerns that ...", "Moscow's warning that ..." in a clause (adjudication 2: a speech
    noun with content keeps a row), for speakers the clause has no statement of yet."""
    out: list[Statement] = []
    for mention in outside:
        noun = lexicon.speech_noun.match(blanked, mention.end, c_end)
        if noun is None or not referents(mention) or not referents(mention)[0].country:
            continue
        speaker = referents(mention)[0]
        if any(s.speaker_country == speaker.country for s in [*found, *out]):
            continue
        finding = Finding([speaker], mention.text, noun.group(0).strip(), False, "speech noun", exclude=[mention],
                          content_start=noun.end())
        statement = _make(sentence, sentence.text[noun.end() : c_end], finding, [], in_clause, blanked,
                          doc_cues=doc.cues)
        statement.speaker_kind = _speaker_kind(finding, lexicon.kinds, doc, lexicon.pointing)
        out.append(statement)
    return out


_OPINION = re.compile(r"\b(?:should|must|would|could|may|might|need to|ought)\b", re.I)
# A headline's source after a dash: "Washington should redeploy nukes to South Korea – Bolton", "... – Yonhap".
_DASH_SOURCE = re.compile(r"\s[–—-]\s*(?P<source>[A-Z][^–—\"“”]{1,40}?)\s*$")


def _headline_source(sentence: Sentence, text: str, found: list[Statement], local: list[Mention], lexicon: Lexicon,
                     doc: _Document) -> list[Statement]:
    """A headline closing on a dash and its source: the source says the headline (a person, a state), or passes it
    on (an outlet, "agency": then what the headline tells keeps its actors, reported by it)."""
    dash = _DASH_SOURCE.search(text)
    if dash is None or len(dash.group("source").split()) > 5:
        return found
    source = dash.group("source")
    inside = [m for m in local if m.start >= dash.start("source")]
    resolved = [r for m in inside[:1] for r in referents(m)]
    kind = lexicon.kinds.of_head(source) if lexicon.kinds is not None else None
    told = [f for f in found if f.is_act and f.speaker_country and not _OPINION.search(f.content) and (
        not resolved or f.speaker_country != resolved[0].country)]
    if (resolved and resolved[0].kind == "media") or kind == "media" or told or \
            source.lower() in ("agency", "report", "media"):
        # an outlet, or someone passing on another side's act ("N. Korea fires missile – S. Korean military")
        for statement in found:
            if not statement.reported_by:
                statement.reported_by = source
        return [s for s in found if not (s.speaker or "").startswith(source)]
    finding = Finding(resolved[:1], source, "", False, "speech verb (headline)", exclude=inside,
                      content_end=dash.start(), phrase=source)
    statement = _make(sentence, text[: dash.start()], finding, [], local)
    statement.speaker_kind = _speaker_kind(finding, lexicon.kinds, doc, lexicon.pointing)
    return [statement]


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
            ) or (topic and context.TOPIC.search(text, max(0, at - 40), at) is not None)
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
        reported_by=finding.reported_by or None,
        places=places,
    )
