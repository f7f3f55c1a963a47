"""Output-equality harness for speed work: hash everything analysis produces on a fixed sample, so a change that
is meant to make it faster can be shown to change nothing.

    python -m bench.identical                  # prints one hash per corpus and one over all
    python -m bench.identical --dump /tmp/a.tsv   # also a hash per document (diff two dumps to find a change)
    python -m bench.identical --work /tmp/me-identical   # your own work folder on a shared host

The documents' paths are in the staged rows (the work folder's, and the seeds' under the code's own folder): compare
hashes made with the same --work AND the code run from the same folder (unpack each `git archive` into one place in
turn; outside the checkout set TENSION_SHARED_DATA to the corpora).

The sample (read from ../shared/data at run time, nothing copied into the repository):
- 5,000 KCNA bench documents spread over `make bench`'s 100k corpus (every 20th line of bench.run.build_corpus's
  file, built here in memory the same way: re-dated copies with a copy-number line), speaking as KCNA;
- the seeds/ folder;
- the documents of the gold set's units (evaluation.gold.units' sampler), each field one document as the
  evaluation runs them, TUNE half only (the check half is for the final report, never for development);
- other real text outside the gold check half: Yonhap, RSS 2022 and 2024, Russian state media (the MFA's
  lower-cased channel speaking as the ministry), UN General Debate speeches (long documents).

Two hashes per corpus: `objects`, every field of every Statement and Score (and each document's body and caption)
from `analyse_documents`; `rows`, the staged Parquet tables of `analyse_batch` (documents with their signatures,
statements, scores with their explanations, rejections), so the row builders and the staging are covered too.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import shutil
import time
from pathlib import Path

import pyarrow.parquet as pq

from evaluation import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
DATA = SHARED_DATA
KCNA = DATA / "kcna_2011_2012" / "kcna_stories_2011_2012_southkorea_related.jsonl"
KCNA_SAMPLE = 5_000
BENCH_SIZE = 100_000
BATCH = 2_000
WORK = Path("/tmp/tension-identical")


def kcna_bench_sample(out: Path, n: int = KCNA_SAMPLE) -> None:
    """`n` documents spread evenly over bench.run.build_corpus(100_000) (every 20th for 5,000), built the same way,
    with speaker KCNA, as JSONL at `out`."""
    stories = [json.loads(line) for line in KCNA.open(encoding="utf-8")]
    stories = [s for s in stories if s.get("story") and s.get("date")]
    with out.open("w", encoding="utf-8") as f:
        for i in range(0, BENCH_SIZE, BENCH_SIZE // n):
            story = stories[i % len(stories)]
            copy = i // len(stories)
            text = story["story"] if copy == 0 else f"{story['story']} (Copy {copy}.)"
            f.write(json.dumps({"id": f"{story['id']}#{copy}", "date": story["date"], "story": text,
                                "speaker": "KCNA"}) + "\n")


def _gold_tune(out: Path) -> None:
    """The tune half's documents of the gold units, one document per field (as evaluation.gold.extraction)."""
    from evaluation.gold import units as sampler

    speakers = {"kcna": "KCNA"}
    with out.open("w", encoding="utf-8") as f:
        for unit in sampler.sample():
            if unit["split"] != "tune" or "doc_context" not in unit:
                continue
            context = unit["doc_context"]
            speaker = speakers.get(unit["corpus"], "")
            if unit["corpus"] == "ru_state" and context.get("outlet") == "mfa":
                speaker = "Russian Foreign Ministry"
            for name, text in context.items():
                if name == "outlet" or not isinstance(text, str) or not text.strip():
                    continue
                f.write(json.dumps({"id": f"{unit['corpus']}:{unit['doc_id']}:{name}", "text": text,
                                    "date": unit["published"] or "2024-01-01", "speaker": speaker},
                                   ensure_ascii=False) + "\n")


def _others(out: Path) -> None:
    """Other real documents, none of the gold check half's."""
    from evaluation.gold.units import split_of

    rows = []
    for r in map(json.loads, (DATA / "yonhap_2025_12" / "baram_english_korea_pairs.jsonl").open(encoding="utf-8")):
        if split_of("yonhap", r["id"]) == "tune" and r.get("text"):
            rows.append({"id": "yonhap:" + r["id"], "text": r["text"], "title": r.get("title") or "",
                         "date": r["published_at"][:10], "speaker": ""})
    for r in map(json.loads, (DATA / "rss_2022" / "rss_2022_korea_mentions.jsonl").open(encoding="utf-8")):
        did = hashlib.sha1(r["link"].encode()).hexdigest()[:12]
        text = "\n\n".join(t for t in (r.get("title"), r.get("description")) if t)
        if split_of("rss2022", did) == "tune" and text.strip():
            rows.append({"id": "rss2022:" + did, "text": text, "date": (r.get("date_published") or "2022-06-01")[:10],
                         "speaker": ""})
    for r in map(json.loads, (DATA / "rss_2024" / "rss_2024_korea.jsonl").open(encoding="utf-8")):
        text = "\n\n".join(t for t in (r.get("title"), r.get("description")) if t)
        if split_of("rss2024", r["id"]) == "tune" and text.strip():
            rows.append({"id": "rss2024:" + r["id"], "text": text, "date": r.get("published") or "2024-06-01",
                         "speaker": ""})
    for r in map(json.loads, (DATA / "ru_state_media_korea" / "ru_state_media_korea.jsonl").open(encoding="utf-8")):
        text = "\n\n".join(t for t in (r.get("title"), r.get("lead")) if t)
        if split_of("ru_state", r["id"]) == "tune" and text.strip():
            rows.append({"id": "ru_state:" + r["id"], "text": text, "date": r.get("published") or "2020-01-01",
                         "speaker": "Russian Foreign Ministry" if r.get("outlet") == "mfa" else ""})
    for path in sorted((DATA / "ungdc").glob("*.txt"))[::6]:
        rows.append({"id": "ungdc:" + path.stem, "text": path.read_text(encoding="utf-8"),
                     "date": f"{path.stem.rsplit('_', 1)[-1]}-09-25", "speaker": ""})
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


