"""Every row and JSON shape the pipeline writes, in one place: the Arrow schemas of the staged batches (which are the
tables' columns), the row builders, the statement JSON of `tension statements`, and the rule for which configured
pair a statement bears on (the pair_statements view applies the same rule in SQL).

Pure: no database. Workers build rows with it; the writer and the rescorer read the same schemas.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import orjson
import pyarrow as pa

from tension.config import Pair
from tension.extract.statements import Statement
from tension.extract.version import extractor_version
from tension.extract.when import occurred
from tension.ingest.documents import Document, Rejection
from tension.score.scorer import Score

# The staged documents file's metadata key: how many copies of its documents the batch dropped before analysis
# (one doc_id read twice), which the writer counts as read.
COPIES_KEY = "tension.copies"

# The staged Parquet files of one batch, named after the tables they go into.
SCHEMAS = {
    "documents": pa.schema([
        ("doc_id", pa.string()), ("published", pa.date32()), ("date_source", pa.string()), ("title", pa.string()),
        ("source", pa.string()), ("url", pa.string()), ("speaker", pa.string()), ("path", pa.string()),
        ("item", pa.string()), ("external_id", pa.string()), ("caption", pa.string()), ("body", pa.string()),
        ("n_statements", pa.int32()), ("slug", pa.string()), ("dateline", pa.string()), ("byline", pa.string()),
        ("extractor_version", pa.string()), ("decoding", pa.string()),
        # near-duplicate band keys and shingle ids (tension.ingest.signature), for the writer: not documents columns
        ("lsh_bands", pa.list_(pa.int64())), ("shingles", pa.list_(pa.uint64())),
    ]),
    "statements": pa.schema([
        ("statement_id", pa.string()), ("doc_id", pa.string()), ("seq", pa.int32()), ("sentence_index", pa.int32()),
        ("char_start", pa.int32()), ("char_end", pa.int32()), ("content", pa.string()), ("speaker", pa.string()),
        ("speaker_actor", pa.string()), ("speaker_country", pa.string()), ("speaker_role", pa.string()),
        ("cue", pa.string()), ("is_act", pa.bool_()), ("modality", pa.string()), ("attribution", pa.string()),
        ("targets", pa.list_(pa.string())), ("targets_inferred", pa.bool_()), ("speaker_kind", pa.string()),
        ("reported_by", pa.string()), ("occurred", pa.date32()),
    ]),
    "scores": pa.schema([
        ("statement_id", pa.string()), ("scorer_version", pa.string()), ("hostility", pa.float64()),
        ("vader_compound", pa.float64()), ("cue_sum", pa.float64()), ("modality_factor", pa.float64()),
        ("explanation", pa.string()),
    ]),
    "rejections": pa.schema([("path", pa.string()), ("item", pa.string()), ("reason", pa.string())]),
}


def statement_id(doc_id: str, seq: int) -> str:
    """A statement's key: its document and its position in it."""
    return f"{doc_id}:{seq}"


def document_row(doc: Document, body: str, caption: str, n_statements: int) -> dict:
    """A documents-table row."""
    return {
        "doc_id": doc.doc_id, "published": doc.published, "date_source": doc.date_source, "title": doc.title,
        "source": doc.source, "url": doc.url, "speaker": doc.speaker, "path": doc.path, "item": doc.item,
        "external_id": doc.external_id, "caption": caption, "body": body, "n_statements": n_statements,
        "slug": doc.slug, "dateline": doc.dateline, "byline": doc.byline, "extractor_version": extractor_version(),
        "decoding": doc.decoding,
    }


def statement_occurred(statement: Statement, published: date | None) -> date | None:
    """The day the statement's act happened or its words were said, when its text says so (tension/extract/when.py);
    None without one (the statement counts in its document's publication week)."""
    if published is None:
        return None
    return occurred(statement.content, statement.sentence, published, statement.is_act)


def statement_row(doc_id: str, statement: Statement, published: date | None = None) -> dict:
    """A statements-table row (`published`: the document's day, which dates "on Sunday"; None leaves it undated)."""
    return {
        "statement_id": statement_id(doc_id, statement.seq), "doc_id": doc_id, "seq": statement.seq,
        "sentence_index": statement.sentence_index, "char_start": statement.char_start,
        "char_end": statement.char_end, "content": statement.content, "speaker": statement.speaker,
        "speaker_actor": statement.speaker_actor, "speaker_country": statement.speaker_country,
        "speaker_role": statement.speaker_role, "cue": statement.cue, "is_act": statement.is_act,
        "modality": statement.modality, "attribution": statement.attribution, "targets": statement.targets,
        "targets_inferred": statement.targets_inferred, "speaker_kind": statement.speaker_kind,
        "reported_by": statement.reported_by, "occurred": statement_occurred(statement, published),
    }


