"""Every committed blind hostility key, pooled: a second guard beside T2, drawn from gold-free text across rounds.

    python -m evaluation.blind_pool --db kcna=/tmp/end/kcna/kcna.duckdb --db rss2022=/tmp/end/rss/rss.duckdb \\
        --db rss2024=/tmp/end/rss2024/rss2024.duckdb --db yonhap=/tmp/end/yonhap/yonhap.duckdb \\
        --db ru_state=/tmp/end/ru/ru.duckdb                       # stored scores and this tree's scorer, side by side

The scoring rounds since round 33 each drew gold-free statements blind (evaluation/labels/blind/*_hostility.tsv:
keys and the labeller's class −3..+3, labelled before any score was read). Each set was read by its own round, so
none is held out; pooled, they are broader than T2 (several corpora, pair and non-pair rows, the whole score range)
and in session 24 they read nearer the check half than T2 did (round 44: pooled 0.768 / 0.888, check 0.738 / 0.885,
T2 0.806 / 0.925). A key is found again in a database built by `tension run` on its corpus (the same field mapping
as the round's: see the key file's header) — by its document's external id, character span and direction for
pair-row keys, by statement id for statement keys — and scored two ways: the database's stored hostility, and this
tree's Scorer on the row's content, modality, targets and speaker country (a cut lead then loses its headline's
score: tension/score/cut_lead.py needs the whole document). Draws aimed at one signal or one score band (TARGETED)
are shown but left out of the pool. Keys a database no longer holds (the extractor moved a span) are counted.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import duckdb
import numpy as np

from evaluation.scoring import auc, spearman

BLIND = Path(__file__).resolve().parent / "labels" / "blind"
CORPORA = ("kcna", "rss2022", "rss2024", "yonhap", "ru_state")
# Draws made on a signal or one band of scores, not across the scale (rounds 36, 38, 42, and round 46's two pools: a
# counted cooperative cue scored < 0.3, a force act scored >= 0.573; round 47's charges under the cap with a counted
# cooperative cue): their ρ says little of a scorer's ranking overall.
TARGETED = ("h14aj", "h14al", "h14as", "h14aw", "h14ax")
PAIR_ROWS = """select d.external_id, p.char_start, p.char_end, p.direction, p.hostility, p.content, p.modality,
    p.targets, p.source_country from pair_statements p join documents d using (doc_id) order by p.statement_id"""
STATEMENT_ROWS = """select d.external_id, s.char_start, s.char_end, c.hostility, s.content, s.modality, s.targets,
    s.speaker_country from statements s join documents d using (doc_id) join scores c using (statement_id)
    order by s.statement_id"""


def read_keys(path: Path) -> list[dict]:
    return list(csv.DictReader((line for line in path.open(encoding="utf-8") if not line.startswith("#")),
                               delimiter="\t"))


class Rows:
    """A corpus database's pair rows by (external id, span, direction) and statements by (external id, span): the
    first row of a key, as the rounds' own joins took it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.pairs: dict[tuple, tuple] = {}
        for ext, start, end, direction, *row in con.execute(PAIR_ROWS).fetchall():
            self.pairs.setdefault((ext, start, end, direction), tuple(row))
        self.statements: dict[tuple, tuple] = {}
        for ext, start, end, *row in con.execute(STATEMENT_ROWS).fetchall():
            self.statements.setdefault((ext, start, end), tuple(row))

    def find(self, key: dict) -> tuple | None:
        """(stored hostility, content, modality, targets, speaker country) of a key's row, or None. A key whose
        direction is a pair row's is read from the pair rows; a statement key (round 44: any target) from the
        statements."""
        span = (key["external_id"], int(key["char_start"]), int(key["char_end"]))
        return self.pairs.get((*span, key["direction"])) or self.statements.get(span)


def figures(rows: list[tuple[int, float]]) -> str:
    if len(rows) < 3:
        return f"n {len(rows):4d}"
    y = np.array([r[0] for r in rows], float)
    s = np.array([r[1] for r in rows], float)
    hostile = y >= 2
    auc_text = f"{auc(s, hostile):.3f}" if 0 < hostile.sum() < len(y) else "  -  "
    return f"n {len(rows):4d}  ρ {spearman(s, y):.3f}  AUC(≥2) {auc_text}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--db", action="append", default=[], metavar="CORPUS=PATH",
                        help=f"a database of one corpus ({', '.join(CORPORA)}); repeat for each")
    parser.add_argument("--keys", type=Path, default=BLIND, help="the folder of *_hostility.tsv key files")
    args = parser.parse_args(argv)
    paths = dict(item.split("=", 1) for item in args.db)
    if unknown := sorted(set(paths) - set(CORPORA)):
        parser.error(f"unknown corpus {', '.join(unknown)}: one of {', '.join(CORPORA)}")
    if missing := [p for p in paths.values() if not Path(p).exists()]:
        parser.error(f"no database at {', '.join(missing)}")
    if not paths:
        parser.error("give at least one --db CORPUS=PATH (a database `tension run` built on that corpus)")
    from tension.score.scorer import Scorer

    scorer = Scorer()
    cons = {c: Rows(duckdb.connect(p, read_only=True)) for c, p in paths.items()}
    pooled: dict[str, list] = {"stored": [], "rescored": []}
    by_corpus: dict[str, dict[str, list]] = {c: {"stored": [], "rescored": []} for c in cons}
    print(f"blind hostility keys joined to {', '.join(sorted(cons))}; scorer {scorer.version}")
    for path in sorted(args.keys.glob("*_hostility.tsv")):
        keys = [k for k in read_keys(path) if k["corpus"] in cons]
        stored, rescored = [], []
        for key in keys:
            row = cons[key["corpus"]].find(key)
            if row is None:
                continue
            hostility, content, modality, targets, country = row
            targets = json.loads(targets) if isinstance(targets, str) else list(targets or [])
            label = int(key["class"])
            stored.append((label, hostility))
            rescored.append((label, scorer.score(content, modality, targets, country).hostility))
            if not any(t in path.name for t in TARGETED):
                pooled["stored"].append(stored[-1]), pooled["rescored"].append(rescored[-1])
                by_corpus[key["corpus"]]["stored"].append(stored[-1])
                by_corpus[key["corpus"]]["rescored"].append(rescored[-1])
        mark = " (targeted: not pooled)" if any(t in path.name for t in TARGETED) else ""
        print(f"  {path.name:38s} keys {len(keys):4d} found {len(stored):4d}   stored {figures(stored)}   "
              f"this scorer {figures(rescored)}{mark}")
    print(f"pooled  stored {figures(pooled['stored'])}   this scorer {figures(pooled['rescored'])}")
    for corpus, rows in by_corpus.items():
        print(f"  {corpus:10s} stored {figures(rows['stored'])}   this scorer {figures(rows['rescored'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
