"""Ad-hoc analysis, with no database and no Prefect: the statements of files and the scores of texts, as the JSON
objects `tension statements` and `tension score` print one per line. Their fields are stable: evaluating the
extractor or the scorer against a labelled set reads them (interfaces that others rely on: the README's
`tension statements` and `tension score` fields).

The extractor's modules are imported by the functions that read documents, not by this module: `tension score` needs
the scorer alone, and importing the extractor, the batch analysis and the row shapes (numpy, pyarrow) cost 0.3 s of
CPU before its first text (docs/evaluation-scoring.md, round h14an).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from tension.score.scorer import Scorer

if TYPE_CHECKING:
    from tension.analyse import Context
    from tension.ingest.documents import Rejection


def input_paths(given: Iterable[Path]) -> list[Path]:
    """The files to read: a folder's input files (recursively, as an inbox is listed), a file as it was given."""
    from tension.ingest.inbox import list_inbox

    return [path for item in given for path in (list_inbox([item]) if item.is_dir() else [item])]


class Read(NamedTuple):
    """One document read: its statements as JSON objects, and what its decoding lost ('' for nothing), where."""

    statements: list[dict]
    decoding: str
    where: str


def document_statements(paths: list[Path], ctx: Context, fields: dict[str, str],
                        defaults: dict[str, str]) -> Iterator[Rejection | Read]:
    """Per document read from `paths`, in order: why it was rejected, or its statements as JSON objects
    (records.statement_json: speaker, targets, pairs, modality, hostility and its explanation) with its decoding
    note (documents.decoding: undecodable bytes replaced by U+FFFD)."""
    from tension.analyse import analyse_documents, split_dating, with_defaults
    from tension.ingest.document import location
    from tension.ingest.documents import Rejection, read_documents
    from tension.records import statement_json

    dating, defaults = split_dating(defaults)
    for item in read_documents(paths, fields, dating=dating):
        failed: list[Rejection] = []
        if isinstance(item, Rejection):
            failed.append(item)
        else:
            found = analyse_documents([with_defaults(item, defaults)], ctx, failed=failed)
        if failed:
            yield failed[0]
            continue
        analysed, document = found[0], found[0].document
        yield Read([statement_json(document, statement, score, ctx.pairs)
                    for statement, score in zip(analysed.statements, analysed.scores)],
                   document.decoding, location(document.path, document.item))


def text_lines(file: Path) -> tuple[list[tuple[int, str]], int]:
    """The texts of a file ('-': standard input), one per line, with their 1-based line numbers, and the number of
    lines; read as UTF-8 (a byte-order mark dropped); blank lines (nothing but white space) are no texts and are
    left out. Raises OSError or UnicodeDecodeError."""
    raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    content = raw.decode("utf-8-sig")
    # One text per line means per \n (or \r\n): str.splitlines would also split at \v, \f, U+2028 and
    # others that occur inside real texts, and give more results than lines.
    lines = content.replace("\r\n", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [(number, line) for number, line in enumerate(lines, 1) if line.strip()], len(lines)


def scored_lines_text(scored: int, lines: int) -> str:
    """What `tension score --file` says on stderr after its JSON lines: how many of the file's lines it scored, and
    how many blank ones it left out (each JSON object's `line` is its line in the file)."""
    blank = lines - scored
    return (f"scored {scored} line{'s' * (scored != 1)}"
            + (f"; {blank} blank line{'s' * (blank != 1)} skipped (each object's \"line\" is its line in the file)"
               if blank else ""))


def scored_texts(texts: Iterable[str], modality: str, targets: list[str] | None = None,
                 speaker_country: str | None = None) -> Iterator[dict]:
    """Each text scored under `modality` (toward `targets`, as a stored statement is scored, when given), with the
    fields `tension statements` gives the same things: content, targets, speaker_country, modality, hostility,
    explanation (the stored explanation's parts: raw_hostility, vader_weight, capped, the formula: METHODOLOGY §2)
    and scorer_version (README: `tension score` fields)."""
    scorer = Scorer()
    for text in texts:
        result = scorer.score(text, modality, targets, speaker_country)
        explanation = result.explanation()
        yield {"content": text, "targets": targets, "speaker_country": speaker_country, "modality": modality,
               "hostility": result.hostility, "explanation": explanation, "scorer_version": result.scorer_version}
