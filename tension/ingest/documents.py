"""Ingest: read an inbox of files into Documents, and say exactly why a file or record was rejected.

Accepted: .txt/.md (optional YAML front matter, or a sidecar `<file>.meta.yaml`), .pdf, .html, RSS/Atom feeds
(.rss/.atom/.xml, one document per item), and batches (.jsonl, .csv/.tsv; one document per line or row, with
a field mapping). Every document needs a publication date: from metadata, else from a wire dateline ("SEOUL,
Dec. 28 (Yonhap) --") with the year from other metadata; where it came from is kept in `date_source`. The id is
a hash of the normalised text, so the same story ingested twice is one document. Nothing here raises for bad
input: every problem is a Rejection with its reason, and the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from tension.ingest import formats
from tension.ingest.clean import split_wire_header
from tension.ingest.dates import parse_date, resolve_date  # noqa: F401 - parse_date: callers import it from here
from tension.ingest.formats import FormatError
# list_inbox: batches and tests import it from here.
from tension.ingest.inbox import (  # noqa: F401
    MAX_DOCUMENT_CHARS, MAX_FILE_BYTES, MAX_METADATA_BYTES, MAX_RECORD_BYTES, SIDECAR_SUFFIXES, check_file, list_inbox,
)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
# BATCH_SUFFIXES: batches read line by line, which a run may split into line ranges (see tension.run.plan).
BATCH_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
PDF_SUFFIXES = frozenset({".pdf"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
SUPPORTED = ".txt, .md, .pdf, .html, .rss/.atom/.xml, .jsonl, .csv/.tsv"
MAX_JSONL_BYTES = 4 * 1024 ** 3      # JSONL is streamed line by line and split into batches
# Our field names. `year` and `retrieved` (when the text was fetched) date a wire dateline that has no year.
FIELD_NAMES = ("id", "text", "published", "title", "source", "url", "speaker", "year", "retrieved")
DEFAULT_FIELDS = {name: name for name in FIELD_NAMES}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)


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
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Rejection:
    """A file or record that could not become a Document, and why."""

    path: str
    item: str
    reason: str

    def where(self) -> str:
        """'path:item' for a person to read: control characters in a file name shown escaped, so that a name with a
        newline cannot forge a line of a run's summary."""
        return printable(self.path) + (f":{printable(self.item)}" if self.item else "")


def printable(text: str) -> str:
    """`text` with control and other non-printing characters escaped (\\n, \\x1b, \\u2028), the rest as it is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def document_id(text: str) -> str:
    """Content hash of the whitespace-normalised text (first 16 hex digits of SHA-256)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def make_document(meta: dict, text: str, path: Path, item: str, date_source: str) -> Document:
    """A Document from text and metadata; raises ValueError with a user-facing reason."""
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
        extra=extra,
    )


def _string(value: object, name: str) -> str:
    """A metadata value as text; a list or mapping is refused rather than stored as its Python repr."""
    if isinstance(value, (dict, list, tuple, set)):
        kind = "a mapping" if isinstance(value, dict) else "a list"
        raise ValueError(f"field '{name}' is {kind}, not text: give it a plain string value")
    return "" if value is None else str(value).strip()


class _MetadataLoader(yaml.SafeLoader):
    """YAML for front matter and sidecars without aliases: metadata never needs them, and a few hundred bytes of
    nested aliases (a 'billion laughs') expand to gigabytes once a value is turned into text."""

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "YAML aliases (*name) are not allowed in metadata", mark)
        return super().compose_node(parent, index)


