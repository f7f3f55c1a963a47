"""Targets an act implies when the words name none (act_types.tsv: a DPRK launch bears on KOR, JPN and USA): which act
type a statement's words tell, when a state's act is its military's, where the implied targets do not hold (allied
drills in a story naming no adversary, a transfer), and a South Korean state voice's unnamed "provocation"."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words

from tension.extract.findings import Statement, referents
from tension.extract.kinds import ActType, Kinds
from tension.extract.scan import phrase_alternatives, word_alternatives
from tension.extract.sentences import Sentence
from tension.extract.walk import Walk


def _act_words(statement: Statement) -> str:
    """The words that tell what an act is: its content up to an "amid ..." phrase, which is background ("fires
    missiles amid the allies' drills" is a launch, not a drill; eleventh round)."""
    if statement.is_act and " amid " in statement.content and statement.speaker:
        amid = statement.content.index(" amid ")
        if 0 <= statement.content.find(statement.speaker) < amid:  # (not an actor inside the phrase)
            return statement.content[:amid]
    return statement.content


_OWN_ACT = re.compile(r"(?<!\bif\s)(?<!\bunless\s)(?<!\bwhen\s)(?<!\bshould\s)"
                      r"\b(?:(?:it|they)\s+(?:has\s+|had\s+|have\s+)?|to\s+(?:be|have)\s+)(?:successfully\s+|again\s+)?"
                      r"(?:test|launch|fire)\w*\b")


def _own_act_told(statement: Statement) -> bool:
    """Whether a state (its name, or its capital) says it did a military act ("North Korea says it tested a
    missile", "claims to be testing ..."): the act is its military's, as when told by another (guideline, kinds:
    "North Korea fired" = military; issue 13 twelfth round). Not a plan ("says it will launch") nor a condition
    ("warned of a response if it launches a test")."""
    if not (statement.attribution == "speech verb" and statement.speaker_role in ("state", "capital")):
        return False
    found = _OWN_ACT.search(statement.content)
    # ("North Korea said South Korean claims that it fired shells were a lie": another's claim, denied; review,
    # session 6)
    return found is not None and _CLAIMED.search(statement.content, max(0, found.start() - 40), found.start()) is None


# another's claim or report that the state did it ("that": not the state's own "claims to be testing")
_CLAIMED = re.compile(r"\b(?:claim|claims|claimed|report|reports|allegation|allegations|accusation|accusations|"
                      r"charges|deny|denies|denied|denying|rumou?rs?)\b(?:\s+\w+){0,2}?\s+that\s+$", re.I)


@lru_cache(maxsize=1)
def _deliberation() -> re.Pattern:
    words = sorted(load_reference_words().get("deliberation", ()), key=len, reverse=True)
    return re.compile(r"\W+(?:(?:and|the|[A-Z][\w.]*|is|are|was|were|has|have)\W+){0,4}(?:"
                      + word_alternatives(words) + r")\b")


def _deliberates(statement: Statement) -> bool:
    """Whether the state's verb deliberates on a military step rather than taking it ("US and South Korea signal
    willingness to expand drills", "Japan is considering joining drills"): the government's words, no military act
    (reference_words.tsv deliberation; issue 13 twelfth round)."""
    speaker = statement.speaker or ""
    at = statement.content.find(speaker) if speaker else -1
    return at >= 0 and _deliberation().match(statement.content, at + len(speaker)) is not None


def implied_targets(statement: Statement, sentence: Sentence, doc: Walk,
                    kinds: Kinds | None) -> tuple[ActType | None, tuple[str, ...] | None]:
    """The act type a statement's words tell (act_types.tsv) and the targets it implies here, or None: none for a
    state outlet's voice, for an act aimed at no one in particular, for allied drills in a document that names no
    adversary, for a transfer. A state's own launch or drill makes its voice the military's (as a side effect)."""
    act = kinds.implied_act(statement.speaker_country, _act_words(statement), statement.is_act) if (
        statement.speaker_country and kinds is not None and statement.speaker_kind != "state_media") else None
    implied = act.targets if act is not None else None
    if implied and statement.speaker_kind == "government" and not statement.person and (statement.is_act or (
            statement.attribution == "subject (framed)" and statement.reported_by and
            statement.speaker_role in ("state", "capital")) or _own_act_told(statement)) and \
            not _deliberates(statement):
        # a state's launch or drill is its military's act; also told before the outlet that passes it on ("North
        # Korea fired two missiles ..., KCNA said"); not a person: the leader inspecting a launch or a submarine
        # acts as the leader (adjudication 9: Kim Jong Un giving orders is government; judge D cause 5)
        statement.speaker_kind = "military"
    if implied == ("-",):
        implied = None  # military, but aimed at no one in particular
    if implied and act.name in _aimed_if_named() and not _document_names(doc, implied) and not (
            doc.korea and "PRK" in implied and _bare_north().search(sentence.text)):
        # allied drills aim at the adversary only when the unit or its document says so (adjudications 3, 23): US
        # marines landing in drills near a reef China claims, the South's naval drills near islets Japan claims, in
        # a story that names no North Korea, bear on the country named alone (issue 13 nineteenth round); drills
        # naming no one ("US, South Korea launch air drills" in a story with no DPRK) bear on no adversary either
        # (decision 45: the gold follows decision 23 as written; round 52)
        implied = None
    if implied and "KOR" in implied and act.actor_country != "*" and kinds.is_transfer(statement.content):
        implied = None  # "North Korea sent artillery shells to Russia": a transfer, no use of force on the South
    return act, implied


@lru_cache(maxsize=1)
def _aimed_if_named() -> frozenset[str]:
    """The act types (act_types.tsv names) whose implied targets hold only in a document that names them
    (reference_words.tsv, use aimed_if_named)."""
    return frozenset(load_reference_words().get("aimed_if_named", ()))


@lru_cache(maxsize=1)
def _bare_north() -> re.Pattern:
    """ "North" alone in a story that names a Korea (a headline's "jets scrambled after North sends drones", "drills
    widened in response to north", a title-case "After North Sends Drones"), or "North and South Korea": the DPRK,
    though the dictionary resolves no mention for it. Not "north of" (a direction), not "North" before a word that
    makes a place's name (reference_words.tsv north_place: "North Gyeongsang", "North Atlantic"; round 52)."""
    places = load_reference_words().get("north_place", ())
    return re.compile(r"\b(?:North|north)(?!\s+(?:of|or)\b)(?!\s+and\s+(?![Ss]outh\b))(?!\s+(?:"
                      + word_alternatives(places) + r")\b)(?!-)\b")


def _document_names(doc: Walk, countries: tuple[str, ...]) -> bool:
    """Whether the document names any of the countries (a mention of it, its capital, its people, its leader), or
    is told by an outlet of one of them (a KCNA title "US to send a carrier to the South" is about an act it sees as
    aimed at its country)."""
    return (doc.narrator is not None and doc.narrator.country in countries) or any(
        r.country in countries for m in doc.mentions for r in referents(m))


def unnamed_provocation(statement: Statement) -> None:
    """A South Korean state voice's "provocation" with no one named is the North's (eleventh round; guideline:
    targets resolve by context): "Seoul closed a border crossing after a provocation", "the JCS warned against further
    provocations". Only for the sides reference_words.tsv pairs (use provocation_side, "KOR PRK"), only for state
    voices, only when the statement names no target at all."""
    adversary = _provocation_sides().get(statement.speaker_country)
    if adversary is None or statement.speaker_kind not in ("government", "military") or \
            _provocation_words().search(statement.content) is None:
        return
    statement.targets, statement.targets_inferred = [adversary], True


@lru_cache(maxsize=1)
def _provocation_sides() -> dict[str, str]:
    """speaker country -> the adversary its unnamed "provocation" means (reference_words.tsv, use provocation_side)."""
    return dict(row.split() for row in load_reference_words().get("provocation_side", ()))


@lru_cache(maxsize=1)
def _provocation_words() -> re.Pattern:
    """The words of an unnamed provocation (reference_words.tsv, use provocation), whole words, any case."""
    return re.compile(r"\b(?:" + phrase_alternatives(load_reference_words().get("provocation", ()))
                      + r")\b", re.I)
