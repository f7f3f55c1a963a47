"""Actors: find who is mentioned in a text and resolve each mention to an actor and a country at a date.

The dictionary is a data file (tension/data/actors.tsv): one alias per row, with the actor, its ISO 3166
alpha-3 country, a kind, the office held and the dates it was held. Every other country of the world resolves by
name, demonym or capital from tension/data/actors_countries.tsv (ISO 3166-1), so the extractor is not blind outside
the peninsula. All aliases are compiled into one pattern shaped as a trie (aliases sharing a prefix share a path),
and that pattern is tried only where an alias whose words the text has occurs (`extract_scan.AliasFinder`), so
finding mentions costs little more than reading the text's words, whatever the size of the dictionary. A mention's
shape and the back-references found beside the names ("she", "the ministry", "the South") are
tension.extract.mentions'.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date
from pathlib import Path

from tension.config import ACTORS_FILE, DATA_DIR, load_reference_words, read_tsv
from tension.extract.compounds import hyphen_compounds
from tension.extract.mentions import (PRONOUNS, SIDE_WORDS, STATE_KINDS, TITLE, Mention, backref_pattern,
                                      find_backrefs)
from tension.extract.scan import NEVER_MATCHES, trie_regex, word_alternatives
from tension.extract.word_index import AliasFinder, WordIndex, mypyc_attr

COUNTRIES_FILE = DATA_DIR / "actors_countries.tsv"

_POSSESSIVE = re.compile(r"(?:'s|’s|')")
_DPRK_ALIAS = "DPRK"  # the dictionary's alias whose row an epithet's "Korea" takes


@lru_cache(maxsize=1)
def _dprk_epithet() -> re.Pattern:
    """An epithet the DPRK gives itself, just before "Korea" (reference_words.tsv, use dprk_epithet)."""
    words = sorted(load_reference_words().get("dprk_epithet", ()), key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + word_alternatives(words) + r")\s+$")


@lru_cache(maxsize=1)
def _name_of_korea() -> re.Pattern:
    """What makes the "Korea" after it the last word of a body's name: "<a name word> of (the) Korea",
    "Supporting (the) Korea" (reference_words.tsv, use korea_name_head: the capitalised word before "of")."""
    words = sorted(load_reference_words().get("korea_name_head", ()), key=len, reverse=True)
    heads = word_alternatives(words)
    return re.compile(r"(?:\b(?:" + heads + r")\s+of|\bSupporting)\s+(?:the\s+)?$")


@mypyc_attr(native_class=False)  # a compiled build: _out_of_office copies its __dict__
@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor dictionary."""

    alias: str
    actor: str
    country: str
    kind: str
    role: str
    gender: str
    valid_from: date | None
    valid_to: date | None
    ambiguous: bool

    def valid_on(self, day: date) -> bool:
        """Whether the row's office is held on `day`."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _out_of_office(entry: ActorEntry) -> ActorEntry:
    """The entry of someone who holds no office under this name on the day: the person stays, the role is marked."""
    copy = object.__new__(ActorEntry)  # dataclasses.replace, without its per-call introspection (a hot path)
    copy.__dict__.update(entry.__dict__, role=f"{entry.role} (not in office)" if entry.role else "")
    return copy


def _parse_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def load_actors(path: Path = ACTORS_FILE, countries: Path | None = COUNTRIES_FILE,
                extra: Iterable[dict[str, str]] = ()) -> "ActorDictionary":
    """Read the actor dictionary data file (with `extra` rows of its shape before it: --actors, whose row wins over a
    packaged row of the same alias on the days both hold), completed by the table of the world's countries."""
    entries = [
        ActorEntry(
            alias=r["alias"],
            actor=r["actor"],
            country=r["country"],
            kind=r["kind"],
            role=r["role"],
            gender=r.get("gender", ""),
            valid_from=_parse_date(r.get("valid_from", "")),
            valid_to=_parse_date(r.get("valid_to", "")),
            ambiguous=r.get("ambiguous", "") in {"1", "true", "yes"},
        )
        for r in [*extra, *read_tsv(path)]
    ]
    if countries is not None:
        entries.extend(country_entries(read_tsv(countries), entries))
    return ActorDictionary(entries)


