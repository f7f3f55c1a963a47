"""Sentences: split a cleaned body into sentences with their character spans.

blingfire (a compiled segmenter) splits; around it, paragraphs never merge, crawled copy glued together
("possible.The submarine") is cut, a wire header (slug, title, byline, dateline) is set apart as a non-statement,
and an abbreviation ("Gen. Kim", "Jan. 30") never ends a sentence.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

import blingfire

# Crawled copy glues sentences together ("possible.The submarine"); a wire header ends at its dateline.
_GLUED = re.compile(r"[.!?][\"”’]?(?=[A-Z“\"][a-z])")  # kept when two lowercase letters come before
_DATELINE = re.compile(r"^.{0,700}?(?:\((?:Yonhap|AP|AFP|Reuters|KCNA|Xinhua|UPI|dpa|EFE|Kyodo|TASS)\)\s*(?:--|—|–)"
                       r"|^[A-Z][A-Z .'-]{2,30},(?:\s[A-Z][\w .'-]{0,40})?:"
                       # TASS: "SEOUL, December 26. /TASS/." or "GYEONGJU /Republic of Korea/, May 3. /TASS/."
                       r"|^[A-Z][A-Z .'-]{2,30}(?:\s*/[^/\n]{1,40}/)?,\s+[A-Z][a-z]+\.?\s+\d{1,2}\.\s*/TASS/\.)\s*", re.S)

# The outlet of a wire story's dateline ("SEOUL, Dec. 28 (Yonhap) --"), near the story's start.
_DATELINE_OUTLET = re.compile(r"\(([A-Z][A-Za-z]{1,15})\)\s*(?:--|—|–)")


def dateline_outlet(body: str) -> str | None:
    """The outlet named in the story's dateline, if any ("Yonhap"): whose story it is when no speaker is declared."""
    found = _DATELINE_OUTLET.search(body, 0, 800)
    return found.group(1) if found else None


class Sentence(NamedTuple):
    """A sentence of the body with its character span (a named tuple: a frozen dataclass costs several times as
    much to build, and every document makes a few)."""

    index: int  # type: ignore[assignment]  # (shadows tuple.index, which no caller uses)
    start: int
    end: int
    text: str
    header: bool = False  # a wire header (slug, title, byline, dateline): never a statement
    quote: int = 0  # how quotations stand at its ends, OPENS_QUOTE | CLOSES_QUOTE | ... (quote_marks)


OPENS_QUOTE = 1  # the sentence opens (or its paragraph reopens) a quotation still open at its end
CLOSES_QUOTE = 2  # it closes a quotation and leaves none open (a stray one in running text ends with its paragraph)
ENDS_QUOTE = 4  # it ends a quotation begun earlier or before its frame; none is open after it, nor opens at once
GOES_ON = 8  # a quotation ends in it before a frame ('"...," he said.') and the next sentence opens a new one at once


def split_sentences(body: str, abbreviations: frozenset[str]) -> list[Sentence]:
    """Sentences with their spans; paragraphs never merge, and 'Gen. Kim' or 'Jan. 30' never split."""
    cuts: set[int] = {m.end() for m in _GLUED.finditer(body) if body[m.start() - 2 : m.start()].isalpha()
                      and body[m.start() - 2 : m.start()].islower()}
    headers: list[tuple[int, int]] = []
    paragraphs: list[int] = []  # where each paragraph's text starts
    offset = 0
    for paragraph in body.split("\n\n"):
        cuts.add(offset)
        paragraphs.append(offset + len(paragraph) - len(paragraph.lstrip()))
        # A wire header (slug, title, byline) ends at the dateline: checked cheaply before the pattern runs.
        head = paragraph[:700]
        if ("--" in head or "—" in head or "–" in head or ":" in head[:60] or "/TASS/" in head[:90]) and (
                header := _DATELINE.match(paragraph)):
            cuts.add(offset + header.end())
            headers.append((offset, offset + header.end()))
        offset += len(paragraph) + 2
    spans: list[list[int]] = []
    ordered = sorted(cuts)
    for start, end in _segment(body):
        inner = ordered[bisect_right(ordered, start) : bisect_left(ordered, end)]
        for lo, hi in zip([start, *inner], [*inner, end]):
            piece = body[lo:hi]
            lo, hi = lo + len(piece) - len(piece.lstrip()), hi - (len(piece) - len(piece.rstrip()))
            if hi <= lo:
                continue
            if spans and lo not in cuts and "\n\n" not in body[spans[-1][1] : lo]:
                previous = body[spans[-1][0] : spans[-1][1]]
                last_word = previous.rsplit(None, 1)[-1] if previous.strip() else ""
                if last_word in abbreviations and body[lo : lo + 1].isalnum():
                    spans[-1][1] = hi
                    continue
            spans.append([lo, hi])
    header_starts = [h0 for h0, _ in headers]  # one header at most per paragraph, in order
    quotes = quote_marks(body, spans, paragraphs) if '"' in body or "“" in body else [0] * len(spans)
    return [Sentence(i, lo, hi, body[lo:hi], _within(headers, header_starts, lo, hi), quotes[i])
            for i, (lo, hi) in enumerate(spans)]


