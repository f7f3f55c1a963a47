"""Kinds of voices and of acts: what sort of speaker a statement has, which words are an outlet's own vocabulary or a
reporter's evaluation, and which targets an act implies when it names none.

All of it is read from data files (tension/data/speaker_kinds.tsv, house_vocabulary.tsv, evaluative_words.tsv,
act_types.tsv) by `load_kinds`, once, by the caller; nothing is loaded at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from tension.config import DATA_DIR, load_reference_words, read_tsv
from tension.extract.mentions import Mention
from tension.extract.scan import NEVER_MATCHES, WordPattern

SPEAKER_KINDS = ("government", "military", "state_media", "party_legislature", "opposition", "civic", "media",
                 "academic", "diaspora_foreign", "people")
# Kinds that speak for a state (DESIGN.md "Speaker kind"); the index counts those listed in index_kinds.tsv.
STATE_VOICES = frozenset({"government", "military", "state_media", "party_legislature"})
# The kinds of a relayed body (a voice of no state, or a party) that a back-reference written as its head ("the
# Council", "it", "the organization") may stand for when it spoke last (speakers.py, back_references.py).
RELAYED_BODIES = frozenset({"civic", "party_legislature", "opposition", "diaspora_foreign", "academic"})
# A party or legislature: `opposition` is a party_legislature speaker naming a party that was not ruling then
# (ruling_parties.tsv; speaker_kind.opposition_kind), which speaks as a party but for no state.
PARTY_KINDS = frozenset({"party_legislature", "opposition"})
# The state voices and the opposition: the bodies of a country's politics, which extraction treats alike (whose act an
# outlet retells, whose words it relays); only the index tells them apart (index_kinds.tsv).
POLITICAL_VOICES = STATE_VOICES | {"opposition"}


_WORD = re.compile(r"[a-z][a-z-]*")
# An ASCII byte that can be no part of a `_WORD` of a lower-case text (all but a-z and the hyphen), made a space.
_NOT_WORD = bytes(b if 97 <= b <= 122 or b == 45 else 32 for b in range(256))


def _words(text: str) -> list[str]:
    """`_WORD.findall(text.lower())` (the same words, in order): in an ASCII text, what splitting at every other
    character leaves, unless one of its pieces starts with a hyphen (a `_WORD` starts at a letter): then the pattern."""
    lower = text.lower()
    if lower.isascii():
        pieces = lower.encode("ascii").translate(_NOT_WORD).decode("ascii")
        if not (pieces.startswith("-") or " -" in pieces):
            return pieces.split()
    return _WORD.findall(lower)
_LAUNCH_OR_TEST = frozenset({"launch", "launched", "launches", "launching", "test", "tested", "tests", "testing"})
# "shots" is the ROK row's warning shots, but a vaccine's shots with a civil object (round 30)
_SHOTS = frozenset({"shots"})
_CIVIL_GUARDED = _LAUNCH_OR_TEST | _SHOTS  # the act words a civil object makes no military act
_STRIKE = frozenset({"strike", "strikes"})
# "launch" as a noun ("the launch", "a test launch"): only then is it a country's own launch (act_types.tsv rows of
# a country); the verb "launch" is, in KCNA, mostly launching an offensive, a struggle or a war (round 29: measured on
# gold-free KCNA, the verb in the DPRK launch row widened its rows' targets to Japan and the US, mostly wrongly)
_LAUNCH_NOUN = re.compile(r"\b(?:the|a|an|its|this|that|his|her|their|test|missile|satellite|rocket|icbm|latest|recent|"
                          r"first|second|third|next|another|last|previous|failed|successful)\s+launch\b(?!\s+(?:a|an|the)\b)")


def word_pattern(words: list[str]) -> WordPattern:
    """Whole words, a trailing `*` standing for any ending; case-insensitive."""
    parts = sorted((re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)) for w in words)
    if not parts:
        return WordPattern(NEVER_MATCHES, ())
    return WordPattern(re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I),
                       [w[:-1] if w.endswith("*") else w for w in words])


@dataclass(frozen=True)
class ActType:
    """Acts that imply their targets: an actor's country ("*" any), the words, the targets ("counterpart": the
    country the document names most after the actor's own)."""

    name: str
    actor_country: str
    words: frozenset[str]  # lower-case words; a trailing "*" in the data file is not supported here
    targets: tuple[str, ...]
    about: bool = False  # a statement about such an act bears on the targets too, not only the act


