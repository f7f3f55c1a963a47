"""Wiring of the stages for one document and one batch: ingest -> clean -> extract -> score -> store.

The flow in flows/ and the CLI both call these functions; nothing here knows about Prefect.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tension.actors import ActorDictionary, load_actors
from tension.clean import clean_text
from tension.config import Pair, load_pairs
from tension.extract import Lexicon, Statement, extract_statements, load_lexicon
from tension.ingest import Document, Rejection, list_inbox, read_documents
from tension.score import Score, Scorer
from tension import store


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


@dataclass
class Analysed:
    """One document after cleaning, extraction and scoring."""

    document: Document
    body: str
    caption: str
    statements: list[Statement]
    scores: list[Score]


def analyse(doc: Document, ctx: Context) -> Analysed:
    """Clean, extract and score one document (pure: no I/O)."""
    cleaned = clean_text(doc.text)
    statements = extract_statements(cleaned.body, doc.published, ctx.actors, ctx.lexicon, doc.speaker)
    scores = [ctx.scorer.score(s.content, s.modality) for s in statements]
    return Analysed(doc, cleaned.body, cleaned.caption, statements, scores)


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
        "cue": statement.cue,
        "is_act": statement.is_act,
        "attribution": statement.attribution,
        "targets": statement.targets,
        "pairs": pairs_for(statement.speaker_country, statement.targets, pairs),
        "modality": statement.modality,
        "hostility": score.hostility,
        "explanation": score.explanation(),
        "scorer_version": score.scorer_version,
    }


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
        })
        scores.append({
            "statement_id": statement_id, "scorer_version": score.scorer_version, "hostility": score.hostility,
            "vader_compound": score.vader_compound, "cue_sum": score.cue_sum,
            "modality_factor": score.modality_factor, "explanation": score.explanation(),
        })
    return statements, scores


@dataclass
class BatchResult:
    """Counts for one batch, for progress output and the runs table."""

    documents_seen: int = 0
    documents_new: int = 0
    documents_rejected: int = 0
    statements_added: int = 0
    rejections: list[Rejection] = field(default_factory=list)


def plan_batches(inbox: Iterable[Path], batch_size: int) -> list[list[str]]:
    """Input files split into batches of at most `batch_size` files (paths as strings, for task parameters)."""
    files = [str(p) for p in list_inbox(inbox)]
    return [files[i : i + batch_size] for i in range(0, len(files), batch_size)]


def prepare_database(db_path: Path, ctx: Context) -> None:
    """Create the schema and record the configuration the views read (pairs, scorer version)."""
    with store.connect(db_path) as con:
        store.create_schema(con)
        store.set_pairs(con, ctx.pairs)
        store.set_setting(con, "scorer_version", ctx.scorer.version)


def process_batch(paths: Iterable[str], db_path: Path, ctx: Context) -> BatchResult:
    """Ingest, analyse and store one batch of input files in one transaction; known documents are skipped."""
    result = BatchResult()
    documents: list[Document] = []
    seen_ids: set[str] = set()
    for item in read_documents([Path(p) for p in paths]):
        if isinstance(item, Rejection):
            result.rejections.append(item)
        elif item.doc_id not in seen_ids:
            seen_ids.add(item.doc_id)
            documents.append(item)
    result.documents_seen = len(documents)
    result.documents_rejected = len(result.rejections)
    with store.connect(db_path) as con:
        known = store.known_documents(con, [d.doc_id for d in documents])
        doc_rows, statement_rows_all, score_rows = [], [], []
        for doc in documents:
            if doc.doc_id in known:
                continue
            analysed = analyse(doc, ctx)
            statements, scores = statement_rows(analysed)
            doc_rows.append(store.document_row(doc, analysed.body, analysed.caption, len(statements)))
            statement_rows_all.extend(statements)
            score_rows.extend(scores)
        store.save_batch(con, doc_rows, statement_rows_all, score_rows, result.rejections)
    result.documents_new = len(doc_rows)
    result.statements_added = len(statement_rows_all)
    return result
