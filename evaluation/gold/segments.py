"""Segmentation of the gold units (evaluation/gold/units.py): sentence spans as offsets into a raw field, never
changing its text — hard breaks per corpus first (KCNA's flattened paragraphs, blank lines, block-level HTML, Yonhap's
line breaks and rules), then blingfire inside each block. The spans define the committed unit ids: change nothing here
without regenerating evaluation/labels/gold/units.tsv (tests/test_gold_units.py compares them).
"""
from __future__ import annotations

import re

import blingfire

WS = " \t\r\n\u3000\u00a0"


def trim_span(text: str, a: int, b: int, chars: str = WS) -> tuple[int, int]:
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def _blocks(text: str, breaks: re.Pattern | None) -> list[tuple[int, int]]:
    """Spans between hard breaks (paragraph separators, block-level HTML tags)."""
    if breaks is None:
        return [(0, len(text))]
    out, pos = [], 0
    for m in breaks.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def sentences(text: str, breaks: re.Pattern | None = None, trim: str = WS) -> list[tuple[int, int]]:
    """Sentence spans of `text`: hard blocks first, then blingfire inside each block."""
    spans = []
    for a, b in _blocks(text, breaks):
        block = text[a:b]
        if not block.strip(trim):
            continue
        _, offs = blingfire.text_to_sentences_and_offsets(block)
        for s, e in offs:
            s, e = trim_span(text, a + s, a + e, trim)
            if e > s and re.search(r"\w", text[s:e]):
                spans.append((s, e))
    return spans


# KCNA: paragraph breaks were flattened to ", ," (sometimes with "\r" or an ideographic space between), and
# sometimes to a single comma after a sentence end followed by two spaces or "\r" ("year.,  Commenting").
KCNA_BREAKS = re.compile(r"[ \t\u3000]*,(?:[\s\u3000]*,)+[\s\u3000]*"
                         r"|(?<=[.!?:\"”])[ \t]*,(?=[ \t\u3000]{2}|[ \t]*\r)[\s\u3000]*")
BLANK_LINES = re.compile(r"\n[ \t\r\u3000]*\n\s*")
# HTML in RSS descriptions: block-level tags are sentence breaks; inline tags (a, em, strong...) stay in the unit
HTML_BLOCKS = re.compile(r"\s*(?:</?(?:p|br|div|li|ul|ol|h[1-6]|figure|figcaption|blockquote|img|hr|table|tr|td)"
                         r"\b[^>]*>\s*)+|\n[ \t\r]*\n\s*", re.I)
# Yonhap/Korea Herald bodies: line breaks, "-----" rules between summary items, and sentences glued without a space
# by the crawler ("rights.Articles 12") are breaks.
YONHAP_BREAKS = re.compile(r"\s*\n\s*|\s*-{5,}\s*|(?<=[a-z0-9)\"”][.!?])(?=[A-Z“])")
YONHAP_DATELINE = re.compile(r"\((?:Yonhap|YONHAP)\)\s*--\s*")


def has_text(s: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2}", re.sub(r"<[^>]*>", " ", s)))
