"""Formats: bytes of one input file in, plain text and its metadata out (no dates resolved, no Documents).

Each reader raises `FormatError` with a reason a user can act on; `tension.ingest.documents` turns it into a Rejection.
One module per family of formats, their names gathered here for the callers:
- tension/ingest/decoding.py: bytes to text (BOMs, declared charsets, UTF-16 without BOM, CP949, a guess by
  charset-normalizer), binary files told apart, and the `Extracted` and `FormatError` every reader gives back;
- tension/ingest/pdf.py: PDF text (pypdf; layout mode keeps the blank lines between paragraphs);
- tension/ingest/markup.py: saved web pages (trafilatura: main text and metadata), RSS/Atom feeds (feedparser),
  HTML fragments in feed items and batch records;
- tension/ingest/batches.py: CSV/TSV rows and JSON lines, a large file read as ranges of lines.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from tension.ingest.batches import (  # noqa: F401 - callers' names
    LineOffsets, iter_csv, iter_lines, json_record_noted,
)
from tension.ingest.decoding import (  # noqa: F401
    BINARY_MAGIC, BOMS, Extracted, FormatError, binary_kind, declared_markup_charset, decode_noted,
    decode_text, decoding_note, utf16_without_bom,
)
from tension.ingest.markup import html_to_text, looks_like_html, read_feed, read_html  # noqa: F401
from tension.ingest.pdf import read_pdf  # noqa: F401


def utc_today() -> date:
    """Today in UTC (publication dates are checked against it)."""
    return datetime.now(timezone.utc).date()
