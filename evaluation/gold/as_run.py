"""The gold harness as users run the corpora (`python -m evaluation.gold.extraction --as-run`).

Each labelled document goes to `tension statements` once, as its corpus's raw record with the production field
mapping of that corpus (AS_RUN: one row per corpus, citing where the mapping is documented), so a rule that reads
one field for another (a headline for its lead, a title for a pronoun in its description) shows in the figures, and
a labelled field that production does not read (Yonhap's title; KCNA's until branch titles15) gives no statement.
Each system statement is located in the raw fields the mapping reads, joined as the tool joins them (its first and
last words, whitespace, markup and cleaning aside; of several occurrences, the one nearest the offset the tool gives
it), and belongs to the unit of that field it overlaps most; a statement in no labelled unit is dropped, as in the
per-field mode (a lead that repeats its title has no unit: its statements are dropped, not counted twice in the
title's).

The record's own id is replaced by the harness's document key (`--field id=...` of a mapping is not used): the id
names a statement's document in the output and orders documents, it reads no text.

An alternative mapping of a corpus's text (`--read kcna=story`, `reading`) replaces only the fields its `text`
reads, to measure a mapping users might run instead; AS_RUN itself stays what the documentation gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from evaluation.extraction import run_statements as run_batch
from evaluation.gold import units as sampler


@dataclass(frozen=True)
class Mapping:
    """How users run one corpus: its file under ../shared/data, `--field` and `--default` options, and where that
    is documented."""

    file: str
    fields: dict[str, str]
    defaults: dict[str, str] = field(default_factory=dict)
    cited: str = ""

    def read(self) -> list[str]:
        """The raw fields the mapping's `text` reads, in the order the tool joins them."""
        return self.fields.get("text", "text").split("+")

    def options(self) -> list[str]:
        """The mapping as `tension statements` options (the id mapping left to the harness)."""
        return ([f"--field={ours}={theirs}" for ours, theirs in self.fields.items() if ours != "id"]
                + [f"--default={name}={value}" for name, value in self.defaults.items()])


AS_RUN: dict[str, Mapping] = {
    # the title read before the story since branch titles15 (docs/evaluation-extraction.md, "Reading KCNA's titles")
    "kcna": Mapping("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl",
                    {"text": "title+story", "published": "date"}, {"speaker": "KCNA", "source": "KCNA"},
                    "docs/kcna-run.md (the command), evaluation/index_events.py's docstring"),
    "yonhap": Mapping("yonhap_2025_12/baram_english_korea_pairs.jsonl",
                      {"published": "published_at", "source": "publisher"}, {},
                      "docs/kcna-run.md (the other corpora: text is the record's own `text`)"),
    "rss2022": Mapping("rss_2022/rss_2022_korea_mentions.jsonl",
                       {"text": "title+description", "published": "date_published", "url": "link", "id": "link"},
                       {}, "docs/kcna-run.md, evaluation/index_events.py's docstring"),
    "rss2024": Mapping("rss_2024/rss_2024_korea.jsonl",
                       {"text": "title+description", "published": "published", "url": "url", "id": "id"},
                       {}, "evaluation/index_events.py's docstring"),
    "ru_state": Mapping("ru_state_media_korea/ru_state_media_korea.jsonl",
                        {"text": "title+lead", "published": "published", "source": "outlet"}, {},
                        "tests/test_ru_state_media.py (run_local's fields), docs/evaluation-extraction.md (session "
                        "12's method: Russian state media `--field text=title+lead --field source=outlet`)"),
    # the seed texts are .txt files with a .meta.yaml sidecar (published, title, source): `make run` reads the folder
    "seed": Mapping("", {"text": "text"}, {}, "Makefile (`make run`: INBOX ?= seeds), seeds/*.meta.yaml"),
}


def reading(reads: dict[str, str] | None = None) -> dict[str, Mapping]:
    """AS_RUN with the text fields of some corpora replaced ({"kcna": "story"}): an alternative mapping to
    measure; the other fields, the defaults and the other corpora as documented."""
    out = dict(AS_RUN)
    for corpus, fields in (reads or {}).items():
        if corpus not in AS_RUN:
            raise ValueError(f"--read {corpus}={fields}: no such corpus (one of {', '.join(sorted(AS_RUN))})")
        names = [name.strip() for name in fields.split("+")]
        if not all(names):
            raise ValueError(f"--read {corpus}={fields}: fields joined by '+', none empty")
        out[corpus] = replace(AS_RUN[corpus], fields={**AS_RUN[corpus].fields, "text": "+".join(names)},
                              cited=f"--read {corpus}={'+'.join(names)} (an alternative to measure, not documented)")
    return out


# Markup and character references the tool strips from a joined field (formats.html_to_text), blanked in the raw
# text so a statement's words are found where they stand without moving any offset.
MARKUP = re.compile(r"<[^>]*>|&#?\w+;")


def doc_key(corpus: str, doc_id: str) -> str:
    """The harness's name of one labelled document."""
    return f"{corpus}:{doc_id}"


