"""Actors: find who is mentioned in a text and resolve each mention to an actor and a country at a date.

The dictionary is a data file (tension/data/actors.tsv): one alias per row, with the actor, its ISO 3166
alpha-3 country, a kind, the office held and the dates it was held. Aliases are matched with one compiled
pattern per dictionary, so the cost per sentence does not grow with the dictionary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tension.config import ACTORS_FILE, read_tsv

# Kinds whose mention names a whole state rather than a person or an office.
STATE_KINDS = frozenset({"state", "demonym", "capital"})
PERSON = "person"
TITLE = "title"

# Back-references: words that point to an actor named earlier in the document.
_BACKREF = re.compile(
    r"\b(?P<pron>[Ss]he|[Hh]e)\b"
    r"|\b(?P<def>[Tt]he)\s+(?:(?:foreign|defen[cs]e|unification|news|same|top|chief|senior|state)\s+)?"
    r"(?P<noun>ministry|spokeswoman|spokesman|spokesperson|statement|agency|official|minister|envoy|"
    r"ambassador|president|leader|military|government|report|commentary|article|embassy|committee|"
    r"release|office)\b"
)
# "the South", "the nuclear-armed North": Korea by context, never followed by a capitalised name.
_SIDE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?P<side>North|South)\b(?!\s*[A-Z]|-)")
_TWO = re.compile(r"\b[Tt]he\s+two\s+(?:countries|nations|sides|neighbou?rs|states|governments)\b")
_POSSESSIVE = re.compile(r"(?:'s|’s|')")


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


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an actor (possibly only an office, resolved later)."""

    start: int
    end: int
    text: str
    actor: str | None
    country: str | None
    kind: str
    role: str
    gender: str = ""
    backref: str = ""  # "she", "the ministry", "the South", "the two countries"... when not a name
    refers_to: tuple["Mention", ...] = ()  # what the mention stands for, once back-references are resolved

    @property
    def resolved(self) -> bool:
        """Whether the mention has a country."""
        return bool(self.country)


def _parse_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def load_actors(path: Path = ACTORS_FILE) -> "ActorDictionary":
    """Read the actor dictionary data file."""
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
        for r in read_tsv(path)
    ]
    return ActorDictionary(entries)


class ActorDictionary:
    """Aliases compiled into one pattern; lookups by alias and date."""

    def __init__(self, entries: list[ActorEntry]) -> None:
        self.by_alias: dict[str, list[ActorEntry]] = defaultdict(list)
        for entry in entries:
            self.by_alias[entry.alias].append(entry)
            if entry.kind == TITLE and entry.alias[:1].isalpha():
                # Office words are written both ways: "Foreign Ministry" and "foreign ministry".
                swapped = entry.alias[0].swapcase() + entry.alias[1:]
                if swapped not in self.by_alias:
                    self.by_alias[swapped].append(replace(entry, alias=swapped))
        aliases = sorted(self.by_alias, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w]|-\w)"
        ) if aliases else re.compile(r"(?!x)x")

    def lookup(self, alias: str, day: date, among: set[str] | None = None) -> ActorEntry | None:
        """The dictionary row for `alias` on `day`; out-of-office persons keep their country.

        `among` limits the choice to actors already named (for ambiguous short aliases such as "Kim").
        """
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
        return replace(nearest, role=f"{nearest.role} (not in office)" if nearest.role else "")

    def find_mentions(self, text: str, day: date) -> list[Mention]:
        """Every actor mention in `text`, in order, with adjacent parts merged and titles resolved.

        "Moscow's Foreign Ministry spokeswoman Maria Zakharova" becomes one mention of Maria Zakharova;
        "Seoul's foreign ministry" becomes a mention of the foreign ministry of KOR. Ambiguous short aliases
        ("Kim") resolve only after a full mention of the same actor earlier in the text.
        """
        raw: list[tuple[int, int, ActorEntry]] = []
        seen_actors: set[str] = set()
        for match in self.pattern.finditer(text):
            entry = self.lookup(match.group(0), day)
            if entry is not None and entry.ambiguous:
                # "Kim" alone names someone only after a full mention of that person in the same text.
                entry = self.lookup(match.group(0), day, among=seen_actors)
            if entry is None:
                continue
            seen_actors.add(entry.actor)
            raw.append((match.start(), match.end(), entry))
        groups = _group_adjacent(text, raw)
        mentions = [_resolve_group(text, group) for group in groups]
        mentions.extend(_backrefs(text, [(m.start, m.end) for m in mentions]))
        mentions.sort(key=lambda m: m.start)
        return mentions


def _group_adjacent(
    text: str, raw: list[tuple[int, int, ActorEntry]]
) -> list[list[tuple[int, int, ActorEntry]]]:
    """Join matches separated only by a possessive and spaces ("Russia's Deputy Foreign Minister Rudenko")."""
    groups: list[list[tuple[int, int, ActorEntry]]] = []
    for item in raw:
        if groups:
            gap = text[groups[-1][-1][1] : item[0]]
            if len(gap) <= 4 and _POSSESSIVE.sub("", gap).strip() == "" and "\n" not in gap:
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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _backrefs(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Pronouns, definite descriptions, 'the South/North' and 'the two countries' (resolved later)."""
    found: list[Mention] = []
    for match in _BACKREF.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        if match.group("pron"):
            word = match.group("pron").lower()
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, PERSON, "",
                                 "f" if word == "she" else "m", backref=word))
        else:
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, TITLE,
                                 match.group("noun"), backref="the " + match.group("noun")))
    for match in _SIDE.finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, "state", "",
                                 backref="the " + match.group("side").lower()))
    for match in _TWO.finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, "state", "",
                                 backref="the two"))
    return found
