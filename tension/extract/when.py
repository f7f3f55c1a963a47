"""When a statement's act happened or its words were said, when its own text says so (issue 15).

A statement's week was its document's publication day. Reports trail events by a day about as often as not, and a
weekend launch reported on Monday lands in the next ISO week; but items usually say when: "fired a missile on
Sunday", "early Monday", "on Jan. 21", "yesterday". `occurred` reads that phrase and returns the day, else None (the
statement keeps its publication day). Pure, and cheap: one regular expression over the sentence, which fails fast on
the sentences (most of them) that name no day.

Which phrase: the first one that belongs to the statement.
- An act ("fired a missile on Sunday") is dated by the act: the first phrase in its content, else the first in the
  rest of its sentence ("On Sunday, the North fired ...", "..., the military said Sunday").
- Words ("X said Monday that the North fired on Saturday") are dated by the saying: the first phrase in the sentence
  outside the content (the frame, "said Monday"); a day inside the words is the day of what they talk about, not of
  the speech, and gives no date.
A phrase right after a span, plan or habit word ("since Jan. 21", "until Monday", "next Friday", "after Sunday's
launch": tension/data/date_words.tsv, not_before) is passed over; a phrase after a future word in its clause ("will
meet on Monday") gives no date at all.

How a phrase becomes a day (publication day P):
- a weekday resolves to the most recent such day on or before P (P itself allowed), 0-5 days back; the weekday
  after P resolves to P + 1 (feeds date items in an American time zone: "early Monday" in a Sunday item is Korea's
  Monday morning, not six days before); "last Friday" is the Friday before P, 1-7 days back;
- yesterday, last night: P - 1; today, tonight, this morning: P (date_words.tsv, relative);
- a month and day ("Jan. 21", "January 21", "21 January", "Dec. 30" in a Jan. 2 item: the year before), parsed by
  python-dateutil, counts from P - 31 to P; a later one (a plan) or an older one (an anniversary, history) gives
  no date (a day after P is no time zone's here: KCNA's "July 27" in a July 26 item is the anniversary). "May" is the
  month only as tension/extract/modality.py tells it (not "21 may face ..."). A month and day that is a name ("the
  June 15 joint declaration", "the June 15 Mountaineering Society": "the" before, a capitalised word or a
  date_words.tsv name_after word after) is passed over.
Weekday and month names are dateutil's (parserinfo), full weekday names only ("Sat" is a verb too).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as date_parser

from tension.config import DATA_DIR, read_tsv
from tension.extract.modality import MODAL_AFTER, is_month

DATE_WORDS_FILE = DATA_DIR / "date_words.tsv"
MONTH_WINDOW = 31  # days back a month-day date may lie: older is history or an anniversary
AHEAD = 1  # days after publication a weekday may name (the feed's day is an American one, the event's Korean)
_CLAUSE_END = re.compile(r"[.;:!?]\s|\s[—–-]+\s|[—–]")


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, int], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(relative phrase -> day offset, not_before, last, future and name_after words) from date_words.tsv."""
    rows = read_tsv(DATE_WORDS_FILE)
    relative = {row["word"]: int(row["days"]) for row in rows if row["kind"] == "relative"}
    kinds = {kind: frozenset(row["word"] for row in rows if row["kind"] == kind)
             for kind in ("not_before", "last", "future", "name_after")}
    unknown = {row["kind"] for row in rows} - {"relative", *kinds}
    if unknown:
        raise ValueError(f"{DATE_WORDS_FILE}: unknown kind(s) {sorted(unknown)}")
    return relative, kinds["not_before"], kinds["last"], kinds["future"], kinds["name_after"]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """One pattern for every phrase: a weekday, a relative phrase, a month and day either way round."""
    info = date_parser.parserinfo()
    weekdays = [names[-1] for names in info.WEEKDAYS]  # full names: Monday .. Sunday
    months = sorted({name.capitalize() for names in info.MONTHS for name in names}, key=len, reverse=True)
    month = "(?:" + "|".join(months) + r")\.?"
    relative = sorted(_words()[0], key=len, reverse=True)
    # relative phrases as written and capitalised (a case-insensitive group is tried at every position: twice as
    # slow), and a lookahead on the first characters any phrase can start with, which the engine skips to
    spelled = [form for phrase in relative for form in (phrase, phrase.capitalize())]
    starts = "".join(sorted({form[0] for form in spelled if not form[0].isupper()}))
    return re.compile(
        r"(?=[A-Z0-9" + starts + r"])\b(?:(?P<weekday>" + "|".join(weekdays) + r")(?!\w)"
        r"|(?P<month_day>(?P<m1>" + month + r")\s(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s(?P<y1>\d{4}))?)"
        r"|(?P<day_month>(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s(?P<m2>" + month + r")(?:,?\s(?P<y2>\d{4}))?)"
        r"|(?P<relative>" + "|".join(re.escape(form) for form in spelled) + r")\b)")


