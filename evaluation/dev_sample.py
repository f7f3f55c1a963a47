"""Random samples of a development database's pair statements that never read a gold document.

Learning from random samples of the development corpora (rather than from the gold tune half's errors) is the
method that moved the gold check half (docs/evaluation-extraction.md, session 7). But the gold set was drawn from
the same corpora, and for some of them it is a large share: 21 of Yonhap's 51 documents, 80 of RSS 2024's 197, 112 of
the Russian state media's 248, 110 of RSS 2022's 1,146 (KCNA: 42 of 4,535). A plain `using sample reservoir(...)`
over such a database reads gold check text about one time in four. This tool leaves every gold document (tune and
check) out of the sample, so what an engineer reads is never gold.

    python -m evaluation.dev_sample --db /tmp/rss2024.duckdb --seed 14               # 40 state-voice pair statements
    python -m evaluation.dev_sample --db /tmp/kcna.duckdb --seed 15 --rows 60 --all-voices --out /tmp/s15.jsonl
    python -m evaluation.dev_sample --db /tmp/ru.duckdb --seed 1417 --rows 60 --below 0.05   # near zero, scores hidden
    python -m evaluation.dev_sample --db /tmp/kcna.duckdb --seed 1844 --rows 70 --all-voices --blind --out /tmp/s.jsonl
        # each drawn row's text (title, opening, the 700 characters before, the sentence) and none of the system's
        # columns, to label before reading them; --out keeps the columns for the comparison afterwards
    python -m evaluation.dev_sample --corpus rss_2024/rss_2024_korea.jsonl --out /tmp/rss2024_dev.jsonl
        # a copy of a corpus file without its gold documents (for before/after diffs of `tension statements`)

A database document is gold when its external id (the item's `id`, `link` or the corpus id field the run was given)
is a gold document id of evaluation/labels/gold/units.tsv, or when the first 12 hex digits of its sha1 are (RSS 2022's
gold ids are hashes of the item link). Seed 42 is the issue's judge sample, drawn over all documents: use another.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

import duckdb

from evaluation import SHARED_DATA

UNITS_TSV = Path(__file__).resolve().parent / "labels" / "gold" / "units.tsv"
JUDGE_SEED = 42
COLUMNS = ("statement_id", "speaker", "speaker_kind", "reported_by", "direction", "targets", "attribution",
           "hostility", "source_sentence", "content")


def gold_ids(units_tsv: Path = UNITS_TSV) -> set[str]:
    """Every gold document id (tune and check halves) of the units file."""
    with open(units_tsv, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["doc_id"] for row in rows}


def is_gold(external_id: str | None, ids: set[str]) -> bool:
    if not external_id:
        return False
    return external_id in ids or hashlib.sha1(external_id.encode("utf-8")).hexdigest()[:12] in ids


def item_is_gold(item: dict, ids: set[str]) -> bool:
    """A corpus item (one JSON line) is gold when any of its string fields is a gold id, or hashes to one."""
    return any(isinstance(value, str) and is_gold(value, ids) for value in item.values())


def sample(db: Path, seed: int, rows: int = 40, state_only: bool = True, ids: set[str] | None = None,
           below: float | None = None) -> list[dict]:
    """`rows` pair statements drawn at random (reservoir, repeatable with `seed`) from the database's non-gold
    documents; state voices only (counts_in_index) unless state_only is False; only those scored |hostility| < `below`
    when it is given (what the scorer leaves near zero)."""
    ids = gold_ids() if ids is None else ids
    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("select doc_id, external_id from documents").fetchall()
        if docs and all(ext is None for _, ext in docs):
            print(f"warning: no document of {db} has an external id (run without --field id=...): gold documents "
                  "cannot be told and none is left out", file=sys.stderr)
        con.execute("create temp table dev_docs (doc_id varchar)")
        con.executemany("insert into dev_docs values (?)", [(d,) for d, ext in docs if not is_gold(ext, ids)])
        where = "counts_in_index and " if state_only else ""
        if below is not None:
            where += f"abs(hostility) < {float(below)!r} and "
        cursor = con.execute(
            f"select {', '.join(COLUMNS)} from (select * from pair_statements where {where}"
            f"doc_id in (select doc_id from dev_docs)) using sample reservoir({int(rows)} rows) repeatable ({int(seed)}) "
            "order by statement_id")
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def blind_text(db: Path, rows: list[dict], before: int = 700, opening: int = 350) -> list[dict]:
    """Each drawn row's text, to label it before the system's answer is read: its document's title and opening
    (`opening` characters), the `before` characters before its sentence, and the sentence — none of the system's
    columns (speaker, kind, direction, targets, attribution, score)."""
    shown = []
    with duckdb.connect(str(db), read_only=True) as con:
        for row in rows:
            title, body, start, end = con.execute(
                "select d.title, d.body, s.char_start, s.char_end from statements s join documents d using (doc_id) "
                "where s.statement_id = ?", [row["statement_id"]]).fetchone()
            shown.append({"statement_id": row["statement_id"], "title": title or "", "opening": body[:opening],
                          "before": body[max(0, start - before):start], "sentence": body[start:end]})
    return shown


def copy_corpus(source: Path, out: Path, ids: set[str] | None = None) -> tuple[int, int]:
    """Write `source` (JSON lines) to `out` without its gold items; returns (kept, left out)."""
    ids = gold_ids() if ids is None else ids
    kept = dropped = 0
    with open(source, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if line.strip() and item_is_gold(json.loads(line), ids):
                dropped += 1
                continue
            kept += 1
            dst.write(line)
    return kept, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 2)[2],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a database built by `tension run` on a development corpus")
    ap.add_argument("--seed", type=int, help="the sample's seed (not 42, the judge sample's)")
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--all-voices", action="store_true", help="every voice, not only those counted in the index")
    ap.add_argument("--corpus", type=Path, help="a corpus file (JSON lines) to copy without its gold items; "
                                                "a relative path is read under ../shared/data")
    ap.add_argument("--below", type=float, metavar="H",
                    help="only statements scored |hostility| < H, printed without their scores (label them blind)")
    ap.add_argument("--out", type=Path, help="where to write (JSON lines); the sample prints to stdout without it")
    ap.add_argument("--blind", action="store_true",
                    help="print each drawn row's text and none of the system's columns (label them before reading "
                         "the answer; --out still keeps every column)")
    ap.add_argument("--before", type=int, default=700, metavar="N",
                    help="with --blind: how many characters before the sentence to print (default 700)")
    a = ap.parse_args(argv)
    if a.corpus:
        if not a.out:
            ap.error("--corpus needs --out")
        source = a.corpus if a.corpus.is_absolute() or a.corpus.exists() else SHARED_DATA / a.corpus
        if not source.exists():
            ap.error(f"{source} not found")
        kept, dropped = copy_corpus(source, a.out)
        print(f"{a.out}: {kept} items kept, {dropped} gold items left out", file=sys.stderr)
        return 0
    if not a.db or a.seed is None:
        ap.error("give --db and --seed (or --corpus and --out)")
    if not a.db.exists():
        ap.error(f"{a.db} not found")
    if a.seed == JUDGE_SEED:
        ap.error(f"seed {JUDGE_SEED} is the judge sample's (drawn over all documents): use another seed")
    rows = sample(a.db, a.seed, a.rows, state_only=not a.all_voices, below=a.below)
    if a.below is not None:  # drawn by their scores, read without them: the labels come before the system's answer
        rows = [{k: v for k, v in row.items() if k != "hostility"} for row in rows]
    lines = [json.dumps(row, ensure_ascii=False, default=str) for row in rows]
    if a.out:
        a.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{a.out}: {len(rows)} statements", file=sys.stderr)
    if a.blind:
        for k, shown in enumerate(blind_text(a.db, rows, before=max(0, a.before))):
            print(f"=== #{k} {shown['statement_id']}")
            for part in ("title", "opening", "before", "sentence"):
                print(f"{part}: " + shown[part].replace("\n", " / "))
            print()
    elif not a.out:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
