"""Deterministic sampler of labelling units for the double-labelled gold set.

A unit is one sentence (or headline) of a real document in ../shared/data, addressed by corpus, document id,
field and a half-open character span of that raw field. The sampler never changes the text: offsets point into
the field exactly as stored, so anyone can regenerate the units and check them against
evaluation/labels/gold/units.tsv (ids, spans and a short sha1 of each unit's text; no text in the repository).

    python -m evaluation.gold.units --out /tmp/gold/units.jsonl            # units with text (outside the repo)
    python -m evaluation.gold.units --out /tmp/gold/units.jsonl --halves   # + units_part1/2.jsonl next to it
    python -m evaluation.gold.units --ids                                  # evaluation/labels/gold/units.tsv

Sampling (see docs/labelling-guideline.md for the labelling side):
- documents of each corpus are ordered by sha1("gold-2026:" + corpus + ":" + doc_id) and the first N eligible
  ones are taken (N per corpus in CORPORA below);
- split by document: `check` when int(sha1("split-2026:" + corpus + ":" + doc_id), 16) % 2 == 1, else `tune`;
  the seed article is always `tune` (it is the pipeline's first input and is looked at during development);
- unit_id = corpus:doc_id:field:index, index = the sentence's ordinal within that field (0-based, counted over
  all sentences of the field, so an id does not change if the number of sampled sentences changes). rss_2024
  doc ids are URLs and contain ":" themselves: parse a unit_id with `corpus, rest = uid.split(":", 1)` and
  `doc_id, field, index = rest.rsplit(":", 2)`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

from evaluation.gold.segments import (BLANK_LINES, HTML_BLOCKS, KCNA_BREAKS, WS, YONHAP_BREAKS, YONHAP_DATELINE,
                                      has_text, sentences, trim_span)

REPO = Path(__file__).resolve().parents[2]
from evaluation import SHARED_DATA as DATA  # noqa: E402
OLD_GOLD = REPO / "evaluation" / "labels" / "statements.tsv"
IDS_TSV = REPO / "evaluation" / "labels" / "gold" / "units.tsv"

# corpus name -> (documents to sample, part for --halves)
CORPORA = {
    "seed": (1, 1),
    "kcna": (30, 1),
    "yonhap": (14, 1),
    "rss2022": (80, 2),
    "rss2024": (55, 2),
    "ru_state": (75, 2),
}
# Batch 2 (session 5, labelled after batch 1 was in use): the next documents of the same order, after batch 1's N,
# for the corpora weakest on check (KCNA, Yonhap) and the pair with the least data (Russia–ROK). Same split rule by
# document, so each half grows; the batch-2 check half is a fresh estimate no rule has been tuned toward.
# corpus -> (documents after batch 1's, part for --halves)
BATCH2 = {
    "kcna": (8, 3),
    "yonhap": (5, 3),
    "ru_state": (25, 3),
}
# Batch 3 (session 6): the next documents again, weighted to the RSS feeds (the index's validity corpora, absent
# from batch 2), with every other corpus in it too. corpus -> (documents after batches 1 and 2, part for --halves)
BATCH3 = {
    "rss2022": (30, 4),
    "rss2024": (25, 4),
    "kcna": (4, 4),
    "yonhap": (2, 4),
    "ru_state": (12, 4),
}
# Batch 4 (session 11): the next documents of every corpus, sized so that its check half holds a fresh estimate of
# some 60-80 pair statements after sixteen rounds tuned on batches 1-3 (rounds since session 7 learned from gold-free
# samples; the check halves of batches 1-3 have been scored to report about a dozen times).
BATCH4 = {
    "kcna": (10, 5),
    "yonhap": (8, 5),
    "rss2022": (25, 5),
    "rss2024": (20, 5),
    "ru_state": (25, 5),
}
# Batch 5 (session 19): the next documents of the two corpora with the least data or the lowest check figures for
# their pair — Russian state media (Russia–ROK; 40 of the 111 documents no batch had taken) and KCNA — and Yonhap
# (DPRK–ROK wire copy, the lowest all-four figure on check). Russian state media is labelled as its own part (7).
BATCH5 = {
    "kcna": (10, 6),
    "yonhap": (6, 6),
    "ru_state": (40, 7),
}
LATER_BATCHES = {2: BATCH2, 3: BATCH3, 4: BATCH4, 5: BATCH5}
KCNA_SENTENCES = 8
YONHAP_SENTENCES = 10  # of `text`, the slug/dateline unit included
RSS_DESC_SENTENCES = 3



def sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def order_key(corpus: str, doc_id: str) -> str:
    return sha1(f"gold-2026:{corpus}:{doc_id}")


def split_of(corpus: str, doc_id: str) -> str:
    if corpus == "seed":
        return "tune"
    return "check" if int(sha1(f"split-2026:{corpus}:{doc_id}"), 16) % 2 == 1 else "tune"


def data_dir() -> Path:
    if not DATA.is_dir():
        sys.exit(f"error: {DATA} not found. The gold units are read from the shared corpora "
                 f"(../shared/data next to the repository); they are not in a fresh clone.")
    return DATA


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def old_gold_ids() -> set[str]:
    ids: set[str] = set()
    if OLD_GOLD.exists():
        for line in OLD_GOLD.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                ids.add(line.split("\t", 1)[0])
    ids.discard("doc_id")
    return ids


# ---------------------------------------------------------------- corpora

def unit(corpus, doc_id, field, index, text, span, published):
    s, e = span
    return {"unit_id": f"{corpus}:{doc_id}:{field}:{index}", "corpus": corpus, "doc_id": doc_id,
            "field": field, "start": s, "end": e, "text": text[s:e], "split": split_of(corpus, doc_id),
            "published": published}


def title_units(corpus, doc_id, title, published):
    if not title or not title.strip():
        return []
    s, e = trim_span(title, 0, len(title))
    return [unit(corpus, doc_id, "title", 0, title, (s, e), published)]


def docs_seed():
    files = sorted((REPO / "seeds").glob("*.txt"))
    for f in files:
        text = f.read_text(encoding="utf-8")
        published = None
        meta = f.with_suffix(".meta.yaml")
        if meta.exists():
            m = re.search(r"^published:\s*(\S+)", meta.read_text(encoding="utf-8"), re.M)
            published = m.group(1).strip("'\"") if m else None
        doc_id = f.stem
        # the file has no front matter (metadata is in the .meta.yaml sidecar): every paragraph is body, hard-wrapped
        # lines inside a paragraph are joined by blingfire; caption, credit and "Related article:" lines are units too
        # (the guideline says they give no statement).
        units = [unit("seed", doc_id, "text", i, text, sp, published)
                 for i, sp in enumerate(sentences(text, BLANK_LINES))]
        yield doc_id, {"text": text}, units


def looks_spanish(text: str) -> bool:
    """KCNA's language tag is imperfect: some Spanish stories are tagged `en`; they are not English units."""
    w = re.findall(r"[a-záéíóúñ]+", text.lower())
    es = sum(x in {"el", "la", "los", "las", "del", "que", "y", "por", "con", "una"} for x in w)
    en = sum(x in {"the", "of", "and", "to", "in", "is", "that", "with", "by", "for"} for x in w)
    return es > en


