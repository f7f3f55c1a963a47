"""Batches: the unit of work of a run — plan them, analyse each into staged Parquet, store each atomically.

Analysis (clean, extract, score) runs in parallel workers and never touches the database; storing is done by
one writer, one transaction per batch, straight from the staged Parquet files. A batch is a slice of a large
JSONL file or a group of small files, at most `batch_size` documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from time import perf_counter
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tension.warehouse import dedup
from tension.warehouse import store
from tension.ingest.documents import BATCH_SUFFIXES, Document, Rejection, list_inbox, read_documents, read_jsonl

SCHEMAS = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("published", pa.date32()), ("date_source", pa.string()), ("title", pa.string()),
        ("source", pa.string()), ("url", pa.string()), ("speaker", pa.string()), ("path", pa.string()),
        ("item", pa.string()), ("external_id", pa.string()), ("caption", pa.string()), ("body", pa.string()),
        ("n_statements", pa.int32()), ("slug", pa.string()), ("dateline", pa.string()), ("byline", pa.string()),
        # near-duplicate band keys and shingle ids (tension.warehouse.dedup), for the writer: not documents columns
        ("lsh_bands", pa.list_(pa.int64())), ("shingles", pa.list_(pa.uint64())),
    ]),
    "statements": pa.schema([
        ("statement_id", pa.string()), ("doc_id", pa.string()), ("seq", pa.int32()), ("sentence_index", pa.int32()),
        ("char_start", pa.int32()), ("char_end", pa.int32()), ("content", pa.string()), ("speaker", pa.string()),
        ("speaker_actor", pa.string()), ("speaker_country", pa.string()), ("speaker_role", pa.string()),
        ("cue", pa.string()), ("is_act", pa.bool_()), ("modality", pa.string()), ("attribution", pa.string()),
        ("targets", pa.list_(pa.string())), ("targets_inferred", pa.bool_()), ("speaker_kind", pa.string()),
        ("reported_by", pa.string()),
    ]),
    "scores": pa.schema([
        ("statement_id", pa.string()), ("scorer_version", pa.string()), ("hostility", pa.float64()),
        ("vader_compound", pa.float64()), ("cue_sum", pa.float64()), ("modality_factor", pa.float64()),
        ("explanation", pa.string()),
    ]),
    "rejections": pa.schema([("path", pa.string()), ("item", pa.string()), ("reason", pa.string())]),
}


def file_signature(path: Path) -> tuple[str, int, int]:
    """(path, size, mtime in ns): a file whose signature is unchanged since it was stored is skipped."""
    stat = path.stat()
    return str(path), stat.st_size, stat.st_mtime_ns


def count_lines(path: Path) -> int:
    """Lines in a file, counted in 1 MiB blocks without decoding."""
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (0 if last == b"\n" else 1)


def plan_units(inbox: list[Path], batch_size: int, stored: dict[str, tuple[int, int]] | None = None,
               workers: int = 1) -> list[dict]:
    """Batches for the files that are new or changed since they were stored (`stored`: path -> size, mtime). A
    large JSONL/CSV file is cut into a multiple of `workers` batches of at most `batch_size` lines, as even as
    possible, so that no worker idles while another finishes the file's last batch (1,000 lines on 2 workers:
    two batches of 500, not one of 1,000)."""
    stored = stored or {}
    units: list[dict] = []
    small: list[dict] = []
    for root, path in ((root, path) for root in inbox for path in list_inbox([root])):
        folder = str(root if root.is_dir() else root.parent)  # symlinks must stay inside it
        try:
            name, size, mtime = file_signature(path)
        except OSError:
            small.append({"path": str(path), "size": -1, "mtime": -1, "inbox": folder})  # vanished: a rejection
            continue
        if stored.get(name) == (size, mtime):
            continue
        if path.suffix.lower() in BATCH_SUFFIXES:
            total = count_lines(path)
            step = _even_batch(total, batch_size, workers)
            for first in range(1, total + 1, step):
                units.append(_unit([{"path": name, "size": size, "mtime": mtime, "first": first,
                                     "stop": first + step, "inbox": folder}]))
        else:
            small.append({"path": name, "size": size, "mtime": mtime, "inbox": folder})
            if len(small) == batch_size:
                units.append(_unit(small))
                small = []
    if small:
        units.append(_unit(small))
    return units


def _even_batch(lines: int, batch_size: int, workers: int) -> int:
    """Lines per batch: the number of batches rounded up to a multiple of `workers`, then shared out evenly."""
    batches = -(-lines // batch_size) if lines else 1
    batches = -(-batches // max(workers, 1)) * max(workers, 1)
    return max(1, -(-lines // batches))


def _unit(parts: list[dict]) -> dict:
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return {"unit_id": digest, "parts": parts}


def unit_files(units: list[dict]) -> list[tuple[str, int, int]]:
    """Distinct (path, size, mtime) of the files the units cover, to record once all are stored."""
    return sorted({(p["path"], p["size"], p["mtime"]) for u in units for p in u["parts"] if p["size"] >= 0})


def read_unit(
    unit: dict, fields: dict[str, str] | None = None, defaults: dict[str, str] | None = None
) -> Iterator[Document | Rejection]:
    """The documents and rejections of one batch; `defaults` fill empty metadata (e.g. speaker=KCNA)."""
    for part in unit["parts"]:
        path = Path(part["path"])
        if "first" in part:
            items = read_jsonl(path, fields, (part["first"], part["stop"]))
        else:
            items = read_documents([path], fields, inbox=Path(part["inbox"]) if part.get("inbox") else None)
        for item in items:
            if defaults and isinstance(item, Document):
                item = replace(item, **{k: v for k, v in defaults.items() if not getattr(item, k)})
            yield item


def analyse_unit(
    unit: dict, staging: Path, ctx, fields: dict[str, str] | None = None, defaults: dict[str, str] | None = None
) -> dict:
    """Read, clean, extract and score one batch; stage the rows as Parquet (atomically: a folder rename). Each
    stage runs over the whole batch before the next (see pipeline.analyse_batch)."""
    from tension.pipeline import analyse_batch, statement_rows  # the pipeline imports this module

    final = staging / unit["unit_id"]
    if final.exists():
        return _counts(final)  # analysed by an earlier, interrupted run
    timings: dict[str, float] = {"ingest": 0.0, "extract": 0.0, "score": 0.0, "dedup": 0.0, "stage": 0.0}
    started = perf_counter()
    documents, rejections = _read(unit, fields, defaults)
    timings["ingest"] = perf_counter() - started
    analysed = analyse_batch(documents, ctx, timings)
    started = perf_counter()
    shingle_sets = [dedup.shingle_ids(item.body) for item in analysed]  # here, in parallel, not in the writer
    bands = [dedup.signature_of(shingles) for shingles in shingle_sets]
    timings["dedup"] = perf_counter() - started
    started = perf_counter()
    rows: dict[str, list[dict]] = {"documents": [], "statements": [], "scores": [], "rejections": rejections}
    for item, keys in zip(analysed, bands):
        statements, scores = statement_rows(item)
        rows["documents"].append({**store.document_row(item.document, item.body, item.caption, len(statements)),
                                  "lsh_bands": keys})
        rows["statements"].extend(statements)
        rows["scores"].extend(scores)
    partial = staging / (unit["unit_id"] + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name, schema in SCHEMAS.items():
        if name == "documents":  # the shingle arrays go in as one column: row by row cost ~0.7 ms a document
            table = pa.Table.from_pylist(rows[name], schema=schema.remove(schema.get_field_index("shingles")))
            table = table.append_column(schema.field("shingles"), _list_column(shingle_sets))
        else:
            table = pa.Table.from_pylist(rows[name], schema=schema)
        pq.write_table(table, partial / f"{name}.parquet", compression="none")  # read once, then deleted
    os.replace(partial, final)
    timings["stage"] = perf_counter() - started
    return {**_counts(final), "timings": timings}


def _read(unit: dict, fields: dict[str, str] | None, defaults: dict[str, str] | None
          ) -> tuple[list[Document], list[dict]]:
    """The batch's documents (the first of each doc_id) and its rejections as rows."""
    documents: list[Document] = []
    rejections: list[dict] = []
    seen: set[str] = set()
    for item in read_unit(unit, fields, defaults):
        if isinstance(item, Rejection):
            rejections.append({"path": item.path, "item": item.item, "reason": item.reason})
        elif item.doc_id not in seen:
            seen.add(item.doc_id)
            documents.append(item)
    return documents, rejections


