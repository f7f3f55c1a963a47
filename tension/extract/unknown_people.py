"""People the dictionary does not know, named with their post ("<Name>, <post> of <body>,"): whom a later "he" or
"she" points back to. Without them "He said:" after such a person went to the leader the dictionary knows and the
text named last, or to no one (thirty-second tuning round, branch h13ag). The person's country and kind come from
the post: the body it names (a country the dictionary finds inside it) and the post's head words (speaker_kinds.tsv).
The nouns of a post are posts.tsv's; the titles before a name and the words no name is made of, name_words.tsv's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache

from tension.config import DATA_DIR, load_posts, read_tsv
from tension.extract.acts import CIVIC_ROLE
from tension.extract.kinds import STATE_VOICES, Kinds
from tension.extract.mentions import PERSON, STATE_KINDS, Mention
from tension.extract.speaker_kind import DIASPORA, opposition_post

NAME_WORDS_FILE = DATA_DIR / "name_words.tsv"

# A name: two to four capitalised words ("Kim Yong Il", "Jong Sung Jo", "Maria Lopez") once the words before it that
# are no name are taken off ("Chairman", "The").
_NAME = r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,5})"


@lru_cache(maxsize=1)
def name_words() -> dict[str, frozenset[str]]:
    """The words around a name (name_words.tsv) by use: `before_name`, a title or a sentence's first word before a
    name and no part of it; `not_name`, a word a name is never made of (read once, on first use)."""
    words: dict[str, set[str]] = {"before_name": set(), "not_name": set()}
    for row in read_tsv(NAME_WORDS_FILE):
        words[row["use"]].add(row["word"])
    return {use: frozenset(found) for use, found in words.items()}


@lru_cache(maxsize=1)
def post_words() -> tuple[str, ...]:
    """The nouns of a post (posts.tsv), longest first (read once, on first use)."""
    return tuple(sorted(load_posts(), key=len, reverse=True))


def _post_after_name() -> str:
    """The pattern of what follows the name, from its comma: "<Name>, [a] [former] <words> <post> of|at|to|for
    <body>[,.;]", at most four words before the post's noun."""
    posts = "|".join(map(re.escape, post_words()))
    return (r",\s+(?P<post>(?:(?:an?|the)\s+)?(?:[a-z][\w-]*\s+){0,4}?(?:" + posts +
            r")(?:\s+(?:general|in\s+chief))?\s+(?:of|at|to|for|in)\s+[^,.;:\"“”]{3,160})(?=[,.;])")


@lru_cache(maxsize=1)
def _named_with_post() -> re.Pattern:
    """A name and its post, whole."""
    return re.compile(_NAME + _post_after_name())


@lru_cache(maxsize=1)
def _post_at_comma() -> re.Pattern:
    """The post alone, from the comma after a name: searched first, as a comma is rarer than a capital letter."""
    return re.compile(_post_after_name())


# A name that ends at a comma (searched only between the comma before it and a comma a post follows).
_NAME_AT_COMMA = re.compile(_NAME + r"(?=,)")


def _names_with_posts(body: str) -> Iterator[re.Match]:
    """The matches of `_named_with_post()` in `body`, in order, as its finditer gives them, found from the commas a
    post follows: a name holds no comma and a post none after its own, so each match is the leftmost name that ends
    at such a comma and starts after the last match and the comma before (speed round 14: the whole pattern tried
    a name at every capital letter of every story with a comma)."""
    searched_to = 0  # (where the last match ended: finditer looks on from there)
    for post in _post_at_comma().finditer(body):
        comma = post.start()
        if comma == 0 or not "a" <= body[comma - 1] <= "z":
            continue  # (a name ends in a lower-case letter)
        name = _NAME_AT_COMMA.search(body, max(searched_to, body.rfind(",", 0, comma) + 1), comma + 1)
        if name is None:
            continue
        match = _named_with_post().match(body, name.start())
        if match is not None:
            searched_to = match.end()
            yield match