def load_metadata(text: str, what: str) -> object:
    """Parsed YAML metadata (front matter or a sidecar), bounded in size and without aliases; ValueError says why."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_METADATA_BYTES:
        raise ValueError(f"{what} too large: over {MAX_METADATA_BYTES // 1024} KiB of metadata")
    try:
        return yaml.load(text, Loader=_MetadataLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"invalid {what}: {_yaml_problem(error)}") from None
    except RecursionError:
        raise ValueError(f"invalid {what}: nested too deeply") from None


def read_sidecar(path: Path) -> tuple[dict, Path | None]:
    """Metadata from `<file>.meta.yaml` (or .yml/.json) next to `path`, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if not candidate.exists():
            candidate = path.with_name(path.stem + suffix)
        if candidate.exists():
            try:
                loaded = load_metadata(candidate.read_text(encoding="utf-8-sig"), f"sidecar {candidate.name}") or {}
            except UnicodeDecodeError:
                raise ValueError(f"sidecar {candidate.name} is not UTF-8 text") from None
            if not isinstance(loaded, dict):
                raise ValueError(f"sidecar {candidate.name} is not a mapping of field: value")
            return loaded, candidate
    return {}, None


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    return f"{getattr(error, 'problem', None) or error}{where}"


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (between '---' lines at the top) and the rest of the text."""
    match = _FRONT_MATTER.match(text[: MAX_METADATA_BYTES + 16]) if text.startswith("---") else None
    if not match:
        if text.startswith("---\n") and "\n---" not in text[4:]:
            raise ValueError("invalid front matter: the opening '---' line has no closing '---' line")
        if text.startswith("---\n") and "\n---" not in text[4: MAX_METADATA_BYTES + 16]:
            raise ValueError(f"front matter too large: no closing '---' line within {MAX_METADATA_BYTES // 1024} KiB")
        return {}, text
    meta = load_metadata(match.group("yaml"), "front matter") or {}
    if not isinstance(meta, dict):
        raise ValueError("invalid front matter: not a mapping of field: value")
    return meta, text[match.end():]


def _decode(raw: bytes, declared: object) -> str:
    return formats.decode_text(raw, str(declared) if declared else None)[0]


def _unix_lines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends as LF: front matter, datelines and paragraphs are found by LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None) -> Iterator[Document | Rejection]:
    """One document from a .txt/.md file with front matter or a sidecar."""
    try:
        front, body = split_front_matter(_unix_lines(_decode(raw, sidecar.get("encoding"))))
        meta = {**sidecar, **front}
        source = "front matter" if "published" in front else (f"sidecar {sidecar_path.name}" if sidecar_path else "")
        yield make_document(meta, body, path, "", source)
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
        yield make_document(meta, extracted.text, path, "", source)
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


@dataclass(frozen=True)
class _Batch:
    """How the records of one batch file become Documents, worked out once per file rather than per record."""

    mapping: dict   # our field name -> theirs (a name, 'a+b', or a list of names)
    defaults: dict  # sidecar values every record starts from
    html: bool      # strip HTML from the text
    # (ours, theirs, theirs is one plain field name): a plain name is a dict lookup, no _field() call per record.
    plan: tuple

    @property
    def text_field(self) -> str:
        """The record's field (or fields) that holds the text."""
        theirs = self.mapping["text"]
        return "+".join(theirs) if isinstance(theirs, list) else str(theirs)

    @property
    def plain_text(self) -> bool:
        """Whether the text comes from one field of the record (not several joined)."""
        theirs = self.mapping["text"]
        return isinstance(theirs, str) and "+" not in theirs

    def missing_text(self, names: Iterable[str]) -> str:
        """Why records without the text field cannot be read, naming the fields they have."""
        have = ", ".join(sorted(map(str, names))[:20]) or "none"
        return (f"no '{self.text_field}' field holding the text (the fields are: {have}); name the field that holds "
                "it with --field text=<name>, or 'fields: {text: <name>}' in a sidecar")

    @classmethod
    def settings(cls, sidecar: dict, fields: dict | None) -> _Batch:
        mapping = {**DEFAULT_FIELDS, **(sidecar.get("fields") or {}), **(fields or {})}
        defaults = {k: v for k, v in sidecar.items() if k not in ("fields", "html", "encoding")}
        plan = tuple((ours, theirs, isinstance(theirs, str) and "+" not in theirs) for ours, theirs in mapping.items())
        return cls(mapping, defaults, bool(sidecar.get("html", True)), plan)

    def document(self, record: dict, path: Path, item: str) -> Document:
        """A Document from one record through the field mapping; ValueError says what is wrong."""
        meta = dict(self.defaults)
        for ours, theirs, plain in self.plan:
            value = record.get(theirs) if plain else _field(record, theirs)
            if value not in (None, ""):
                meta[ours] = value
        body = meta.pop("text", "")
        if not isinstance(body, str):
            kind = {dict: "an object", list: "a list"}.get(type(body), f"a {type(body).__name__}")
            raise ValueError(f"field '{self.text_field}' is {kind}, not text: map the field that holds the text "
                             "with --field text=<name> (or 'fields: {text: <name>}' in a sidecar)")
        if not body and self.plain_text and self.text_field not in record:
            raise ValueError(self.missing_text(record))
        if self.html and formats.looks_like_html(body):
            body = formats.html_to_text(body)
        published = self.mapping["published"]
        date_field = "+".join(published) if isinstance(published, list) else published
        return make_document(meta, body, path, item, f"field {date_field}")