@dataclass(frozen=True)
class Kinds:
    """Speaker kinds and the word lists that decide whose voice a statement is."""

    by_actor: dict[str, str]
    by_role: dict[str, str]
    by_role_prefix: tuple[tuple[str, str], ...]
    by_kind: dict[str, str]
    by_head: dict[str, str]
    house: WordPattern | re.Pattern  # an outlet's house vocabulary ("puppet", "traitors")
    evaluative: WordPattern | re.Pattern  # a reporter's own evaluation ("condemned", "a provocation")
    act_types: tuple[ActType, ...]
    act_words: frozenset[str] = frozenset()  # the words of every act type
    # an outlet's country -> the countries whose groups are not foreign to it (speaker_kinds.tsv, match "home"):
    # a civic group or party of any other country that the outlet relays is a foreign voice (diaspora_foreign)
    home: dict[str, frozenset[str]] = field(default_factory=dict)
    civil_objects: frozenset[str] = frozenset()  # "probe", "campaign": what makes "launch"/"test" no military act
    # "sent", "supplied", "shipped": an arms transfer to a country is no use of force against the South, unless the
    # content also tells a launch or names what is sent across the border ("trash balloons": transfer_keep)
    transfer_verbs: frozenset[str] = frozenset()
    transfer_keep: frozenset[str] = frozenset()
    # heads naming a group of states ("G7 leaders", "the Group of Seven"): government, but no one state's voice
    states_heads: frozenset[str] = frozenset()
    # a state outlet's loaded words for the other side's acts ("scheme", "collusion", "racket"; reference_words.tsv
    # loaded): such an act told in them is the outlet's accusation, not the other side's act (voices._accusing_voice)
    loaded: WordPattern | re.Pattern = NEVER_MATCHES
    # words that end a capitalised body's name before its head: prepositions, a title-case headline's verbs
    # ("Workers Rally Against Alliance"; reference_words.tsv name_break)
    name_breaks: frozenset[str] = frozenset()
    # "doctors", "union", "walkout": what makes "strike" a labour strike, no military act (reference_words.tsv
    # labour_strike; issue 13 twelfth round)
    labour_words: frozenset[str] = frozenset()
    # the first words of the heads of two words and of three words, from `by_head` (made here): a word pair or
    # triple of a phrase is a head only where it opens with one
    _head_firsts: tuple[frozenset[str], frozenset[str]] = field(init=False, repr=False, compare=False)
    # a country -> (a ruling party's name, lower case, from, to) rows of ruling_parties.tsv (to None: still ruling)
    ruling: dict[str, tuple[tuple[str, date, date | None], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_head_firsts", tuple(
            frozenset(head.split(" ")[0] for head in self.by_head if head.count(" ") == n) for n in (1, 2)))

    def of_mention(self, mention: Mention | None) -> str | None:
        """The kind of voice a resolved mention is, from its actor, role or dictionary kind."""
        if mention is None:
            return None
        if mention.actor in self.by_actor:
            return self.by_actor[mention.actor]
        if mention.kind in SPEAKER_KINDS:
            return mention.kind  # a speaker met before, whose kind is known
        role = mention.role or ""
        if role in self.by_role:
            return self.by_role[role]
        for prefix, kind in self.by_role_prefix:
            if role.startswith(prefix):
                return kind
        if role.endswith("(not in office)"):
            return "people"
        if mention.kind == "demonym" and mention.text.endswith("s") and "demonym plural" in self.by_kind:
            return self.by_kind["demonym plural"]  # "Russians who fled the war" are people
        return self.by_kind.get(mention.kind, "government")

    def of_head(self, phrase: str) -> str | None:
        """The kind a head word of a speaker's phrase gives ("a KINU researcher" -> academic), if any."""
        words = re.findall(r"[A-Za-z0-9][\w'-]*", phrase)
        # (a head of two or three words can start only at a first word of one: most phrases have none, and their
        # word pairs and triples are not made at all)
        firsts2, firsts3 = self._head_firsts
        # (a head of several words never spans the "|" that stands for the speaker's own name: "north Korean |
        # in a statement" is no "Korean in"; issue 13 round 69)
        three, two = not firsts3.isdisjoint(words), not firsts2.isdisjoint(words)
        parts = [re.findall(r"[A-Za-z0-9][\w'-]*", part) for part in phrase.split("|")] \
            if (three or two) and "|" in phrase else [words]
        if three:
            for part in parts:
                for first, second, third in zip(part, part[1:], part[2:]):  # "Group of Seven", not "Hyundai Group of"
                    if (kind := self.by_head.get(f"{first} {second} {third}")) is not None:
                        return kind
        if two:
            for part in parts:
                for first, second in zip(part, part[1:]):  # two-word heads first: "Koreans in" before "Federation"
                    if (kind := self.by_head.get(f"{first} {second}")) is not None:
                        return kind
        for at, word in enumerate(words):
            if (kind := self.by_head.get(word) or self.by_head.get(word.lower())) is not None:
                if kind == "people" and word[:1].isupper() and self._body_after(words, at + 1):
                    return "civic"  # "the Teachers and Education Workers Union": the body its members form
                return kind
        return None

    def _body_after(self, words: list[str], at: int) -> bool:
        """Whether the capitalised name going on at `at` ends in a civic body's head ("... Workers Union",
        "... Students Association"): members named in a body's name are not the speaker."""
        for word in words[at:]:
            if word.lower() in self.name_breaks:
                return False  # ("Workers Rally Against Alliance": a headline's verb, not the body's name going on)
            if word == "and" or word[:1].isupper():
                if self.by_head.get(word.lower()) == "civic":
                    return True
                continue
            return False
        return False

    def is_ruling(self, country: str, party: str, day: date) -> bool:
        """Whether a party name ("the Saenuri Party", "Democratic Party of Korea") names the country's ruling party
        on the day (ruling_parties.tsv; the name's end is matched, "of <country>" after it left off)."""
        name = re.sub(r"\s+of\s+(?:the\s+)?[A-Z][\w\s]*$", "", party.strip().strip('"“”')).lower()
        return any((name == alias or name.endswith(" " + alias)) and start <= day and (end is None or day <= end)
                   for alias, start, end in self.ruling.get(country, ()))

    def is_transfer(self, content: str) -> bool:
        """Whether the content tells an arms transfer ("sent artillery shells to Russia", "supplying Moscow with
        missiles"): a transfer verb, and neither a launch told as done nor what crosses the border to the South."""
        found = _words(content)
        return not self.transfer_verbs.isdisjoint(found) and self.transfer_keep.isdisjoint(found)

    def implied_act(self, actor_country: str, content: str, is_act: bool) -> ActType | None:
        """The first act type the content tells for the actor's country (an act; or, for a statement that is no
        act, a type whose statements bear on the targets too), or None."""
        found = _words(content)
        words = self.act_words.intersection(found)
        if not words:
            return None  # (a set of the words of every act type: most statements tell none)
        if words <= _CIVIL_GUARDED and not self.civil_objects.isdisjoint(found):
            return None  # "launched an anti-dumping probe", "tested positive", "vaccine shots": no military act
        if words <= _STRIKE and not self.labour_words.isdisjoint(found):
            return None  # "as more doctors join the strike", "a strike by the union": a labour strike
        own = words if "launch" not in words or _LAUNCH_NOUN.search(content.lower()) else words - {"launch"}
        for act in self.act_types:
            if act.actor_country != actor_country and (not is_act or act.actor_country != "*"):
                continue
            if (is_act or act.about) and not act.words.isdisjoint(own if act.actor_country != "*" else words):
                return act
        return None