def country_entries(rows: list[dict[str, str]], dictionary: list[ActorEntry]) -> list[ActorEntry]:
    """Rows of the countries table as entries, except aliases the dictionary already has (the dictionary wins).

    A country the dictionary knows keeps the dictionary's name for itself ("Republic of Korea", not "South Korea").
    """
    known = {e.alias for e in dictionary}
    state_names = {e.country: e.actor for e in dictionary if e.kind == "state"}
    return [
        ActorEntry(r["alias"], state_names.get(r["country"], r["actor"]), r["country"], r["kind"], r["kind"], "",
                   None, None, False)
        for r in rows if r["alias"] not in known
    ]


def alias_pattern(aliases: list[str], compounds: bool = False) -> re.Pattern:
    """One pattern matching any alias as a whole word, built as a trie so shared prefixes are tried once.
    `compounds`: a hyphen may join two aliases ("North Korea-Russia ties", "U.S.-South Korea drills": find_mentions
    keeps such a match only beside another), never an alias and a lowercase word ("Korea-based", "Russia-backed")."""
    if not aliases:
        return NEVER_MATCHES
    # Greedy optional tails make the longest alias win; the lookahead backs off to a shorter one if needed.
    if compounds:
        return re.compile(r"(?<!\w)" + trie_regex(aliases) + r"(?!\w|-(?!(?:south|north)\s)[a-z\d])")
    return re.compile(r"(?<![\w-])" + trie_regex(aliases) + r"(?!\w|-\w)")