def read_csv_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None,
                  fields: dict | None = None) -> Iterator[Document | Rejection]:
    """Documents from a CSV/TSV batch with a header row, through the same field mapping as JSONL."""
    batch = _Batch.settings(sidecar, fields)
    try:
        text = _decode(raw, sidecar.get("encoding"))
        records = formats.iter_csv(text, "\t" if path.suffix.lower() == ".tsv" else None, MAX_RECORD_BYTES)
        for number, (item, record) in enumerate(records):
            if isinstance(record, FormatError):
                yield Rejection(str(path), item, str(record))
                continue
            if number == 0 and batch.plain_text and batch.text_field not in record:
                yield Rejection(str(path), "", batch.missing_text(record))  # the header's fault, not each row's
                return
            yield _record_document(batch, record, path, item)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def _record_document(batch: _Batch, record: dict, path: Path, item: str) -> Document | Rejection:
    """One record of a batch file as a Document, or its Rejection: whatever goes wrong with it stays with it."""
    try:
        return batch.document(record, path, item)
    except ValueError as error:
        return Rejection(str(path), item, str(error))
    except Exception as error:  # noqa: BLE001 - a record must never stop the records after it
        return Rejection(str(path), item, f"could not be read ({type(error).__name__}: {str(error)[:200]})")


def read_jsonl(path: Path, fields: dict[str, str] | None = None, lines: tuple[int, int] | None = None,
               inbox: Path | None = None, max_bytes: int = MAX_JSONL_BYTES, line_offsets: formats.LineOffsets | None = None,
               dating: dict[str, str] | None = None) -> Iterator[Document | Rejection]:
    """Documents from a JSON-lines batch, streamed; each bad line is its own rejection and the batch goes on.

    `fields` maps our field names to the batch's (e.g. {"text": "story", "published": "date"}); a value may be
    a list of fields joined as paragraphs ({"text": ["title", "description"]}). A sidecar may carry the same
    mapping under `fields:`, an `encoding:`, and defaults for every line (e.g. `speaker: KCNA`). HTML in text is
    stripped. `lines` = (first, stop): 1-based line numbers of one slice of a large file; `line_offsets` remembers
    where slices start, for the next slice of the same file. `dating`: the run's --default year/retrieved, under
    the sidecar's and each record's own.
    """
    if problem := check_file(path, inbox, max_bytes):
        yield Rejection(str(path), "", problem)
        return
    try:
        sidecar, _ = read_sidecar(path)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))
        return
    sidecar = {**(dating or {}), **sidecar}
    batch = _Batch.settings(sidecar, fields)
    declared = sidecar.get("encoding")
    first, stop = lines if lines else (1, None)
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield Rejection(str(path), "", f"unreadable: {error.strerror or error}")
        return
    with handle:
        for line_no, raw in formats.iter_lines(handle, first, stop, line_offsets, MAX_RECORD_BYTES):
            item = str(line_no)
            if isinstance(raw, FormatError):
                yield Rejection(str(path), item, str(raw))
                continue
            if not raw.strip():
                continue
            if line_no == 1 and (kind := formats.binary_kind(raw)):
                yield Rejection(str(path), "", f"binary file: the content looks like {kind}, not JSON lines")
                return
            try:
                record = formats.json_record(raw, str(declared) if declared else None)
            except ValueError as error:
                yield Rejection(str(path), item, str(error))
                continue
            except Exception as error:  # noqa: BLE001 - MemoryError and the like: this line only
                yield Rejection(str(path), item, f"invalid JSON ({type(error).__name__})")
                continue
            yield _record_document(batch, record, path, item)


def _field(record: dict, name: str | list) -> object:
    """One field of a record, or several joined as paragraphs (a list, or 'title+description'; HTML stripped)."""
    if isinstance(name, str) and "+" in name and name not in record:
        name = name.split("+")
    if isinstance(name, list):
        parts = [str(record.get(n) or "").strip() for n in name]
        parts = [formats.html_to_text(p) if formats.looks_like_html(p) else p for p in parts]
        return "\n\n".join(p for p in parts if p)
    return record.get(name)


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
