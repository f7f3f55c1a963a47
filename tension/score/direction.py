"""Which country a cue is directed at, read from the words right after it: "cooperation with Russia", "aid to Kyiv",
"a war against Ukraine", "invaded Ukraine", "sanctions on the DPRK".

A statement has a speaker and targets (the extractor's, or the gold set's); its score is the speaker's hostility
toward those targets. A cue whose object is a country that is neither a target nor the speaker's own is an act
between others: shells shipped from Pyongyang to Moscow for the fighting in Ukraine are cooperation toward RUS and
hostility toward UKR, and the labelling guideline rates the statement PRK→RUS cooperative and PRK→UKR hostile.
Scored without targets (`tension score`, a bare text), nothing changes.

Country names are the actor files' states, capitals and demonyms (tension/data/actors.tsv, which wins for an alias it
lists, and actors_countries.tsv); a name must carry a capital letter in the text ("turkey", "chad" are not states).
A legal act (an arrest, an indictment, an impeachment, an investigation: LEGAL_CAMEO) is a state's act toward its
own nationals unless a target is named next to it ("a U.S. soldier detained", "an American was arrested"): toward a
foreign target it counts only then (`names_near`, FOREIGN_LINK_WORDS either side).

Cooperation between two targets, in a sentence that names neither the speaker's country nor a first person ("the US
envoy visited Seoul for talks", said by Pyongyang about the US and the South), is not cooperation with the speaker:
a cooperative cue counts 0 there (`countries_named`). A meeting, visit or consultation (MEETING_CAMEO; not talks or
dialogue, which the speaker asks for as often as others hold them) whose sentence names two targets before it, or
just after it, and not the speaker's country ("the U.S. and the South held a security meeting", said by Pyongyang,
which the sentence names later as what the meeting was about) is theirs too (`meeting_of_targets`, nineteenth round).

Only the word right after the cue, or after one preposition of DIRECTING_WORDS (and "the"), is read: in "backing
for its war against Kyiv" the country directs "war", not "backing"; a demonym only after the preposition ("discuss
the Ukrainian war" is a topic, "against Ukrainian forces" a side).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tension.config import ACTORS_FILE, DATA_DIR, read_tsv

COUNTRIES_FILE = DATA_DIR / "actors_countries.tsv"
COUNTRY_KINDS = frozenset({"state", "capital", "demonym"})
# Prepositions that name the other side of an act; "over", "at", "from", "between" do not ("a launch over Japan" is
# not an act toward Japan, "talks between A and B" names both sides).
DIRECTING_WORDS = frozenset({"with", "to", "against", "on", "toward", "towards", "into"})
MAX_ALIAS_WORDS = 4
DEMONYM = "+"  # marks a demonym's code in the names table
# CAMEO codes of legal acts: 09 investigate, 116 find guilty (sentence, convict, indict, impeach), 173 arrest/detain
LEGAL_CAMEO = frozenset({"09", "116", "173"})
# Force posture (CAMEO 15: deploy, mass troops, a weapon as a topic) names the place, not the target: "bombers deployed
# to Guam" are aimed at someone else, so the country after it does not direct it.
UNDIRECTED_CAMEO_PREFIX = "15"
FOREIGN_LINK_WORDS = 6  # how far from a legal act a target's name (its national) is looked for


def _alias_words(alias: str) -> tuple[str, ...]:
    from tension.score.tokens import tokenize

    return tuple(tokenize(alias.lower())[0])


class CountryNames(dict):
    """Lower-cased word tuples of aliases -> ISO code, with `starts`: every word a name can start with (a one-word
    name also with its possessive), so that most words are ruled out by one set look-up; `ends`: every word one can
    end with (and its possessive); and `sizes`: for each such
    word, the word counts of the names it starts, longest first (country_at tries only those)."""

    starts: frozenset[str]
    ends: frozenset[str]
    sizes: dict[str, tuple[int, ...]]


def load_country_names(paths: tuple[Path, ...] = (ACTORS_FILE, COUNTRIES_FILE)) -> CountryNames:
    """Lower-cased word tuples of every state, capital and demonym alias -> ISO code (the first file wins); a
    demonym's code is prefixed with DEMONYM ("+UKR")."""
    names = CountryNames()
    for path in paths:
        for row in read_tsv(path):
            if row.get("kind") in COUNTRY_KINDS and row.get("country"):
                words = _alias_words(row["alias"])
                if words and len(words) <= MAX_ALIAS_WORDS:
                    names.setdefault(words, (DEMONYM if row["kind"] == "demonym" else "") + row["country"])
    names.starts = frozenset(w[0] for w in names) | frozenset(w[0] + "'s" for w in names if len(w) == 1)
    # every word a name can end with, and its possessive: the subject rule reads back from a cue (subject_at)
    names.ends = frozenset(w[-1] + suffix for w in names for suffix in ("", "'s", "’s"))
    sizes: dict[str, set[int]] = {}
    for words in names:
        sizes.setdefault(words[0], set()).add(len(words))
        if len(words) == 1:  # the possessive of a one-word name (_bare strips it)
            for possessive in (words[0] + "'s", words[0] + "’s"):
                sizes.setdefault(possessive, set()).add(1)
    names.sizes = {word: tuple(sorted(found, reverse=True)) for word, found in sizes.items()}
    return names


