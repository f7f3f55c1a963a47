"""What a JSON-lines file is as a whole, told from its first bytes before any line is read: binary (a PDF renamed
.jsonl), a table (CSV or TSV named .jsonl), text in an encoding that cannot be cut at b"\\n" (UTF-16 and UTF-32,
whose newline is two or four bytes), or plain JSON lines.

A run cuts a large JSON-lines file into line ranges read by different workers. A reason of the whole file must be
given once, by the range that starts at line 1, and the other ranges must give nothing: read line by line, a PDF
gave one rejection per line of every range after the first (207 rows for one file), a CSV file one "invalid JSON"
per row, and a UTF-16 file cut at its 0x0A bytes "not valid utf-16 text" and "invalid JSON" for every line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from tension.ingest.decoding import BOMS, FormatError, binary_kind, utf16_without_bom

HEAD_BYTES = 64 * 1024  # what is read to tell a file's shape
WIDE = ("utf-16", "utf-32")  # encodings whose newline is not the byte b"\n"
# A table: a header row and rows with as many values, none of them a JSON object, in the first lines.
TABLE_LINES = 5
_SEPARATORS = {",": "commas", "\t": "tabs", ";": "semicolons", "|": "'|'"}


def jsonl_shape(head: bytes, declared: str | None = None) -> tuple[str, str]:
    """('reject', the reason of the whole file), ('whole', the encoding it must be decoded with as a whole) or
    ('lines', '') for the first HEAD_BYTES of a JSON-lines file."""
    if kind := binary_kind(head):
        hint = "; rename it to .pdf" if kind == "a PDF document" else ""
        return "reject", f"binary file: the content looks like {kind}, not JSON lines{hint}"
    if declared:
        return ("whole", declared) if declared.lower().replace("_", "-").startswith(WIDE) else ("lines", "")
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return ("whole", encoding) if encoding in WIDE else ("lines", "")
    if encoding := utf16_without_bom(_whole_units(head)):
        return "whole", encoding
    if reason := _table(head):
        return "reject", reason
    return "lines", ""


def _whole_units(head: bytes) -> bytes:
    """The first 4 KB of `head` cut at a whole UTF-16 code unit (utf16_without_bom decodes what it is given)."""
    part = head[:4096]
    return part[: len(part) - len(part) % 2]


def _table(head: bytes) -> str | None:
    """Why a file that looks like a CSV/TSV table is not JSON lines, with how to read it, or None."""
    lines = [line for line in head.decode("utf-8", "replace").splitlines() if line.strip()]
    if len(head) >= HEAD_BYTES:
        lines = lines[:-1]  # cut short where the head ends
    lines = lines[:TABLE_LINES]
    if len(lines) < 2 or any(line.lstrip("\ufeff \t").startswith(("{", "[")) for line in lines):
        return None
    for separator, name in _SEPARATORS.items():
        widths = {len(row) for row in csv.reader(lines, delimiter=separator)}
        if len(widths) == 1 and (width := widths.pop()) >= 2:
            suffix = ".tsv" if separator == "\t" else ".csv"
            return (f"not JSON lines: the content looks like CSV (a header row, then rows of {width} values "
                    f"separated by {name}): rename it to {suffix}; `tension run` reads CSV/TSV files with a header "
                    "row, its columns mapped with --field as JSON lines' fields are")
    return None


def decoded_lines(text: str, max_bytes: int) -> Iterator[tuple[int, bytes | FormatError]]:
    """(line number, the line as UTF-8 bytes with its newline) for each line of a text decoded whole, as
    formats.iter_lines gives them for a UTF-8 file (a line over `max_bytes` a FormatError)."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        last = number == len(lines)
        if last and not line:
            return
        raw = (line if last else line + "\n").encode("utf-8")
        if len(raw) > max_bytes:
            yield number, FormatError(f"record too large: a line of {len(raw) / 2**20:.1f} MiB, over the "
                                      f"{max_bytes / 2**20:g} MiB limit per record")
        else:
            yield number, raw