@lru_cache(maxsize=1)
def _hint() -> re.Pattern:
    """Substrings one of which every phrase `_pattern` finds contains: "day" (weekdays, yesterday, today), the first
    three letters of each month, and the last word of each relative phrase (as written and capitalised)."""
    months = {names[0][:3] for names in date_parser.parserinfo().MONTHS}
    last_words = {phrase.split()[-1] for phrase in _words()[0]}
    hints = {"day", "Day", "DAY", *months, *last_words, *(word.capitalize() for word in last_words)}
    return re.compile("|".join(re.escape(hint) for hint in sorted(hints)))


_WORD_BEFORE = re.compile(r"([\w']+)[\W_]*$")
_WORD_AFTER = re.compile(r" ([A-Za-z][\w'-]*)")
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                      "Saturday", "Sunday"])}


def occurred(content: str, sentence: str, published: date, is_act: bool) -> date | None:
    """The day the statement's act happened (is_act) or its words were said, when its text says so; else None.
    `content` is the statement's own text, `sentence` the sentence it comes from, `published` its document's day."""
    hint = _hint()
    if hint.search(sentence) is None and (content in sentence or hint.search(content) is None):
        return None  # most sentences: no day named (one scan for a few substrings: ~4 us, the pattern's ~40)
    pattern = _pattern()
    start = sentence.find(content) if content else -1
    if start < 0:  # words not found in their sentence: only an act's own text can date it
        places: tuple[tuple[str, str, int], ...] = ((content, content, 0),) if is_act else ()
    else:
        frame = sentence[:start] + " " * len(content) + sentence[start + len(content):]
        # (where to look, the text around it for a future word, where the first lies in the second)
        places = ((content, sentence, start), (frame, sentence, 0)) if is_act else ((frame, sentence, 0),)
    for text, whole, offset in places:
        for match in pattern.finditer(text):
            found = _phrase(text, match, published)
            if found is _PASS:
                continue
            # a future word before it in its clause, the statement's words included ("said he would meet him on
            # Monday"): a plan, no date
            return None if _future(whole, offset + match.start()) else found
    return None


_PASS = object()  # a phrase that is not the statement's day (a span, a plan word before it): look further


def _phrase(text: str, match: re.Match, published: date):
    """The day `match` names, None when it names a day that is not a recent one (a plan, history), or _PASS when the
    phrase is not the statement's own day at all."""
    relative, not_before, last, _, name_after = _words()
    before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
    word_before = before.group(1).lower() if before else ""
    if match.group("relative"):
        named: date | None = published + timedelta(days=relative[match.group("relative").lower()])
    elif word_before in not_before:
        return _PASS
    elif match.group("weekday"):
        back = (published.weekday() - _WEEKDAY_NUMBER[match.group("weekday")]) % 7
        if word_before in last:
            back = back or 7
        elif back == 6:
            back = -AHEAD
        named = published - timedelta(days=back)
    else:
        after = _WORD_AFTER.match(text, match.end())
        if after and (after.group(1)[0].isupper() or after.group(1).lower() in name_after):
            return _PASS  # a name: "the June 15 joint declaration", "the June 15 Mountaineering Society"
        named = _month_day(text, match, published)
        if named is _PASS:
            return _PASS
    return named


def _month_day(text: str, match: re.Match, published: date):
    """The date of a month-and-day match (the year before when it would lie ahead), None outside the window, _PASS
    when "May" is the verb."""
    month_name = match.group("m1") or match.group("m2")
    if month_name == "May":
        if match.group("m1"):
            may = re.compile("May").match(text, match.start("m1"))
            if not is_month(text, may):
                return _PASS
        elif MODAL_AFTER.match(text, match.end("m2")):
            return _PASS
    year = match.group("y1") or match.group("y2")
    phrase = f"{month_name} {match.group('d1') or match.group('d2')}" + (f" {year}" if year else "")
    try:
        named = date_parser.parse(phrase, default=datetime(published.year, 1, 1)).date()
        if not year and named > published:
            named = date_parser.parse(phrase, default=datetime(published.year - 1, 1, 1)).date()
    except (ValueError, OverflowError):  # "Feb. 30", "Feb. 29" of a common year
        return None
    if published - timedelta(days=MONTH_WINDOW) <= named <= published:
        return named
    return None


def _future(text: str, at: int) -> bool:
    """Whether a future word ("will", "plans") stands before position `at` in its clause."""
    future = _words()[3]
    clause_start = 0
    for end in _CLAUSE_END.finditer(text, max(0, at - 120), at):
        clause_start = end.end()
    clause = text[max(clause_start, at - 120):at].lower()
    return any(word in future for word in re.findall(r"[\w']+", clause)) or "'ll " in clause or "’ll " in clause
