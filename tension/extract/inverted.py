"""Speakers after their verb: '"...," said a researcher at KINU' (after a quotation) and the inverted frame of news,
"<content>, said <speaker>" ("North Korea remains the gravest threat, said Gen. X, the commander of ...", "...,
says Rodong Sinmun"): who speaks is the phrase after the verb (its country from a name in it or its apposition), and
an act the content tells is the actor's, reported by that speaker. `tension.extract.speakers` tries these first for
each reporting verb."""

from __future__ import annotations

import re
from functools import lru_cache

from tension.config import load_reference_words
from tension.extract.acts import modified_head
from tension.extract.subjects import coordinated
from tension.extract.findings import Finding, Rules, referents
from tension.extract.mentions import Mention
from tension.extract.scan import NEVER_MATCHES


def inverted_speaker(text: str, blanked: str, anchor: re.Match, c_end: int, outside: list[Mention]
                     ) -> Finding | None:
    """The speaker after the verb of a quotation: '"...," said a researcher at KINU' (its country from a name in
    the phrase, its kind from the phrase's head)."""
    before = text[: anchor.start()].rstrip()
    if not before.endswith(('"', "”", ",\"", ",”")) or not before[:-1].rstrip().endswith((",", "?", "!", ".")):
        return None
    stop = blanked.find(",", anchor.end(), c_end)
    stop = c_end if stop < 0 else stop
    phrase = blanked[anchor.end() : stop]
    inside = [m for m in outside if anchor.end() <= m.start and m.end <= stop]
    resolved = [r for m in inside[:1] for r in referents(m)]
    if not phrase.strip():
        return None
    apposition = ""
    if not resolved and stop < c_end:
        # '"...," said Park, a professor at <a university in Seoul>': the country and kind from the apposition
        apposition = blanked[stop:c_end]
        inside = [m for m in outside if stop <= m.start and referents(m)][:1]
        resolved = [r for m in inside for r in referents(m)]
    return Finding(resolved[:1], phrase.strip(" .\t\n"), anchor.group(0), False, "speech verb (after quote)",
                   exclude=inside[:1], content_end=anchor.start(), phrase=phrase + apposition)


# After a relay verb, words that open no speaker's phrase: the verb has its speaker before it ("Kim, the minister,
# said on Monday that ...", "said to be", "said it would") — no inversion.
_NO_SPEAKER_AFTER = re.compile(r"\s+(?:that|to|in|on|at|by|for|with|of|about|as|if|it|he|she|they|we|I|you|this|"
                               r"there|so|and|but|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|earlier|"
                               r"later|today|yesterday|last|this|recently|also|its|his|her|their|our|my|your)\b")
# A name and its apposition before the verb's comma: "Park Ji-won, a professor at the university,".
_NAME_APPOSITION = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*\s*,\s+[^,]+,\s*")
# An owner pointing to the country the content named: "say [the country's] joint chiefs of staff".
_SAME_COUNTRY = re.compile(r"\bthe\s+(?:country|nation)['’]s?\s")
# The occasion after an inverted speaker's name: "says Rodong Sinmun [Tuesday in a by-lined article]", "said KBS [on
# May 3]", "says the chief [as memorial services were held]".
_TIME_TAIL = re.compile(r"\s+(?:on\s+|last\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                        r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d"
                        r"|in\s+an?\s+(?:by-?lined\s+)?(?:article|commentary|editorial|interview|statement|report)\b"
                        r"|as\s|when\s|after\s).*$", re.S)
# A finite verb in the words after a relay verb: they are its content ("Kim, the minister, said the talks would
# fail"), not an inverted speaker's phrase.
_TO = re.compile(r"\bto\b")  # after a directive verb: "urged <its object> to ..."
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|must|should|can|could|may|might|has|have|had|did|does|do|"
                     r"that|who|which)\b")


