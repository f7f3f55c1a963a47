"""References: resolve what a document's back-references stand for, against what it named before them.

`tension.extract.actors` finds the mentions, names and back-references alike ("she", "the ministry", "the South", "the
two countries"); here each back-reference gets the actor(s) it points to: the latest person of the right gender,
the latest institution, Korea's two sides in a Korean context, the two countries named most. "It" and "they" are
left to the extractor, which resolves them against the last speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from tension.config import DATA_DIR, load_posts, load_reference_words, read_tsv
from tension.extract.acts import CIVIC_ROLE
from tension.extract.mentions import PERSON, STATE_KINDS, Mention
from tension.extract.mutual import joint_verbs
from tension.extract.scan import NEVER


# The back-references that only a newspaper can be.
PAPER_POINTERS = frozenset({"the paper", "the newspaper"})


def paper_pointed_at(mentions: list[Mention]) -> Mention | None:
    """The news outlet a "the paper"/"the newspaper" among the mentions points back to, when it points to one."""
    for mention in mentions:
        if mention.backref in PAPER_POINTERS and mention.refers_to and mention.refers_to[0].kind == "media":
            return mention.refers_to[0]
    return None


ISSUING_WORDS_FILE = DATA_DIR / "issuing_words.tsv"


@lru_cache(maxsize=1)
def issuing_words() -> dict[str, tuple[str, ...]]:
    """The words of issuing_words.tsv by use (issuing, issuing_now, following, points_back, document, pointer, ...),
    in the file's order (read once, on first use)."""
    words: dict[str, list[str]] = {}
    for row in read_tsv(ISSUING_WORDS_FILE):
        words.setdefault(row["use"], []).append(row["word"])
    return {use: tuple(found) for use, found in words.items()}


def words_pattern(words: tuple[str, ...]) -> str:
    """An alternation of `words` for a regular expression, a space in a phrase matching any run of spaces ("made
    public"), in the given order."""
    return "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)


def issued_documents(body: str, nouns: tuple[str, ...]) -> list[tuple[int, str]]:
    """Where the body tells a body issuing one of the document `nouns` ("<body> issued information bulletin No. 9",
    "... released a white paper", "... in its bulletin notes"), in order: (the start of the issuing words, the noun)."""
    lowered = body.lower() if nouns else ""
    if not any(noun in lowered for noun in nouns):
        return []
    words = issuing_words()
    pattern = _issuing(nouns, words.get("issuing", ()) + words.get("issuing_now", ()))
    return [(m.start(), m.group("noun").lower()) for m in pattern.finditer(body)]


