"""Document: the shape of one document read from the inbox, the Rejection of a file or record that could not become
one, and `make_document` — text and metadata to a Document, or a ValueError with a user-facing reason. The id is a
hash of the normalised text, so the same story ingested twice is one document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tension.ingest.clean import split_wire_header
from tension.ingest.dates import resolve_date
from tension.ingest.inbox import MAX_DOCUMENT_CHARS

# Our field names. `year` and `retrieved` (when the text was fetched) date a wire dateline that has no year.
FIELD_NAMES = ("id", "text", "published", "title", "source", "url", "speaker", "year", "retrieved")


@dataclass(frozen=True)
class Document:
    """One article or statement, as read from the inbox."""

    doc_id: str
    text: str
    published: date
    path: str
    item: str = ""  # line or item number inside a batch or feed; empty for a single-document file
    external_id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    speaker: str = ""
    date_source: str = ""
    slug: str = ""      # wire slug line ("NK leader-public appearance"), dropped from the body by cleaning
    dateline: str = ""  # "SEOUL, Dec. 28 (Yonhap)", dropped from the body by cleaning
    byline: str = ""
    decoding: str = ""  # how its bytes were read, when a user should know (undecodable bytes replaced by U+FFFD)
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Rejection:
    """A file or record that could not become a Document, and why."""

    path: str
    item: str
    reason: str

    def where(self) -> str:
        """'path:item' for a person to read (location)."""
        return location(self.path, self.item)


def location(path: str, item: str) -> str:
    """'path:item' (or 'path' for a single-document file) for a person to read: control characters in a file name
    shown escaped, so that a name with a newline cannot forge a line of a run's summary."""
    return printable(path) + (f":{printable(item)}" if item else "")


def printable(text: str) -> str:
    """`text` with control and other non-printing characters escaped (\\n, \\x1b, \\u2028), the rest as it is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def document_id(text: str) -> str:
    """Content hash of the whitespace-normalised text (first 16 hex digits of SHA-256)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_document(meta: dict, text: str, path: Path, item: str, date_source: str, decoding: str = "") -> Document:
    """A Document from text and metadata (`decoding`: the decoder's note, formats.decoding_note); raises ValueError
    with a user-facing reason."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise ValueError(f"document too long: {len(text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,} "
                         "per document; split it into several documents")
    if not text or not text.strip():
        raise ValueError("no text")
    if not any(c.isalpha() for c in text):
        raise ValueError(f"no text: {len(text.strip())} characters but not one letter")
    published, date_source = resolve_date(meta, text, date_source, path.name)
    title = _string(meta.get("title"), "title")
    header, _ = split_wire_header(text.lstrip(), title)
    known = {"published", "title", "source", "url", "speaker", "id", "text", "fields", "encoding", "html"}
    extra = {k: v for k, v in meta.items() if k not in known}
    extra.update({k: v for k, v in (("revision", header.revision), ("editor_note", header.editor_note)) if v})
    return Document(
        doc_id=document_id(text),
        text=text,
        published=published,
        path=str(path),
        item=item,
        external_id=_string(meta.get("id"), "id"),
        title=title,
        source=_string(meta.get("source"), "source"),
        url=_string(meta.get("url"), "url"),
        speaker=_string(meta.get("speaker"), "speaker"),
        date_source=date_source,
        slug=header.slug,
        dateline=header.dateline,
        byline=header.byline,
        decoding=decoding,
        extra=extra,
    )


def _string(value: object, name: str) -> str:
    """A metadata value as text; a list or mapping is refused rather than stored as its Python repr."""
    if isinstance(value, (dict, list, tuple, set)):
        kind = "a mapping" if isinstance(value, dict) else "a list"
        raise ValueError(f"field '{name}' is {kind}, not text: give it a plain string value")
    return "" if value is None else str(value).strip()