def _bare(word: str) -> str:
    """A word without a possessive ("russia's" -> "russia")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def country_at(words: list[str], index: int, names: CountryNames, text: str,
               span: Callable[[int], tuple[int, int]], demonyms: bool = True) -> str | None:
    """The country whose name starts at word `index` (the longest alias), if it carries a capital in `text`; a
    demonym ("Ukrainian") only if `demonyms`."""
    found = country_span_at(words, index, names, text, span, demonyms)
    return found[0] if found else None


def country_span_at(words: list[str], index: int, names: CountryNames, text: str,
                    span: Callable[[int], tuple[int, int]], demonyms: bool = True) -> tuple[str, int] | None:
    """country_at's country with the number of words its name takes (listed.py reads on past it)."""
    if words[index] not in names.starts:
        return None
    room = len(words) - index
    # (the word counts of the names starting with this word, longest first: no other size can match)
    for size in names.sizes.get(words[index], ()):
        if size > room:
            continue
        key = (*words[index:index + size - 1], _bare(words[index + size - 1]))
        code = names.get(key)
        if code is not None:
            start, end = span(index)[0], span(index + size - 1)[1]
            if not any(c.isupper() for c in text[start:end]):
                return None
            if code[0] == DEMONYM:
                return (code[1:], size) if demonyms else None
            return code, size
    return None


def directed_at(words: list[str], cue_end: int, names: CountryNames, text: str,
                span: Callable[[int], tuple[int, int]]) -> str | None:
    """The country a cue ending before word `cue_end` is directed at: named right after it, or after one directing
    preposition (and "the")."""
    index = cue_end
    preposition = index < len(words) and words[index] in DIRECTING_WORDS
    if preposition:
        index += 1
    if index < len(words) and words[index] == "the":
        index += 1
    if index >= len(words) or words[index] not in names.starts:  # (most words: one set look-up)
        return None
    # a demonym right after the cue is an adjective of its topic ("discuss the Ukrainian war"); after a preposition
    # it names the other side ("against Ukrainian forces")
    return country_at(words, index, names, text, span, demonyms=preposition)


# The subject side (ninth round): a hostile act whose subject is a country named right before its verb ("North Korea
# fires rockets", "Russia's strikes") is that country's act. In a statement whose speaker and targets do not include
# it, the act is reported beside the statement, not the speaker's stance toward the targets: a headline on a third
# state's launch hours after Seoul defended a US missile shield gives Seoul's statement toward Washington no launch
# (the guideline labels the launch where it is told, for its actor). Read only for acts (SUBJECT_KINDS), and only a single
# subject: a name after 'and', a comma or a preposition is not read ("Washington and Seoul staged drills" names both).
SUBJECT_KINDS = frozenset({"military", "fight", "assault", "posture", "coercion", "threat"})
# words that may stand between a subject's name and its verb ("North Korea has again fired")
SUBJECT_LINKS = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "reportedly",
                           "allegedly", "again", "also", "just", "repeatedly", "then", "later"})
