"""The single writer alone: analyse a corpus into staged batches once (two processes, no Prefect), then store them
one by one into a fresh database and print how the time per batch and the writer's RSS move as the database grows.

    python -m bench.store --size 10000          # builds /tmp/tension-bench/kcna_10000.jsonl if needed
    python -m bench.store --size 100000 --keep  # keep the staged batches for another replay
    python -m bench.store --size 30000 --keep --threads 1,2,1,2   # A/B of the writer's DuckDB threads, alternating

Used in issue 7 to find what grew with the database (re-hashing texts, per-batch connections, checkpoints).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import time
from multiprocessing import Pool
from pathlib import Path

import psutil

from bench.run import DEFAULTS, FIELDS, KCNA, WORK, build_corpus

def _analyse(args: tuple[dict, str]) -> str:
    from tension import run

    batch, staging = args
    return run.analyse(batch, staging, None, FIELDS, DEFAULTS)["batch_dir"]  # as the flow's workers do


def stage(corpus: Path, staging: Path, batch_size: int) -> list[str]:
    """Staged batch folders for `corpus` (reused when already there)."""
    from tension import run

    listing = staging / "units.json"
    if listing.exists():
        return json.loads(listing.read_text())
    staging.mkdir(parents=True, exist_ok=True)
    batches = run.plan([corpus], batch_size, {}, workers=2)
    started = time.perf_counter()
    with Pool(2) as pool:
        folders = pool.map(_analyse, [(b, str(staging)) for b in batches], chunksize=1)
    print(f"analysed {len(batches)} batches in {time.perf_counter() - started:.1f} s (2 processes)")
    listing.write_text(json.dumps(folders))
    return folders


def replay(folders: list[str], staging: Path, report_every: int, threads: int | None = None) -> str:
    """Store the staged batches (copies) with the run's writer connection, timing each; `threads`: the writer's
    DuckDB threads (default: load.WRITER_THREADS). Returns a hash of the stored rows."""
    from tension import run
    from tension.warehouse import load

    work = WORK / "store_replay"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(staging, work / "staged")
    db = work / "tension.duckdb"
    run.prepare(db, None, run.new_run_id("bench"))
    writer = load.Writer(db)
    if threads is not None:
        writer.con.execute(f"set threads = {threads}")
    times: list[float] = []
    cpu = time.process_time()  # (all of this process's threads, DuckDB's included)
    for number, folder in enumerate(folders, start=1):
        started = time.perf_counter()
        load.store_batch(writer, work / "staged" / Path(folder).name)
        times.append(time.perf_counter() - started)
        if number % report_every == 0 or number == len(folders):
            recent = times[-report_every:]
            print(f"batch {number:>4}: last {report_every} took {sum(recent) / len(recent) * 1000:6.0f} ms each; "
                  f"writer RSS {psutil.Process().memory_info().rss / 2**20:,.0f} MB", flush=True)
    started = time.perf_counter()
    writer.close()
    print(f"stored {len(folders)} batches in {sum(times):.1f} s, closing (checkpoint) {time.perf_counter() - started:.1f} s;"
          f" CPU {time.process_time() - cpu:.2f} s in all (DuckDB threads: {threads or load.WRITER_THREADS})")
    return stored_rows_hash(db)


def stored_rows_hash(db: Path) -> str:
    """A hash of every stored document (with its cluster), statement, score and band key, timestamps left out."""
    import duckdb

    digest = hashlib.sha256()
    with duckdb.connect(str(db), read_only=True) as con:
        for table in ("documents", "statements", "scores", "document_bands"):
            columns = [c for c, kind, *_ in con.execute(f"describe {table}").fetchall() if not kind.startswith("TIMESTAMP")]
            for row in con.execute(f"select {', '.join(columns)} from {table} order by all").fetchall():
                digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000, help="documents in the corpus")
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the staged batches for the next replay")
    parser.add_argument("--threads", help="replay once per value, alternating (e.g. 1,2,1,2): the writer's DuckDB "
                        "threads")
    args = parser.parse_args()
    if not KCNA.exists():
        print(f"skipped: {KCNA} is not here (../shared/data is only on the project's machines)")
        return
    staging = WORK / f"staged_{args.size}_{args.batch_size}"
    folders = stage(build_corpus(args.size), staging, args.batch_size)
    for threads in ([int(t) for t in args.threads.split(",")] if args.threads else [None]):
        print(f"stored rows {replay(folders, staging, max(1, len(folders) // 10), threads)}")
    if not args.keep:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    main()
