"""Clauses and the units that give no row: a sentence split into clauses (at ", which", ", who", ";", a headline's
label, before a subordinate clause with its own actor), which clauses are background to the news (", as ...",
"after North Korea fired ...", a relative clause after a speaker's words; adjudication 1), where an opening time
clause ends, and a sentence that only lists names."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.scan import NEVER_MATCHES


_BACKGROUND = frozenset({"as", "while", "amid", "even as"})  # clause openings that give background (adjudication 1)
_CLAUSE_BREAK = re.compile(r",\s+(?P<rel>which|who|as|while|amid|even as)\s+|;\s+")
_NO_BREAK = NEVER_MATCHES  # (neither a comma nor a semicolon: no break)
# Its first alternative alone, for a sentence with no semicolon (most): a pattern opening with a literal is searched
# for that character, where the two alternatives are tried at every character.
_COMMA_BREAK = re.compile(_CLAUSE_BREAK.pattern.rsplit("|", 1)[0])
# "came as the US leader prepared": a subordinate clause with its own actor (checked against mention starts).
_SUBORDINATE = re.compile(r"\s(?:as|while|when|after|because|before|since|but)\s+(?:the\s+|a\s+)?")
# The time conjunctions of those: "..., after North Korea fired a missile", "... came since Seoul began": a clause of
# them is background to the news, no row of its own (adjudication 1: "a since/after/while/as clause")
_TIME_BEFORE = re.compile(r"\s(?:after|since)\s+(?:the\s+|a\s+)?$")
# A sentence opening with such a clause up to its first comma: "After North Korea fired a missile, Seoul ..."
_TIME_LEAD = re.compile(r"(?:After|Since|Before|When|While|As|Following)\s+[^,;:]{3,160}?,\s+")


_AS_BEFORE = re.compile(r"\sas\s+(?:the\s+|a\s+)?$")  # "praised Kim as the leader who ...": "as" before a clause


# A headline's leading label of one or two words before a colon ("Lawmakers: ...", "Analysis: ...").
_LABEL = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)?:\s+(?=[A-Z])")


def clause_spans(text: str, blanked: str, mention_starts: set[int], speech_verbs: frozenset[str] = frozenset()
             ) -> list[tuple[int, int, str]]:
    """Clause spans split at ', which', ', who', ';' and before a subordinate clause with its own actor."""
    breaks = [(m.start(), m.end(), m.group("rel") or "") for m in (
        _CLAUSE_BREAK if ";" in blanked else _COMMA_BREAK if "," in blanked else _NO_BREAK).finditer(blanked)]
    if ":" in blanked[:30] and (label := _LABEL.match(blanked)) is not None and not (
            speech_verbs and not speech_verbs.isdisjoint(label.group(0).lower().replace(":", " ").split())):
        # "Lawmakers: <a source> says ...", "Exclusive: ...": a headline's label, then the clause
        breaks.append((label.end() - 1, label.end(), ""))
    if mention_starts:  # (the breaks before a subordinate clause are those where a mention starts)
        breaks += [(m.start(), m.end(), "sub") for m in _SUBORDINATE.finditer(blanked) if m.end() in mention_starts]
    spans, start, rel = [], 0, ""
    for b_start, b_end, b_rel in sorted(breaks):
        if b_start < start:
            continue
        spans.append((start, b_start, rel))
        start, rel = b_end, b_rel
    spans.append((start, len(text), rel))
    return spans


_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]*")
_LONG_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][\w'’-]{4}")
_JOINERS = frozenset({"the", "of", "and", "for", "a", "an", "in", "on", "to", "at", "with", "or"})


def names_only(text: str) -> bool:
    """Whether a sentence is a list of names and nothing else ("The Workers' Party of Korea, the Social Democratic
    Party and the Chongu Party."): ending in a full stop, with a comma or "and", and no lowercase word but those
    joining names: no verb, no statement (labelling guideline: a unit with nothing attributable). Three names at
    least (a title-case headline with a full stop, "The U.S. and Japan Stage Drills.", keeps its verb)."""
    if not text.endswith(".") or "," not in text or (text.count(",") < 2 and " and " not in text) or len(text) > 400 \
            or _LONG_LOWER_WORD.search(text):
        return False  # (a lowercase word of five letters or more is no joiner: most sentences stop here)
    return all(w in _JOINERS for w in _LOWER_WORD.findall(text))


def time_lead_end(text: str, blanked: str) -> int:
    """Where an opening time clause ends ("After North Korea fired a missile, [Seoul held a meeting]"), else 0: an
    actor of it acts in the background, no row of its own (adjudication 1); its countries stay the main clause's
    targets."""
    if text[:1] in "ABFSW" and (lead := _TIME_LEAD.match(blanked)) is not None:
        return lead.end()
    return 0


def background_clause(rel: str, antecedent: list, blanked: str, c_start: int, found: list) -> bool:
    """Whether a clause is background to the news, no row of its own (adjudication 1). `rel`: how it opens
    (clause_spans); `found`: the statements of the sentence's clauses before it.
    ("Seoul condemned the launch after North Korea fired ...", "After North Korea fired a missile, Seoul
    ...": a since/after clause is background, no row of its own; adjudication 1)
    (who / which after a speaker's words: "The statements praised Kim Jong Il as the leader who provided
    two summits", "Seoul condemned the launch, which violated UN resolutions": the relative clause is
    part of what the speaker said, not an act of its own; adjudication 1)
    "..., as the two countries trade heated rhetoric", "..., amid tension with Seoul": background to the
    news, no row of its own (adjudication 1)
    """
    # bool(): the `and`/`or` chain gives a match, None or the empty antecedent where it fails (the one caller only
    # tests it; a compiled build holds a `-> bool` function to a bool)
    return bool(rel in _BACKGROUND or ((antecedent and rel in ("who", "which") or rel == "sub" and (
            _AS_BEFORE.search(blanked, max(0, c_start - 12), c_start) or
            _TIME_BEFORE.search(blanked, max(0, c_start - 12), c_start))) and any(
            s.attribution == "speech verb" and not s.is_act for s in found)))


@lru_cache(maxsize=1)
def _promotion_openings() -> tuple[str, ...]:
    """The opening words of promotions (reference_words.tsv, use promotion), each with a space or a colon after it."""
    return tuple(f"{w}{end}" for w in load_reference_words().get("promotion", ()) for end in (" ", ":"))


def promotion(text: str) -> bool:
    """Whether a sentence is a feed's promotion or link text ("Read all our Japan trade coverage", "Read more: ..."):
    no statement (labelling guideline, the unit: crawler glue)."""
    return text[:1] in "RCSFWLD" and text.startswith(_promotion_openings())


def background_relative(rel: str, antecedent: list, found: list, speaks: bool) -> bool:
    """Whether a who/which clause after an act of the sentence tells the background of its antecedent, no row of its
    own ("Russia has forged closer ties with Pyongyang, which has been testing missiles"; adjudication 1: a
    background relative clause). `speaks`: the clause has a reporting verb of its own ("..., which Seoul accuses of
    shipping arms"): it keeps its row."""
    return bool(antecedent) and rel in ("who", "which") and not speaks and any(s.is_act for s in found)


def background_after(rel: str, blanked: str, c_start: int, found: list, speaks: bool) -> bool:
    """Whether an after/since clause following a main clause with a row of its own (or timing the news: "The test
    came a day after ...") tells the background of that news, no row of its own ("South Korea scrambled jets after
    North Korea sent warplanes", "The allies extended their drills after the North fired a missile"; adjudication 1:
    "a since/after ... clause ... gets no row"). The main clause's row may be an act: background_clause covers only
    a speaker's words before it. `speaks`: the clause has
    a reporting verb of its own ("... hours after Seoul warned of ..."): its words keep their row, as in a background
    relative clause (the gold set gives the seed's "His visit came the day after <a spokeswoman> said ..." a row).
    "The visit comes as South Korea seeks ...": an as clause timing the news is background too (issue 13 round 17),
    and so is an as clause after a main clause with a row: "North Korea fired a missile as the allies began drills"
    keeps the launch, not the drills (round 33)."""
    if rel != "sub" or speaks or _LONG_SINCE.search(blanked, max(0, c_start - 20), c_start) is not None:
        return False
    if _timing_before().search(blanked, max(0, c_start - 60), c_start) is not None:
        return True
    return bool(found) and (_TIME_BEFORE.search(blanked, max(0, c_start - 12), c_start) is not None or (
        _AS_CLAUSE_BEFORE.search(blanked, max(0, c_start - 20), c_start) is not None and
        blanked.rstrip(" \"'”’)").endswith(".")))  # (a headline's "X as Y" tells both: its news, adjudication 1)


# "North Korea fired four missiles as the allies wrapped up their drills": an as clause with its own actor after a
# main clause with a row is background to that news, as an after clause is (adjudication 1: "a since/after/while/as
# clause ... gets no row"; round 33). Not a comparison or a list ("such as", "as well as", "known as", "as soon as").
_AS_CLAUSE_BEFORE = re.compile(r"(?<!\bsuch)(?<!\bwell)(?<!\bknown)(?<!\bsame)(?<!\bsoon)(?<!\blong)(?<!\bmuch)"
                               r"(?<!\bmany)(?<!\bfar)(?<!\bjust)(?<!\bso)\sas\s+(?:the\s+|a\s+)?$")


@lru_cache(maxsize=1)
def _timing_before() -> re.Pattern:
    """"came a day after ", "comes less than two months after ", "comes as ": the news timed by an earlier or a
    simultaneous event, right before an after/since/as clause (reference_words.tsv, use timing_verb): that clause is
    background even when the main clause has no actor ("The test came a day after the allies held drills";
    adjudication 1)."""
    words = load_reference_words().get("timing_verb", ())
    if not words:
        return _NO_BREAK
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b[^,;:.]{0,40}?\s(?:after|since|as)\s+"
                      r"(?:the\s+|a\s+)?$")


# "It is long since the Lee group was reduced to ...": the clause is what the sentence says, no
# background
_LONG_SINCE = re.compile(r"\blong\s+since\s+(?:the\s+|a\s+)?$")