_NOT_A_SINGLE_SUBJECT = DIRECTING_WORDS | {"and", "or", "&", ",", "of", "by", "from", "at", "over", "for", "about",
                                           "between", "nor", "in", "near", "inside", "stationed", "based",
                                           "deployed", "positioned", "off"}
# a passive before the cue's agent ("was attacked by Russia"): the name after "by" is the actor, not the one before
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be"})


def subject_at(words: list[str], cue_start: int, names: CountryNames, text: str,
               span: Callable[[int], tuple[int, int]]) -> str | None:
    """The country named as the single subject right before the cue starting at word `cue_start` (its name, or its
    possessive, ending there or before at most two SUBJECT_LINKS words), if any."""
    if cue_start > 0 and words[cue_start - 1] in _PASSIVE and "by" in words[cue_start + 1:cue_start + 3]:
        return None  # "Ukraine was attacked by Russia": the name before a passive is the one acted on
    end = cue_start - 1
    while end >= 0 and cue_start - end <= 3 and words[end] in SUBJECT_LINKS:
        end -= 1
    for size in range(MAX_ALIAS_WORDS, 0, -1):  # the longest name first ("South Korea", not "Korea")
        first = end - size + 1
        if first < 0:
            continue
        if words[first] not in names.starts or size not in names.sizes.get(words[first], ()):
            continue
        code = names.get((*words[first:end], _bare(words[end])))
        if code is None or code[0] == DEMONYM:
            continue  # (a demonym before a noun is its adjective: "Ukrainian forces fired" names no subject here)
        if not any(c.isupper() for c in text[span(first)[0]:span(end)[1]]):
            return None
        if first > 0 and words[first - 1] in _NOT_A_SINGLE_SUBJECT:
            return None
        return code
    return None


# Whose cooperation (thirty-fifth round, issue 14): the subject of a cooperative cue's clause. KCNA tells the other
# side's cooperation in its own voice — the dialogue the South's authorities talk about, the agreements the Lee group
# scrapped, the apology the puppets would make — and a blind gold-free draw of its rows scored cooperative found most
# of its hostile ones so (docs/evaluation-scoring.md, round 35). The subject is the name (a country name, or a house
# name the cue tables count as an epithet: `epithets`, given by the caller) that opens the clause, after nothing but
# CLAUSE_OPENERS ("The", "But the", "Even though the"): a name after a verb or a preposition is an object ("he flew
# to Seoul", "the people of South Korea"), not the doer; a single subject (not followed by 'and', 'or', a comma).
CLAUSE_STARTS = frozenset({".", ";", ":", "!", "?"})
ABBREVIATION_LETTERS = 2
CLAUSE_OPENERS = frozenset({"the", "a", "an", "but", "and", "also", "however", "yet", "now", "then", "meanwhile",
                            "even", "though", "although", "if", "when", "while", "unless", "as", "because", "since",
                            ",", "“", "\"", "‘", "'"})


def clause_subject(words: list[str], cue_start: int, names: CountryNames, text: str,
                   span: Callable[[int], tuple[int, int]], epithets: list[tuple[int, int]] = ()) -> str | None:
    """The country (or "EPITHET": a house name for the other side, spans `epithets`) named as the single subject that
    opens the clause in which the cue starting at word `cue_start` stands, if any."""
    low = cue_start
    while low > 0 and not (words[low - 1] in CLAUSE_STARTS and (words[low - 1] != "." or low < 2 or len(
            words[low - 2].rsplit("-", 1)[-1]) > ABBREVIATION_LETTERS)):
        low -= 1  # (a period after one or two letters ends an abbreviation, "pro-U.S.", "Mr.", not the clause)
    index = low
    while index < cue_start and words[index] in CLAUSE_OPENERS:
        index += 1
    if index >= cue_start:
        return None
    end = next((e for s, e in epithets if s == index), None)
    code = "EPITHET" if end is not None else None
    if code is None and words[index] in names.starts:
        code = country_at(words, index, names, text, span)
        end = index
    if code is not None:
        # the name's words ("South Korea"), or the capitalised name a house name is given to ("the traitor Kim Chul Soo")
        end = max(end, index + 1)
        while end < cue_start and (text[span(end)[0]].isupper() or country_at(words, end, names, text, span)):
            end += 1
    if code is None or end > cue_start or words[end] in ("and", "&", "or", ","):
        return None  # no name opens the clause, the name is the cue's own, or one of several subjects
    return code