# What may stand before a name that opens its sentence: the last sentence's end, quotes, KCNA's paragraph commas.
_OPENS = re.compile(r"[.\n]?[\s,\"“”]*")
# The end of a sentence: its last mark and the space after it.
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\s|$)")


def unknown_people(body: str, mentions: list[Mention],
                   kind_of: Callable[[str, list[Mention]], tuple[str | None, str | None]] | None = None,
                   ) -> list[Mention]:
    """Each person the dictionary does not know who opens a sentence named with a post of a country we can tell (no
    body of Koreans abroad), as a person mention, in order: actor the name; country and kind from `kind_of(post,
    the mentions inside it)` (without it, the last country named inside the post), kind `people` when the post's
    words tell none; role the post, or a civic body's (acts.CIVIC_ROLE) for a voice of no state. It is placed at the
    end of its sentence: the people its sentence names after it are its words' objects, not who the next "he" is,
    and a voice met inside the post ("of south Korea") is not one met since."""
    if ", " not in body:
        return []
    found: list[Mention] = []
    before_name, not_name = name_words()["before_name"], name_words()["not_name"]
    for match in _names_with_posts(body):
        words = match.group("name").split(" ")
        start, end = match.span("name")
        while words and words[0] in before_name:
            start += len(words.pop(0)) + 1
        if not 2 <= len(words) <= 4 or any(word in not_name for word in words):
            continue
        if any(m.start < end and start < m.end for m in mentions):
            continue  # the dictionary knows it (or a part of it): not unknown
        opened = match.start("name")  # (a title or "Meanwhile" before the name may open the sentence)
        if not _OPENS.fullmatch(body, max(body.rfind(". ", 0, opened), body.rfind("\n", 0, opened), 0), opened):
            continue  # not the subject its sentence opens with ("... after <name>, <post>, went back"): left alone
        post_start, post_end = match.span("post")
        if DIASPORA.search(match.group("post")):
            continue  # an official of Koreans abroad: their voice is round 31's (story_voices.diaspora_voices)
        inside = [m for m in mentions if post_start <= m.start and m.end <= post_end]
        if any(m.kind == PERSON for m in inside):
            continue  # "X, the wife of <a person named>": no post of a body
        if kind_of is not None:
            country, kind = kind_of(match.group("post"), inside)
        else:
            placed = [m for m in inside if m.resolved]
            country, kind = (placed[-1].country if placed else None), None
        if country is None or kind == "diaspora_foreign":
            continue  # a post of no country we can tell ("governor of <a province>"): "he" stays as it was
        kind = kind or "people"  # (never an office holder, a state's voice, by default)
        ends = _SENTENCE_END.search(body, post_end)
        at = ends.start() + 1 if ends is not None else len(body)  # (right after the mark: before the next "He")
        # (a voice of no state — a civic body's leader — acts for itself when an outlet tells it, as a civic body
        # the dictionary names does; a minister's or a general's act is the outlet's account: acts.act_findings)
        role = CIVIC_ROLE if kind not in STATE_VOICES else match.group("post")
        found.append(Mention(at, at, " ".join(words), " ".join(words), country, kind, role, ""))
    return found


def country_and_kind(post: str, inside: list[Mention], kinds: Kinds, day: date) -> tuple[str | None, str | None]:
    """A post's country (the last country named inside it) and its kind (the post's head words, else the body named
    inside it that is no state, else none; a party not ruling on the day: `opposition`)."""
    placed = [m for m in inside if m.resolved]
    country = placed[-1].country if placed else None
    kind = kinds.of_head(post)
    if kind is None:
        bodies = [m for m in placed if m.kind not in STATE_KINDS]
        kind = kinds.of_mention(bodies[-1]) if bodies else None
    if kind == "party_legislature" and opposition_post(post, country, kinds, day):
        kind = "opposition"
    return country, kind