@lru_cache(maxsize=4)
def _issuing(nouns: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern:
    # "in a bylined commentary", "in a signed article": a word before the noun that names how the text is signed
    # (issuing_words.tsv, use document_modifier; issue 13 round 41)
    modifiers = words_pattern(issuing_words().get("document_modifier", ())) or NEVER
    return re.compile(r"\b(?:" + words_pattern(verbs) + r")\s+(?:an?\s+|its\s+)?(?:information\s+|(?:" + modifiers
                      + r")\s+)?(?P<noun>" + "|".join(map(re.escape, nouns)) + r")\b", re.I)


# A name right before the issuing words that is no issuer: a person, a country or a city in the body's own name ("a
# committee for the centenary of President X ... issued", "a study group in Vienna issued", "the Bangladesh Institute
# of ... issued": the institute, which the dictionary does not know, is no state).
_NO_ISSUER = STATE_KINDS | {PERSON}
# How far the issuing words may follow the name of the body that issues ("The Secretariat of the CPRK on Thursday
# issued"), in characters.
_ISSUER_GAP = 40


# The gender a spokes noun says ("spokesperson" none): the latest person or spokesperson of it is the one meant.
_SPOKES_GENDER = {"spokeswoman": "f", "spokesman": "m"}


class _Memory:
    """What the document has named so far, for back-references: the latest of each kind, kept as it goes."""

    def __init__(self, korea_context: bool, person_nouns: frozenset[str], office_nouns: frozenset[str],
                 home: str | None = None, spokes_nouns: frozenset[str] = frozenset()) -> None:
        self.korea_context = korea_context
        self.home = home  # the country of the outlet whose document it is, when known
        self.person_nouns = person_nouns
        self.office_nouns = office_nouns
        self.spokes_nouns = spokes_nouns  # "spokesman": points back only to a person of that office
        self.counts: Counter[str] = Counter()
        self.named = 0
        self.first: dict[str, int] = {}  # country -> when it was first named
        self.recency: dict[str, int] = {}  # country -> when it was last named (demonyms aside)
        self.people: dict[str, tuple[int, Mention]] = {}  # gender -> the latest person of that gender
        self.spokespeople: dict[str, tuple[int, Mention]] = {}  # gender -> the latest spokesperson of that gender
        self.institution: Mention | None = None  # the latest ministry, agency, statement...
        self.ministry: Mention | None = None  # the latest ministry named
        self.ministries: dict[str, Mention] = {}  # the latest ministry named of each office ("unification ministry")
        self.newspaper: Mention | None = None  # the latest news outlet named ("the paper" points back to it)
        self.issuers: dict[str, Mention] = {}  # document noun -> the body that issued the latest one ("the bulletin")

    def remember(self, mention: Mention) -> None:
        if mention.resolved:
            self.named += 1
            self.counts[mention.country] += 1
            self.first.setdefault(mention.country, self.named)
            if mention.kind != "demonym":
                self.recency[mention.country] = self.named
            self._remember_spokesperson(mention)  # (a person, or an office placed: "Moscow's ministry spokeswoman")
            if mention.kind == PERSON:
                self.people[mention.gender] = (self.named, mention)
            elif mention.kind not in STATE_KINDS and mention.role != CIVIC_ROLE:
                # (a civic body is no institution "the authorities" or "the report" points back to; "the
                # organization" after it is the voice met last: speakers.py)
                self.institution = mention
                if mention.kind == "media":
                    self.newspaper = mention
                if "ministr" in (mention.role or "").lower() or "ministr" in mention.actor.lower():
                    self.ministry = mention
                    self.ministries[(mention.role or "").lower()] = mention

    def remember_person(self, person: Mention) -> None:
        """A person the dictionary does not know (unknown_people.py) as the latest person: "he" points back to it;
        no country is counted (it names none the dictionary found)."""
        self.named += 1
        self.people[person.gender] = (self.named, person)
        self._remember_spokesperson(person)

    def _remember_spokesperson(self, person: Mention) -> None:
        """A person or an office placed whose office is to speak for a body ("foreign ministry spokesperson"), as the
        latest of them."""
        role = (person.role or "").lower().split()
        if self.spokes_nouns and person.kind not in STATE_KINDS and any(word in self.spokes_nouns for word in role):
            self.spokespeople[person.gender] = (self.named, person)

    def resolve(self, mention: Mention, text: str = "") -> list[Mention]:
        """The actor(s) a mention stands for: itself when named, else its antecedent named earlier (`text`: the text
        the mention is in, for an "a"/"an" before it)."""
        if mention.resolved:
            return [mention]
        ref = mention.backref
        if ref in ("it", "they"):
            return []  # resolved against the last speaker, by the extractor
        found: Mention | None = None
        if ref in ("she", "he"):
            found = self._person(("", mention.gender))
        elif ref in ("the south", "the north"):
            if self.korea_context:
                country = "KOR" if ref == "the south" else "PRK"
                return [mention._replace(actor=country, country=country, kind="state")]
            return []
        elif ref == "the two":
            # The two countries the document has named most (the latest first among equals).
            ranked = sorted(self.recency, key=lambda c: (self.counts[c], self.recency[c]), reverse=True)[:2]
            if len(ranked) == 2:
                return [mention._replace(actor=c, country=c, kind="state") for c in ranked]
            return []
        elif ref.split()[-1] in self.spokes_nouns:
            # "the spokesman" is the latest spokesman named, never a person of another office (issue 13 round 57: a
            # DPRK body's spokesman and the answer after his colon went on as the South's president named before);
            # "a spokesman (for ...)" introduces one and points back to no one. Left unresolved, the extractor
            # gives the body he speaks for ("A spokesman for the CPRK ...") or the last speaker.
            if text and _INDEFINITE.search(text, max(0, mention.start - 40), mention.start):
                return []
            want = _SPOKES_GENDER.get(ref.split()[-1], "")
            latest = [named for gender, named in self.spokespeople.items() if not want or gender in ("", want)]
            found = max(latest, key=lambda named: named[0])[1] if latest else None
            if found is None and self.home:
                # none named: the latest person of the outlet's own country, as before, never one of another
                # country's ("the spokesman said" in a KCNA release after the South's president was named)
                person = self._person(("", want) if want else None)
                found = person if person is not None and person.country == self.home else None
        elif mention.kind == PERSON or ref.split()[-1] in self.person_nouns:
            want = _SPOKES_GENDER.get(ref.split()[-1], "")
            found = self._person(("", want) if want else None)
            if found is None and self.institution is not None and ref.split()[-1] in (self.institution.role or ""):
                found = self.institution  # "Seoul's defence minister ... the minister": an office named, no name
        else:
            # "the ministry", "the statement", "the agency": the latest institution named.
            found = self.institution
            if ref[4:] in self.issuers:
                # "the bulletin notes" is the body that issued it, not the South's ministry its text named since
                # (issue 13 round 23: a CPRK bulletin's words went on as the South's government, KOR->PRK)
                found = self.issuers[ref[4:]]
            if ref in PAPER_POINTERS and self.newspaper is not None:
                # "the paper says" is a newspaper, never the ministry or the authorities it quoted since (issue 13
                # round 22: a DPRK paper's commentary went on as the South's ministry it quoted)
                found = self.newspaper
            if ref.split()[-1] in ("ministry", "ministries"):
                # "the ministry": the latest ministry named, else the outlet's own government's; never a news
                # agency ("..., KCNA reported. The ministry said" in a Yonhap story is Seoul's)
                found = self.ministry
                office = (mention.role or "").lower()
                other = office not in ("", "ministry", "ministries") and found is not None \
                    and (found.role or "").lower() != office
                if other:
                    # "the unification ministry" after the DPRK's foreign ministry is not that ministry: the latest
                    # ministry of its office, else the outlet's own government's, else the main country's (below)
                    found = self.ministries.get(office)
                if found is None and self.home:
                    return [mention._replace(actor=f"{mention.role or ref} ({self.home})", country=self.home)]
                if found is None and not other and self.institution is not None and self.institution.kind != "media":
                    found = self.institution
            if found is None and mention.kind == "title" and ref.split()[-1] in self.office_nouns and self.counts:
                # "the presidential office said" in a story that named no office: the office of the country the
                # story is mostly about (named most; the first named among equals).
                country = min(self.counts, key=lambda c: (-self.counts[c], self.first[c]))
                return [mention._replace(actor=f"{mention.role or ref} ({country})", country=country)]
        if found is None:
            return []
        # (at the antecedent's place, so a caller can tell whether a speaker came after it)
        return [mention._replace(start=found.start, end=found.end, actor=found.actor, country=found.country,
                                 role=found.role, kind=found.kind, gender=found.gender)]

    def _person(self, genders: tuple[str, ...] | None) -> Mention | None:
        """The latest person named whose gender is one of `genders` (None: any)."""
        latest = [named for gender, named in self.people.items() if genders is None or gender in genders]
        return max(latest, key=lambda named: named[0])[1] if latest else None


def resolve_mentions(mentions: list[Mention], korea_context: bool = False,
                     words: dict[str, tuple[str, ...]] | None = None, home: str | None = None,
                     issued: list[tuple[int, str]] = (),
                     unknown: list[Mention] = (), text: str = "") -> list[Mention]:
    """Each mention with `refers_to` set, resolving back-references against what was named before it.

    `korea_context`: the document is about Korea whatever it names (a KCNA release: "the South" is the ROK).
    `words`: reference_words.tsv by use (its "person" and "office" nouns), loaded once by the caller.
    `home`: the country of the outlet whose document it is ("the ministry" named by no ministry is its government's).
    `issued`: where the body tells a document issued (`issued_documents`): its issuer is the name right before.
    `unknown`: people the dictionary does not know named with a post (`unknown_people`), each the latest person from
    where it is placed, in order.
    `text`: the text the mentions are in (an indefinite "a spokesman" points back to no one; round 57)."""
    words = words if words is not None else load_reference_words()
    memory = _Memory(korea_context or any(m.country in ("KOR", "PRK") for m in mentions),
                     frozenset(words.get("person", ())), frozenset(words.get("office", ())), home,
                     frozenset(words.get("spokes", ())))
    out = []
    pending = list(issued)
    named: tuple[int, Mention] | None = None  # the latest name's end, and who it is
    people = list(unknown)
    for index, mention in enumerate(mentions):
        while people and people[0].start < mention.start:
            memory.remember_person(people.pop(0))
        while pending and pending[0][0] < mention.start:
            at, noun = pending.pop(0)
            if named is not None and 0 <= at - named[0] <= _ISSUER_GAP and named[1].kind not in _NO_ISSUER:
                memory.issuers[noun] = named[1]
        if mention.resolved:  # a name stands for itself (see attribution.referents)
            named = (mention.end, mention)
            memory.remember(mention)
            out.append(mention)
            continue
        found = memory.resolve(mention, text)
        body = _spoken_for(text, mention, mentions[index + 1] if index + 1 < len(mentions) else None,
                           memory.spokes_nouns)
        if body is not None:
            # "a spokesman for <a body named>": the body is the spokesman "the spokesman" points back to later (the
            # mention itself is left to the extractor, which reads the body after it: groups.py, goes_on.py)
            gender = _SPOKES_GENDER.get(mention.backref.split()[-1], "")
            memory.spokespeople[gender] = (memory.named + 1, body)
        issuer = memory.issuers.get((mention.backref or "")[4:])
        if not (found and issuer is not None and found[0].actor == issuer.actor):
            # (a text pointing back to its issuer, "the commentary said", does not make the issuer the latest
            # institution: "the regime" after it is still the one the text named; round 41)
            for referent in found:
                memory.remember(referent)
        if found:
            named = (mention.end, found[0])
        out.append(mention._replace(refers_to=tuple(found)) if found or mention.refers_to else mention)
    return out


# An indefinite article before a mention, up to two words of its own between ("a union spokesperson", "A
# spokesman"; not "at a briefing the spokesman").
_INDEFINITE = re.compile(r"(?<![\w'’-])[Aa]n?\s+(?:(?!(?:the|his|her|its|their|our)\s)[\w'’-]+\s+){0,2}$")


# What joins a spokesman to the body he speaks for: "a spokesman for the <body>", "the spokesman of <body>".
_SPEAKS_FOR = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")


def _spoken_for(text: str, mention: Mention, following: Mention | None, spokes: frozenset[str]) -> Mention | None:
    """The body a spokesman's mention speaks for, named right after it ("a spokesman for the <body>"), or None."""
    if not text or following is None or not following.resolved or following.kind == PERSON or \
            not mention.backref or mention.backref.split()[-1] not in spokes:
        return None
    return following if _SPEAKS_FOR.fullmatch(text, mention.end, following.start) else None


# The name of a post's holder the dictionary does not know, right after the post: capitalised words ("Deputy Foreign
# Minister <Ivan Petrovsky> held talks"), or words up to a possessive, in any case ("deputy foreign minister <ivan
# petrovsky>’s meeting with": a text written all in lower case has only the dictionary's words capitalised).
_HOLDER = re.compile(r" (?P<name>[A-Z][a-z]+(?:-[A-Za-z]+)?(?: [A-Z][a-z]+(?:-[A-Za-z]+)?){0,3})(?![\w-])")
_HOLDER_OWNS = re.compile(r" (?P<name>[A-Za-z][a-z]+(?:-[A-Za-z]+)?(?: [A-Za-z][a-z]+(?:-[A-Za-z]+)?){0,2})"
                          r"(?=[’']s\b)")
# A country of the post's own after it or its holder: "of [the] <country>", "to <country>", "from <country>".
_OWN_COUNTRY = re.compile(r",?\s+(?:of|to|for|from|in)\s+(?:the\s+)?$")


def _holder_before_verb(text: str, at: int, speech: re.Pattern | None) -> re.Match | None:
    """Two or three words after a post that a verb follows, a reporting verb (`speech`: the lexicon's) or a verb of
    meeting (attribution.tsv `joint`/`reciprocal`): "deputy foreign minister <ivan petrovsky> met with", where a text
    written all in lower case shows no name by its capitals."""
    for match in (_HOLDER_TWO.match(text, at), _HOLDER_THREE.match(text, at)):
        if match is not None and (_meeting_verb().match(text, match.end()) or
                                  speech is not None and speech.match(text, match.end())):
            return match
    return None


_HOLDER_WORD = r"[A-Za-z][a-z]+(?:-[A-Za-z]+)?"
_HOLDER_TWO = re.compile(rf" (?P<name>{_HOLDER_WORD} {_HOLDER_WORD}) ")
_HOLDER_THREE = re.compile(rf" (?P<name>{_HOLDER_WORD} {_HOLDER_WORD} {_HOLDER_WORD}) ")


@lru_cache(maxsize=1)
def _meeting_verb() -> re.Pattern:
    """A verb of meeting or agreeing (attribution.tsv kinds `joint` and `reciprocal`: "met", "held talks")."""
    return re.compile(r"(?:" + "|".join(joint_verbs()) + r")(?![\w-])")


def publisher_posts(text: str, mentions: list[Mention], publisher: str, not_name: frozenset[str],
                    speech: re.Pattern | None = None) -> list[Mention]:
    """`mentions` with each post of a state office (posts.tsv `state` yes) that the dictionary leaves unplaced and
    whose holder it does not know, named right after it ("First Deputy Foreign Minister <name> held talks with",
    "<post> <name>'s meeting with", in lower case "<post> <two words> met with"), made one mention with the name and
    placed in `publisher`'s country: the state body publishing on its own channel (config.publisher_country) tells
    its own officials without their country.
    Not a post with a country of its own after it ("the ambassador of <country>"), nor a bare post ("the minister
    said": it may point back to anyone named before). Round 50, h13ay."""
    if not publisher:
        return mentions
    posts = state_post_words()
    out = list(mentions)
    for index, mention in enumerate(mentions):
        if mention.resolved or mention.kind != "title" or not mention.backref or \
                mention.backref.split()[-1] not in posts:
            continue
        match = _HOLDER_OWNS.match(text, mention.end) or _holder_before_verb(text, mention.end, speech) or \
            _HOLDER.match(text, mention.end)
        if match is None or any(word.lower() in not_name for word in match.group("name").split(" ")):
            continue
        end = match.end("name")
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and (following.start < end or _OWN_COUNTRY.search(text, end, following.start)):
            continue  # the dictionary knows a part of the name, or the post names its country
        out[index] = mention._replace(end=end, text=text[mention.start : end],
                                      actor=f"{mention.role or mention.backref} ({publisher})", country=publisher)
    return out


@lru_cache(maxsize=1)
def state_post_words() -> frozenset[str]:
    """The nouns of posts of a state office (posts.tsv rows with `state` yes; read once)."""
    return frozenset(word for word, state in load_posts().items() if state)