def names_near(words: list[str], start: int, end: int, reach: int, codes: frozenset[str],
               names: CountryNames, text: str, span: Callable[[int], tuple[int, int]]) -> bool:
    """Whether a country of `codes` is named within `reach` words before word `start` or after word `end`."""
    for index in range(max(0, start - reach), min(len(words), end + reach)):
        if start <= index < end or words[index] not in names.starts:
            continue
        code = country_at(words, index, names, text, span)
        if code is not None and code in codes:
            return True
    return False


FIRST_PERSON = frozenset({"we", "our", "us", "ours", "i", "my", "me"})
COUNTRY_CASE = "US"  # "us" written so is the United States, not the first person


def first_person(words: list[str], text: str, span: Callable[[int], tuple[int, int]]) -> bool:
    """Whether the text speaks in the first person: a word of FIRST_PERSON, read in its original case ("US" is the
    country: the words are lower-cased, so "US and Seoul" read as "us" and the speaker was taken to be named)."""
    if FIRST_PERSON.isdisjoint(words):
        return False
    for index, word in enumerate(words):
        if word in FIRST_PERSON and (word != "us" or text[slice(*span(index))] != COUNTRY_CASE):
            return True
    return False


def countries_named(words: list[str], names: CountryNames, text: str,
                    span: Callable[[int], tuple[int, int]], stop: str | None = None) -> set[str]:
    """Every country named in the text (first person counts as the speaker's: "SPEAKER"); with `stop`, the countries
    named up to the first mention of `stop` (included), for a caller that only needs to know whether it is named."""
    found = {"SPEAKER"} if first_person(words, text, span) else set()
    starts = names.starts.intersection(words)
    for index in (i for i, word in enumerate(words) if word in starts) if starts else ():
        code = country_at(words, index, names, text, span)
        if code is not None:
            found.add(code)
            if code == stop:
                break
    return found


MEETING_KIND = "diplomacy"  # the cue kind of meetings, visits and talks (cues.tsv)
# of which those held by someone: consult, visit, host, meet (CAMEO 040-044); not 046, dialogue, negotiations, talks
# and summits, which a speaker asks for as often as others hold them ("urged Washington and Seoul to come out for
# dialogue" is dialogue with the speaker): those are left to the statement-wide rule
MEETING_CAMEO = frozenset({"040", "041", "042", "043", "044"})
MEETING_OBJECT_WORDS = 4  # how far after a meeting cue its guest or place is read ("visit to Seoul", "met with the US")
_PUNCTUATION = frozenset(".,;:!?()[]—–")


def parties_of_meeting(words: list[str], names: CountryNames, text: str, span: Callable[[int], tuple[int, int]],
                       start: int, end: int) -> set[str]:
    """The countries named before a meeting cue in its sentence, across commas (its hosts), or within
    MEETING_OBJECT_WORDS after it in its clause (its guest or place): who met, not what the sentence goes on to say
    about a third side."""
    low = start  # back to the sentence's last stop: a comma may be a list of the sides ("The U.S., Japan and ...")
    while low > 0 and (words[low - 1] not in _PUNCTUATION or words[low - 1] == ","):
        low -= 1
    high = end
    while high < min(len(words), end + MEETING_OBJECT_WORDS) and words[high] not in _PUNCTUATION:
        high += 1
    found = set()
    for index in (*range(low, start), *range(end, high)):
        if words[index] in names.starts:
            code = country_at(words, index, names, text, span)
            if code is not None:
                found.add(code)
    return found


def meeting_of_targets(words: list[str], names: CountryNames, text: str, span: Callable[[int], tuple[int, int]],
                       start: int, end: int, foreign: frozenset[str] | set[str], speaker_country: str) -> bool:
    """Whether the meeting cue at words[start:end] is held between two of the `foreign` targets: its sentence names two
    of them as its sides (parties_of_meeting), not the speaker's country, and the text has no first person."""
    parties = parties_of_meeting(words, names, text, span, start, end)
    return (speaker_country not in parties and len(parties & foreign) >= 2
            and not first_person(words, text, span))
