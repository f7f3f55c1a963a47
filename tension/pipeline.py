"""Wiring of the stages for one document and one batch: ingest -> clean -> extract -> score -> store.

The flow in flows/ and the CLI both call these functions; nothing here knows about Prefect.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

import orjson

from tension.extract.actors import ActorDictionary, load_actors
from tension.ingest.clean import clean_text
from tension.config import Pair, load_index_kinds, load_pairs
from tension.extract.statements import Lexicon, Statement, extract_statements, load_lexicon
from tension.ingest.documents import Document
from tension.score.scorer import Score, Scorer


@dataclass
class Context:
    """Everything the stages need, built once per process (dictionaries, lexicons, VADER)."""

    actors: ActorDictionary
    lexicon: Lexicon
    scorer: Scorer
    pairs: list[Pair]


def build_context(pairs_file: Path | None = None) -> Context:
    """Load the actor dictionary, the extraction lexicon, the scorer and the configured pairs."""
    return Context(
        actors=load_actors(),
        lexicon=load_lexicon(),
        scorer=Scorer(),
        pairs=load_pairs(pairs_file) if pairs_file else load_pairs(),
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


def analyse(doc: Document, ctx: Context, timings: dict[str, float] | None = None) -> Analysed:
    """Clean, extract and score one document (pure: no I/O); `timings` accumulates seconds per stage."""
    return analyse_batch([doc], ctx, timings)[0]


def analyse_batch(docs: list[Document], ctx: Context, timings: dict[str, float] | None = None) -> list[Analysed]:
    """`analyse` for many documents, one stage at a time over all of them rather than document by document: the
    results are the same, and each stage's code and tables stay in the CPU caches through its loop (20-40% less
    CPU on KCNA batches of 1,000, measured in issue 7)."""
    started = perf_counter()
    cleaned = [clean_text(doc.text, doc.title) for doc in docs]
    statements = [extract_statements(c.body, doc.published, ctx.actors, ctx.lexicon, doc.speaker)
                  for c, doc in zip(cleaned, docs)]
    extracted = perf_counter()
    score = ctx.scorer.score
    scores = [[score(s.content, s.modality) for s in found] for found in statements]
    if timings is not None:
        timings["extract"] = timings.get("extract", 0.0) + extracted - started
        timings["score"] = timings.get("score", 0.0) + perf_counter() - extracted
    return [Analysed(doc, c.body, c.caption, found, scored)
            for doc, c, found, scored in zip(docs, cleaned, statements, scores)]


def pairs_for(speaker_country: str | None, targets: Iterable[str], pairs: list[Pair]) -> list[dict]:
    """The configured pairs a statement bears on, with its direction (the same rule as the pair_statements view)."""
    if not speaker_country:
        return []
    found = []
    for pair in pairs:
        if speaker_country in pair.countries():
            other = pair.country_b if speaker_country == pair.country_a else pair.country_a
            if other in targets:
                found.append({"pair_id": pair.pair_id, "pair": pair.name, "direction": f"{speaker_country}→{other}"})
    return found


def statement_json(item: Analysed, statement: Statement, score: Score, pairs: list[Pair]) -> dict:
    """The stable JSON record printed by `tension statements` (see README: fields)."""
    doc = item.document
    return {
        "doc_id": doc.doc_id,
        "id": doc.external_id or doc.doc_id,
        "published": doc.published.isoformat(),
        "source": doc.source,
        "seq": statement.seq,
        "sentence_index": statement.sentence_index,
        "char_start": statement.char_start,
        "char_end": statement.char_end,
        "content": statement.content,
        "speaker": statement.speaker,
        "speaker_actor": statement.speaker_actor,
        "speaker_country": statement.speaker_country,
        "speaker_role": statement.speaker_role,
        "speaker_kind": statement.speaker_kind,
        "reported_by": statement.reported_by,
        "cue": statement.cue,
        "is_act": statement.is_act,
        "attribution": statement.attribution,
        "targets": statement.targets,
        "targets_inferred": statement.targets_inferred,
        "pairs": pairs_for(statement.speaker_country, statement.targets, pairs),
        "modality": statement.modality,
        "hostility": score.hostility,
        "explanation": score.explanation(),
        "scorer_version": score.scorer_version,
    }


def score_row(statement_id: str, score: Score) -> dict:
    """A scores-table row; the explanation as JSON text, UTF-8 kept as it is (orjson: ~1/5 of json.dumps's time,
    which was ~4 CPU-s per 100,000 KCNA documents)."""
    return {"statement_id": statement_id, "scorer_version": score.scorer_version, "hostility": score.hostility,
            "vader_compound": score.vader_compound, "cue_sum": score.cue_sum,
            "modality_factor": score.modality_factor, "explanation": orjson.dumps(score.explanation()).decode()}


def statement_rows(item: Analysed) -> tuple[list[dict], list[dict]]:
    """statements-table and scores-table rows for one analysed document."""
    statements, scores = [], []
    for statement, score in zip(item.statements, item.scores):
        statement_id = f"{item.document.doc_id}:{statement.seq}"
        statements.append({
            "statement_id": statement_id, "doc_id": item.document.doc_id, "seq": statement.seq,
            "sentence_index": statement.sentence_index, "char_start": statement.char_start,
            "char_end": statement.char_end, "content": statement.content, "speaker": statement.speaker,
            "speaker_actor": statement.speaker_actor, "speaker_country": statement.speaker_country,
            "speaker_role": statement.speaker_role, "cue": statement.cue, "is_act": statement.is_act,
            "modality": statement.modality, "attribution": statement.attribution, "targets": statement.targets,
            "targets_inferred": statement.targets_inferred, "speaker_kind": statement.speaker_kind,
            "reported_by": statement.reported_by,
        })
        scores.append(score_row(statement_id, score))
    return statements, scores


def prepare_database(db_path: Path, ctx: Context) -> None:
    """Create the schema and record the configuration the views read (pairs, scorer version)."""
    from tension.warehouse import store  # DuckDB and pandas only where a database is used

    with store.connect(db_path) as con:
        store.create_schema(con)
        store.set_pairs(con, ctx.pairs)
        store.set_setting(con, "scorer_version", ctx.scorer.version)
        store.set_setting(con, "index_kinds", ",".join(load_index_kinds()))


def process_files(
    inbox: Iterable[Path], db_path: Path, ctx: Context, batch_size: int = 200, staging: Path | None = None
) -> dict:
    """Plan, analyse and store every new or changed file, in this process (the flow does the same in parallel)."""
    from tension import batches
    from tension.warehouse import aggregate
    from tension.warehouse import dedup
    from tension.warehouse import store

    staging = staging or Path(db_path).parent / f".{Path(db_path).name}.staging"
    staging.mkdir(parents=True, exist_ok=True)
    with store.connect(db_path) as con:
        units = batches.plan_units(list(inbox), batch_size, store.stored_files(con))
    totals: dict = {"documents_seen": 0, "documents_new": 0, "documents_rejected": 0, "statements_added": 0,
                    "rejections": []}
    clustered = 0
    for unit in units:
        staged = batches.analyse_unit(unit, staging, ctx)
        with store.connect(db_path) as con:
            counts = batches.store_unit(con, Path(staged["unit_dir"]))  # clusters its new documents too
        clustered += counts["documents_clustered"]
        for key in totals:
            totals[key] += counts[key]
    with store.connect(db_path) as con:
        store.mark_files_stored(con, batches.unit_files(units))
        totals["documents_clustered"] = clustered + dedup.assign_clusters(con)
    aggregate.refresh(Path(db_path))
    return totals