class ActorDictionary:
    """Aliases compiled into one pattern; lookups by alias and date."""

    def __init__(self, entries: list[ActorEntry], definite_nouns: Iterable[str] | None = None) -> None:
        """`definite_nouns`: nouns of back-references ("the ministry"); default: reference_words.tsv's."""
        self.definite_nouns = tuple(definite_nouns if definite_nouns is not None
                                    else load_reference_words().get("definite", ()))
        self.backref = backref_pattern(self.definite_nouns)
        self.by_alias: dict[str, list[ActorEntry]] = defaultdict(list)
        for entry in entries:
            self.by_alias[entry.alias].append(entry)
            if entry.kind == TITLE and entry.alias[:1].isalpha():
                # Office words are written both ways: "Foreign Ministry" and "foreign ministry".
                swapped = entry.alias[0].swapcase() + entry.alias[1:]
                if swapped not in self.by_alias:
                    self.by_alias[swapped].append(replace(entry, alias=swapped))
        # Aliases whose first row holds no dated office: that row, whatever the day (most lookups).
        # The full names of each ambiguous surname ("Kim" -> "Kim Jong Un", "Kim Jong-un", ...).
        self._full_names: dict[str, tuple[str, ...]] = {
            surname: tuple(a for a in self.by_alias if a.startswith(surname + " "))
            for surname, rows in self.by_alias.items() if any(r.ambiguous for r in rows)}
        self._full_name_patterns = {surname: re.compile(re.escape(surname) + r"\s+[A-Z][a-z]+(?:[- ][A-Za-z][a-z]+)?")
                                    for surname in self._full_names}
        self._timeless = {alias: rows[0] for alias, rows in self.by_alias.items()
                          if rows[0].valid_from is None and rows[0].valid_to is None}
        self.pattern = alias_pattern(list(self.by_alias), compounds=True)
        self.finder = AliasFinder(self.pattern, list(self.by_alias))
        # Every word `find_mentions` looks up in a text's words: those of the aliases and of back-references.
        self.words = self.finder.words | frozenset([*PRONOUNS, *self.definite_nouns, *SIDE_WORDS])
        # For text written all in lower case (the Russian MFA's channel): each name's word as the dictionary writes
        # it, where the lower-case word is no word of a name itself.
        self.capitalised = {w.lower(): w for w in self.words if w[:1].isupper() and w.lower() not in self.words
                            and len(w.lower()) == len(w)}
        # The last words of the roles of civil offices a capital seats ("the defense ministry in Seoul")
        self.seated = frozenset(load_reference_words().get("seated", ()))

    def lookup(self, alias: str, day: date, among: set[str] | None = None) -> ActorEntry | None:
        """The dictionary row for `alias` on `day`; out-of-office persons keep their country.

        `among` limits the choice to actors already named (for ambiguous short aliases such as "Kim").
        """
        if among is None and (timeless := self._timeless.get(alias)) is not None:
            return timeless
        rows = self.by_alias.get(alias)
        if rows and among is not None:
            rows = [r for r in rows if r.actor in among]
        if not rows:
            return None
        for row in rows:
            if row.valid_on(day):
                return row
        # Nobody holds this office under this name on that day: keep the person, mark the role.
        nearest = min(rows, key=lambda r: abs(((r.valid_from or r.valid_to or day) - day).days))
        return _out_of_office(nearest)

    def _head_of_state(self, surname: str, day: date) -> ActorEntry | None:
        """The one head of state with this bare surname in office on `day`, if exactly one."""
        rows = [r for r in self.by_alias.get(surname, ()) if r.role == "head of state" and r.valid_on(day)]
        return rows[0] if len({r.actor for r in rows}) == 1 else None

    def _stranger_named(self, text: str, surname: str, before: int) -> bool:
        """Whether `text` names, before `before`, a person with this surname whom the dictionary does not know."""
        known = self._full_names.get(surname, ())
        for full in self._full_name_patterns[surname].finditer(text, 0, before):
            name = full.group(0)
            if not any(alias.startswith(name) or name.startswith(alias) for alias in known):
                return True
        return False

    def find_mentions(self, text: str, day: date, words: set[str] | None = None) -> list[Mention]:
        """Every actor mention in `text`, in order, with adjacent parts merged and titles resolved.

        "Moscow's Foreign Ministry spokeswoman Maria Zakharova" becomes one mention of Maria Zakharova;
        "Seoul's foreign ministry" becomes a mention of the foreign ministry of KOR. Ambiguous short aliases
        ("Kim") resolve only after a full mention of the same actor earlier in the text. `words`: the text's
        `WordIndex`, when the caller has it (at least over `self.words`).
        """
        raw: list[tuple[int, int, ActorEntry]] = []
        seen_actors: set[str] = set()
        on_day: dict[str, ActorEntry | None] = {}  # lookups of this text's aliases at `day`
        words = WordIndex(text) if words is None else words
        for match in self.finder.finditer(text, self.finder.possible(words)):
            alias = match.group(0)
            entry = on_day[alias] if alias in on_day else on_day.setdefault(alias, self.lookup(alias, day))
            if entry is not None and entry.ambiguous:
                # "Kim" alone names someone only after a full mention of that person in the same text, and not
                # after someone else of that name the dictionary does not know ("activist Kim Kyung-sung").
                entry = None if self._stranger_named(text, alias, match.end() + 25) else \
                    self.lookup(alias, day, among=seen_actors)
                if entry is None and text.endswith("President ", 0, match.start()):
                    # "President Lee" with no full name before: the head of state of that name in office that day
                    entry = self._head_of_state(alias, day)
            if entry is None:
                continue
            if alias == "Korea":
                if _dprk_epithet().search(text, max(0, match.start() - 24), match.start()) is not None:
                    # "Songun Korea", "socialist Korea", "Kim Il Sung's Korea": the DPRK's own name for itself, not
                    # the ROK bare "Korea" stands for (issue 13 nineteenth round)
                    entry = self.lookup(_DPRK_ALIAS, day) or entry
                elif _name_of_korea().search(text, max(0, match.start() - 40), match.start()) is not None:
                    # the last word of a body's name ("the Democratic Women's Union of Korea", "the Committee for
                    # Supporting the Reunification of Korea", "Supporting Korea's Reunification"): no country named
                    continue
            seen_actors.add(entry.actor)
            raw.append((match.start(), match.end(), entry))
        if "-" in text:
            raw = hyphen_compounds(text, raw)
        groups = _group_adjacent(text, raw)
        mentions = [_resolve_group(text, group) for group in groups]
        mentions.extend(find_backrefs(text, [(m.start, m.end) for m in mentions], words, self.backref,
                                  self.definite_nouns))
        mentions.sort(key=lambda m: m.start)
        return _seated_titles(text, mentions, self.seated)

    def countries(self) -> frozenset[str]:
        """The alpha-3 codes of every country an entry resolves to (its own rows and the world's countries)."""
        return frozenset(entry.country for rows in self.by_alias.values() for entry in rows if entry.country)


