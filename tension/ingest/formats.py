"""Formats: bytes of one input file in, plain text and its metadata out (no dates resolved, no Documents).

Each reader raises `FormatError` with a reason a user can act on; `tension.ingest.documents` turns it into a Rejection.
Libraries: pypdf (PDF text, layout mode keeps the blank lines between paragraphs), trafilatura (main text and
metadata of a saved web page), feedparser (RSS/Atom), charset-normalizer (last-resort encoding guess).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from html.parser import HTMLParser

BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"), (b"MZ", "a Windows executable"), (b"\xd0\xcf\x11\xe0", "an old MS Office file"),
    (b"SQLite format 3", "an SQLite database"), (b"RIFF", "a RIFF media file"), (b"ID3", "an MP3 file"),
)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A guessed decoding is accepted only when the guesser sees (almost) no mojibake.
MAX_GUESS_CHAOS = 0.05
# CP949 decodes most byte soup; it is accepted when what it yields is overwhelmingly Hangul, as Korean text is.
MIN_HANGUL_SHARE = 0.9
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e\u3000-\u303f\uff01-\uff5e]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|a|img|figure|span|strong|em|b|i|ul|ol|li|h[1-6]|table|tr|td)\b[^>]*>", re.I
)
_EOF_WINDOW = 2048  # bytes: a PDF's %%EOF marker must be near the end (ISO 32000 says within the last 1024)


class FormatError(ValueError):
    """A file (or a record inside it) that cannot be read, with the reason to show the user."""


def binary_kind(raw: bytes) -> str | None:
    """What a binary file looks like ('a PNG image'), or None when the bytes could be text."""
    for magic, kind in BINARY_MAGIC:
        if raw.startswith(magic):
            return kind
    if any(raw.startswith(bom) for bom, _ in BOMS) or utf16_without_bom(raw):
        return None
    head = raw[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        return "binary data (control bytes where text should be)"
    return None


def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark (Windows tools do), else None.

    Mostly Latin or Hangul text in UTF-16 has a NUL in one byte of nearly every ASCII character: seen in the first
    4 KB, at least 30% of the byte pairs with a NUL on one side only, and no NUL pair (which no text has)."""
    head = raw[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
        if len(head) < 4:
            return None
    even, odd = head[0::2], head[1::2]
    pairs = len(even)
    if any(a == 0 and b == 0 for a, b in zip(even, odd)):
        return None
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) >= 0.3 * pairs:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def decode_text(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: BOM, the declared encoding, UTF-16 without BOM, UTF-8, Korean CP949, a guess."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise FormatError(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding} "
                                  f"text ({error.reason} at byte {error.start})") from None
    if declared:
        try:
            return raw.decode(declared), declared
        except LookupError:
            raise FormatError(f"unknown encoding {declared!r} declared (use a Python codec name, e.g. cp949)") from None
        except UnicodeDecodeError as error:
            raise FormatError(f"not valid {declared} text as declared ({error.reason} at byte {error.start})") from None
    if encoding := utf16_without_bom(raw):
        return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    try:
        text = raw.decode("cp949")
        non_ascii = [c for c in text if ord(c) > 127]
        if non_ascii and sum(bool(_HANGUL.match(c)) for c in non_ascii) / len(non_ascii) >= MIN_HANGUL_SHARE:
            return text, "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported here: nothing heavy at import time

    best = from_bytes(raw).best()
    if best is not None and best.chaos <= MAX_GUESS_CHAOS:
        return str(best), best.encoding
    raise FormatError(
        f"not UTF-8 text ({utf8_error}) and its encoding could not be recognised (not Korean EUC-KR/CP949, no "
        "confident guess): save it as UTF-8, or declare the encoding with 'encoding: cp949' (or the right "
        "codec) in a sidecar file"
    )


def declared_markup_charset(raw: bytes) -> str | None:
    """The charset an HTML page or XML file declares in its first 4 KB, if any."""
    found = _META_CHARSET.search(raw[:4096]) or _XML_ENCODING.search(raw[:200])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


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


@dataclass
class Extracted:
    """Text of one file or feed item with the metadata its format carries (only what was found)."""

    text: str
    meta: dict = field(default_factory=dict)  # title, source, url, author, published, retrieved, id
    date_source: str = ""                     # which metadata field 'published' came from
    encoding: str = ""


