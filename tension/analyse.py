"""A batch through the pure stages: read (ingest) -> clean -> extract -> score -> near-duplicate signatures, staged
as Parquet for the writer.

This is what the worker processes run. It never touches the database (and never imports duckdb: a test checks),
so any number of workers analyse while one writer stores (tension.warehouse.load). A batch is a slice of a
large JSONL/CSV file or a group of small files, at most `batch_size` documents (planned by tension.run.plan).
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from time import perf_counter

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tension import records
from tension.config import Pair, load_pairs, publisher_country
from tension.extract.actors import ActorDictionary, load_actors
from tension.extract.statements import Lexicon, Statement, extract_statements, load_lexicon
from tension.ingest.clean import clean_text
from tension.ingest.documents import Document, Rejection, read_documents, read_jsonl
from tension.ingest.formats import LineOffsets
from tension.ingest.signature import shingle_id_sets, signatures_of
from tension.score.cut_lead import score_document
from tension.score.scorer import Score, Scorer


@dataclass
class Context:
    """Everything the stages need, built once per process (dictionaries, lexicons, VADER), and where this process
    found line starts in the large files it read (so the next slice of a file starts there)."""

    actors: ActorDictionary
    lexicon: Lexicon
    scorer: Scorer
    pairs: list[Pair]
    line_offsets: LineOffsets = field(default_factory=LineOffsets)
    extractor_version: str = ""  # with an extra actor file, the run's own (its hash in it); "": the packaged one


def build_context(pairs_file: Path | None = None, actors_file: Path | None = None) -> Context:
    """Load the actor dictionary (with the rows of an extra actor file: --actors), the extraction lexicon, the scorer
    and the configured pairs."""
    from tension.config_actors import load_extra_actors, run_extractor_version

    return Context(
        actors=load_actors(extra=load_extra_actors(actors_file) if actors_file else ()),
        lexicon=load_lexicon(),
        scorer=Scorer(),
        pairs=load_pairs(pairs_file) if pairs_file else load_pairs(),
        extractor_version=run_extractor_version(actors_file) if actors_file else "",
    )


def settle_collector() -> None:
    """For a process that analyses batch after batch, once its context is built: the cyclic garbage collector stops
    walking the dictionaries and lexicons loaded so far (gc.freeze) and waits for 50,000 new objects instead of 700.
    Analysis makes millions of short-lived objects and almost no reference cycles; collections took ~10% of a
    worker's CPU (1.35 s of 3 batches of KCNA), ~2% now (0.22-0.28 s)."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


@dataclass
class Analysed:
    """One document after cleaning, extraction and scoring."""

    document: Document
    body: str
    caption: str
    statements: list[Statement]
    scores: list[Score]


def analyse_document(doc: Document, ctx: Context, timings: dict[str, float] | None = None) -> Analysed:
    """Clean, extract and score one document (pure: no I/O); `timings` accumulates seconds per stage."""
    return analyse_documents([doc], ctx, timings)[0]


def analyse_documents(docs: list[Document], ctx: Context, timings: dict[str, float] | None = None,
                      failed: list[Rejection] | None = None) -> list[Analysed]:
    """`analyse_document` for many documents, one stage at a time over all of them rather than document by document:
    the results are the same, and each stage's code and tables stay in the CPU caches through its loop (20-40% less
    CPU on KCNA batches of 1,000, measured in issue 7).

    A document that makes a stage fail does not take its batch with it: when `failed` is given, the batch is
    analysed again document by document, each failing document becomes a Rejection there (its file, item and the
    error) and the others are returned. Without `failed` the error propagates (a caller that wants it raised)."""
    try:
        return _analyse_stagewise(docs, ctx, timings)
    except Exception:
        if failed is None:
            raise
    analysed = []
    for doc in docs:
        try:
            analysed.extend(_analyse_stagewise([doc], ctx, timings))
        except Exception as error:  # noqa: BLE001 - any failure of one document is that document's rejection
            failed.append(Rejection(doc.path, doc.item or doc.external_id or doc.doc_id,
                                    f"analysis failed ({type(error).__name__}: {str(error)[:200]}); "
                                    "the rest of the batch was stored"))
    return analysed


