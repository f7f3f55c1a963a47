"""What extraction passes along: a clause's `Finding` (who speaks or acts, before targets), the word lists the clause
rules read (`Rules`), and the `Statement` a finding becomes. Also what a mention stands for (`referents`) and the
small steps every rule family shares (a finding passed on by a reporter; one actor per country)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tension.extract.mentions import Mention
from tension.extract.scan import WordPattern


@dataclass
class Finding:
    """One speaker or actor of a clause, before targets are worked out."""

    speakers: list[Mention]  # resolved referents; empty for a speaker of no state ("analysts say")
    speaker_text: str
    cue: str
    is_act: bool
    how: str
    exclude: list[Mention] = field(default_factory=list)  # mentions that are the speaker, not a target
    extra_targets: list[Mention] = field(default_factory=list)
    content_end: int | None = None  # content stops before a trailing frame (", the ministry said")
    reported: bool = False
    directive: bool = False
    content_start: int | None = None  # content starts after the reporter's frame ("the JCS said [North Korea fired]")
    reported_by: str = ""  # the reporter named in the text ("South Korea's military", "the JCS")
    phrase: str = ""  # the speaker's whole noun phrase, whose head may tell its kind ("a researcher at KINU")


def referents(mention: Mention) -> list[Mention]:
    """What a mention stands for: itself when it names an actor, else its resolved back-reference(s)."""
    if mention.refers_to:
        return list(mention.refers_to)
    return [mention] if mention.country else []


@dataclass(frozen=True)
class Rules:
    """The word lists the clause rules read (data files, loaded once by the caller: see statements.load_lexicon)."""

    directive_verbs: frozenset[str] = frozenset()
    relay_verbs: frozenset[str] = frozenset()  # "said", "reported": pass a fact on without evaluating it
    inverted_verbs: frozenset[str] = frozenset()  # "..., said Gen. X": a verb that may come before its speaker
    evidential_verbs: frozenset[str] = frozenset()  # "indicates", "reveals": a thing can be their subject, not a voice
    speech_participles: frozenset[str] = frozenset()  # "reported", "said": "This was reported by X" relays, no act
    reciprocal: re.Pattern | None = None  # "met", "held talks", "signed", right after the actor
    between: re.Pattern | None = None  # "talks between X and Y": an event both sides hold
    paired: re.Pattern | None = None  # "Russia-South Korea talks": the reciprocal noun after a compound of two sides
    paired_background: frozenset[str] = frozenset()  # "amid", "against": words before such a compound that make it no act
    evaluative: WordPattern | re.Pattern | None = None  # a reporter's own evaluation ("condemned", "a provocation")
    non_state_heads: frozenset[str] = frozenset()  # heads of a phrase naming a voice that is no state ("Council")
    media_heads: frozenset[str] = frozenset()  # heads of a phrase naming an outlet ("media", "newspaper")
    pointing_back: frozenset[str] = frozenset()  # "the statement said": the last speaker goes on ("the statement")
    relayed_text: frozenset[str] = frozenset()  # "the declaration said": only the voice met last, never an institution
    # "the commentary said" with no speaker before it in the story: the document's own voice (a KCNA release's
    # commentary is KCNA's), never the last institution named ("the puppet military")
    own_text: frozenset[str] = frozenset()
    kin: re.Pattern | None = None  # "X's daughter" acts for herself (kin_pattern)
    predicate: re.Pattern | None = None  # a past tense telling an act (predicate_pattern)
    house: WordPattern | re.Pattern | None = None  # an outlet's house vocabulary ("puppet", "traitors")
    # the words of the acts a country's forces do that imply their targets (act_types.tsv rows of that country):
    # an outlet that tells such an act of another state in plain words passes the act on
    military_acts: dict[str, frozenset[str]] = field(default_factory=dict)
    act_words: frozenset[str] = frozenset()  # the words of every act type (act_types.tsv)


NO_RULES = Rules()


def replace_reported(finding: Finding, reporter: str, reporter_country: str | None) -> Finding:
    """`finding` passed on by `reporter` (reported when the reporter is of another country)."""
    finding.reported_by = reporter
    finding.reported = finding.reported or bool(
        reporter_country and finding.speakers and finding.speakers[0].country != reporter_country)
    return finding


def unique_countries(pairs: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """(resolved actor, the mention naming it) pairs, one per country."""
    seen: set[str] = set()
    out = []
    for resolved, mention in pairs:
        if resolved.country and resolved.country not in seen:
            seen.add(resolved.country)
            out.append((resolved, mention))
    return out


MODALITIES = ("asserted", "threat_or_future", "hypothetical", "negated", "reported")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


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
    # whether the speaker is a person ("Kim inspected the launch": the leader, government; adjudication 9); not stored
    person: bool = field(default=False, repr=False, compare=False)


def outside_quotes(text: str) -> str:
    """`text` with quoted stretches blanked (same length), so offsets still line up."""
    if '"' not in text and "“" not in text:
        return text
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