def _list_column(arrays: list) -> pa.ListArray:
    """A list<uint64> column from numpy arrays, without converting them element by element."""
    offsets = np.zeros(len(arrays) + 1, dtype=np.int32)
    np.cumsum([len(a) for a in arrays], out=offsets[1:])
    values = np.concatenate(arrays) if arrays else np.empty(0, dtype=np.uint64)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, pa.uint64()))


def _counts(folder: Path) -> dict:
    return {"unit_dir": str(folder),
            **{name: pq.ParquetFile(folder / f"{name}.parquet").metadata.num_rows for name in SCHEMAS}}


def store_unit(con: duckdb.DuckDBPyConnection, unit_dir: Path) -> dict:
    """Insert one staged batch in one transaction (documents already stored are left alone), each new document
    with its near-duplicate cluster; drop the staging."""
    files = {name: str(unit_dir / f"{name}.parquet") for name in SCHEMAS}
    staged_columns = set(pq.read_schema(files["documents"]).names)
    columns = ", ".join(f"p.{c}" for c in SCHEMAS["documents"].names
                        if c in staged_columns and c not in ("lsh_bands", "shingles"))
    dedup.migrate(con)
    con.execute("begin transaction")
    try:
        # A document is stored whole or not at all: its statements and scores go in only when it is new.
        con.execute(
            """create or replace temp table new_documents as
               select doc_id from read_parquet(?) anti join documents using (doc_id)""",
            [files["documents"]],
        )
        new = con.sql(
            "select doc_id, published, body"
            + "".join(f", {c}" for c in ("lsh_bands", "shingles") if c in staged_columns)
            + " from read_parquet(?) semi join new_documents using (doc_id)", params=[files["documents"]],
        ).to_arrow_table()
        if "lsh_bands" not in staged_columns:  # staged by an older version
            new = new.append_column("lsh_bands", pa.array([dedup.signature(b) for b in new.column("body").to_pylist()],
                                                          pa.list_(pa.int64())))
        clustering = dedup.cluster(con, new)
        assignments = pa.table({"doc_id": list(clustering.clusters), "cluster_id": list(clustering.clusters.values())},
                               schema=pa.schema([("doc_id", pa.string()), ("cluster_id", pa.string())]))
        with store.registered(con, "tension_assignments", assignments):
            con.execute(f"insert into documents by name select {columns}, a.cluster_id from read_parquet(?) as p "
                        "join tension_assignments as a using (doc_id)", [files["documents"]])
        dedup.store_clusters(con, new, clustering)
        statements_added = con.execute(
            "insert into statements by name select * from read_parquet(?) "
            "where doc_id in (select doc_id from new_documents)", [files["statements"]]).fetchone()[0]
        con.execute("insert into scores by name select * from read_parquet(?) "
                    "where split_part(statement_id, ':', 1) in (select doc_id from new_documents)",
                    [files["scores"]])
        documents_new = new.num_rows
        con.execute(
            """insert into rejected_documents (path, item, reason)
               select path, item, reason from read_parquet(?)
               on conflict (path, item) do update set reason = excluded.reason, last_seen = now()""",
            [files["rejections"]],
        )
        rejections = [tuple(r.values()) for r in pq.read_table(files["rejections"]).to_pylist()]
        documents_read = pq.ParquetFile(files["documents"]).metadata.num_rows
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    shutil.rmtree(unit_dir, ignore_errors=True)
    return {"documents_seen": documents_read, "documents_new": documents_new,
            "documents_rejected": len(rejections), "statements_added": statements_added,
            "documents_clustered": clustering.joined, "rejections": rejections}
