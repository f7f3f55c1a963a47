"""The single writer alone: analyse a corpus into staged batches once (two processes, no Prefect), then store them
one by one into a fresh database and print how the time per batch and the writer's RSS move as the database grows.

    python -m bench.store --size 10000          # builds /tmp/tension-bench/kcna_10000.jsonl if needed
    python -m bench.store --size 100000 --keep  # keep the staged batches for another replay

Used in issue 7 to find what grew with the database (re-hashing texts, per-batch connections, checkpoints).
"""

from __future__ import annotations

import argparse
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


def replay(folders: list[str], staging: Path, report_every: int) -> None:
    """Store the staged batches (copies) with the run's writer connection, timing each."""
    from tension import run
    from tension.warehouse import load

    work = WORK / "store_replay"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(staging, work / "staged")
    db = work / "tension.duckdb"
    run.prepare(db, None, run.new_run_id("bench"))
    writer = load.Writer(db)
    times: list[float] = []
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
    print(f"stored {len(folders)} batches in {sum(times):.1f} s, closing (checkpoint) {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000, help="documents in the corpus")
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the staged batches for the next replay")
    args = parser.parse_args()
    if not KCNA.exists():
        print(f"skipped: {KCNA} is not here (../shared/data is only on the project's machines)")
        return
    staging = WORK / f"staged_{args.size}_{args.batch_size}"
    folders = stage(build_corpus(args.size), staging, args.batch_size)
    replay(folders, staging, report_every=max(1, len(folders) // 10))
    if not args.keep:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    main()
