"""Speaker spans on PolNeAR: how many human-annotated attributions the extractor finds, and whose speaker it gets.

    python -m evaluation.polnear                 # dev split (84 articles)
    python -m evaluation.polnear --split train --limit 200

PolNeAR (../shared/data/polnear_dev, see its README) marks every attribution in US political news with a Source,
a Cue and a Content span. The articles go through `tension statements` (the CLI, as anyone would run it); each
system statement with a reporting verb (`cue` not empty) is located in the raw article (its content's first and
last words) and its speaker mention inside that span. For each annotated attribution with a Source (the first .ann
file of an article in sorted order, as the README counts them):

- found: a system speech statement whose located span contains the attribution's cue (the reporting words);
- speaker span, exact: the system's speaker mention covers the same characters as the Source span (spaces and a
  leading "the" aside); overlapping: the two spans share a character (a head noun, "Trump" in "Donald Trump").

Anchors from the issue: rule-based quote extractors on parsed news ~86% speaker accuracy; BBC's Citron 82% source F1
on PARC. Those are measured on other corpora and other definitions: the comparison is rough.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaluation import SHARED_DATA
from evaluation.extraction import raw_span, run_statements as run_batch

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = SHARED_DATA / "polnear_dev" / "data"
_RECORD = re.compile(r"^[TE#]\d+\t", re.M)


@dataclass
class Attribution:
    """One annotated attribution: its Source and Cue character spans (fragments) and texts."""

    article: str
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source_text: str


def parse_ann(text: str, article: str) -> list[Attribution]:
    """The attributions with a Source of one brat .ann file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    starts = [m.start() for m in _RECORD.finditer(text)] + [len(text)]
    for a, b in zip(starts, starts[1:]):
        record = text[a:b].rstrip("\n")
        if record.startswith("T"):
            tid, middle, covered = (record.split("\t", 2) + [""])[:3]
            kind, _, offsets = middle.partition(" ")
            frags = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
            spans[tid] = (kind, frags, covered)
        elif record.startswith("E"):
            _, args = record.split("\t", 1)
            events.append(dict(arg.split(":", 1) for arg in args.split()))
    out = []
    for event in events:
        if "Source" in event and "Cue" in event and event["Source"] in spans and event["Cue"] in spans:
            _, source, covered = spans[event["Source"]]
            out.append(Attribution(article, source, spans[event["Cue"]][1], covered))
    return out


def load_split(split: str, limit: int | None) -> tuple[dict[str, dict], list[Attribution]]:
    """Articles ({name: {text, published}}) and their attributions (first .ann file per article)."""
    published = {}
    for line in (POLNEAR / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) > 5:
            published[cells[1]] = cells[5]
    articles: dict[str, dict] = {}
    attributions: list[Attribution] = []
    seen: set[str] = set()
    for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in seen:
            continue
        if limit is not None and len(seen) >= limit:
            break
        seen.add(name)
        text = (POLNEAR / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        articles[name] = {"text": text, "published": published.get(name, "2016-01-01")}
        attributions.extend(parse_ann(ann.read_text(encoding="utf-8"), name))
    return articles, attributions


def run_statements(articles: dict[str, dict]) -> list[dict]:
    """What `tension statements` prints for the articles (one JSONL batch, evaluation.extraction's runner)."""
    return run_batch([{"id": name, "text": a["text"], "published": a["published"]} for name, a in articles.items()])


def speaker_at(raw: str, span: tuple[int, int], speaker: str, cue_at: int) -> tuple[int, int] | None:
    """The occurrence of the speaker mention within the statement's span nearest to the cue."""
    words = re.findall(r"\w+", speaker or "")
    if not words:
        return None
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.I)
    found = [(m.start(), m.end()) for m in pattern.finditer(raw, span[0], span[1])]
    return min(found, key=lambda w: abs(w[0] - cue_at)) if found else None


def _norm(raw: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span without surrounding blanks and a leading article."""
    a, b = span
    text = raw[a:b]
    lead = len(text) - len(text.lstrip())
    a += lead
    text = text.strip()
    if text.lower().startswith("the "):
        a += 4
    return a, a + len(raw[a:b].strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--misses", type=int, default=0, help="print N attributions found with the wrong speaker")
    a = ap.parse_args(argv)
    if not POLNEAR.is_dir():
        print(f"evaluation.polnear: skipped: {POLNEAR} is absent (../shared/data is on dev machines and CI only)")
        return 0
    articles, attributions = load_split(a.split, a.limit)
    located: dict[str, list[tuple[tuple[int, int], tuple[int, int] | None, dict]]] = {n: [] for n in articles}
    cursor: Counter = Counter()
    for record in run_statements(articles):
        if not record["cue"]:
            continue
        raw = articles[record["id"]]["text"]
        found = raw_span(raw, record["content"], cursor[record["id"]] - 300)
        if found:
            cursor[record["id"]] = found[0]
            located[record["id"]].append((found, None, record))
    c = Counter()
    wrong = []
    for att in attributions:
        c["attributions"] += 1
        raw = articles[att.article]["text"]
        cue_at = att.cue[0][0]
        candidates = [(span, who, r) for span, who, r in located[att.article] if span[0] <= cue_at < span[1]]
        if not candidates:
            continue
        c["found"] += 1
        source = [_norm(raw, s) for s in att.source]
        placed = [(speaker_at(raw, span, r["speaker"], cue_at), r) for span, _, r in candidates]
        # Several statements may span the cue (a sentence with two speakers): the one whose speaker is nearest.
        who, record = min(placed, key=lambda x: abs(x[0][0] - cue_at) if x[0] else 10**9)
        best = (None, who, record)
        if who is not None:
            who = _norm(raw, who)
            exact = any(who == s for s in source)
            overlap = any(who[0] < s[1] and s[0] < who[1] for s in source)
            c["exact"] += exact
            c["overlap"] += overlap
            if not overlap and len(wrong) < a.misses:
                wrong.append(f"  gold {att.source_text!r:40} got {best[2]['speaker']!r}")
        elif len(wrong) < a.misses:
            wrong.append(f"  gold {att.source_text!r:40} got {best[2]['speaker']!r} (not located)")
    n, f = c["attributions"], c["found"]
    print(f"PolNeAR {a.split}: {len(articles)} articles, {n} attributions with a source (first .ann per article)")
    print(f"  found (a speech statement spans the cue)   {f / n:5.2f} ({f}/{n})")
    if f:
        print(f"  speaker span exact, of those found         {c['exact'] / f:5.2f} ({c['exact']}/{f})")
        print(f"  speaker span overlapping, of those found   {c['overlap'] / f:5.2f} ({c['overlap']}/{f})")
    if wrong:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