def _analyse_stagewise(docs: list[Document], ctx: Context, timings: dict[str, float] | None) -> list[Analysed]:
    """Clean, extract and score `docs`, one stage at a time over all of them."""
    started = perf_counter()
    cleaned = [clean_text(doc.text, doc.title) for doc in docs]
    statements = [extract_statements(c.body, doc.published, ctx.actors, ctx.lexicon, doc.speaker, c.header.agency,
                                     c.header.dateline, publisher_country(doc.source))
                  for c, doc in zip(cleaned, docs)]
    extracted = perf_counter()
    scores = [score_document(ctx.scorer, found) for found in statements]
    if timings is not None:
        timings["extract"] = timings.get("extract", 0.0) + extracted - started
        timings["score"] = timings.get("score", 0.0) + perf_counter() - extracted
    return [Analysed(doc, c.body, c.caption, found, scored)
            for doc, c, found, scored in zip(docs, cleaned, statements, scores)]


def with_defaults(doc: Document, defaults: dict[str, str] | None) -> Document:
    """`doc` with `defaults` filling the metadata it lacks (e.g. speaker=KCNA); its own values win."""
    if not defaults:
        return doc
    return replace(doc, **{k: v for k, v in defaults.items() if not getattr(doc, k)})


def read_batch(batch: dict, fields: dict[str, str] | None = None, defaults: dict[str, str] | None = None,
               line_offsets: LineOffsets | None = None) -> Iterator[Document | Rejection]:
    """The documents and rejections of one batch; `defaults` fill empty metadata (e.g. speaker=KCNA); their year
    and retrieved date are read with the file, to date a wire dateline that has no year."""
    dating, defaults = split_dating(defaults)
    for part in batch["parts"]:
        path = Path(part["path"])
        if "first" in part:
            items = read_jsonl(path, fields, (part["first"], part["stop"]), line_offsets=line_offsets, dating=dating)
        else:
            items = read_documents([path], fields, inbox=Path(part["inbox"]) if part.get("inbox") else None,
                                   dating=dating)
        for item in items:
            yield with_defaults(item, defaults) if isinstance(item, Document) else item


DATING = ("year", "retrieved")  # --default values that date a document as it is read, not metadata filled after


def split_dating(defaults: dict[str, str] | None) -> tuple[dict[str, str], dict[str, str]]:
    """(the year/retrieved defaults, the rest)."""
    defaults = defaults or {}
    return ({k: v for k, v in defaults.items() if k in DATING}, {k: v for k, v in defaults.items() if k not in DATING})


