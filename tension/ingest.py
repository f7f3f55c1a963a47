"""Ingest: read an inbox of files into Documents, and say exactly why a file or record was rejected.

Accepted: .txt/.md (optional YAML front matter, or a sidecar `<file>.meta.yaml`) and .jsonl batches (one
document per line). Every document needs a publication date; the id is a hash of the normalised text, so the
same story ingested twice is one document.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml
from dateutil import parser as dateparser

TEXT_SUFFIXES = frozenset({".txt", ".md"})
BATCH_SUFFIXES = frozenset({".jsonl"})
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_FIELDS = {name: name for name in ("id", "text", "published", "title", "source", "url", "speaker")}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
DATE_HELP = (
    "add a publication date: a 'published: YYYY-MM-DD' line in YAML front matter, or a sidecar file "
    "'{name}.meta.yaml' containing 'published: YYYY-MM-DD' (for .jsonl, a 'published' field per line or "
    "--field published=<your field name>)"
)


@dataclass(frozen=True)
class Document:
    """One article or statement, as read from the inbox."""

    doc_id: str
    text: str
    published: date
    path: str
    item: str = ""  # line number inside a batch file; empty for a single-document file
    external_id: str = ""
    title: str = ""
    source: str = ""
    url: str = ""
    speaker: str = ""
    date_source: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Rejection:
    """A file or record that could not become a Document, and why."""

    path: str
    item: str
    reason: str


def document_id(text: str) -> str:
    """Content hash of the whitespace-normalised text (first 16 hex digits of SHA-256)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> date:
    """A publication date from a YAML date, an ISO string, 'YYYYMMDD' or 'YYYY-MM-DD HH:MM'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    if re.fullmatch(r"\d{8}", text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    try:
        return dateparser.isoparse(text).date()
    except ValueError:
        return dateparser.parse(text, dayfirst=False, yearfirst=True).date()


def read_sidecar(path: Path) -> tuple[dict, Path | None]:
    """Metadata from `<file>.meta.yaml` (or .yml/.json) next to `path`, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.name + suffix)
        if not candidate.exists():
            candidate = path.with_name(path.stem + suffix)
        if candidate.exists():
            loaded = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            if not isinstance(loaded, dict):
                raise ValueError(f"sidecar {candidate.name} is not a mapping of field: value")
            return loaded, candidate
    return {}, None


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (between '---' lines at the top) and the rest of the text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group("yaml")) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping of field: value")
    return meta, text[match.end():]


def make_document(meta: dict, text: str, path: Path, item: str, date_source: str) -> Document:
    """A Document from text and metadata; raises ValueError with a user-facing reason."""
    if not text or not text.strip():
        raise ValueError("no text")
    if meta.get("published") in (None, ""):
        raise ValueError("no publication date: " + DATE_HELP.format(name=path.name))
    try:
        published = parse_date(meta["published"])
    except (ValueError, OverflowError, TypeError) as error:
        raise ValueError(f"unreadable publication date {meta['published']!r} ({error}): "
                         + DATE_HELP.format(name=path.name)) from None
    known = {"published", "title", "source", "url", "speaker", "id", "text", "fields"}
    return Document(
        doc_id=document_id(text),
        text=text,
        published=published,
        path=str(path),
        item=item,
        external_id=str(meta.get("id") or ""),
        title=str(meta.get("title") or ""),
        source=str(meta.get("source") or ""),
        url=str(meta.get("url") or ""),
        speaker=str(meta.get("speaker") or ""),
        date_source=date_source,
        extra={k: v for k, v in meta.items() if k not in known},
    )


def read_text_file(path: Path) -> Iterator[Document | Rejection]:
    """One document from a .txt/.md file with front matter or a sidecar."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
        sidecar, sidecar_path = read_sidecar(path)
        front, body = split_front_matter(text)
    except UnicodeDecodeError as error:
        yield Rejection(str(path), "", f"not UTF-8 text ({error.reason} at byte {error.start})")
        return
    except (OSError, yaml.YAMLError, ValueError) as error:
        yield Rejection(str(path), "", f"unreadable: {error}")
        return
    meta = {**sidecar, **front}
    source = "front matter" if "published" in front else (f"sidecar {sidecar_path.name}" if sidecar_path else "")
    try:
        yield make_document(meta, body, path, "", source)
    except ValueError as error:
        yield Rejection(str(path), "", str(error))


def read_jsonl(
    path: Path, fields: dict[str, str] | None = None, lines: tuple[int, int] | None = None
) -> Iterator[Document | Rejection]:
    """Documents from a JSON-lines batch; each bad line is its own rejection and the batch goes on.

    `fields` maps our field names to the batch's (e.g. {"text": "story", "published": "date"}); a sidecar
    may carry the same mapping under `fields:` and defaults for every line (e.g. `speaker: KCNA`).
    """
    try:
        sidecar, _ = read_sidecar(path)
    except (OSError, yaml.YAMLError, ValueError) as error:
        yield Rejection(str(path), "", f"unreadable sidecar: {error}")
        return
    mapping = {**DEFAULT_FIELDS, **(sidecar.get("fields") or {}), **(fields or {})}
    defaults = {k: v for k, v in sidecar.items() if k != "fields"}
    try:
        handle = open(path, encoding="utf-8-sig")
    except OSError as error:
        yield Rejection(str(path), "", f"unreadable: {error}")
        return
    with handle:
        # `lines` = (first, stop): 1-based line numbers of one batch of a large file; lines before `first`
        # are skipped without parsing.
        first, stop = lines if lines else (1, None)
        line_no = 0
        while True:
            line_no += 1
            if stop is not None and line_no >= stop:
                break
            try:
                line = handle.readline()
                if line_no < first:
                    if not line:
                        break
                    continue
            except UnicodeDecodeError as error:
                yield Rejection(str(path), str(line_no), f"not UTF-8 text ({error.reason}); rest of file skipped")
                return
            if not line:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("line is not a JSON object")
            except ValueError as error:
                yield Rejection(str(path), str(line_no), f"invalid JSON: {error}")
                continue
            meta = dict(defaults)
            for ours, theirs in mapping.items():
                if record.get(theirs) not in (None, ""):
                    meta[ours] = record[theirs]
            text = meta.pop("text", "")
            try:
                yield make_document(meta, str(text), path, str(line_no), f"field {mapping['published']}")
            except ValueError as error:
                yield Rejection(str(path), str(line_no), str(error))


def list_inbox(paths: Iterable[Path]) -> list[Path]:
    """Input files under `paths` (files or folders, recursively), sorted, sidecars and dotfiles left out."""
    found: list[Path] = []
    for root in paths:
        root = Path(root)
        candidates = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in candidates:
            if path.name.startswith(".") or path.name.endswith(SIDECAR_SUFFIXES):
                continue
            found.append(path)
    return found


def read_documents(paths: Iterable[Path], fields: dict[str, str] | None = None) -> Iterator[Document | Rejection]:
    """Documents and rejections from every input file, in a stable order."""
    for path in paths:
        if not path.exists():
            yield Rejection(str(path), "", "file not found")
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            yield Rejection(str(path), "", f"file larger than {MAX_FILE_BYTES // 2**20} MiB; split it into batches")
            continue
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            yield from read_text_file(path)
        elif suffix in BATCH_SUFFIXES:
            yield from read_jsonl(path, fields)
        else:
            yield Rejection(str(path), "", f"unsupported file type '{suffix or path.name}' (supported: .txt, .md, .jsonl)")
