"""Batches: the records of CSV/TSV files (a header row, one record per row) and of JSON-lines files (one object per
line, read as ranges of lines of a large file), each bad record a FormatError of its own.
"""

from __future__ import annotations

import csv
import io
import json
import os
import threading
from collections.abc import Iterator

from tension.ingest.decoding import FormatError, decode_text, decoding_note

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


def json_record_noted(raw: bytes, declared: str | None = None) -> tuple[dict, str]:
    """One JSON object from one line of bytes (UTF-8, or the declared or recognised encoding), and the line's
    decoding_note ('' unless undecodable bytes were replaced by U+FFFD)."""
    note = ""
    try:
        if declared:
            text = raw.decode(declared)
        else:  # what "utf-8-sig" does, without its slower incremental decoder
            text = raw.decode("utf-8")
            text = text[1:] if text.startswith("\ufeff") else text
    except (UnicodeDecodeError, LookupError):
        text, encoding = decode_text(raw, declared)
        note = decoding_note(encoding)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        # A JSON line is one line: "line 1 column 19 (char 18)" named a line the user never sees; the column does.
        where = f"{error.msg} (column {error.colno})" if error.lineno == 1 else str(error)
        if not raw.endswith(b"\n"):  # the last line of a file without a final newline: a copy or download cut off
            raise FormatError(f"invalid JSON, the file's last line is cut short ({where}; the file ends without a "
                              "newline: was it truncated while copied or downloaded? fetch it again)") from None
        raise FormatError(f"invalid JSON: {where}") from None
    except ValueError as error:
        raise FormatError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply (arrays or objects inside each other thousands of "
                          "levels deep)") from None
    if not isinstance(record, dict):
        raise FormatError("invalid JSON: line is not a JSON object")
    return record, note


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