def load_kinds() -> Kinds:
    """Read the speaker-kind, vocabulary and act-type data files."""
    rows = read_tsv(DATA_DIR / "speaker_kinds.tsv")
    for row in rows:
        if row["speaker_kind"] not in SPEAKER_KINDS:
            raise ValueError(f"speaker_kinds.tsv: unknown kind {row['speaker_kind']!r}")
    table = {match: {r["value"]: r["speaker_kind"] for r in rows if r["match"] == match}
             for match in ("actor", "role", "kind", "head", "states_head")}
    acts = read_tsv(DATA_DIR / "act_types.tsv")
    words = load_reference_words()
    own = [a for a in acts if a["actor_country"] != "*"] + [a for a in acts if a["actor_country"] == "*"]
    return Kinds(
        by_actor=table["actor"], by_role=table["role"], by_kind=table["kind"],
        by_head={**table["head"], **table["states_head"]}, states_heads=frozenset(table["states_head"]),
        by_role_prefix=tuple((r["value"], r["speaker_kind"]) for r in rows if r["match"] == "role_prefix"),
        house=word_pattern([r["word"] for r in read_tsv(DATA_DIR / "house_vocabulary.tsv")]),
        evaluative=word_pattern([r["word"] for r in read_tsv(DATA_DIR / "evaluative_words.tsv")]),
        act_types=tuple(ActType(a["act"], a["actor_country"], frozenset(w.lower() for w in a["words"].split()),
                                tuple(a["targets"].split()), a.get("about") == "1") for a in own),
        act_words=frozenset(w.lower() for a in own for w in a["words"].split()),
        home={r["value"].split()[0]: frozenset(r["value"].split()) for r in rows if r["match"] == "home"},
        civil_objects=frozenset(words.get("civil_object", ())),
        transfer_verbs=frozenset(words.get("transfer", ())), transfer_keep=frozenset(words.get("transfer_keep", ())),
        loaded=word_pattern(list(words.get("loaded", ()))),
        name_breaks=frozenset(w.lower() for w in words.get("name_break", ())),
        labour_words=frozenset(words.get("labour_strike", ())),
        ruling=_ruling_parties(),
    )


def _ruling_parties() -> dict[str, tuple[tuple[str, date, date | None], ...]]:
    """The ruling parties by country, from ruling_parties.tsv."""
    ruling: dict[str, list[tuple[str, date, date | None]]] = {}
    for row in read_tsv(DATA_DIR / "ruling_parties.tsv"):
        ruling.setdefault(row["country"], []).append((
            row["party"].lower(), date.fromisoformat(row["ruling_from"]),
            date.fromisoformat(row["ruling_to"]) if row["ruling_to"] else None))
    return {country: tuple(rows) for country, rows in ruling.items()}
