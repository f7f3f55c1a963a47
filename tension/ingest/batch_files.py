"""Batch files: Documents from JSON-lines (streamed, in line ranges of a large file) and CSV/TSV files, each record
through a field mapping (ours -> theirs, from --field or a sidecar's `fields:`), each bad record a Rejection of its
own while the rest of the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tension.ingest import formats
from tension.ingest.document import FIELD_NAMES, Document, Rejection, make_document
from tension.ingest.file_shape import HEAD_BYTES, decoded_lines, jsonl_shape
from tension.ingest.formats import FormatError
from tension.ingest.inbox import MAX_FILE_BYTES, MAX_RECORD_BYTES, check_file
from tension.ingest.metadata import read_sidecar

MAX_JSONL_BYTES = 4 * 1024 ** 3      # JSONL is streamed line by line and split into batches
DEFAULT_FIELDS = {name: name for name in FIELD_NAMES}


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

    def document(self, record: dict, path: Path, item: str, decoding: str = "") -> Document:
        """A Document from one record through the field mapping (`decoding`: how its bytes were read, when a user
        should know: formats.decoding_note); ValueError says what is wrong."""
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
        try:
            return make_document(meta, body, path, item, f"field {date_field}", decoding)
        except ValueError as error:
            if meta.get("published") in (None, "") and str(error).startswith("no publication date"):
                raise ValueError(self.missing_date(record, date_field, str(error))) from None
            raise

    def missing_date(self, names: Iterable[str], date_field: str, reason: str) -> str:
        """Why a record without the date field cannot be read: the fields it has and the --field that would read
        one of them first, then the other ways (`reason`, the general help)."""
        names = list(names)
        have = ", ".join(sorted(map(str, names))[:20]) or "none"
        rest = reason if "dateline" in reason.split(": ", 1)[0] else reason.split(": ", 1)[-1]
        names = set(map(str, names))
        what = f"its '{date_field}' field is empty" if date_field in names else f"no '{date_field}' field"
        return (f"no publication date: {what} (the fields are: {have}); name the field that holds the date with "
                f"--field published=<name>, or 'fields: {{published: <name>}}' in a sidecar; else {rest}")


def read_csv_file(path: Path, raw: bytes, sidecar: dict, sidecar_path: Path | None,
                  fields: dict | None = None) -> Iterator[Document | Rejection]:
    """Documents from a CSV/TSV batch with a header row, through the same field mapping as JSONL."""
    batch = _Batch.settings(sidecar, fields)
    try:
        text, decoding = formats.decode_noted(raw, sidecar.get("encoding"))
        records = formats.iter_csv(text, "\t" if path.suffix.lower() == ".tsv" else None, MAX_RECORD_BYTES)
        for number, (item, record) in enumerate(records):
            if isinstance(record, FormatError):
                yield Rejection(str(path), item, str(record))
                continue
            if number == 0 and batch.plain_text and batch.text_field not in record:
                yield Rejection(str(path), "", batch.missing_text(record))  # the header's fault, not each row's
                return
            yield _record_document(batch, record, path, item, decoding)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def _record_document(batch: _Batch, record: dict, path: Path, item: str, decoding: str = "") -> Document | Rejection:
    """One record of a batch file as a Document, or its Rejection: whatever goes wrong with it stays with it."""
    try:
        return batch.document(record, path, item, decoding)
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
        lines_read = _lines(path, handle, first, stop, line_offsets, str(declared) if declared else None)
        if isinstance(lines_read, Rejection):
            yield lines_read
            return
        lines_read, declared = lines_read
        seen = False  # a line that is not blank
        for line_no, raw in lines_read:
            item = str(line_no)
            if isinstance(raw, FormatError):
                seen = True
                yield Rejection(str(path), item, str(raw))
                continue
            if not raw.strip():
                continue
            seen = True
            try:
                record, decoding = formats.json_record_noted(raw, str(declared) if declared else None)
            except ValueError as error:
                yield Rejection(str(path), item, str(error))
                continue
            except Exception as error:  # noqa: BLE001 - MemoryError and the like: this line only
                yield Rejection(str(path), item, f"invalid JSON ({type(error).__name__})")
                continue
            yield _record_document(batch, record, path, item, decoding)
        if first == 1 and not seen and _only_whitespace(handle):
            yield Rejection(str(path), "", "empty file (only whitespace)")


def _lines(path: Path, handle, first: int, stop: int | None, line_offsets: formats.LineOffsets | None,
           declared: str | None) -> Rejection | tuple[Iterable, str | None]:
    """The (line number, bytes) of the range `first`..`stop` of an open JSON-lines file and the encoding its lines
    are in (None: UTF-8), or the Rejection of the whole file. The shape of the file is told from its first bytes
    (file_shape.jsonl_shape): a binary or CSV file is rejected once, by the range that starts at line 1, and gives
    nothing in the other ranges; a UTF-16 file is decoded whole by that range (its newline is not the byte b'\\n')."""
    head = handle.read(HEAD_BYTES)
    handle.seek(0)
    shape, detail = jsonl_shape(head, declared)
    if shape == "lines":
        return formats.iter_lines(handle, first, stop, line_offsets, MAX_RECORD_BYTES), declared
    if first != 1:
        return (), None
    if shape == "reject":
        return Rejection(str(path), "", detail)
    if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
        return Rejection(str(path), "", f"a {detail.upper()} JSON-lines file over {MAX_FILE_BYTES / 2**20:g} MiB: "
                                        "save it as UTF-8 (a UTF-8 file is read in parallel ranges of lines)")
    try:
        text, _ = formats.decode_text(handle.read(), detail)
    except FormatError as error:
        return Rejection(str(path), "", str(error))
    return decoded_lines(text, MAX_RECORD_BYTES), None


def _only_whitespace(handle) -> bool:
    """Whether the whole file holds nothing but whitespace (read up to its first other byte)."""
    handle.seek(0)
    while block := handle.read(1 << 20):
        if block.strip():
            return False
    return True


def source_fields(record: dict, name: str) -> list[str]:
    """The record's fields a mapped name reads: 'title+description' is two fields unless the record has a field of
    that very name."""
    return name.split("+") if "+" in name and name not in record else [name]


def _field(record: dict, name: str | list) -> object:
    """One field of a record, or several joined as paragraphs (a list, or 'title+description'; HTML stripped)."""
    if isinstance(name, str) and len(names := source_fields(record, name)) > 1:
        name = names
    if isinstance(name, list):
        parts = [str(record.get(n) or "").strip() for n in name]
        parts = [formats.html_to_text(p) if formats.looks_like_html(p) else p for p in parts]
        return "\n\n".join(p for p in parts if p)
    return record.get(name)

