"""A dry run of the inbox (`tension run --check`): which files a run would read (new, changed, or stored under other
--field/--default options), which it would refuse whole and why, and how many it would leave as unchanged — from
the files' signatures and first bytes only, against the database's `inbox_files`, without storing anything.

What it cannot tell without reading every record (a bad line, a missing date) is left to the run.
"""

from __future__ import annotations

from pathlib import Path

from tension.ingest.decoding import binary_kind
from tension.ingest.documents import BATCH_SUFFIXES, PDF_SUFFIXES
from tension.ingest.file_shape import HEAD_BYTES, jsonl_shape
from tension.ingest.inbox import check_file
from tension.ingest.planning import plan_batches


def check_inbox_files(inbox: list[Path | str], stored: dict[str, tuple], reading: str = "") -> tuple[list[tuple], int]:
    """([(path, 'new' | 'changed' | 'options changed' | 'refused', reason or '')], files unchanged) for the files a
    run would read with these `stored` signatures (path -> size, mtime_ns, reading) and reading options."""
    batches, unchanged = plan_batches(inbox, 1 << 30, stored, 1, reading)
    rows: list[tuple] = []
    seen: set[str] = set()
    for part in (p for b in batches for p in b["parts"]):
        path = part["path"]
        if path in seen:
            continue
        seen.add(path)
        if problem := _refused(Path(path), Path(part["inbox"])):
            rows.append((path, "refused", problem))
        elif path not in stored:
            rows.append((path, "new", ""))
        elif tuple(stored[path][:2]) != (part["size"], part["mtime"]):
            rows.append((path, "changed", ""))
        else:
            rows.append((path, "options changed", ""))
    return rows, unchanged


def _refused(path: Path, inbox: Path) -> str | None:
    """Why a run would reject the whole file, as far as its status and first bytes tell."""
    if problem := check_file(path, inbox):
        return problem
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as error:
        return f"unreadable: {error.strerror or error}"
    suffix = path.suffix.lower()
    if suffix in BATCH_SUFFIXES:
        shape, detail = jsonl_shape(head)
        return detail if shape == "reject" else None
    if (kind := binary_kind(head)) and not (suffix in PDF_SUFFIXES and kind == "a PDF document"):
        return f"binary file: the content looks like {kind}, not {suffix or 'text'}"
    return None
