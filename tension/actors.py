"""Actors: find who is mentioned in a text and resolve each mention to an actor and a country at a date.

The dictionary is a data file (tension/data/actors.tsv): one alias per row, with the actor, its ISO 3166
alpha-3 country, a kind, the office held and the dates it was held. Every other country of the world resolves by
name, demonym or capital from tension/data/actors_countries.tsv (ISO 3166-1), so the extractor is not blind outside
the peninsula. All aliases are compiled into one pattern shaped as a trie (aliases sharing a prefix share a path),
so matching costs about the same per character whatever the size of the dictionary.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tension.config import ACTORS_FILE, DATA_DIR, read_tsv

COUNTRIES_FILE = DATA_DIR / "actors_countries.tsv"

# Kinds whose mention names a whole state rather than a person or an office.
STATE_KINDS = frozenset({"state", "demonym", "capital"})
PERSON = "person"
TITLE = "title"

# Back-references: words that point to an actor named earlier in the document.
_BACKREF = re.compile(
    r"\b(?P<pron>[Ss]he|[Hh]e)\b|\b(?P<it>[Ii]t|[Tt]hey)\b"
    r"|\b(?P<def>[Tt]he)\s+(?:(?:foreign|defen[cs]e|unification|news|same|top|chief|senior|state)\s+)?"
    r"(?P<noun>ministry|spokeswoman|spokesman|spokesperson|statement|agency|official|minister|envoy|"
    r"ambassador|president|leader|military|government|report|commentary|article|embassy|committee|"
    r"release|office|paper|newspaper|notice|resolution|communique|document|command|delegation|organi[sz]ation|"
    r"association|headquarters|council|spokesperson)\b"
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


def load_actors(path: Path = ACTORS_FILE, countries: Path | None = COUNTRIES_FILE) -> "ActorDictionary":
    """Read the actor dictionary data file, completed by the table of the world's countries."""
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


def alias_pattern(aliases: list[str]) -> re.Pattern:
    """One pattern matching any alias as a whole word, built as a trie so shared prefixes are tried once."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for char in alias:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    if not aliases:
        return re.compile(r"(?!x)x")
    # Greedy optional tails make the longest alias win; the lookahead backs off to a shorter one if needed.
    return re.compile(r"(?<![\w-])" + emit(trie) + r"(?!\w|-\w)")


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
        self.pattern = alias_pattern(list(self.by_alias))

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
            first = groups[-1][-1][2]
            attributive = bool(_POSSESSIVE.search(gap)) or first.kind in ("demonym", TITLE) or (
                first.kind in STATE_KINDS and not any(c.islower() for c in first.alias)) or item[2].kind == TITLE
            if len(gap) <= 4 and _POSSESSIVE.sub("", gap).strip() == "" and "\n" not in gap and attributive:
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
        if match.group("it"):
            found.append(Mention(match.start(), match.end(), match.group(0), None, None, TITLE, "",
                                 backref=match.group("it").lower()))
        elif match.group("pron"):
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


class _Memory:
    """What the document has named so far, for back-references."""

    def __init__(self, korea_context: bool) -> None:
        self.named: list[Mention] = []
        self.korea_context = korea_context
        self.counts: Counter[str] = Counter()

    def remember(self, mention: Mention) -> None:
        if mention.resolved:
            self.named.append(mention)
            self.counts[mention.country] += 1

    def resolve(self, mention: Mention) -> list[Mention]:
        """The actor(s) a mention stands for: itself when named, else its antecedent named earlier."""
        if mention.resolved:
            return [mention]
        ref = mention.backref
        if ref in ("it", "they"):
            return []  # resolved against the last speaker, by the extractor
        found: Mention | None = None
        if ref in ("she", "he"):
            found = self._latest(lambda m: m.kind == PERSON and m.gender in ("", mention.gender))
        elif ref in ("the south", "the north"):
            if self.korea_context:
                country = "KOR" if ref == "the south" else "PRK"
                return [replace(mention, actor=country, country=country, kind="state")]
            return []
        elif ref == "the two":
            # The two countries the document has named most (the latest first among equals).
            recency = {m.country: i for i, m in enumerate(self.named) if m.kind != "demonym"}
            ranked = sorted(recency, key=lambda c: (self.counts[c], recency[c]), reverse=True)[:2]
            if len(ranked) == 2:
                return [replace(mention, actor=c, country=c, kind="state") for c in ranked]
            return []
        elif mention.kind == PERSON or ref.split()[-1] in _PERSON_NOUNS:
            want = {"spokeswoman": "f", "spokesman": "m"}.get(ref.split()[-1], "")
            found = self._latest(lambda m: m.kind == PERSON and (not want or m.gender in ("", want)))
        else:
            # "the ministry", "the statement", "the agency": the latest institution named.
            found = self._latest(lambda m: m.kind not in STATE_KINDS and m.kind != PERSON)
        if found is None:
            return []
        return [replace(mention, actor=found.actor, country=found.country, role=found.role, kind=found.kind,
                        gender=found.gender)]

    def _latest(self, wanted) -> Mention | None:
        return next((m for m in reversed(self.named) if wanted(m)), None)


_PERSON_NOUNS = frozenset(
    "spokeswoman spokesman spokesperson official minister envoy ambassador president leader counterpart "
    "commander adviser".split()
)


def resolve_mentions(mentions: list[Mention]) -> list[Mention]:
    """Each mention with `refers_to` set, resolving back-references against what was named before it."""
    memory = _Memory(korea_context=any(m.country in ("KOR", "PRK") for m in mentions))
    out = []
    for mention in mentions:
        if mention.resolved:  # a name stands for itself (see attribution.referents)
            memory.remember(mention)
            out.append(mention)
            continue
        found = memory.resolve(mention)
        for referent in found:
            memory.remember(referent)
        out.append(replace(mention, refers_to=tuple(found)))
    return out
