"""CPU seconds per stage of a worker's batch, in one process (the host is shared: wall time is noise).

    python -m bench.cpu                       # 4,000 KCNA bench documents, best of 3 per stage
    python -m bench.cpu --docs 2000 --repeat 5 --profile extract
    python -m bench.cpu --code /tmp/main-src       # the same for another tree (git archive COMMIT | tar -x -C DIR)

The documents are spread over `make bench`'s 100k corpus (bench.identical builds the same ones). Stages as a
worker runs them (tension.analyse): clean, extract, score, dedup (shingles and signatures) and stage (the rows,
Arrow tables and Parquet files: analyse.write_staged). Each repeat runs every stage once over all documents;
the best of the repeats per stage is printed, with the median so the noise shows.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.identical import KCNA, kcna_bench_sample


def _documents(n: int):
    from tension.ingest.documents import read_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kcna.jsonl"
        kcna_bench_sample(path, n)
        return [d for d in read_jsonl(path, {"text": "story", "published": "date", "speaker": "speaker"})
                if hasattr(d, "text")]


def run_once(docs, ctx, profile: str | None) -> tuple[dict[str, float], int]:
    from tension.extract.statements import extract_statements
    from tension.ingest.clean import clean_text
    from tension.ingest import signature

    shingle_id_sets = getattr(signature, "shingle_id_sets", None)
    signatures_of = getattr(signature, "signatures_of", None)

    times: dict[str, float] = {}
    profiler = cProfile.Profile()

    def stage(name, fn):
        if profile == name:
            profiler.enable()
        started = time.process_time()
        out = fn()
        times[name] = time.process_time() - started
        profiler.disable()
        return out

    cleaned = stage("clean", lambda: [clean_text(d.text, d.title) for d in docs])
    statements = stage("extract", lambda: [extract_statements(c.body, d.published, ctx.actors, ctx.lexicon, d.speaker)
                                           for c, d in zip(cleaned, docs)])
    score = ctx.scorer.score
    # as analyse.analyse_documents scores: toward the statement's targets (tension/score/direction.py)
    scores = stage("score", lambda: [[score(s.content, s.modality, s.targets, s.speaker_country) for s in found]
                                     for found in statements])
    if shingle_id_sets is not None:
        shingles = stage("dedup", lambda: shingle_id_sets([c.body for c in cleaned]))
        bands = stage("dedup2", lambda: signatures_of(shingles))
    else:  # older code (--code): document by document
        shingles = stage("dedup", lambda: [signature.shingle_ids(c.body) for c in cleaned])
        bands = stage("dedup2", lambda: [signature.signature_of(s) for s in shingles])
    times["dedup"] += times.pop("dedup2")

    from tension import analyse

    analysed = [analyse.Analysed(d, c.body, c.caption, found, scored)
                for d, c, found, scored in zip(docs, cleaned, statements, scores)]
    folder = Path(tempfile.mkdtemp())
    write = getattr(analyse, "write_staged", None) or _write_staged_before
    stage("stage", lambda: write(folder, analysed, shingles, bands, []))  # rows and Parquet, as a worker
    shutil.rmtree(folder)
    if profile:
        pstats.Stats(profiler).sort_stats(*os.environ.get("SORT", "tottime").split(",")).print_stats(int(os.environ.get("TOP", "35")))
    return times, sum(len(s) for s in statements)


def _write_staged_before(folder: Path, analysed: list, shingle_sets: list, bands: list, rejections: list) -> None:
    """What analyse_batch did before analyse.write_staged (main 0d6eb95): a dict per row, from_pylist, dictionary
    pages; for `--code` runs of older code."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from tension import records
    from tension.analyse import _list_column

    rows: dict[str, list[dict]] = {"documents": [], "statements": [], "scores": [], "rejections": rejections}
    for item, keys in zip(analysed, bands):
        doc_id = item.document.doc_id
        rows["documents"].append({**records.document_row(item.document, item.body, item.caption,
                                                         len(item.statements)), "lsh_bands": keys})
        for statement, score in zip(item.statements, item.scores):
            rows["statements"].append(records.statement_row(doc_id, statement))
            rows["scores"].append(records.score_row(records.statement_id(doc_id, statement.seq), score))
    for name, schema in records.SCHEMAS.items():
        if name == "documents":
            table = pa.Table.from_pylist(rows[name], schema=schema.remove(schema.get_field_index("shingles")))
            table = table.append_column(schema.field("shingles"), _list_column(shingle_sets))
        else:
            table = pa.Table.from_pylist(rows[name], schema=schema)
        pq.write_table(table, folder / f"{name}.parquet", compression="none")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", help="profile this stage in the last repeat (clean, extract, score, ...)")
    parser.add_argument("--code", type=Path, help="measure the tension package of this source tree instead (e.g. "
                        "main's: git archive 0d6eb95 | tar -x -C /tmp/main-src)")
    args = parser.parse_args(argv)
    if not KCNA.exists():
        print(f"skipped: {KCNA} is not here (../shared/data is only on the project's machines)")
        return 0
    if args.code:
        import sys

        sys.path.insert(0, str(args.code.resolve()))
    from tension.analyse import build_context, settle_collector

    print("code:", Path(__import__("tension").__file__).parent)

    docs = _documents(args.docs)
    ctx = build_context()
    settle_collector()
    runs = []
    for i in range(args.repeat):
        times, found = run_once(docs, ctx, args.profile if i == args.repeat - 1 else None)
        runs.append(times)
    print(f"{len(docs):,} documents, {found:,} statements; CPU s per stage, best (median) of {args.repeat}:")
    total_best = 0.0
    for name in runs[0]:
        values = [r[name] for r in runs]
        total_best += min(values)
        print(f"  {name:8} {min(values):7.3f} ({statistics.median(values):.3f})  "
              f"{1000 * min(values) / len(docs):.3f} ms/doc")
    print(f"  {'total':8} {total_best:7.3f}  {1000 * total_best / len(docs):.3f} ms/doc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
