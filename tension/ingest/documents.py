"""Ingest: read an inbox of files into Documents, and say exactly why a file or record was rejected.

Accepted: .txt/.md (optional YAML front matter, or a sidecar `<file>.meta.yaml`), .pdf, .html, RSS/Atom feeds
(.rss/.atom/.xml, one document per item), and batches (.jsonl, .csv/.tsv; one document per line or row, with
a field mapping). Every document needs a publication date: from metadata, else from a wire dateline ("SEOUL,
Dec. 28 (Yonhap) --") with the year from other metadata; where it came from is kept in `date_source`. The id is
a hash of the normalised text, so the same story ingested twice is one document. Nothing here raises for bad
input: every problem is a Rejection with its reason, and the rest of the batch goes on.

Parts: tension/ingest/document.py (Document, Rejection, make_document), metadata.py (front matter, sidecars),
batch_files.py (JSON lines and CSV/TSV through a field mapping), formats.py (bytes to text, one reader per format);
this module reads one file of each kind and walks the inbox's files. The names of those parts that callers import
stay importable from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tension.ingest import formats
# Imported from here by callers (analyse, records, the CLI, tests): the shapes, the batch readers, the limits.
from tension.ingest.batch_files import DEFAULT_FIELDS, MAX_JSONL_BYTES, read_csv_file, read_jsonl  # noqa: F401
from tension.ingest.dates import parse_date  # noqa: F401 - parse_date: callers import it from here
from tension.ingest.document import (  # noqa: F401
    FIELD_NAMES, Document, Rejection, document_id, make_document, printable,
)
from tension.ingest.formats import FormatError
# list_inbox: batches and tests import it from here.
from tension.ingest.inbox import (  # noqa: F401
    MAX_DOCUMENT_CHARS, MAX_FILE_BYTES, MAX_METADATA_BYTES, MAX_RECORD_BYTES, SIDECAR_SUFFIXES, check_file, list_inbox,
)
from tension.ingest.metadata import load_metadata, read_sidecar, split_front_matter  # noqa: F401

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
# BATCH_SUFFIXES: batches read line by line, which a run may split into line ranges (see tension.run.plan).
BATCH_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
PDF_SUFFIXES = frozenset({".pdf"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
SUPPORTED = ".txt, .md, .pdf, .html, .rss/.atom/.xml, .jsonl, .csv/.tsv"


def _unix_lines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends as LF: front matter, datelines and paragraphs are found by LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None) -> Iterator[Document | Rejection]:
    """One document from a .txt/.md file with front matter or a sidecar."""
    try:
        text, decoding = formats.decode_noted(raw, sidecar.get("encoding"))
        front, body = split_front_matter(_unix_lines(text))
        meta = {**sidecar, **front}
        source = "front matter" if "published" in front else (f"sidecar {sidecar_path.name}" if sidecar_path else "")
        yield make_document(meta, body, path, "", source, decoding)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def read_pdf_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None) -> Iterator[Document | Rejection]:
    """One document from a PDF's text; its sidecar gives the date (a PDF's own dates are when it was made)."""
    try:
        extracted = formats.read_pdf(raw)
        meta = {**extracted.meta, **sidecar}
        yield make_document(meta, extracted.text, path, "", f"sidecar {sidecar_path.name}" if sidecar_path else "")
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def read_html_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None) -> Iterator[Document | Rejection]:
    """One document from a saved web page: its main text, with title, date and outlet from its markup."""
    try:
        extracted = formats.read_html(raw, sidecar.get("encoding"))
        meta = {**extracted.meta, **sidecar}
        source = f"sidecar {sidecar_path.name}" if "published" in sidecar else extracted.date_source
        yield make_document(meta, extracted.text, path, "", source, formats.decoding_note(extracted.encoding))
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def read_feed_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None) -> Iterator[Document | Rejection]:
    """One document per RSS/Atom item (title and description, HTML stripped); each bad item is rejected alone."""
    try:
        _, items = formats.read_feed(raw)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))
        return
    for number, extracted in enumerate(items, start=1):
        try:
            if isinstance(extracted, FormatError):
                raise extracted
            meta = {**sidecar, **extracted.meta}
            yield make_document(meta, extracted.text, path, str(number), extracted.date_source)
        except ValueError as error:
            yield Rejection(str(path), str(number), str(error))



READERS = (
    (TEXT_SUFFIXES, read_text_file), (PDF_SUFFIXES, read_pdf_file), (HTML_SUFFIXES, read_html_file),
    (FEED_SUFFIXES, read_feed_file),
)


def read_file(path: Path, fields: dict[str, str] | None = None, inbox: Path | None = None,
              max_bytes: int = MAX_FILE_BYTES, dating: dict[str, str] | None = None) -> Iterator[Document | Rejection]:
    """Documents and rejections from one input file. `dating`: the run's --default year/retrieved (the year of a
    wire dateline "SEOUL, Dec. 28 (Yonhap)"), under the file's own sidecar and front matter."""
    suffix = path.suffix.lower()
    if suffix in BATCH_SUFFIXES:
        yield from read_jsonl(path, fields, inbox=inbox, max_bytes=max(max_bytes, MAX_JSONL_BYTES), dating=dating)
        return
    if problem := check_file(path, inbox, max_bytes):
        yield Rejection(str(path), "", problem)
        return
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        yield Rejection(str(path), "", "file not found: it was deleted or moved after the inbox was listed")
        return
    except OSError as error:
        yield Rejection(str(path), "", f"unreadable: {error.strerror or error}")
        return
    if not raw.strip():
        yield Rejection(str(path), "", "empty file (only whitespace)" if raw else "empty file (0 bytes)")
        return
    if len(raw) > max_bytes:
        limit = f"{max_bytes / 2**20:g} MiB"
        yield Rejection(str(path), "", f"file too large: it grew past the {limit} limit while being read")
        return
    kind = formats.binary_kind(raw)
    if kind and not (suffix in PDF_SUFFIXES and kind == "a PDF document"):
        hint = "; rename it to .pdf" if kind == "a PDF document" else ""
        yield Rejection(str(path), "", f"binary file: the content looks like {kind}, not {suffix or 'text'}{hint}")
        return
    try:
        sidecar, sidecar_path = read_sidecar(path)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))
        return
    sidecar = {**(dating or {}), **sidecar}
    if suffix in CSV_SUFFIXES:
        yield from read_csv_file(path, raw, sidecar, sidecar_path, fields)
        return
    for suffixes, reader in READERS:
        if suffix in suffixes:
            yield from reader(path, raw, sidecar, sidecar_path)
            return
    yield Rejection(str(path), "", f"unsupported file type '{suffix or path.name}' (supported: {SUPPORTED})")


def read_documents(paths: Iterable[Path], fields: dict[str, str] | None = None, inbox: Path | None = None,
                   max_bytes: int = MAX_FILE_BYTES, dating: dict[str, str] | None = None
                   ) -> Iterator[Document | Rejection]:
    """Documents and rejections from every input file, in a stable order; never raises for bad input.

    `inbox` is the folder symlinks must stay inside; without it, a symlink must stay inside its own folder.
    """
    for path in paths:
        path = Path(path)
        found = 0
        try:
            for found, item in enumerate(read_file(path, fields, inbox, max_bytes, dating), start=1):
                yield item
        except Exception as error:  # a reader's bug must not cost the rest of the batch
            found += 1
            yield Rejection(str(path), "", f"could not be read ({type(error).__name__}: {error})")
        if not found:
            yield Rejection(str(path), "", "no documents in the file (a header row without records, only blank "
                                           "lines, or a feed without items)")
