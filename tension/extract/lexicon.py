"""The extractor's word lists, read once by the caller: reporting verbs (attribution.tsv) compiled into one pattern
and a finder over a document's words, the clause rules' lists (`Rules`), words pointing back ("the drills", "it"),
speaker kinds and act types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tension.config import DATA_DIR, load_reference_words, read_tsv
from tension.extract.actors import alias_pattern
from tension.extract.acts import kin_pattern, predicate_pattern
from tension.extract.findings import Rules
from tension.extract.kinds import STATE_VOICES, Kinds, load_kinds
from tension.extract.scan import NEVER, NEVER_MATCHES, Anchored
from tension.extract.word_index import AliasFinder


def anaphor_pattern(nouns: list[str]) -> Anchored:
    """Words pointing back to what the previous sentence was about ("they", "the group", "these exercises"); the
    nouns from reference_words.tsv (use "anaphor")."""
    alternatives = "|".join(r"\s+".join(map(re.escape, n.split())) for n in sorted(nouns, key=len, reverse=True))
    return Anchored(re.compile(
        r"\b(?:they|them|their|its|it|this|these|those|such|he|she|his|her)\b|\bthe\s+(?:\w+\s+)?(?:"
        + (alternatives or NEVER) + r")\b", re.I
    ), ("it", "the", "he", "this", "those", "such", "she", "his"), word_start=True)


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and abbreviations used by the extractor (data files, loaded once by the caller)."""

    speech_verbs: frozenset[str]
    abbreviations: frozenset[str]
    directive_verbs: frozenset[str] = frozenset()
    speech_pattern: re.Pattern = NEVER_MATCHES
    speech_finder: AliasFinder | None = None  # finds the pattern's matches from a document's words
    rules: Rules = Rules()  # relay and reciprocal verbs, evaluative words (attribution.tsv, evaluative_words.tsv)
    reference_words: dict | None = None  # reference_words.tsv by use
    anaphor: Anchored | None = None  # "the drills", "they": the targets of the sentence before carry over
    pointing: re.Pattern = NEVER_MATCHES  # "it", "the statement": a speaker that keeps the last one's kind
    kinds: Kinds | None = None  # speaker kinds, house vocabulary, act types
    speech_noun: re.Pattern | None = None  # "'s concerns that": right after a speaker (attribution.tsv speech_noun)
    # "said it detected ...": what a military only saw (reference_words.tsv detection)
    detection: re.Pattern | None = None


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
        inverted_verbs=frozenset(r["word"] for r in rows if r["kind"] == "inverted"),
        evidential_verbs=frozenset(r["word"] for r in rows if r["kind"] == "evidential"),
        speech_participles=frozenset(w for w in speech if w.endswith("ed") or w in ("said", "told", "written")),
        # right after the actor, with an adverb or a day at most: "Putin met Kim", "Lavrov on Monday held talks"
        reciprocal=re.compile(r"(?:['’]s?)?\s*,?\s*(?:(?:also|again|later|then|\w+ly|on\s+\w+)\s+)?(?:"
                              + "|".join(reciprocal) + r")\b") if reciprocal else None,
        evaluative=kinds.evaluative,
        between=re.compile(r"\b(?:" + "|".join(map(re.escape, events)) + r")\s+between\s+(?:the\s+)?")
        if events else None,
        # after the compound's second side, a modifier or two at most: "Russia-South Korea inter-agency consultations"
        paired_background=frozenset(words.get("paired_background", ())),
        paired=re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + "|".join(map(re.escape, events)) + r")\b")
        if events else None,
        non_state_heads=frozenset(h for h, k in kinds.by_head.items() if k not in STATE_VOICES) | kinds.states_heads,
        media_heads=frozenset(h for h, k in kinds.by_head.items() if k == "media"),
        house=kinds.house,
        pointing_back=frozenset(f"the {w}" for w in words.get("pointing", ())),
        relayed_text=frozenset(f"the {w}" for w in words.get("relayed_text", ())),
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
        detection=re.compile(r"\b(?:said|says|saying|reported|announced|that)\s+(?:that\s+)?(?:it|they|we)\s+"
                             r"(?:(?:had|has|have)\s+)?(?:"
                             + "|".join(map(re.escape, words["detection"])) + r")\b", re.I)
        if words.get("detection") else None,
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


def reporting_verbs(blanked: str, c_start: int, c_end: int, lexicon: Lexicon, openings: list[str] | None
                     ) -> list[re.Match]:
    """The clause's reporting verbs outside quotes ("said", "issued a statement"), in order."""
    if lexicon.speech_finder is None:
        return list(lexicon.speech_pattern.finditer(blanked, c_start, c_end))
    return list(lexicon.speech_finder.finditer(blanked, openings, c_start, c_end))
