"""Headlines that name their source: after a dash ("... – Bolton", "... – Yonhap": the source says it, or an outlet
passes it on), after a colon or "by" in a title-case headline ("...: Indian Daily", "... Condemned by French
Groups": the source's statement, reported by the outlet), and "<what> Called for in <country>" (that country's
voices, civic, reported by the outlet)."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import DATA_DIR, load_reference_words, read_tsv
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
# Groups"), of at most five words; "in" only after "Korean(s)" ("...: Korean in U.S.", a Korean living abroad: issue 13
# round 69).
_HEADLINE_BY = re.compile(r"(?::\s+|\s(?:[A-Z][a-z]+ed|[A-Z][a-z]+en)\s+by\s+)"
                          r"(?P<source>(?:[A-Z][\w'’.-]*\s+|of\s+|the\s+|(?<=Korean\s)in\s+|(?<=Koreans\s)in\s+){0,4}"
                          r"[A-Z][\w'’.-]*)\s*$")


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
    return re.compile(r"\s[–—-]\s*(?P<source>(?:a\s+|new\s+)?(?:" + phrase_alternatives(words)
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


# A headline row that is the declared speaker's account: the outlet telling what the headline says, no speaker named.
_OUTLET_ACCOUNT = frozenset({"document", "document (account of an act)"})
_HEADLINE_CLOSE = frozenset('.!?:"”')
# Lead rows that name no voice of the headline: the outlet's own account, and a source a fact is passed on from ("...,
# according to <a paper>": the paper reports the act the headline condemns; it does not condemn it).
_NOT_A_VOICE = ("document", "according to")
# The outlet's own state named as a whole ("the north", "Pyongyang"): a lead's topic, not a body speaking.
_NAMED_NO_BODY = frozenset({"state", "capital"})


@lru_cache(maxsize=1)
def _lead_voice_kinds() -> frozenset[str]:
    """The kinds of voice a voiceless headline takes from its lead (headline_lead_voices.tsv)."""
    return frozenset(row["speaker_kind"] for row in read_tsv(DATA_DIR / "headline_lead_voices.tsv"))


def headline_paragraph(body: str) -> tuple[int, int] | None:
    """Where a body's headline paragraph ends and its lead paragraph ends, when the body opens with a title-case
    line of at most 250 characters, no closing punctuation, a blank line and a lead (what `--field
    text=title+story` gives); None for any other body (a KCNA story read alone never opens so)."""
    head_end = body.find("\n\n")
    if head_end <= 0 or head_end > 250 or "\n" in body[:head_end] or body[:head_end].rstrip()[-1:] in _HEADLINE_CLOSE:
        return None
    if not title_case(body[:head_end]):
        return None
    lead_end = body.find("\n\n", head_end + 2)
    return head_end, len(body) if lead_end < 0 else lead_end


def _lead_voice(lead: list[Statement], own_country: str | None) -> Statement | None:
    """The voice a lead gives: its first speaker (not an act) that is a relayed voice or another body of the outlet's
    own country, else its first relayed voice's act ("<a group> staged an action against ..."); None when the lead
    only tells the outlet's account or a state's acts (what the headline condemns, not who condemns it)."""
    kinds = _lead_voice_kinds()
    voices = [s for s in lead if not s.attribution.startswith(_NOT_A_VOICE) and (
        s.speaker_kind in kinds or s.speaker_country == own_country and s.speaker_country is not None
        and not s.is_act and s.speaker_role not in _NAMED_NO_BODY)]
    return next((s for s in voices if not s.is_act), voices[0] if voices else None)


def voiceless_headline_takes_lead(statements: list[Statement], body: str) -> list[Statement]:
    """A headline with no speaker of its own (its rows the declared speaker's account: "<an act> Denounced", "<a
    policy> under Fire") in a document read as title+story takes the speaker, kind and reporter its lead gives when
    the lead tells a relayed voice (headline_lead_voices.tsv) or another body of the outlet's country saying it: the
    lead names who condemned what the headline tells (labelling guideline: a headline unit is labelled with its lead's
    speaker). Rows unchanged otherwise."""
    if not statements or not statements[0].attribution.startswith("document"):
        return statements  # (the cheap test first: most documents have no declared speaker or open otherwise)
    spans = headline_paragraph(body)
    if spans is None:
        return statements
    head_end, lead_end = spans
    headline = [s for s in statements if s.char_start < head_end]
    if not headline or any(s.attribution not in _OUTLET_ACCOUNT and not s.attribution.startswith("document")
                           for s in headline):
        return statements  # (a headline with a speaker or actor of its own keeps it)
    lead = [s for s in statements if head_end + 2 <= s.char_start < lead_end]
    voice = _lead_voice(lead, headline[0].speaker_country)
    if voice is None:
        return statements
    for s in headline:
        if s.attribution in _OUTLET_ACCOUNT:
            _give_lead_voice(s, voice)
    return statements


def _give_lead_voice(headline: Statement, voice: Statement) -> None:
    """A headline row takes its lead's voice: speaker, actor, country, role, kind, reporter, person, attribution
    "headline (lead's voice)"; the voice's own country is none of its targets, as for every other statement ("...:
    Russian Party" named the speaker, not whom it speaks of; issue 13 round 60)."""
    headline.speaker, headline.speaker_actor, headline.speaker_country = (voice.speaker, voice.speaker_actor,
                                                                          voice.speaker_country)
    headline.speaker_role, headline.speaker_kind, headline.reported_by = (voice.speaker_role, voice.speaker_kind,
                                                                          voice.reported_by)
    headline.person, headline.attribution = voice.person, "headline (lead's voice)"
    headline.targets = [t for t in headline.targets if t != voice.speaker_country]


def empty_headline_takes_lead(statements: list[Statement], body: str, doc: Walk, mentions: list[Mention]
                              ) -> list[Statement]:
    """A headline of a declared speaker's title+story document that gave no row at all ("<the South's body> Accused
    of ...", "<a policy> under Fire", "<a demand> Called for"; "<a southern group> Urges Authorities ..." and "<DPRK
    workers> Vow to ..." dropped as acts of no state aimed at no named country) gets the row of the voice its lead
    gives (`_lead_voice`: a relayed group, people, a paper, a body of the outlet's country; the labelling guideline
    labels a headline with its lead's speaker). Its targets are the countries the headline names other than the
    voice's, before a passive's "by <who>" (the voice itself: "Praised by <a nationality's> Group"); when it names
    none, the lead voice's own (inferred). A lead telling only the outlet's account or a state's act gives none (the
    outlet's own row was tried: judged 1 better, 2 worse, 5 unclear of 8, and the gold's two such title units want no
    row), nor does a headline read alone (no lead) or a document with no declared speaker. 16% of the gold-free KCNA
    titles had no row (issue 13, round 63)."""
    if doc.narrator is None or not statements:
        return statements
    spans = headline_paragraph(body)
    if spans is None or statements[0].char_start < spans[0]:
        return statements  # (no title+story headline, or one with a row of its own)
    head_end, lead_end = spans
    voice = _lead_voice([s for s in statements if head_end + 2 <= s.char_start < lead_end], doc.narrator.country)
    if voice is None:
        return statements
    text = body[:head_end].rstrip()
    agent = text.find(" by ")
    named = [m for m in mentions if m.end <= (agent if agent > 0 else len(text))]
    headline = make_statement(Sentence(0, 0, len(text), text), text,
                              Finding([doc.narrator], doc.narrator.text, "", False, "document"), [], named,
                              doc_cues=doc.cues)
    _give_lead_voice(headline, voice)
    if not headline.targets:
        headline.targets = [t for t in voice.targets if t != voice.speaker_country]
        headline.targets_inferred = bool(headline.targets)
    return [headline, *statements]
