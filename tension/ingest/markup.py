"""Markup: saved web pages (trafilatura: main text and metadata), RSS/Atom feeds (feedparser: one Extracted per
item) and the HTML fragments that feed items and batch records carry (tags dropped, paragraphs kept).
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser

from dateutil import parser as dateparser

from tension.ingest.decoding import Extracted, FormatError, decode_text, declared_markup_charset

_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|a|img|figure|span|strong|em|b|i|ul|ol|li|h[1-6]|table|tr|td)\b[^>]*>", re.I
)


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML fragment; block elements and <br> become paragraph breaks."""

    BLOCKS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article figure".split())
    SKIP = frozenset("script style noscript template figcaption".split())

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):  # noqa: D102 - HTMLParser hook
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):  # noqa: D102
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):  # noqa: D102
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def looks_like_html(text: str) -> bool:
    """Whether `text` carries HTML markup (RSS descriptions and some batch exports do)."""
    return bool(_HTML_TAG.search(text))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs separated by blank lines."""
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)



def read_html(raw: bytes, declared: str | None = None) -> Extracted:
    """Main text and metadata (title, date, outlet, URL, author) of a saved web page, via trafilatura."""
    import trafilatura

    # Its warnings ("discarding data: None") reached the run's console naming no file and nothing to do; a page it
    # finds no text in is rejected below with a reason of ours, listed with its file.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    html, encoding = decode_text(raw, declared or declared_markup_charset(raw))
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
        # Only dates the page states in its markup: a date guessed from the text could be any date it mentions.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None:
        raise FormatError("no article text found in the HTML page (is it an index page, or does it need "
                          "JavaScript to show its text?)")
    found = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    title = (found.get("title") or "").strip()
    lines = [line.strip() for line in (found.get("text") or "").splitlines() if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline is metadata, as for every other format
    meta = {k: found.get(k) for k in ("title", "url", "author") if found.get(k)}
    if found.get("sitename") or found.get("hostname"):
        meta["source"] = found.get("sitename") or found.get("hostname")
    date_source = ""
    if found.get("date"):
        meta["published"] = found["date"]
        date_source = "HTML page metadata"
    return Extracted(text="\n\n".join(lines), meta=meta, date_source=date_source, encoding=encoding)


def _local_date(written: object, utc_stamp: tuple) -> date:
    """The item's date as its feed wrote it, in the feed's own time zone: feedparser's `*_parsed` is converted to
    UTC, which put a Seoul item of Monday 07:30 +0900 on Sunday (the ISO week before). UTC only when the written
    date cannot be read, or is read as more than a day away from it (a format dateutil takes another way)."""
    utc = date(*utc_stamp[:3])
    try:
        local = dateparser.parse(str(written)).date()
    except (ValueError, OverflowError, TypeError):
        return utc
    return local if abs((local - utc).days) <= 1 else utc


def read_feed(raw: bytes) -> tuple[str, list[Extracted | FormatError]]:
    """The feed's title and one Extracted per RSS/Atom item (or a FormatError for an unusable item)."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries and parsed.get("version") and not parsed.get("bozo"):
        raise FormatError("an RSS/Atom feed with no items: nothing to read (was it saved while the feed was empty?)")
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise FormatError(f"not an RSS/Atom feed, or a feed without items{problem}")
    feed_title = (parsed.feed.get("title") or "").strip()
    items: list[Extracted | FormatError] = []
    for entry in parsed.entries:
        title = html_to_text(entry.get("title") or "")
        content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        lede = html_to_text(content)
        meta = {"title": title, "url": entry.get("link") or "", "id": entry.get("id") or entry.get("link") or "",
                "source": feed_title, "author": entry.get("author") or ""}
        date_source = ""
        for key in ("published", "updated", "created"):
            stamp = entry.get(f"{key}_parsed")
            if stamp:
                meta["published"] = _local_date(entry.get(key), stamp)
                date_source = f"feed item <{key}>"
                break
        else:
            if entry.get("published") or entry.get("updated"):
                items.append(FormatError(f"unreadable item date {entry.get('published') or entry.get('updated')!r}"))
                continue
        if parsed.feed.get("updated_parsed"):
            meta["retrieved"] = date(*parsed.feed.updated_parsed[:3])
        text = "\n\n".join(p for p in (title, lede) if p)
        items.append(Extracted(text=text, meta={k: v for k, v in meta.items() if v}, date_source=date_source))
    return feed_title, items