def inverted_frame_findings(blanked: str, anchor: re.Match, c_start: int, c_end: int, outside: list[Mention],
                            rules: Rules, subject: Mention | None, last_speaker: Mention | None,
                            narrator: Mention | None) -> list[Finding] | None:
    """A relay verb right after the content's comma with its speaker after it, no quotation: "North Korea remains
    the gravest threat, said Gen. X, the commander of ...", "..., says Rodong Sinmun in a by-lined article". English
    news inverts the frame; the content is the speaker's, and an act it tells ("North Korea fired ..., said a
    spokesman for the JCS") is the actor's, reported by the speaker, who has a row of its own only where its words
    evaluate (as for a frame after the content: ", the ministry said")."""
    verb = anchor.group(0).split()[0]
    if verb not in rules.inverted_verbs or not blanked[c_start : anchor.start()].rstrip().endswith(",") or \
            _NO_SPEAKER_AFTER.match(blanked, anchor.end(), c_end):
        return None
    comma = blanked.rfind(",", c_start, anchor.start())
    if subject is not None and subject.end <= comma and re.match(r"(?:['’]s?)?\s*,",
                                                                 blanked[subject.end : comma + 1]):
        return None  # "Kim Yo Jong, the leader's sister, said ...": an apposition closes the speaker's phrase
    if _NAME_APPOSITION.fullmatch(blanked, c_start, comma + 1):
        return None  # "Park Ji-won, a professor at <a university>, said ...": a name the dictionary does not know
    stop = blanked.find(",", anchor.end(), c_end)
    stop = c_end if stop < 0 else stop
    phrase = blanked[anchor.end() : stop].strip(" .\t\n")
    if not phrase[:1].isalpha() or len(phrase.split()) > 12 or _FINITE.search(phrase) or \
            len(blanked[c_start:comma].split()) < 4 or verb in rules.directive_verbs and _TO.search(phrase):
        return None  # (", urged Lee to resign": the demand's object, its speaker before the comma)
    phrase = _TIME_TAIL.sub("", phrase)  # "Rodong Sinmun [Monday in a by-lined article]"
    # (the name closest to the verb's end is the speaker's own: "says DPRK major paper [Rodong Sinmun]")
    inside = [m for m in outside if anchor.end() <= m.start and m.end <= stop and (referents(m) or m.backref)][-1:]
    apposition = ""
    if not any(referents(m) for m in inside) and stop < c_end:
        # "said Gen. X, the commander of U.S. Forces Korea": the speaker's country and kind from the apposition
        apposition = blanked[stop:c_end]
        inside = [m for m in outside if stop <= m.start and referents(m)][:1]
    resolved = [r for m in inside[:1] for r in referents(m)][:1]
    if not resolved and subject is not None and referents(subject) and _SAME_COUNTRY.search(phrase):
        resolved = referents(subject)[:1]  # "..., say the country's joint chiefs of staff": the country just named
    if inside and last_speaker is None and narrator is not None and inside[0].backref in rules.own_text:
        resolved = [narrator]  # "..., said the commentary": the document's own voice
    elif inside and last_speaker is not None and inside[0].backref in rules.pointing_back:
        resolved = [last_speaker]  # "..., said the statement": the last speaker goes on
    if not resolved:
        # (a speaker the dictionary cannot place: the old reading stands; on T2 a row was lost when such a speaker
        # took the content from its subject)
        return None
    own = resolved[0].country
    speaker = Finding(resolved, phrase, anchor.group(0), False, "speech verb (after content)", exclude=inside[:1],
                      content_end=comma, phrase=phrase + apposition)
    actors = coordinated(subject, blanked, outside) if subject is not None and subject.end <= comma else []
    acted = [a for a in actors if referents(a) and referents(a)[0].country != own]
    if not acted or len(acted) < len(actors) or rules.predicate is None or \
            not rules.predicate.match(blanked, actors[-1].end, comma) and \
            not _headline_act().match(blanked, actors[-1].end, comma):
        return [speaker]
    nested = [Finding(referents(actor)[:1], actor.text, "", True, "nested", exclude=[*actors, *inside[:1]],
                      content_end=comma, reported=own is not None, reported_by=phrase,
                      phrase=modified_head(blanked, actor, comma) if len(actors) == 1 else "")
              for actor in actors]
    evaluates = rules.evaluative is not None and bool(rules.evaluative.search(blanked, c_start, c_end))
    return [speaker, *nested] if evaluates else nested


@lru_cache(maxsize=1)
def _headline_act() -> re.Pattern:
    """A headline's present tense of a launch or a dispatch right after the actor ("<the North> fires two missiles,
    says <the South's military>"; reference_words.tsv, use headline_act): the actor's act, reported by the speaker
    after the verb, as "fired" is (round 35). Only launch and dispatch verbs: "<the North> remains the gravest threat,
    says <a general>" stays the general's words."""
    words = load_reference_words().get("headline_act", ())
    if not words:
        return NEVER_MATCHES
    return re.compile(r"(?:\s+[A-Z][\w'-]*)*\s+(?:" + "|".join(map(re.escape, sorted(words))) + r")\b")
