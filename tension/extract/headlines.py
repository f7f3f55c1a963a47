"""Headlines that name their source: after a dash ("... – Bolton", "... – Yonhap": the source says it, or an outlet
passes it on), after a colon or "by" in a title-case headline ("...: Indian Daily", "... Condemned by French
Groups": the source's statement, reported by the outlet), and "<what> Called for in <country>" (that country's
voices, civic, reported by the outlet)."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.findings import Finding, Statement, referents
from tension.extract.groups import names_group
from tension.extract.lexicon import Lexicon
from tension.extract.mentions import Mention
from tension.extract.scan import phrase_alternatives
from tension.extract.sentences import Sentence, title_case
from tension.extract.speaker_kind import DIASPORA, kind_of_speaker
from tension.extract.targets import make_statement
from tension.extract.walk import Walk


# An outlet's headline that passes on what voices in a country said: "Improved Relations Called for in S. Korea",
# "War Moves Denounced in Japan" (a country's groups or people, told without their name: civic, reported by the
# outlet).
@lru_cache(maxsize=1)
def _voices_in_pattern() -> re.Pattern:
    """The "<verb> in [the]" right before a headline's last country (reference_words.tsv, use headline_voice)."""
    verbs = phrase_alternatives(load_reference_words().get("headline_voice", ()))
    return re.compile(r"\b(?:" + verbs + r")\s+in\s+(?:the\s+)?$", re.I)


def voices_in_headline(sentence: Sentence, mentions: list[Mention], narrator: Mention) -> Statement | None:
    """The statement of a title-case headline "<what> Called for in <country>" in an outlet's document: the
    country's voices (civic), reported by the outlet; None for any other sentence."""
    if not mentions or "in" not in sentence.text:
        return None
    last = mentions[-1]
    at, end = last.start - sentence.start, last.end - sentence.start
    if not last.resolved or sentence.text[end:].strip(" .!\"'”’") or \
            not _voices_in_pattern().search(sentence.text, 0, at) or not title_case(sentence.text):
        return None
    statement = make_statement(sentence, sentence.text, Finding([last], last.text, "", False, "headline (voices in)",
                                                       exclude=[last], reported_by=narrator.text),
                      [], mentions, offset=sentence.start)
    statement.speaker_kind = "civic"
    return statement


# A title-case headline's source after a colon or "by" at its end ("...: Indian Daily", "... Condemned by French
# Groups"), of at most five words.
_HEADLINE_BY = re.compile(r"(?::\s+|\s(?:[A-Z][a-z]+ed|[A-Z][a-z]+en)\s+by\s+)"
                          r"(?P<source>(?:[A-Z][\w'’.-]*\s+|of\s+|the\s+){0,4}[A-Z][\w'’.-]*)\s*$")


def headline_source_voice(sentence: Sentence, mentions: list[Mention], narrator: Mention, lexicon: Lexicon,
                           doc: Walk) -> Statement | None:
    """The statement of a title-case headline that names its source at its end ("...: Indian Daily", "...
    Condemned by French Groups", "...: Rodong Sinmun"): the source's, reported by the outlet (guideline: a state
    outlet relaying a group), not the outlet's own; None for any other sentence."""
    if lexicon.kinds is None or (":" not in sentence.text and " by " not in sentence.text):
        return None
    by = _HEADLINE_BY.search(sentence.text)
    if by is None or not title_case(sentence.text):
        return None
    at = sentence.start + by.start("source")
    inside = [m for m in mentions if m.start >= at]
    speakers = [r for m in inside[:1] for r in referents(m)][:1]
    source = by.group("source")
    if not speakers and not names_group(source, lexicon.rules):
        return None  # ("... Was Drawn by U.S." is the headline's own words)
    if speakers and not names_group(source, lexicon.rules) and lexicon.kinds.of_mention(speakers[0]) not in (
            "state_media", "media"):
        return None  # ("... Denounced by DPRK": the state itself, no source of the outlet's)
    finding = Finding(speakers, source, "", False, "headline (source)", exclude=inside[:1],
                      reported_by=narrator.text, phrase=source)
    statement = make_statement(sentence, sentence.text, finding, [], mentions, offset=sentence.start)
    statement.speaker_kind = kind_of_speaker(finding, lexicon.kinds, doc, lexicon.pointing)
    if statement.speaker_kind == "diaspora_foreign" and DIASPORA.search(source):
        statement.speaker_country = statement.speaker_actor = None
    return statement


def _dash_finding(text: str) -> re.Match | None:
    """A headline closing on a dash and research in lower case ("... – study", "... – new poll"; reference_words.tsv,
    use finding_source); None for any other."""
    return _dash_finding_pattern().search(text)


@lru_cache(maxsize=1)
def _dash_finding_pattern() -> re.Pattern:
    words = load_reference_words().get("finding_source", ())
    return re.compile(r"\s[–—-]\s*(?P<source>(?:a\s+|new\s+)?(?:" + (phrase_alternatives(words) or "(?!x)x")
                      + r"))\s*$", re.I)


def _finding_source(source: str, resolved: list[Mention]) -> bool:
    """Whether a dash's source is research of no state ("– study", "– poll", "– scientists"): it says what the
    headline tells ("a state faces a workforce decline – study" is the study's finding about that state, not the
    state's act passed on; eleventh round), so the headline is its statement, an academic one."""
    return not resolved and _dash_finding_pattern().fullmatch(" - " + source) is not None


_OPINION = re.compile(r"\b(?:should|must|would|could|may|might|need to|ought)\b", re.I)
# A headline's source after a dash: "Washington should redeploy nukes to South Korea – Bolton", "... – Yonhap".
_DASH_SOURCE = re.compile(r"\s[–—-]\s*(?P<source>[A-Z][^–—\"“”]{1,40}?)\s*$")


def headline_source(sentence: Sentence, text: str, found: list[Statement], local: list[Mention], lexicon: Lexicon,
                     doc: Walk) -> list[Statement]:
    """A headline closing on a dash and its source: the source says the headline (a person, a state), or passes it
    on (an outlet, "agency": then what the headline tells keeps its actors, reported by it)."""
    dash = _DASH_SOURCE.search(text) or _dash_finding(text)
    if dash is None or len(dash.group("source").split()) > 5:
        return found
    source = dash.group("source")
    inside = [m for m in local if m.start >= dash.start("source")]
    resolved = [r for m in inside[:1] for r in referents(m)]
    kind = lexicon.kinds.of_head(source) if lexicon.kinds is not None else None
    told = [f for f in found if f.is_act and f.speaker_country and not _OPINION.search(f.content) and (
        not resolved or f.speaker_country != resolved[0].country)] if not (research := _finding_source(source, resolved)) else []
    if (resolved and resolved[0].kind == "media") or kind == "media" or told or \
            source.lower() in ("agency", "report", "media"):
        # an outlet, or someone passing on another side's act ("N. Korea fires missile – S. Korean military")
        for statement in found:
            if not statement.reported_by:
                statement.reported_by = source
        return [s for s in found if not (s.speaker or "").startswith(source)]
    finding = Finding(resolved[:1], source, "", False, "speech verb (headline)", exclude=inside,
                      content_end=dash.start(), phrase=source)
    statement = make_statement(sentence, text[: dash.start()], finding, [], local)
    statement.speaker_kind = "academic" if research else kind_of_speaker(finding, lexicon.kinds, doc, lexicon.pointing)
    return [statement]