def read_pdf(raw: bytes) -> Extracted:
    """Text of a PDF, page by page in layout mode so that blank lines and indents mark paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%%EOF" not in raw[-_EOF_WINDOW:]:
        raise FormatError("truncated PDF: no %%EOF marker at the end (the download or copy was cut short); "
                          "save or download it again")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("encrypted PDF: save an unprotected copy (print to PDF) and drop that in the inbox")
        pages = [_layout_page(page.extract_text(extraction_mode="layout")) for page in reader.pages]
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip()
        created = info.creation_date if info else None
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, ZeroDivisionError) as error:
        raise FormatError(f"damaged PDF ({type(error).__name__}: {error})") from None
    text = ""
    for page in (p for p in pages if p.strip()):
        # A page break inside a sentence is a line wrap; after a full stop it is a paragraph break.
        joiner = "\n\n" if re.search(r"[.!?\"”’)]\s*$", text) else "\n"
        text = f"{text}{joiner}{page}" if text else page
    if not re.search(r"[^\W\d_]", text):
        raise FormatError("PDF has no text layer (a scanned image?): run OCR on it first, e.g. with ocrmypdf")
    meta = {"title": title} if title else {}
    if isinstance(created, datetime):
        meta["retrieved"] = created.date()  # when the PDF was made: an upper bound for the publication date
    return Extracted(text=text, meta=meta)


def _layout_page(page: str) -> str:
    """A layout-mode page without its common left margin and with runs of spaces from justification shrunk."""
    lines = [line.rstrip() for line in page.splitlines()]
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    lines = [line[margin:] for line in lines]
    # Keep one leading space (the seed's paragraph indent), drop the rest of the layout padding.
    lines = [(" " if line[:1] == " " and line.strip() else "") + re.sub(r" {2,}", " ", line.strip()) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def read_html(raw: bytes, declared: str | None = None) -> Extracted:
    """Main text and metadata (title, date, outlet, URL, author) of a saved web page, via trafilatura."""
    import trafilatura

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


def read_feed(raw: bytes) -> tuple[str, list[Extracted | FormatError]]:
    """The feed's title and one Extracted per RSS/Atom item (or a FormatError for an unusable item)."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=False)
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
                meta["published"] = date(*stamp[:3])
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


def iter_csv(text: str, delimiter: str | None = None,
             max_field: int = 4 * 1024 * 1024) -> Iterator[tuple[str, dict | FormatError]]:
    """(line number, record) for each row of a CSV/TSV with a header row; the delimiter is sniffed if not given.

    A malformed row (text after a closing quote, a field over `max_field` characters) is a FormatError of its own
    and the rows after it are read; a quote never closed is named with the line it opens on."""
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    # A module-wide setting of the csv module, set on each call: every reader here wants the same bound.
    csv.field_size_limit(max_field)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        raise FormatError(f"invalid CSV header row: {error}") from None
    if not fieldnames:
        raise FormatError("CSV file without a header row")
    lines = reader.reader  # DictReader's own line_num is not advanced by a row that fails
    while True:
        opened = lines.line_num + 1  # where the next row starts
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield str(opened), FormatError(_csv_problem(str(error), opened, lines.line_num, max_field))
            if "unexpected end of data" in str(error):
                return
            continue
        if None in row:
            yield str(reader.line_num), FormatError(f"invalid CSV row: more fields than the header's "
                                                    f"{len(fieldnames)}")
            continue
        yield str(reader.line_num), row


def _csv_problem(error: str, opened: int, line: int, max_field: int) -> str:
    if "unexpected end of data" in error:
        return (f"invalid CSV: a quoted field opened on line {opened} is never closed (an unmatched '\"'); "
                f"the rest of the file, lines {opened}..{line}, was read as that one field")
    if "field larger than field limit" in error:
        return f"CSV row too large: a field over the {max_field / 2**20:g} MiB limit per record (lines {opened}..{line})"
    return f"invalid CSV row: {error}"