def docs_kcna(n, after=0):
    skip = old_gold_ids()
    rows = read_jsonl(data_dir() / "kcna_2011_2012" / "kcna_stories_2011_2012_southkorea_related.jsonl")
    rows = [r for r in rows if r.get("story") and r["story"].strip() and r["id"] not in skip
            and not looks_spanish(r["story"])]
    rows.sort(key=lambda r: order_key("kcna", r["id"]))
    for r in rows[after:after + n]:
        us = title_units("kcna", r["id"], r.get("title"), r["date"])
        story = r["story"]
        sp = sentences(story, KCNA_BREAKS, WS + ",")
        us += [unit("kcna", r["id"], "story", i, story, s, r["date"]) for i, s in enumerate(sp[:KCNA_SENTENCES])]
        yield r["id"], {"title": r.get("title"), "story": story}, us


def yonhap_spans(text):
    """The slug + headline + byline + dateline ("... SEOUL, Dec. 28 (Yonhap) --") is one unit of its own."""
    m = YONHAP_DATELINE.search(text[:800])
    if not m:
        return sentences(text, YONHAP_BREAKS)
    head = [trim_span(text, 0, m.end())]
    return head + [(a + m.end(), b + m.end()) for a, b in sentences(text[m.end():], YONHAP_BREAKS)]