# "the defense ministry in Seoul", "the foreign ministry in Pyongyang": a bare office seated in a capital or state.
_SEATED_IN = re.compile(r"\s+in\s+(?:the\s+)?")


def _seated_titles(text: str, mentions: list[Mention], seated: frozenset[str]) -> list[Mention]:
    """`mentions` with each civil office named with no owner but seated in a capital or a state ("the defense ministry
    in Seoul", "the ministry in Seoul") owned by that place's country (`seated`: the last words of such offices' roles,
    reference_words.tsv). An office posted abroad ("the embassy in Seoul") is its host's guest, forces in a place may
    be a guest's, a minister may be visiting: they are left to point back."""
    out = list(mentions)
    for i, (title, place) in enumerate(zip(mentions, mentions[1:])):
        if title.country or title.kind != TITLE or title.role.rsplit(" ", 1)[-1] not in seated or \
                place.kind not in ("capital", "state") or not place.country or place.backref:
            continue
        seat = _SEATED_IN.match(text, title.end)
        if seat is None or seat.end() != place.start:
            continue
        out[i] = title._replace(actor=f"{title.role} ({place.country})", country=place.country, backref="")
    return out


def _group_adjacent(
    text: str, raw: list[tuple[int, int, ActorEntry]]
) -> list[list[tuple[int, int, ActorEntry]]]:
    """Join matches separated only by a possessive and spaces ("Russia's Deputy Foreign Minister Rudenko")."""
    groups: list[list[tuple[int, int, ActorEntry]]] = []
    for item in raw:
        if groups:
            gap = text[groups[-1][-1][1] : item[0]]
            if len(gap) <= 4 and "\n" not in gap and _POSSESSIVE.sub("", gap).strip() == "":
                first = groups[-1][-1][2]
                attributive = _POSSESSIVE.search(gap) or first.kind in ("demonym", TITLE) or (
                    first.kind in STATE_KINDS and not any(c.islower() for c in first.alias)) or item[2].kind == TITLE
                if attributive and not (first.kind == "state" and item[2].kind == "state" and not gap.strip()):
                    # the first part modifies the next (but "U.S.-south Korea" talks name two states)
                    groups[-1].append(item)
                    continue
        groups.append([item])
    return groups


def _resolve_group(text: str, group: list[tuple[int, int, ActorEntry]]) -> Mention:
    """The head of an English noun phrase is its last part; a title takes its country from a modifier."""
    start, end = group[0][0], group[-1][1]
    head = group[-1][2]
    if head.country:
        return Mention(start, end, text[start:end], head.actor, head.country, head.kind, head.role, head.gender)
    modifier = next((e for _, _, e in reversed(group[:-1]) if e.country), None)
    if modifier is not None:
        return Mention(
            start, end, text[start:end], f"{head.role or head.alias} ({modifier.country})",
            modifier.country, TITLE, head.role or head.alias.lower(), head.gender,
        )
    return Mention(start, end, text[start:end], None, None, TITLE, head.role or head.alias.lower(), head.gender,
                   backref=head.alias.lower())