def analyse_batch(batch: dict, staging: Path, ctx: Context, fields: dict[str, str] | None = None,
                  defaults: dict[str, str] | None = None) -> dict:
    """Read, clean, extract, score and sign one batch; stage its rows as Parquet (atomically: a folder rename).
    Returns the staged folder, its row counts and seconds per stage."""
    final = staging / batch["batch_id"]
    if final.exists():
        return staged_counts(final)  # analysed by an earlier, interrupted run
    timings: dict[str, float] = {"ingest": 0.0, "extract": 0.0, "score": 0.0, "dedup": 0.0, "stage": 0.0}
    started = perf_counter()
    documents, rejections, copies = _read(batch, fields, defaults, ctx.line_offsets)
    timings["ingest"] = perf_counter() - started
    failed: list[Rejection] = []
    analysed = analyse_documents(documents, ctx, timings, failed)
    rejections.extend(records.rejection_row(rejection) for rejection in failed)
    started = perf_counter()
    shingle_sets = shingle_id_sets([item.body for item in analysed])  # here, in parallel, not in the writer
    bands = signatures_of(shingle_sets)
    timings["dedup"] = perf_counter() - started
    started = perf_counter()
    partial = staging / (batch["batch_id"] + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    write_staged(partial, analysed, shingle_sets, bands, rejections, copies, ctx.extractor_version)
    os.replace(partial, final)
    timings["stage"] = perf_counter() - started
    return {**staged_counts(final), "timings": timings}


def write_staged(folder: Path, analysed: list[Analysed], shingle_sets: list, bands: list, rejections: list[dict],
                 copies: int = 0, version: str = "") -> None:
    """The batch's rows as one Parquet file per table (records.SCHEMAS) in `folder`; the documents file's metadata
    says how many copies the batch dropped before analysis (records.COPIES_KEY), which the writer counts as read.
    `version`: the run's extractor version, when not the packaged one (an extra actor file)."""
    rows: dict[str, list[dict]] = {"documents": [], "rejections": rejections}
    own = {"extractor_version": version} if version else {}
    for item, keys in zip(analysed, bands):
        rows["documents"].append({**records.document_row(item.document, item.body, item.caption,
                                                         len(item.statements)), "lsh_bands": keys, **own})
    # statements and scores (most of the rows) as columns, not row dicts
    doc_ids = [item.document.doc_id for item in analysed for _ in item.statements]
    statements = [statement for item in analysed for statement in item.statements]
    published = [item.document.published for item in analysed for _ in item.statements]  # dates "on Sunday"
    columns = {"statements": records.statement_columns(doc_ids, statements, published)}
    columns["scores"] = records.score_columns(columns["statements"]["statement_id"],
                                              [score for item in analysed for score in item.scores])
    for name, schema in records.SCHEMAS.items():
        if name == "documents":  # the shingle arrays go in as one column: row by row cost ~0.7 ms a document
            table = pa.Table.from_pylist(rows[name], schema=schema.remove(schema.get_field_index("shingles")))
            table = table.append_column(schema.field("shingles"), _list_column(shingle_sets))
            table = table.replace_schema_metadata({records.COPIES_KEY: str(copies)})
        elif name in columns:
            table = pa.Table.from_pydict(columns[name], schema=schema)
        else:
            table = pa.Table.from_pylist(rows[name], schema=schema)
        # read once, then deleted: no compression, and no dictionary pages (which hash every value of every column:
        # a quarter of the writing's CPU; the values read back are the same)
        pq.write_table(table, folder / f"{name}.parquet", compression="none", use_dictionary=False)


def staged_counts(folder: Path) -> dict:
    """A staged batch: its folder and the rows of each of its files."""
    return {"batch_dir": str(folder),
            **{name: pq.ParquetFile(folder / f"{name}.parquet").metadata.num_rows for name in records.SCHEMAS}}


def _read(batch: dict, fields: dict[str, str] | None, defaults: dict[str, str] | None,
          line_offsets: LineOffsets | None) -> tuple[list[Document], list[dict], int]:
    """The batch's documents, its rejections as rows, and how many copies it dropped. Of several copies of one text
    (one doc_id) the batch keeps the one the writer would keep (_precedence), in the place of the first, so that
    which copy is stored does not depend on how the input was cut into batches."""
    documents: list[Document] = []
    rejections: list[dict] = []
    position: dict[str, int] = {}
    copies = 0
    for item in read_batch(batch, fields, defaults, line_offsets):
        if isinstance(item, Rejection):
            rejections.append(records.rejection_row(item))
        elif item.doc_id not in position:
            position[item.doc_id] = len(documents)
            documents.append(item)
        else:
            copies += 1
            if _precedence(item) < _precedence(documents[position[item.doc_id]]):
                documents[position[item.doc_id]] = item
    return documents, rejections, copies


def _precedence(document: Document) -> tuple:
    """Which copy of a text is kept: the first published, then the first by external id, file and item (the order
    of tension/warehouse/sql/queries/load_replaced_documents.sql, which applies it across batches)."""
    return (document.published, document.external_id or "", document.path, document.item)


def _list_column(arrays: list) -> pa.ListArray:
    """A list<uint64> column from numpy arrays, without converting them element by element."""
    offsets = np.zeros(len(arrays) + 1, dtype=np.int32)
    np.cumsum([len(a) for a in arrays], out=offsets[1:])
    values = np.concatenate(arrays) if arrays else np.empty(0, dtype=np.uint64)
    return pa.ListArray.from_arrays(pa.array(offsets), pa.array(values, pa.uint64()))