def score_row(statement_id: str, score: Score) -> dict:
    """A scores-table row; the explanation as JSON text, UTF-8 kept as it is (orjson: ~1/5 of json.dumps's time,
    which was ~4 CPU-s per 100,000 KCNA documents)."""
    return {"statement_id": statement_id, "scorer_version": score.scorer_version, "hostility": score.hostility,
            "vader_compound": score.vader_compound, "cue_sum": score.cue_sum,
            "modality_factor": score.modality_factor, "explanation": orjson.dumps(score.explanation()).decode()}


def statement_columns(doc_ids: list[str], statements: list[Statement], published: list[date]) -> dict[str, list]:
    """`statement_row` of each (document, statement, document's day) triple, as columns (what Arrow takes without
    transposing row dicts: a third of staging's CPU was building and transposing them)."""
    ids = [f"{doc_id}:{s.seq}" for doc_id, s in zip(doc_ids, statements)]  # statement_id
    return {
        "statement_id": ids, "doc_id": doc_ids, "seq": [s.seq for s in statements],
        "sentence_index": [s.sentence_index for s in statements], "char_start": [s.char_start for s in statements],
        "char_end": [s.char_end for s in statements], "content": [s.content for s in statements],
        "speaker": [s.speaker for s in statements], "speaker_actor": [s.speaker_actor for s in statements],
        "speaker_country": [s.speaker_country for s in statements],
        "speaker_role": [s.speaker_role for s in statements], "cue": [s.cue for s in statements],
        "is_act": [s.is_act for s in statements], "modality": [s.modality for s in statements],
        "attribution": [s.attribution for s in statements], "targets": [s.targets for s in statements],
        "targets_inferred": [s.targets_inferred for s in statements],
        "speaker_kind": [s.speaker_kind for s in statements], "reported_by": [s.reported_by for s in statements],
        "occurred": [statement_occurred(s, day) for s, day in zip(statements, published)],
    }


def score_columns(statement_ids: list[str], scores: list[Score]) -> dict[str, list]:
    """`score_row` of each (statement id, score) pair, as columns."""
    dumps = orjson.dumps
    return {"statement_id": statement_ids, "scorer_version": [s.scorer_version for s in scores],
            "hostility": [s.hostility for s in scores], "vader_compound": [s.vader_compound for s in scores],
            "cue_sum": [s.cue_sum for s in scores], "modality_factor": [s.modality_factor for s in scores],
            "explanation": [dumps(s.explanation()).decode() for s in scores]}


def rejection_row(rejection: Rejection) -> dict:
    """A rejected_documents row (without its timestamps)."""
    return {"path": rejection.path, "item": rejection.item, "reason": rejection.reason}


def directed_pairs(speaker_country: str | None, targets: Iterable[str], pairs: Iterable[Pair]
                   ) -> list[tuple[Pair, str]]:
    """The configured pairs a statement bears on, each with the country it is directed at: the speaker's country is
    one member of the pair and the other member is among the statement's targets (the pair_statements view's rule)."""
    if not speaker_country:
        return []
    found = []
    for pair in pairs:
        if speaker_country in pair.countries():
            other = pair.country_b if speaker_country == pair.country_a else pair.country_a
            if other in targets:
                found.append((pair, other))
    return found


def pairs_for(speaker_country: str | None, targets: Iterable[str], pairs: Iterable[Pair]) -> list[dict]:
    """The configured pairs a statement bears on, with its direction, as the statement JSON shows them."""
    return [{"pair_id": pair.pair_id, "pair": pair.name, "direction": f"{speaker_country}→{other}"}
            for pair, other in directed_pairs(speaker_country, targets, pairs)]


def statement_json(doc: Document, statement: Statement, score: Score, pairs: list[Pair]) -> dict:
    """The stable JSON record printed by `tension statements` (see README: fields)."""
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
        "occurred": (day.isoformat() if (day := statement_occurred(statement, doc.published)) else None),
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
