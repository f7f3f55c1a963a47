"""What the walk through one document carries from sentence to sentence (`Walk`): the declared speaker, the last
speaker and its kind (for "it", "the statement"), a speaker going on after a colon, the previous targets, the
document-level gates; and a statement's speaker as a mention."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from tension.extract.actors import ActorDictionary
from tension.extract.findings import Statement, referents
from tension.extract.mentions import Mention

# Voices an outlet relays: who "they" are next when the outlet tells their act ("The Council held a rally. ... they
# said")
RELAYED_GROUPS = frozenset({"civic", "diaspora_foreign", "media"})


@dataclass
class Walk:
    """What the walk through one document carries from sentence to sentence."""

    narrator: Mention | None  # the declared speaker
    mentions: list[Mention]
    speech_openings: list[str] | None  # the reporting verbs the document has (None: scan for all of them)
    last_speaker: Mention | None = None
    last_kind: str | None = None  # the kind of the last speaker ("the statement", "it" speak for it again)
    # a crowd whose act the outlet told last ("Members of a union staged a rally"): who "they" are in the next
    # sentences until another speaker speaks ("They said that ..."); never who "it" is
    crowd: Mention | None = None
    continuing: Mention | None = None
    continuing_kind: str | None = None  # a speaker introduced with a colon ("It goes on:") goes on speaking
    continuing_colon: bool = False  # whether `continuing` was introduced by a colon frame (not an issuing lead)
    told: Mention | None = None  # a person who "told KCNA:" (told_outlet.py): speaks until the quotation after closes
    # the body the last issuing lead named, its kind and the lead's sentence index (goes_on.issuer_going_on)
    issuer: tuple[Mention, str | None, int] | None = None
    previous_targets: list[str] = field(default_factory=list)
    previous_index: int = -1  # the index of the sentence whose statement gave the previous targets
    previous_speaker: str | None = None  # the actor whose statement gave the previous targets
    # when that statement was an act: its actor's country and its sentence's start (a country the act bore on,
    # pointing back to it in a later sentence, reacts to it: targets.py)
    previous_act: tuple[str, int] | None = None
    # the targets the headline's (the first sentence's) statements bear on, by speaker country: a lead cut off before
    # its object takes them (targets.py, round 30)
    headline_targets: dict[str, list[str]] = field(default_factory=dict)
    salience: Counter | None = None  # how often each country is named, counted when first needed
    # findings that are no statement unless given targets, by id (the dict keeps them alive: an id is only unique
    # while its object lives, and a freed one's id would mark a later statement)
    not_statements: dict[int, "Statement"] = field(default_factory=dict)
    # whether the document has a word of a joint act, a victim, a place or host, a topic, sport at all (document_cues)
    cues: tuple[bool, ...] = (True, True, True, True, True, True, True)
    korea: bool = False  # whether the document names either Korea ("north-south talks" are the two Koreas' then)
    year: int = 0  # the year of publication (an act "in <an earlier year>" is background)
    published: date | None = None  # the day of publication (which party was ruling then: speaker_kind.py)
    past: bool = True  # whether the document has a word of a past marker at all (context.past_gate)
    eulogy: bool = False  # whether it has a word praising or mourning a leader (context.eulogy_words)
    background_at: int = -1  # the start of the last sentence a finding of which was left out as an earlier act

    def counterpart(self, country: str, allies: Collection[str | None] = ()) -> str | None:
        """The country other than `country` (and those acting with it) the document names most (counted only in
        the few documents that need it: those with an act that names nobody)."""
        if self.salience is None:
            self.salience = Counter(r.country for m in self.mentions for r in referents(m) if r.kind != "demonym")
        return next((c for c, _ in self.salience.most_common() if c != country and c not in allies), None)


def as_mention(statement: Statement) -> Mention:
    """A statement's speaker as a mention (spanning its sentence; its kind the speaker's kind)."""
    return Mention(statement.char_start, statement.char_end, statement.speaker or "", statement.speaker_actor,
                   statement.speaker_country, statement.speaker_kind or "organisation", statement.speaker_role or "")


def declared_speaker(name: str, actors: ActorDictionary, day: date) -> Mention | None:
    """The document's declared speaker ("KCNA") as a mention at `day`, when the dictionary knows it with a country."""
    if not name:
        return None
    entry = actors.lookup(name, day)
    if entry is None or not entry.country:
        return None
    return Mention(0, 0, name, entry.actor, entry.country, entry.kind, entry.role, entry.gender)