def json_record(raw: bytes, declared: str | None = None) -> dict:
    """One JSON object from one line of bytes (UTF-8, or the declared or recognised encoding)."""
    try:
        if declared:
            text = raw.decode(declared)
        else:  # what "utf-8-sig" does, without its slower incremental decoder
            text = raw.decode("utf-8")
            text = text[1:] if text.startswith("\ufeff") else text
    except (UnicodeDecodeError, LookupError):
        text = decode_text(raw, declared)[0]
    try:
        record = json.loads(text)
    except ValueError as error:
        raise FormatError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply (arrays or objects inside each other thousands of "
                          "levels deep)") from None
    if not isinstance(record, dict):
        raise FormatError("invalid JSON: line is not a JSON object")
    return record


class LineOffsets:
    """Where lines start in the JSON-lines files read so far: {file identity: {line number: byte offset}}. A run
    splits a large file into line ranges read one after another by the same worker, so each range starts where an
    earlier one stopped instead of searching the file from its start. The identity includes size and mtime (as the
    run's own change detection does): a rewritten file gets a fresh entry. Owned by whoever reads the ranges (a
    worker's analysis context), shared by its threads."""

    FILES = 16  # files remembered; the oldest is forgotten first

    def __init__(self) -> None:
        self.files: dict[tuple, dict[int, int]] = {}
        self.lock = threading.Lock()  # a thread-pool run reads ranges of one file concurrently

    def nearest(self, key: tuple, first: int) -> tuple[int, int]:
        """(line number, offset) of the known line start nearest before line `first` (line 1 at 0 if none)."""
        with self.lock:
            known = self.files.get(key, {})
            line_no = max((n for n in known if n <= first), default=1)
            return line_no, known.get(line_no, 0)

    def remember(self, key: tuple, line_no: int, offset: int) -> None:
        """Line `line_no` of the file `key` starts at byte `offset`."""
        with self.lock:
            if key not in self.files and len(self.files) >= self.FILES:
                del self.files[next(iter(self.files))]
            self.files.setdefault(key, {1: 0})[line_no] = offset


_SKIP_BLOCK = 1 << 22  # bytes read at a time while looking for the first line of a range


def iter_lines(handle: io.BufferedReader, first: int = 1, stop: int | None = None,
               offsets: LineOffsets | None = None, max_bytes: int | None = None
               ) -> Iterator[tuple[int, bytes | FormatError]]:
    """(line number, bytes) for lines `first` .. `stop` - 1 (1-based) of a binary file, split at b"\n".

    The lines before `first` are skipped as bytes (a newline search from the nearest line start known to
    `offsets`), not read one by one: reaching a range late in a large file costs a fraction of reading it. A line
    longer than `max_bytes` is never held whole: it is skipped in blocks and given as a FormatError saying its size.
    """
    offsets = offsets if offsets is not None else LineOffsets()
    info = os.fstat(handle.fileno())
    key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
    line_no, offset = offsets.nearest(key, first)
    if offset:
        handle.seek(offset - 1)
        if handle.read(1) != b"\n":  # rewritten within one mtime tick, same size: do not trust the offsets
            line_no, offset = 1, 0
    handle.seek(offset)
    if line_no < first:
        if _skip_lines(handle, first - line_no) < first - line_no:
            return  # the file ends before line `first`
        line_no = first
        offsets.remember(key, first, handle.tell())
    limit = max_bytes + 1 if max_bytes else -1
    position = handle.tell()
    while True:
        if stop is not None and line_no >= stop:
            offsets.remember(key, stop, position)  # where the next range starts
            return
        raw = handle.readline(limit)
        if not raw:
            return
        if max_bytes and len(raw) > max_bytes and not raw.endswith(b"\n"):
            del raw
            _skip_lines(handle, 1)
            size = handle.tell() - position
            position += size
            yield line_no, FormatError(f"record too large: a line of {size / 2**20:.1f} MiB, over the "
                                       f"{max_bytes / 2**20:g} MiB limit per record")
        else:
            position += len(raw)
            yield line_no, raw
        line_no += 1


def _skip_lines(handle: io.BufferedReader, count: int) -> int:
    """Move `handle` just past the next `count` newlines, or to the end of the file; how many it passed."""
    passed = 0
    while True:
        start = handle.tell()
        block = handle.read(_SKIP_BLOCK)
        if not block:
            return passed
        end = -1
        while passed < count:
            end = block.find(b"\n", end + 1)
            if end < 0:
                break
            passed += 1
        if passed == count:
            handle.seek(start + end + 1)
            return passed


def utc_today() -> date:
    """Today in UTC (publication dates are checked against it)."""
    return datetime.now(timezone.utc).date()
