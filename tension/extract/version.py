"""The extractor's version: a short hash of everything that decides which statements a text gives — the extraction
code (tension/extract, the cleaning of tension/ingest/clean.py) and the data files it reads. Each stored document
records the version that read it (documents.extractor_version), so a database can say which documents an older
extractor read, and `tension run --reread` extracts them again (their statements replaced, nothing duplicated).

records.py (a statement's row: its date), analyse.py (the stages' order) and config.py (how data files are read)
count too. A change to any of these files is a new version, even one that changes no output (a refactor): re-reading then
costs time and changes nothing. The scorer has its own version (tension/score/version.py); `tension rescore`
brings scores to it without extracting again.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
# The data files tension/extract and tension/config read for extraction (not the scorer's cue tables).
EXTRACTION_DATA = ("abbreviations.tsv", "act_types.tsv", "actors.tsv", "actors_countries.tsv", "attribution.tsv",
                   "cues_modifiers.tsv", "date_words.tsv", "evaluative_words.tsv", "headline_lead_voices.tsv",
                   "house_vocabulary.tsv", "issuing_words.tsv", "name_words.tsv", "outlets.tsv", "posts.tsv",
                   "reference_words.tsv", "ruling_parties.tsv", "speaker_kinds.tsv", "told_posts.tsv")


def extraction_inputs(package: Path = PACKAGE) -> list[Path]:
    """The files the version hashes, in a fixed order."""
    code = sorted((package / "extract").glob("*.py")) + [package / "ingest" / "clean.py", package / "records.py",
                                                           package / "analyse.py", package / "config.py"]
    return code + [package / "data" / name for name in EXTRACTION_DATA]


@functools.cache
def extractor_version(package: Path = PACKAGE) -> str:
    """'x-' and the first 12 hex digits of SHA-256 over the inputs' names and bytes (computed once per process)."""
    digest = hashlib.sha256()
    for path in extraction_inputs(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + extraction_bytes(path) + b"\0")
    return "x-" + digest.hexdigest()[:12]


def extraction_bytes(path: Path) -> bytes:
    """What of a file the version hashes: its bytes, but of cues_modifiers.tsv (shared with the scorer) only the marker
    and kind of the rows the extractor reads (modality.MODALITY_KINDS) — a scorer-only marker row is the scorer's
    version (`tension rescore`), not a reason to extract every document again."""
    if path.name != "cues_modifiers.tsv":
        return path.read_bytes()
    from tension.config import read_tsv
    from tension.extract.modality import MODALITY_KINDS
    return "".join(f"{r['marker']}\t{r['kind']}\n" for r in read_tsv(path) if r["kind"] in MODALITY_KINDS).encode()