_QUOTE_MARK = re.compile(r'["“”]')
_OPENS_AFTER = frozenset("([{—–")  # a straight quote after these (or a space) opens
_CLOSES_BEFORE = frozenset(",.;:!?)]—–")  # one before these (or a space) closes


def quote_marks(body: str, spans: list[list[int]], paragraphs: list[int]) -> list[int]:
    """For each sentence span, whether it opens a quotation left open at its end (OPENS_QUOTE) and whether it closes
    one and leaves none open (CLOSES_QUOTE), reading the marks in order: curly marks say their side; a straight one opens
    after a space or a bracket and closes before a space or a punctuation mark (otherwise it flips the state). A
    quotation set apart (opening a paragraph or after a colon) stays open over paragraphs (KCNA marks only its first
    and last); a paragraph starting with an opening mark while one is open reopens it (news style: each paragraph
    opens with a mark, only the last closes); any other quotation ends with its paragraph (an unclosed or stray mark). A sentence closing a
    quotation begun before it opens one too when the next sentence starts a new quotation at once: its speaker goes on
    there ('"...," he said. "...'). Counting marks per sentence took the closing mark of a quotation begun the
    sentence before for an opening one, and the next sentence for that quotation's words."""
    marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(body)]
    firsts = set(paragraphs)
    out, depth, at, end, block = [], 0, 0, len(body), False
    ended: list[bool] = []  # whether the sentence closes a quotation begun before it, or one its frame follows
    for k, (lo, hi) in enumerate(spans):
        before, fresh, closed, framed = depth, False, False, False
        while at < len(marks) and marks[at][0] < lo:
            at += 1
        while at < len(marks) and marks[at][0] < hi:
            i, mark = marks[at]
            at += 1
            if depth and i == lo and lo in firsts and mark != "”":
                fresh = True  # a paragraph reopening the open quotation
                continue
            if mark == "“":
                opening = True
            elif mark == "”":
                opening = False
            else:
                opens_like = i == 0 or body[i - 1].isspace() or body[i - 1] in _OPENS_AFTER
                closes_like = i + 1 == end or body[i + 1].isspace() or body[i + 1] in _CLOSES_BEFORE
                opening = opens_like if opens_like != closes_like else not depth
            if opening:
                if not depth:  # a quotation set apart (a paragraph's or after a colon) may run over paragraphs
                    fresh, block = True, i == lo and lo in firsts or body[max(0, i - 4) : i].rstrip().endswith(":")
                depth += 1
            elif depth:
                depth -= 1
                if not depth:  # (framed: '"...," he said', a frame follows what was quoted)
                    fresh, closed, framed = False, True, body[i - 1] in ",!?" or body[i + 1 : i + 2] == ","
        after = spans[k + 1][0] if k + 1 < len(spans) else end
        if depth and not block and (after in firsts or after == end) and body[after : after + 1] not in ('"', "“"):
            depth, fresh, closed = 0, False, before > 0  # (a stray or unclosed mark in running text: its paragraph
            # ends it; a closing mark typed with a space before it kept a KCNA story's quotation open to its end)
        out.append((OPENS_QUOTE if depth and fresh else 0) | (CLOSES_QUOTE if closed and not depth else 0))
        ended.append(closed and not depth and (before > 0 or framed))
    for i in range(len(out)):
        if ended[i] and i + 1 < len(out) and body[spans[i + 1][0]] in '"“':
            out[i] |= OPENS_QUOTE | GOES_ON  # ('"...," he said. "...': his quotation goes on in the next one)
        elif ended[i]:
            out[i] |= ENDS_QUOTE
    return out


def _within(headers: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether [lo, hi) lies inside one of the (ordered, separate) header spans."""
    i = bisect_right(starts, lo) - 1
    return i >= 0 and hi <= headers[i][1]


def _segment(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one stretch; blingfire splits, and finding its sentences back gives offsets cheaply."""
    if not text.strip():
        return []
    spans, pos = [], 0
    flat = text.replace("\n", " ")  # blingfire turns a line break it does not split at into a space
    for piece in _blingfire_sentences(text).split("\n"):
        at = flat.find(piece, pos)
        if at < 0:  # the splitter changed the text: fall back to its (slower) offsets
            return list(blingfire.text_to_sentences_and_offsets(text)[1])
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


def _blingfire_sentences(text: str) -> str:
    """`blingfire.text_to_sentences`, calling the library with an output buffer of a rounded size.

    blingfire's wrapper asks ctypes for a buffer of exactly twice the input, and ctypes builds a new array type for
    every new size (about a third of the call's time); a power-of-two buffer reuses a few types. The library is
    told the same capacity as by blingfire's wrapper, so the output is the same.
    """
    library = getattr(blingfire, "blingfire", None)
    if library is None:  # not the blingfire this was written for: its own wrapper
        return blingfire.text_to_sentences(text)
    data = text.encode("utf-8")
    capacity = len(data) * 2
    out = ctypes.create_string_buffer(1 << capacity.bit_length())
    written = library.TextToSentences(ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out),
                                      ctypes.c_int(capacity))
    if written == -1 or written > capacity:
        return ""
    return out.value.decode("utf-8")


def title_case(text: str) -> bool:
    """Whether most words of a clause are capitalised (a title-case headline: "Rodong Sinmun Calls for Independence")."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