def raw_records(corpus: str, doc_ids: set[str]) -> dict[str, dict]:
    """The corpus's records of these documents, exactly as stored (seeds: the text and its sidecar's metadata)."""
    if corpus == "seed":
        out = {}
        for doc_id in doc_ids:
            path = sampler.REPO / "seeds" / f"{doc_id}.txt"
            record = {"text": path.read_text(encoding="utf-8")}
            meta = path.with_suffix(".meta.yaml")
            if meta.exists():
                for line in meta.read_text(encoding="utf-8").splitlines():
                    name, sep, value = line.partition(":")
                    if sep and not line.startswith("#") and name.strip() in ("published", "title", "source"):
                        record[name.strip()] = value.strip().strip("'\"")
            out[doc_id] = record
        return out
    out = {}
    for r in sampler.read_jsonl(sampler.data_dir() / AS_RUN[corpus].file):
        # RSS 2022 items have no id: the sampler names them by the first 12 hex of sha1(link)
        did = sampler.sha1(r["link"])[:12] if corpus == "rss2022" else r["id"]
        if did in doc_ids and did not in out:
            out[did] = r
    return out


def joined(record: dict, mapping: Mapping) -> tuple[str, dict[str, int]]:
    """The read fields of a raw record joined as paragraphs (markup blanked), and each field's offset in it."""
    text, offsets = "", {}
    for name in mapping.read():
        value = str(record.get(name) or "")
        if not value.strip():
            continue
        if text:
            text += "\n\n"
        offsets[name] = len(text)
        text += MARKUP.sub(lambda m: " " * len(m.group()), value)
    return text, offsets


def documents(units: list[dict], records: dict[str, dict[str, dict]] | None = None,
              mappings: dict[str, Mapping] = AS_RUN) -> dict[str, dict]:
    """One input document per labelled document: {key: {corpus, record, text, offsets, units}}.

    `records`: the raw records by corpus and document id (default: read from ../shared/data); `mappings`: the field
    mapping of each corpus (default AS_RUN, as documented; `reading` gives an alternative)."""
    if records is None:
        wanted: dict[str, set[str]] = defaultdict(set)
        for u in units:
            wanted[u["corpus"]].add(u["doc_id"])
        records = {corpus: raw_records(corpus, ids) for corpus, ids in wanted.items()}
    docs: dict[str, dict] = {}
    for u in units:
        key = doc_key(u["corpus"], u["doc_id"])
        if key not in docs:
            record = records[u["corpus"]][u["doc_id"]]
            text, offsets = joined(record, mappings[u["corpus"]])
            docs[key] = {"corpus": u["corpus"], "record": record, "text": text, "offsets": offsets, "units": []}
        docs[key]["units"].append(u)
    return docs


def unread_units(units: list[dict], mappings: dict[str, Mapping] = AS_RUN) -> dict[str, int]:
    """Labelled units, per corpus, of a field the mapping does not read (their gold rows are misses)."""
    out: dict[str, int] = defaultdict(int)
    for u in units:
        if u["field"] not in mappings[u["corpus"]].read():
            out[u["corpus"]] += 1
    return dict(out)


def run_statements(docs: dict[str, dict], notes: list[str] | None = None,
                   mappings: dict[str, Mapping] = AS_RUN) -> list[dict]:
    """What `tension statements` prints for the documents: one run per corpus, with its mapping (default: the
    production one)."""
    out = []
    for corpus in sorted({d["corpus"] for d in docs.values()}):
        batch = [{**d["record"], "id": key} for key, d in docs.items() if d["corpus"] == corpus]
        out += run_batch(batch, mappings[corpus].options(), notes)
    return out


def locate(text: str, content: str, near: int) -> tuple[int, int] | None:
    """Where a statement's content lies in the joined raw text: its first and last six words (anything not a word
    between them), the occurrence nearest the statement's own offset (a lead that repeats its title holds the same
    words twice)."""
    words = re.findall(r"\w+", content)
    if not words:
        return None
    head = re.compile(r"\W+".join(map(re.escape, words[:6])))
    tail = re.compile(r"\W+".join(map(re.escape, words[-6:])))
    starts = [m.start() for m in head.finditer(text)]
    if not starts:
        return None
    start = min(starts, key=lambda at: abs(at - near))
    end = tail.search(text, start)
    return start, (end.end() if end else start + len(head.match(text, start).group()))


def assign(docs: dict[str, dict], records: list[dict]) -> dict[str, list[dict]]:
    """System statements per unit: each is located in its document's read fields and goes to the unit of that field
    its span overlaps most."""
    out: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        doc = docs[record["id"]]
        span = locate(doc["text"], record["content"], int(record.get("char_start") or 0))
        if span is None:
            continue
        best, most = None, 0
        for u in doc["units"]:
            if u["field"] not in doc["offsets"]:
                continue
            start = doc["offsets"][u["field"]]
            shared = min(span[1], start + u["end"]) - max(span[0], start + u["start"])
            if shared > most:
                best, most = u, shared
        if best is not None:
            out[best["unit_id"]].append(record)
    return out