def docs_yonhap(n, after=0):
    skip = old_gold_ids()
    rows = read_jsonl(data_dir() / "yonhap_2025_12" / "baram_english_korea_pairs.jsonl")
    rows = [r for r in rows if r["id"] not in skip and r.get("text")]
    rows.sort(key=lambda r: order_key("yonhap", r["id"]))
    for r in rows[after:after + n]:
        pub = (r.get("published_at") or "")[:10]
        us = title_units("yonhap", r["id"], r.get("title"), pub)
        text = r["text"]
        us += [unit("yonhap", r["id"], "text", i, text, s, pub)
               for i, s in enumerate(yonhap_spans(text)[:YONHAP_SENTENCES])]
        yield r["id"], {"title": r.get("title"), "text": text}, us


def rss_units(corpus, doc_id, title, desc, pub):
    us = title_units(corpus, doc_id, title, pub)
    if desc:
        sp = [s for s in sentences(desc, HTML_BLOCKS) if has_text(desc[s[0]:s[1]])]
        us += [unit(corpus, doc_id, "description", i, desc, s, pub) for i, s in enumerate(sp[:RSS_DESC_SENTENCES])]
    return us


def docs_rss2022(n, after=0):
    # items have no id: doc_id = first 12 hex of sha1(link) (links are unique in the file)
    rows = read_jsonl(data_dir() / "rss_2022" / "rss_2022_korea_mentions.jsonl")
    seen, items = set(), []
    for r in rows:
        did = sha1(r["link"])[:12]
        if did not in seen:
            seen.add(did)
            items.append((did, r))
    items.sort(key=lambda x: order_key("rss2022", x[0]))
    for did, r in items[after:after + n]:
        pub = (r.get("date_published") or "")[:10]
        yield did, {"title": r.get("title"), "description": r.get("description")}, \
            rss_units("rss2022", did, r.get("title"), r.get("description"), pub)


def docs_rss2024(n, after=0):
    rows = read_jsonl(data_dir() / "rss_2024" / "rss_2024_korea.jsonl")
    rows.sort(key=lambda r: order_key("rss2024", r["id"]))
    for r in rows[after:after + n]:
        yield r["id"], {"title": r.get("title"), "description": r.get("description")}, \
            rss_units("rss2024", r["id"], r.get("title"), r.get("description"), r.get("published"))


def _norm(s: str) -> str:
    return re.sub(r"[\W_]+", " ", s.casefold()).strip()


def lead_repeats_title(title: str, lead: str) -> bool:
    t, l = _norm(title), _norm(lead)
    if not l:
        return True
    k = min(len(t), len(l), 40)
    return t.startswith(l) or l.startswith(t) or (k >= 20 and t[:k] == l[:k])


def docs_ru_state(n, after=0):
    rows = read_jsonl(data_dir() / "ru_state_media_korea" / "ru_state_media_korea.jsonl")
    rows.sort(key=lambda r: order_key("ru_state", r["id"]))
    for r in rows[after:after + n]:
        pub = r.get("published")
        us = title_units("ru_state", r["id"], r.get("title"), pub)
        lead = r.get("lead") or ""
        if lead.strip() and not lead_repeats_title(r.get("title") or "", lead):
            s, e = trim_span(lead, 0, len(lead))
            us.append(unit("ru_state", r["id"], "lead", 0, lead, (s, e), pub))
        yield r["id"], {"outlet": r.get("outlet"), "title": r.get("title"), "lead": r.get("lead")}, us


def batch_plan() -> list[tuple[int, str, int, int, int]]:
    """(batch, corpus, documents, documents of the corpus taken by earlier batches, part) for every batch."""
    plan = [(1, corpus, n, 0, part) for corpus, (n, part) in CORPORA.items()]
    taken = {corpus: n for corpus, (n, _part) in CORPORA.items()}
    for batch, table in LATER_BATCHES.items():
        for corpus, (n, part) in table.items():
            plan.append((batch, corpus, n, taken[corpus], part))
            taken[corpus] += n
    return plan


