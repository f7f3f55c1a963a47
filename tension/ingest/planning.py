"""Planning a run's reading: which files of the inbox are new or changed since they were stored (a signature of size
and modification time, the sidecar's too), how they are cut into batches (a large JSONL/CSV file into line ranges, in
a multiple of the workers), and, once the batches are stored, which of their files a reader could not get at. Pure
file-system work, no database: tension.run's plan and finish steps call it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from tension.ingest.documents import BATCH_SUFFIXES, list_inbox
from tension.ingest.inbox import access_problem
from tension.ingest.metadata import sidecar_of


def plan_batches(inbox: list[Path | str], batch_size: int, stored: dict[str, tuple] | None = None,
                 workers: int = 1, reading: str = "") -> tuple[list[dict], int]:
    """Batches for the files that are new or changed since they were stored (`stored`: path -> size, mtime and
    the signature of the options it was read with), or stored under other reading options (`reading`). A
    large JSONL/CSV file is cut into a multiple of `workers` batches of at most `batch_size` lines, as even as
    possible, so that no worker idles while another finishes the file's last batch (1,000 lines on 2 workers:
    two batches of 500, not one of 1,000). Also how many files of the inbox it left out as unchanged."""
    stored = stored or {}
    batches: list[dict] = []
    unchanged = 0
    small: list[dict] = []
    # Absolute paths in the batches: a worker started in another directory (or on another machine with the inbox
    # mounted at the same place) reads the same files.
    for root, path in ((absolute(root), path) for root in inbox for path in list_inbox([absolute(root)])):
        folder = str(root if root.is_dir() else root.parent)  # symlinks must stay inside it
        try:
            name, size, mtime = file_signature(path)
        except OSError:
            small.append({"path": str(path), "size": -1, "mtime": -1, "inbox": folder})  # vanished: a rejection
            continue
        known = stored.get(name)
        if known is not None and tuple(known[:2]) == (size, mtime) and (known[2:3] or ("",))[0] == reading:
            unchanged += 1
            continue
        if path.suffix.lower() in BATCH_SUFFIXES:
            total = count_lines(path)
            step = _even_batch(total, batch_size, workers)
            # An empty file is one range all the same: reading it rejects it ("empty file"), and it is recorded as
            # read; with no range it was neither, and no run ever mentioned it (an operator's failed weekly fetch).
            for first in range(1, max(total, 1) + 1, step):
                batches.append(_batch([{"path": name, "size": size, "mtime": mtime, "first": first,
                                        "stop": first + step, "inbox": folder}]))
        else:
            small.append({"path": name, "size": size, "mtime": mtime, "inbox": folder})
            if len(small) == batch_size:
                batches.append(_batch(small))
                small = []
    if small:
        batches.append(_batch(small))
    return batches, unchanged


def file_signature(path: Path) -> tuple[str, int, int]:
    """(path, size, mtime in ns) of the file and its sidecar (`<file>.meta.yaml`: its metadata): a file whose
    signature is unchanged since it was stored is skipped; adding, editing or removing its sidecar (the fix a
    rejection of a file with no date suggests) changes the signature, and the file is read again."""
    stat = path.stat()
    size, mtime = stat.st_size, stat.st_mtime_ns
    if (sidecar := sidecar_of(path)) is not None:
        side = sidecar.stat()
        size, mtime = size + side.st_size, mtime + side.st_mtime_ns  # a sum: any change of either shows
    return str(path), size, mtime


def count_lines(path: Path) -> int:
    """Lines in a file, counted in 1 MiB blocks without decoding."""
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (0 if last == b"\n" else 1)


def absolute(path: Path | str) -> Path:
    """`path` made absolute against the working directory ('..' folded, symlinks kept: the inbox may be one)."""
    return Path(os.path.abspath(path))


def not_read(batches: list[dict], rejections: list) -> tuple[list[str], list[str]]:
    """Files of the batches that a reader could not get at (not found, unreadable): (those this process still
    finds as planned — a worker could not see them; those really gone)."""
    planned = {p["path"]: (p["size"], p["mtime"]) for b in batches for p in b["parts"] if p["size"] >= 0}
    missed = sorted({path for path, item, reason in rejections if not item and access_problem(reason)
                     and path in planned})
    left = []
    for path in missed:
        try:
            left += [path] if file_signature(Path(path))[1:] == planned[path] else []
        except OSError:
            pass
    return left, [path for path in missed if path not in left]


def batch_files(batches: list[dict]) -> list[tuple[str, int, int]]:
    """Distinct (path, size, mtime) of the files the batches cover, to record once all are stored."""
    return sorted({(p["path"], p["size"], p["mtime"]) for b in batches for p in b["parts"] if p["size"] >= 0})


def _even_batch(lines: int, batch_size: int, workers: int) -> int:
    """Lines per batch: the number of batches rounded up to a multiple of `workers`, then shared out evenly."""
    batches = -(-lines // batch_size) if lines else 1
    batches = -(-batches // max(workers, 1)) * max(workers, 1)
    return max(1, -(-lines // batches))


def _batch(parts: list[dict]) -> dict:
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return {"batch_id": digest, "parts": parts}