FIELDS = {"text": "text", "published": "date", "speaker": "speaker", "title": "title"}


def _inputs(folder: Path) -> dict[str, tuple[Path, dict]]:
    """Each corpus of the sample as a JSONL file (or the seeds folder) and its field mapping."""
    kcna, gold, others = folder / "kcna.jsonl", folder / "gold_tune.jsonl", folder / "others.jsonl"
    kcna_bench_sample(kcna)
    _gold_tune(gold)
    _others(others)
    return {"kcna": (kcna, {"text": "story", "published": "date", "speaker": "speaker"}),
            "seeds": (ROOT / "seeds", {}), "gold_tune": (gold, FIELDS), "others": (others, FIELDS)}


def _batches(name: str, path: Path) -> list[dict]:
    if path.is_dir():
        return [{"batch_id": name, "parts": [{"path": str(p)} for p in sorted(path.glob("*.txt"))]}]
    lines = sum(1 for _ in path.open(encoding="utf-8"))
    return [{"batch_id": f"{name}-{first}", "parts": [{"path": str(path), "first": first,
                                                       "stop": min(first + BATCH, lines + 1)}]}
            for first in range(1, lines + 1, BATCH)]


def _object_hash(analysed, per_doc: dict[str, str]) -> str:
    total = hashlib.sha256()
    for item in analysed:
        h = hashlib.sha256()
        h.update(repr((item.document.doc_id, item.body, item.caption)).encode())
        for statement in item.statements:
            h.update(repr(dataclasses.astuple(statement)).encode())
        for score in item.scores:
            h.update(repr(dataclasses.astuple(score)).encode())
        per_doc[item.document.doc_id] = h.hexdigest()[:16]
        total.update(h.digest())
    return total.hexdigest()


def _row_hash(folder: Path, h) -> None:
    for name in ("documents", "statements", "scores", "rejections"):
        table = pq.read_table(folder / f"{name}.parquet")
        h.update(name.encode())
        h.update(repr(table.schema).encode())
        for row in table.to_pylist():
            # a document's extractor_version hashes the extraction code itself (tension/extract/version.py): it
            # differs between any two trees compared, whatever they extract, so it is no part of their output here
            row.pop("extractor_version", None)
            h.update(repr(row).encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write a hash per document (TSV) to this file")
    parser.add_argument("--work", type=Path, default=WORK,
                        help=f"work folder, emptied at each run (default {WORK}; two people on one host need two: "
                             "hashes compare only between runs with the same folder)")
    args = parser.parse_args(argv)
    if not KCNA.exists():
        print(f"../shared/data absent: {KCNA}", file=sys.stderr)
        return 2
    from tension.analyse import analyse_batch, analyse_documents, build_context, read_batch, settle_collector
    from tension.ingest.documents import Document

    ctx = build_context()
    settle_collector()
    per_doc: dict[str, str] = {}
    overall = hashlib.sha256()
    folder = args.work  # one folder for runs to compare: the documents' paths are in the rows
    marker = folder / ".bench-identical"
    if folder != WORK and folder.exists() and any(folder.iterdir()) and not marker.exists():
        print(f"{folder} holds files this bench did not write: name an empty or new folder with --work",
              file=sys.stderr)
        return 2
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    marker.touch()
    if True:
        for name, (path, fields) in _inputs(folder).items():
            objects, rows = hashlib.sha256(), hashlib.sha256()
            documents = statements = 0
            cpu = 0.0
            for batch in _batches(name, path):
                docs = [d for d in read_batch(batch, fields or None) if isinstance(d, Document)]
                started = time.process_time()
                analysed = analyse_documents(docs, ctx)
                cpu += time.process_time() - started
                objects.update(_object_hash(analysed, per_doc).encode())
                documents += len(analysed)
                statements += sum(len(a.statements) for a in analysed)
                staged = analyse_batch(batch, folder / "staging", ctx, fields or None)
                _row_hash(Path(staged["batch_dir"]), rows)
            print(f"{name:10} docs {documents:6,} statements {statements:7,} objects {objects.hexdigest()[:16]} "
                  f"rows {rows.hexdigest()[:16]}  (analyse CPU {cpu:.1f} s)")
            overall.update(objects.digest() + rows.digest())
    print(f"{'all':10} {overall.hexdigest()}")
    if args.dump:
        args.dump.write_text("".join(f"{k}\t{v}\n" for k, v in per_doc.items()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