def sample(batches: tuple[int, ...] = (1, 2, 3, 4, 5)) -> list[dict]:
    """Every unit of the given batches, batch 1 first; each unit says its `batch` and `part`."""
    data_dir()
    gens = {"seed": lambda n, after=0: docs_seed(), "kcna": docs_kcna, "yonhap": docs_yonhap,
            "rss2022": docs_rss2022, "rss2024": docs_rss2024, "ru_state": docs_ru_state}
    out = []
    for batch, corpus, n, after, part in batch_plan():
        if batch not in batches:
            continue
        for _doc_id, context, units in gens[corpus](n, after):
            if not units:
                continue
            units[0]["doc_context"] = context
            for u in units:
                u["part"] = part
                u["batch"] = batch
            out.extend(units)
    ids = [u["unit_id"] for u in out]
    assert len(ids) == len(set(ids)), "duplicate unit ids"
    return out


# ---------------------------------------------------------------- output

def write_jsonl(path: Path, units: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for u in units:
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")


def write_ids(path: Path, units: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = ["unit_id", "corpus", "doc_id", "field", "start", "end", "split", "sha1", "batch"]
    lines = ["# Gold-set labelling units (no text). Regenerate: python -m evaluation.gold.units --ids",
             "# start/end: half-open character span of the raw field; sha1: first 12 hex of sha1(unit text, UTF-8);",
             "# batch: 1 (labelled 2026-12-05, first sessions), 2 (the extension, evaluation.gold.units.BATCH2), 3 (BATCH3), 4 (BATCH4) or 5 (BATCH5).",
             "\t".join(cols)]
    for u in units:
        lines.append("\t".join(str(x) for x in (u["unit_id"], u["corpus"], u["doc_id"], u["field"], u["start"],
                                                  u["end"], u["split"], sha1(u["text"])[:12], u["batch"])))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(units: list[dict]) -> None:
    from collections import Counter
    by = Counter((u["batch"], u["corpus"], u["split"]) for u in units)
    docs = Counter((u["batch"], u["corpus"], u["split"]) for u in units if "doc_context" in u)
    print(f"{'batch':5} {'corpus':10} {'part':>4} {'docs':>5} {'units':>6} {'tune':>6} {'check':>6}")
    for batch, corpus, _n, _after, part in batch_plan():
        t, c = by[(batch, corpus, "tune")], by[(batch, corpus, "check")]
        d = docs[(batch, corpus, "tune")] + docs[(batch, corpus, "check")]
        if t + c:
            print(f"{batch:5} {corpus:10} {part:>4} {d:>5} {t + c:>6} {t:>6} {c:>6}")
    t = sum(v for (_b, _c, s), v in by.items() if s == "tune")
    print(f"{'total':16} {'':>4} {sum(docs.values()):>5} {len(units):>6} {t:>6} {len(units) - t:>6}")
    for p in sorted({u["part"] for u in units}):
        print(f"part {p}: {sum(1 for u in units if u['part'] == p)} units")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the units with their text as JSONL (keep it outside the repo)")
    ap.add_argument("--halves", action="store_true",
                    help="also write units_part1.jsonl (seed, kcna, yonhap) and units_part2.jsonl "
                         "(rss2022, rss2024, ru_state), units_part3.jsonl (batch 2), units_part4.jsonl (batch 3) and "
                         "units_part5.jsonl (batch 4), units_part6.jsonl and units_part7.jsonl (batch 5) "
                         "next to --out")
    ap.add_argument("--ids", action="store_true", help=f"write {IDS_TSV.relative_to(REPO)} (ids, spans, sha1; no text)")
    ap.add_argument("--batches", default="1,2,3,4,5", help="which batches to sample: 1 (836 units, 2026-12-05), 2 (the "
                    "extension of session 5), 3 (session 6, RSS-weighted), 4 (session 11), 5 (session 19: KCNA, "
                    "Yonhap, Russian state media) or a list such as 1,2 (default 1,2,3,4,5)")
    a = ap.parse_args(argv)
    if not a.out and not a.ids:
        ap.error("give --out FILE and/or --ids")
    if a.halves and not a.out:
        ap.error("--halves needs --out")
    units = sample(tuple(int(b) for b in a.batches.split(",")))
    if a.out:
        write_jsonl(a.out, units)
        print(f"wrote {a.out}")
        if a.halves:
            for p in sorted({u["part"] for u in units}):
                path = a.out.parent / f"units_part{p}.jsonl"
                write_jsonl(path, [u for u in units if u["part"] == p])
                print(f"wrote {path}")
    if a.ids:
        write_ids(IDS_TSV, units)
        print(f"wrote {IDS_TSV}")
    report(units)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
