"""The issue-13 hand-judged sample: draw it exactly as every judge did, and tally a judge's file into the issue's table.

    python -m evaluation.judge_sample draw --db /tmp/kcna.duckdb --corpus kcna --out /tmp/judge_kcna.tsv
    python -m evaluation.judge_sample tally evaluation/labels/rejudge/37996d1_judge_n.tsv

**draw** writes the 40 state-voice pair statements of the issue's sample (`using sample reservoir(40 rows)
repeatable (42)` over `pair_statements where counts_in_index`) as a TSV for a judge: the statement's columns, then the
judgement columns of evaluation/labels/rejudge/ left empty. A reservoir sample in DuckDB depends on the columns the
query selects (judge N found that selecting only `statement_id` gives another 40 rows), so the column list below is
part of the sample's definition: it is the one judge N's query used, and changing it changes the draw.

**tally** prints, per corpus, the issue's table (speaker country, target, direction, and "all four": country, target,
direction and hostility sign, as the issue counted it) and all five (with speaker kind), from a judge's file.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import duckdb

SEED = 42
ROWS = 40
# Judge N's column list (evaluation/labels/rejudge/README.md): the draw depends on it.
SAMPLE_COLUMNS = ("statement_id", "doc_id", "pair_name", "source_country", "target_country", "direction", "speaker",
                  "speaker_actor", "speaker_role", "speaker_kind", "reported_by", "targets", "targets_inferred",
                  "hostility", "modality", "is_act", "attribution", "content", "cue", "sentence_index",
                  "repeats_lead", "title", "source_sentence")
JUDGE_COLUMNS = ("country_ok", "target_ok", "direction_ok", "kind_ok", "sign_ok", "should_exist",
                 "your_speaker_country", "your_targets", "your_kind", "your_class", "note")
ISSUE_TABLE = (("speaker country right", ("country_ok",)), ("target right", ("target_ok",)),
               ("direction right", ("direction_ok",)),
               ("all four right (incl. hostility sign)", ("country_ok", "target_ok", "direction_ok", "sign_ok")),
               ("all five (with speaker kind)", ("country_ok", "target_ok", "direction_ok", "sign_ok", "kind_ok")))


def sample_query() -> str:
    """The issue's sample as SQL: the same 40 rows for the same database, whoever runs it."""
    return (f"with samp as (select * from (select * from pair_statements where counts_in_index) "
            f"using sample reservoir({ROWS} rows) repeatable ({SEED})) select {', '.join(SAMPLE_COLUMNS)} from samp")


def draw(db: Path) -> list[dict]:
    """The sample's rows (a dict per statement, the columns of SAMPLE_COLUMNS), in the order DuckDB returns them."""
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sample_query())
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def cell(value) -> str:
    """A value as one TSV cell: lists joined by commas, tabs and line breaks folded to spaces."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ",".join(str(v) for v in value)
    return " ".join(str(value).split())


def write_sheet(rows: list[dict], corpus: str, out: Path) -> None:
    """The judge's sheet: corpus, the statement's columns, then the empty judgement columns."""
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(("corpus", *SAMPLE_COLUMNS, *JUDGE_COLUMNS))
        for row in rows:
            writer.writerow((corpus, *(cell(row[c]) for c in SAMPLE_COLUMNS), *("" for _ in JUDGE_COLUMNS)))


def tally(path: Path) -> dict[str, dict[str, tuple[int, int]]]:
    """Per corpus, per line of the issue's table: (rows judged right on every field of the line, rows judged)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    missing = [c for _, fields in ISSUE_TABLE for c in fields if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"{path}: no column {', '.join(sorted(set(missing)))} (a judge file of "
                         "evaluation/labels/rejudge/ has country_ok, target_ok, direction_ok, kind_ok, sign_ok)")
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for corpus in sorted({r["corpus"] for r in rows}):
        mine = [r for r in rows if r["corpus"] == corpus]
        out[corpus] = {label: (sum(all(r[f].strip() == "1" for f in fields) for r in mine), len(mine))
                       for label, fields in ISSUE_TABLE}
    return out


def print_tally(path: Path, table: dict[str, dict[str, tuple[int, int]]]) -> None:
    """The issue's table: one row per corpus, one column per line of ISSUE_TABLE."""
    labels = [label for label, _ in ISSUE_TABLE]
    print(f"{path}")
    print("| corpus | " + " | ".join(labels) + " |")
    print("|---|" + "---|" * len(labels))
    for corpus, counts in table.items():
        print(f"| {corpus} | " + " | ".join(f"{counts[l][0]}/{counts[l][1]}" for l in labels) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.judge_sample", description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="write the issue's 40-statement sample of a database as a judge's sheet")
    d.add_argument("--db", type=Path, required=True, help="a database built by `tension run` (docs/kcna-run.md)")
    d.add_argument("--corpus", required=True, help="the corpus name written in the sheet's first column (kcna, yonhap)")
    d.add_argument("--out", type=Path, required=True, help="the sheet to write (TSV)")
    t = sub.add_parser("tally", help="print the issue's table from a judge's file")
    t.add_argument("files", type=Path, nargs="+", help="judge files (evaluation/labels/rejudge/*.tsv)")
    a = ap.parse_args(argv)
    if a.command == "draw":
        if not a.db.exists():
            ap.error(f"{a.db} not found: build it with `tension run` (docs/kcna-run.md has the commands)")
        rows = draw(a.db)
        write_sheet(rows, a.corpus, a.out)
        print(f"{a.out}: {len(rows)} statements of {a.db} (seed {SEED}), judgement columns empty", file=sys.stderr)
        return 0
    for path in a.files:
        if not path.exists():
            ap.error(f"{path} not found")
        try:
            print_tally(path, tally(path))
        except ValueError as err:
            ap.error(str(err))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
