"""Micro-benchmark of reading JSONL batches into Documents (`tension.analyse.read_batch`), one core, CPU time.

    python -m bench.ingest                      # the largest kcna_N.jsonl that `python -m bench.run` built
    python -m bench.ingest --file /tmp/tension-bench/kcna_10000.jsonl --repeat 5

A run reads a large JSONL file as ranges of `--batch` lines, each worker process taking its turn. Three cases,
CPU milliseconds per document (time.process_time, best of the repeats: the least disturbed by other work):
the first range; the last range in a fresh process (no line offsets remembered: the lines before it are skipped);
and every other range from the start, as one of two workers reads them.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

WORK = Path(os.environ.get("TENSION_BENCH_DIR", "/tmp/tension-bench"))
FIELDS = {"text": "story", "published": "date"}  # as bench.run maps the KCNA records
DEFAULTS = {"speaker": "KCNA", "source": "KCNA"}


def read_ranges(path: Path, ranges: list[tuple[int, int]]) -> tuple[float, int]:
    """CPU seconds and documents read for `ranges` of `path`, read one after another, with no offsets known."""
    from tension.analyse import read_batch
    from tension.ingest.formats import LineOffsets

    offsets = LineOffsets()  # as a fresh worker process
    started, documents = time.process_time(), 0
    for first, stop in ranges:
        batch = {"batch_id": "bench", "parts": [{"path": str(path), "size": 0, "mtime": 0, "first": first,
                                                 "stop": stop, "inbox": str(path.parent)}]}
        documents += sum(1 for _ in read_batch(batch, FIELDS, DEFAULTS, offsets))
    return time.process_time() - started, documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="a KCNA-style JSONL file (default: the largest in $TENSION_BENCH_DIR)")
    parser.add_argument("--batch", type=int, default=500, help="lines per range, as a run's batch size")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.file or max(WORK.glob("kcna_*.jsonl"), key=lambda p: p.stat().st_size, default=None)
    if path is None or not path.exists():
        print(f"skipped: no input ({args.file or WORK / 'kcna_N.jsonl'} not found); build it with "
              "`python -m bench.run --sizes 10000` or pass --file")
        return 0
    from tension.ingest.planning import count_lines

    lines = count_lines(path)
    starts = list(range(1, lines + 1, args.batch))
    cases = {
        "first range": [(1, 1 + args.batch)],
        f"last range (lines {starts[-1]:,}+, cold)": [(starts[-1], starts[-1] + args.batch)],
        "every other range (1 of 2 workers)": [(s, s + args.batch) for s in starts[::2]],
    }
    print(f"{path} ({lines:,} lines), ranges of {args.batch} lines, best of {args.repeat}")
    for name, ranges in cases.items():
        runs = [read_ranges(path, ranges) for _ in range(args.repeat)]
        cpu, documents = min(runs)
        print(f"  {name:40} {documents:>7,} docs  {cpu * 1000:9.1f} ms CPU  {cpu * 1000 / max(documents, 1):.4f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
